/* IdentifyNtmsSlot through the real DLL under Wine, against tgt. The
 * script tests/wine/identify_under_wine.sh runs the modes in order and
 * checks with mtx, through the same bridge, where the tapes really are.
 *
 * usage: test_library.exe main | slot N | crash-slot N | label N TYPE VOLUME
 *        test_library.exe defer N SECONDS MARKER   slot N DEFERRED, MARKER written, then alive SECONDS more
 *        test_library.exe careless N   slot N's label is claimed by a careless media label library
 *        test_library.exe drives PATH1 PATH2   the library's drives open through these device paths
 *        test_library.exe requests   no request left INPROCESS; a dead process's one FAILED
 *        test_library.exe barcode N BARCODE TYPE   slot N's tape recorded with its barcode and media type
 *        test_library.exe anonymous N   slot N's tape has no readable barcode: identified again and
 *                                       again, it stays one medium */
#include <windows.h>
#include <ntmsapi.h>
#include <stdlib.h>
#include <string.h>

#include "rsm_test.h"

static NTMS_GUID library, slots[16];
static DWORD slot_count;

static void find_library(void)
{
    NTMS_GUID libraries[8];
    DWORD count = ARRAYSIZE(libraries);
    NTMS_OBJECTINFORMATIONW info;

    ok(EnumerateNtmsObject(session, NULL, libraries, &count, NTMS_LIBRARY, 0) == ERROR_SUCCESS,
       "EnumerateNtmsObject(libraries) failed\n");
    for (DWORD i = 0; i < count; i++)
        if (information(&libraries[i], NTMS_LIBRARY, &info) && info.Info.Library.LibraryType == NTMS_LIBRARYTYPE_ONLINE)
            library = libraries[i];
    ok(information(&library, NTMS_LIBRARY, &info) && info.Info.Library.dwNumberOfSlots == 8
       && info.Info.Library.dwNumberOfDrives == 2, "library: %lu slots, %lu drives\n",
       info.Info.Library.dwNumberOfSlots, info.Info.Library.dwNumberOfDrives);
    NTMS_GUID drives[4];
    DWORD drive_count = ARRAYSIZE(drives);
    ok(EnumerateNtmsObject(session, &library, drives, &drive_count, NTMS_DRIVE, 0) == ERROR_SUCCESS && drive_count == 2,
       "two drives\n");
    for (DWORD i = 0; i < drive_count; i++) {
        ok(information(&drives[i], NTMS_DRIVE, &info) && info.dwOperationalState == NTMS_READY
           && info.Info.Drive.szDeviceName[0], "drive %lu mapped to a device: '%ls' (state %lu)\n", i + 1,
           info.Info.Drive.szDeviceName, info.dwOperationalState);
        NTMS_GUID type = info.Info.Drive.DriveType;
        ok(information(&type, NTMS_DRIVE_TYPE, &info) && info.Info.DriveType.DeviceType == FILE_DEVICE_TAPE
           && info.Info.DriveType.szVendor[0], "its drive type: %ls %ls\n", info.Info.DriveType.szVendor,
           info.Info.DriveType.szProduct);
    }
    NTMS_GUID doors[4];
    DWORD door_count = ARRAYSIZE(doors);
    ok(EnumerateNtmsObject(session, &library, doors, &door_count, NTMS_IEDOOR, 0) == ERROR_SUCCESS && door_count == 1,
       "the library has a door (%lu)\n", door_count);
    slot_count = ARRAYSIZE(slots);
    ok(EnumerateNtmsObject(session, &library, slots, &slot_count, NTMS_STORAGESLOT, 0) == ERROR_SUCCESS
       && slot_count == 8, "EnumerateNtmsObject(slots of the library): %lu\n", slot_count);
}

static DWORD media_count(void)
{
    NTMS_GUID media[64];
    DWORD count = ARRAYSIZE(media);

    return EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0) == ERROR_SUCCESS ? count : 999;
}

static void test_bad_input(void)
{
    NTMS_GUID unknown = { 0x12345678, 1, 2, { 3, 4, 5, 6, 7, 8, 9, 10 } };

    expect(IdentifyNtmsSlot(session, NULL, NTMS_DISMOUNT_IMMEDIATE), ERROR_INVALID_PARAMETER, "NULL slot");
    expect(IdentifyNtmsSlot(session, &slots[0], 3), ERROR_INVALID_PARAMETER, "option 3");
    expect(IdentifyNtmsSlot(session, &unknown, NTMS_DISMOUNT_IMMEDIATE), ERROR_INVALID_PARAMETER, "unknown slot");
    expect(IdentifyNtmsSlot(session, &library, NTMS_DISMOUNT_IMMEDIATE), ERROR_INVALID_PARAMETER, "a library is no slot");
    expect(IdentifyNtmsSlot((HANDLE)0xdeadbeef, &slots[0], NTMS_DISMOUNT_IMMEDIATE), ERROR_INVALID_HANDLE,
           "garbage session");
}

static void check_medium_of_slot1(void)
{
    NTMS_GUID media[4], sides[4];
    DWORD count = ARRAYSIZE(media), side_count = ARRAYSIZE(sides);
    NTMS_OBJECTINFORMATIONW info, pool, side;
    NTMS_OBJECTINFORMATIONA ansi;

    ok(EnumerateNtmsObject(session, &library, media, &count, NTMS_PHYSICAL_MEDIA, 0) == ERROR_SUCCESS && count == 1,
       "media in the library: %lu\n", count);
    ok(information(&media[0], NTMS_PHYSICAL_MEDIA, &info), "GetNtmsObjectInformationW(media)\n");
    ok(!wcscmp(info.Info.PhysicalMedia.szBarCode, L"N0001L6"), "barcode %ls\n", info.Info.PhysicalMedia.szBarCode);
    ok(!memcmp(&info.Info.PhysicalMedia.HomeSlot, &slots[0], sizeof(NTMS_GUID)), "home slot is slot 1\n");
    ok(information(&info.Info.PhysicalMedia.MediaPool, NTMS_MEDIA_POOL, &pool)
       && pool.Info.MediaPool.PoolType == NTMS_POOLTYPE_FOREIGN && !wcscmp(pool.szName, L"LTO-6"),
       "a blank LTO-6 tape lands in Unrecognized\\LTO-6 (%ls, type %lu)\n", pool.szName, pool.Info.MediaPool.PoolType);
    ok(EnumerateNtmsObject(session, &media[0], sides, &side_count, NTMS_PARTITION, 0) == ERROR_SUCCESS && side_count == 1,
       "one side\n");
    ok(information(&sides[0], NTMS_PARTITION, &side) && side.Info.Partition.State == NTMS_PARTSTATE_FOREIGN
       && !wcscmp(side.Info.Partition.szOmidLabelType, L"Blank"),
       "side: state %lu, label type %ls\n", side.Info.Partition.State, side.Info.Partition.szOmidLabelType);
    memset(&ansi, 0, sizeof(ansi));
    ansi.dwSize = sizeof(NTMS_I1_OBJECTINFORMATIONA);   /* a Windows 2000 SDK application */
    ansi.dwType = NTMS_PHYSICAL_MEDIA;
    ok(GetNtmsObjectInformationA(session, &media[0], &ansi) == ERROR_SUCCESS
       && !strcmp(((NTMS_I1_OBJECTINFORMATIONA *)&ansi)->Info.PhysicalMedia.szBarCode, "N0001L6"),
       "the A form in the Windows 2000 layout\n");
    ansi.dwSize = sizeof(ansi) + 1;
    expect(GetNtmsObjectInformationA(session, &media[0], &ansi), ERROR_INVALID_PARAMETER, "a wrong dwSize");
}

static void main_sequence(void)
{
    NTMS_OBJECTINFORMATIONW info;

    find_library();
    test_bad_input();
    expect(IdentifyNtmsSlot(session, &slots[0], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "slot 1, IMMEDIATE");
    check_medium_of_slot1();
    expect(IdentifyNtmsSlot(session, &slots[0], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "slot 1 again");
    expect(media_count(), 1, "the same tape twice is one record");
    expect(IdentifyNtmsSlot(session, &slots[3], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "empty slot 4");
    ok(information(&slots[3], NTMS_STORAGESLOT, &info) && info.Info.StorageSlot.State == NTMS_SLOTSTATE_EMPTY,
       "slot 4 is EMPTY\n");
    expect(media_count(), 1, "an empty slot creates no record");
    expect(IdentifyNtmsSlot(session, &slots[1], NTMS_DISMOUNT_DEFERRED), ERROR_SUCCESS, "slot 2, DEFERRED");
    expect(IdentifyNtmsSlot(session, &slots[2], 0), ERROR_SUCCESS, "slot 3, option 0 (as IMMEDIATE)");
    expect(media_count(), 3, "three tapes recorded");

    NTMS_GUID requests[64];
    DWORD count = ARRAYSIZE(requests), passed = 0, named = 0;
    WCHAR user[256], computer[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD user_length = ARRAYSIZE(user), computer_length = ARRAYSIZE(computer);
    GetUserNameW(user, &user_length);
    GetComputerNameW(computer, &computer_length);
    expect(EnumerateNtmsObject(session, &library, requests, &count, NTMS_LIBREQUEST, 0), ERROR_SUCCESS,
           "the library's requests");
    for (DWORD i = 0; i < count; i++)
        if (information(&requests[i], NTMS_LIBREQUEST, &info) && info.Info.LibRequest.OperationCode == NTMS_LM_CLASSIFY
            && info.Info.LibRequest.State == NTMS_LM_PASSED && !wcscmp(info.Info.LibRequest.szApplication,
            L"ntmsapi test_library")) {
            passed++;
            named += !wcscmp(info.Info.LibRequest.szUser, user) && !wcscmp(info.Info.LibRequest.szComputer, computer);
        }
    ok(passed == 4 && count == 4, "a PASSED CLASSIFY request per identification of a full slot (%lu of %lu)\n", passed, count);
    ok(named == passed, "each names the user %ls and computer %ls (%lu of %lu)\n", user, computer, named, passed);
}

/* Slot N holds a tape a backup application labelled: after identification
 * its side carries that label (the OMID) and it waits in Import. */
static void check_labelled(DWORD n, const char *type, const char *volume)
{
    WCHAR barcode[16], wtype[64];
    NTMS_GUID media[64], sides[2];
    DWORD count = ARRAYSIZE(media), side_count = ARRAYSIZE(sides);
    NTMS_OBJECTINFORMATIONW info, side, pool;
    BOOL found = FALSE;

    expect(IdentifyNtmsSlot(session, &slots[n - 1], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify labelled slot");
    swprintf(barcode, ARRAYSIZE(barcode), L"N%04luL6", n);
    MultiByteToWideChar(CP_ACP, 0, type, -1, wtype, ARRAYSIZE(wtype));
    EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0);
    for (DWORD i = 0; i < count && !found; i++)
        found = information(&media[i], NTMS_PHYSICAL_MEDIA, &info) && !wcscmp(info.Info.PhysicalMedia.szBarCode, barcode);
    ok(found, "a record for %ls\n", barcode);
    if (!found)
        return;
    ok(EnumerateNtmsObject(session, &info.ObjectGuid, sides, &side_count, NTMS_PARTITION, 0) == ERROR_SUCCESS
       && information(&sides[0], NTMS_PARTITION, &side), "its side\n");
    ok(side.Info.Partition.State == NTMS_PARTSTATE_IMPORT, "side state %lu (IMPORT expected)\n", side.Info.Partition.State);
    ok(!wcscmp(side.Info.Partition.szOmidLabelType, wtype), "label type '%ls', expected '%s'\n",
       side.Info.Partition.szOmidLabelType, type);
    ok(side.Info.Partition.dwOmidLabelIdLength > 0, "a label id\n");
    char info_text[300];
    WideCharToMultiByte(CP_ACP, 0, side.Info.Partition.szOmidLabelInfo, -1, info_text, sizeof(info_text), NULL, NULL);
    ok(strstr(info_text, volume) != NULL, "label info '%s' names %s\n", info_text, volume);
    ok(information(&info.Info.PhysicalMedia.MediaPool, NTMS_MEDIA_POOL, &pool)
       && pool.Info.MediaPool.PoolType == NTMS_POOLTYPE_IMPORT, "pool type %lu (IMPORT expected)\n",
       pool.Info.MediaPool.PoolType);
}

/* What a media label library says is kept within RSM's fields. */
static void check_careless(DWORD n)
{
    NTMS_GUID media[64], sides[2];
    DWORD count = ARRAYSIZE(media), side_count = ARRAYSIZE(sides), xs = 0, ys = 0;
    NTMS_OBJECTINFORMATIONW info, side;
    WCHAR barcode[16];

    expect(IdentifyNtmsSlot(session, &slots[n - 1], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot N");
    swprintf(barcode, ARRAYSIZE(barcode), L"N%04luL6", n);
    EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&media[i], NTMS_PHYSICAL_MEDIA, &info) && !wcscmp(info.Info.PhysicalMedia.szBarCode, barcode))
            EnumerateNtmsObject(session, &media[i], sides, &side_count, NTMS_PARTITION, 0);
    ok(information(&sides[0], NTMS_PARTITION, &side), "its side\n");
    for (int i = 0; i < NTMS_OMIDLABELTYPE_LENGTH && side.Info.Partition.szOmidLabelType[i] == L'X'; i++)
        xs++;
    for (int i = 0; i < NTMS_OMIDLABELINFO_LENGTH && side.Info.Partition.szOmidLabelInfo[i] == L'Y'; i++)
        ys++;
    ok(xs == NTMS_OMIDLABELTYPE_LENGTH - 1 && !side.Info.Partition.szOmidLabelType[xs],
       "an unterminated label type is cut to %d characters (%lu)\n", NTMS_OMIDLABELTYPE_LENGTH - 1, xs);
    ok(ys == NTMS_OMIDLABELINFO_LENGTH - 1, "and its description (%lu)\n", ys);
    ok(side.Info.Partition.dwOmidLabelIdLength == NTMS_OMIDLABELID_LENGTH,
       "a label id size of 0xFFFFFFFF is held to %d bytes (%lu)\n", NTMS_OMIDLABELID_LENGTH,
       side.Info.Partition.dwOmidLabelIdLength);
}

/* The physical media with this barcode ("" for none): how many, and the last one. */
static DWORD media_with_barcode(const WCHAR *barcode, NTMS_OBJECTINFORMATIONW *found)
{
    NTMS_GUID media[64];
    DWORD count = ARRAYSIZE(media), matches = 0;
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0);
    for (DWORD i = 0; i < count; i++) {
        if (information(&media[i], NTMS_PHYSICAL_MEDIA, &info) && !wcscmp(info.Info.PhysicalMedia.szBarCode, barcode)) {
            matches++;
            *found = info;
        }
    }
    return matches;
}

static void check_barcode(DWORD n, const char *barcode_text, const char *type_text)
{
    WCHAR barcode[64], type_name[64];
    NTMS_OBJECTINFORMATIONW info;

    MultiByteToWideChar(CP_ACP, 0, barcode_text, -1, barcode, ARRAYSIZE(barcode));
    MultiByteToWideChar(CP_ACP, 0, type_text, -1, type_name, ARRAYSIZE(type_name));
    expect(IdentifyNtmsSlot(session, &slots[n - 1], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot N");
    ok(media_with_barcode(barcode, &info) == 1, "one medium with barcode %ls\n", barcode);
    ok(info.Info.PhysicalMedia.BarCodeState == NTMS_BARCODESTATE_OK, "its barcode state OK (%lu)\n",
       info.Info.PhysicalMedia.BarCodeState);
    NTMS_GUID wanted = media_type_named(type_name);
    ok(!memcmp(&info.Info.PhysicalMedia.MediaType, &wanted, sizeof(wanted)), "its media type is %ls\n", type_name);
}

static void check_anonymous(DWORD n)
{
    NTMS_OBJECTINFORMATIONW info;
    DWORD before = media_count();

    expect(IdentifyNtmsSlot(session, &slots[n - 1], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot N");
    ok(media_count() == before + 1, "a medium recorded (%lu -> %lu)\n", before, media_count());
    ok(media_with_barcode(L"", &info) == 1, "without barcode\n");
    ok(info.Info.PhysicalMedia.BarCodeState == NTMS_BARCODESTATE_UNREADABLE, "its barcode unreadable (%lu)\n",
       info.Info.PhysicalMedia.BarCodeState);
    expect(IdentifyNtmsSlot(session, &slots[n - 1], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "again");
    expect(IdentifyNtmsSlot(session, &slots[n - 1], NTMS_DISMOUNT_DEFERRED), ERROR_SUCCESS, "again, DEFERRED");
    expect(IdentifyNtmsSlot(session, &slots[n - 1], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS,
           "again, while it waits in the drive");
    ok(media_count() == before + 1, "still one medium for that tape (%lu)\n", media_count() - before);
}

int main(int argc, char **argv)
{
    session = OpenNtmsSessionW(NULL, L"ntmsapi test_library", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    if (argc >= 2 && !strcmp(argv[1], "main")) {
        main_sequence();
    } else if (argc >= 3 && (!strcmp(argv[1], "slot") || !strcmp(argv[1], "crash-slot"))) {
        find_library();
        DWORD n = (DWORD)atoi(argv[2]);
        ok(n >= 1 && n <= slot_count, "slot number %lu\n", n);
        if (n >= 1 && n <= slot_count)
            expect(IdentifyNtmsSlot(session, &slots[n - 1], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot N");
    } else if (argc >= 5 && !strcmp(argv[1], "defer")) {
        find_library();
        expect(IdentifyNtmsSlot(session, &slots[atoi(argv[2]) - 1], NTMS_DISMOUNT_DEFERRED), ERROR_SUCCESS,
               "identify slot N, DEFERRED");
        CloseHandle(CreateFileA(argv[4], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL));
        Sleep((DWORD)atoi(argv[3]) * 1000);   /* no RSM call meanwhile: only the timer can act */
    } else if (argc >= 2 && !strcmp(argv[1], "requests")) {
        find_library();
        NTMS_GUID requests[64];
        DWORD count = ARRAYSIZE(requests), in_process = 0, aborted = 0;
        NTMS_OBJECTINFORMATIONW info;
        EnumerateNtmsObject(session, &library, requests, &count, NTMS_LIBREQUEST, 0);
        for (DWORD i = 0; i < count; i++) {
            if (!information(&requests[i], NTMS_LIBREQUEST, &info))
                continue;
            in_process += info.Info.LibRequest.State == NTMS_LM_INPROCESS;
            aborted += info.Info.LibRequest.State == NTMS_LM_FAILED
                    && info.Info.LibRequest.dwErrorCode == ERROR_OPERATION_ABORTED;
        }
        ok(in_process == 0, "no request left INPROCESS (%lu)\n", in_process);
        ok(aborted == 1, "the killed process's request FAILED with ERROR_OPERATION_ABORTED (%lu)\n", aborted);
    } else if (argc >= 4 && !strcmp(argv[1], "drives")) {
        find_library();
        NTMS_GUID drives[4];
        DWORD count = ARRAYSIZE(drives);
        NTMS_OBJECTINFORMATIONW info;
        WCHAR wanted[64];
        EnumerateNtmsObject(session, &library, drives, &count, NTMS_DRIVE, 0);
        for (DWORD i = 0; i < count && i < 2; i++) {
            MultiByteToWideChar(CP_ACP, 0, argv[2 + i], -1, wanted, ARRAYSIZE(wanted));
            ok(information(&drives[i], NTMS_DRIVE, &info) && !lstrcmpiW(info.Info.Drive.szDeviceName, wanted),
               "drive %lu is %ls (expected %ls)\n", i + 1, info.Info.Drive.szDeviceName, wanted);
        }
    } else if (argc >= 3 && !strcmp(argv[1], "careless")) {
        find_library();
        check_careless((DWORD)atoi(argv[2]));
    } else if (argc >= 5 && !strcmp(argv[1], "barcode")) {
        find_library();
        check_barcode((DWORD)atoi(argv[2]), argv[3], argv[4]);
    } else if (argc >= 3 && !strcmp(argv[1], "anonymous")) {
        find_library();
        check_anonymous((DWORD)atoi(argv[2]));
    } else if (argc >= 5 && !strcmp(argv[1], "label")) {
        find_library();
        check_labelled((DWORD)atoi(argv[2]), argv[3], argv[4]);
    } else {
        ok(0, "usage: test_library main | slot N | crash-slot N | label N TYPE VOLUME\n");
    }
    CloseNtmsSession(session);
    return wintest_finish();
}
