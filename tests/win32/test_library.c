/* library.c's exports through the real DLL, against a library of 8 slots
 * and 2 drives (tgt's, under Wine): IdentifyNtmsSlot, InventoryNtmsLibrary,
 * DismountNtmsDrive, DeleteNtmsLibrary, DeleteNtmsDrive and the library's
 * requests, with the libraries discovery makes (drives held open
 * elsewhere, stand-alone drives, devices under other names). The scripts
 * in tests/wine/ run the modes in order and check with mtx, through the
 * same bridge, where the tapes really are.
 *
 * usage: test_library.exe main | slot N | crash-slot N | label N TYPE VOLUME
 *        test_library.exe defer N SECONDS MARKER   slot N DEFERRED, MARKER written, then alive SECONDS more
 *        test_library.exe careless N   slot N's label is claimed by a careless media label library
 *        test_library.exe drives PATH1 PATH2   the library's drives open through these device paths
 *        test_library.exe requests   no request left INPROCESS; a dead process's one FAILED
 *        test_library.exe barcode N BARCODE TYPE   slot N's tape recorded with its barcode and media type
 *        test_library.exe anonymous N   slot N's tape has no readable barcode: identified again and
 *                                       again, it stays one medium
 *        test_library.exe drive        DismountNtmsDrive
 *        test_library.exe inventory    InventoryNtmsLibrary
 *        test_library.exe busy         while test_media.exe hold keeps both drives
 *        test_library.exe standalone | standalone-drive   the stand-alone drives (vtl.sh --standalone 2)
 *        test_library.exe seen | forget   DeleteNtmsLibrary and DeleteNtmsDrive: the library there, then gone */
#include <windows.h>
#include <ntmsapi.h>
#include <stdlib.h>
#include <string.h>

#include "rsm_test.h"

static NTMS_GUID library, slots[16];
static DWORD slot_count;

static void find_the_library(void)
{
    slot_count = ARRAYSIZE(slots);
    library = find_online_library(slots, &slot_count);
}

/* The library as the identification tests know it: 8 slots, 2 ready drives, a door. */
static void check_the_library(void)
{
    NTMS_OBJECTINFORMATIONW info;

    find_the_library();
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
    ok(slot_count == 8, "EnumerateNtmsObject(slots of the library): %lu\n", slot_count);
}

/* Slot N of the library (1-based), checked against its slot count. */
static const NTMS_GUID *slot_number(const char *number)
{
    DWORD n = (DWORD)atoi(number);

    ok(n >= 1 && n <= slot_count, "slot number %lu\n", n);
    return n >= 1 && n <= slot_count ? &slots[n - 1] : NULL;
}

static DWORD media_count(void)
{
    NTMS_GUID media[64];
    DWORD count = ARRAYSIZE(media);

    return EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0) == ERROR_SUCCESS ? count : 999;
}

/* ---- IdentifyNtmsSlot ---- */

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
    ok(same_guid(&info.Info.PhysicalMedia.HomeSlot, &slots[0]), "home slot is slot 1\n");
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

/* Each identification of a full slot leaves a PASSED CLASSIFY request naming this program, its user and computer. */
static void check_classify_requests(DWORD expected)
{
    NTMS_GUID requests[64];
    DWORD count = ARRAYSIZE(requests), passed = 0, named = 0;
    NTMS_OBJECTINFORMATIONW info;
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
    ok(passed == expected && count == expected,
       "a PASSED CLASSIFY request per identification of a full slot (%lu of %lu, %lu expected)\n", passed, count,
       expected);
    ok(named == passed, "each names the user %ls and computer %ls (%lu of %lu)\n", user, computer, named, passed);
}

static void main_sequence(char **args)
{
    NTMS_OBJECTINFORMATIONW info;

    (void)args;
    check_the_library();
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
    DWORD option_0 = identify_option_0_answer();
    expect(IdentifyNtmsSlot(session, &slots[2], 0), option_0, "slot 3, option 0");
    DWORD identified = option_0 == ERROR_SUCCESS ? 3 : 2;
    expect(media_count(), identified, "the tapes of slots 1, 2 and (option 0) 3 recorded");
    check_classify_requests(identified + 1);   /* slot 1 twice */
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
    if (!found || !label_recognised(type))
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
    ok(same_guid(&info.Info.PhysicalMedia.MediaType, &wanted), "its media type is %ls\n", type_name);
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

static void identify_slot(char **args)
{
    check_the_library();
    const NTMS_GUID *slot = slot_number(args[0]);
    if (slot)
        expect(IdentifyNtmsSlot(session, (LPNTMS_GUID)slot, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot N");
}

static void identify_deferred(char **args)
{
    check_the_library();
    expect(IdentifyNtmsSlot(session, &slots[atoi(args[0]) - 1], NTMS_DISMOUNT_DEFERRED), ERROR_SUCCESS,
           "identify slot N, DEFERRED");
    CloseHandle(CreateFileA(args[2], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL));
    stay_while_a_dismount_is_deferred((DWORD)atoi(args[1]));
}

static void identify_labelled(char **args)
{
    check_the_library();
    check_labelled((DWORD)atoi(args[0]), args[1], args[2]);
}

static void identify_careless(char **args)
{
    check_the_library();
    check_careless((DWORD)atoi(args[0]));
}

static void identify_barcode(char **args)
{
    check_the_library();
    check_barcode((DWORD)atoi(args[0]), args[1], args[2]);
}

static void identify_anonymous(char **args)
{
    check_the_library();
    check_anonymous((DWORD)atoi(args[0]));
}

/* The drives open through these device paths (devices.conf, DVCID). */
static void check_drive_paths(char **args)
{
    NTMS_GUID drives[4];
    DWORD count = ARRAYSIZE(drives);
    NTMS_OBJECTINFORMATIONW info;
    WCHAR wanted[64];

    check_the_library();
    EnumerateNtmsObject(session, &library, drives, &count, NTMS_DRIVE, 0);
    for (DWORD i = 0; i < count && i < 2; i++) {
        MultiByteToWideChar(CP_ACP, 0, args[i], -1, wanted, ARRAYSIZE(wanted));
        ok(information(&drives[i], NTMS_DRIVE, &info) && !lstrcmpiW(info.Info.Drive.szDeviceName, wanted),
           "drive %lu is %ls (expected %ls)\n", i + 1, info.Info.Drive.szDeviceName, wanted);
    }
}

/* ---- the library's requests ---- */

/* After a process was killed mid-identification: its request FAILED, none left INPROCESS. */
static void check_requests(char **args)
{
    NTMS_GUID requests[64], finished[64];
    DWORD count = ARRAYSIZE(requests), in_process = 0, aborted = 0, finished_count = 0;
    NTMS_OBJECTINFORMATIONW info;

    (void)args;
    check_the_library();
    EnumerateNtmsObject(session, &library, requests, &count, NTMS_LIBREQUEST, 0);
    for (DWORD i = 0; i < count; i++) {
        if (!information(&requests[i], NTMS_LIBREQUEST, &info))
            continue;
        in_process += info.Info.LibRequest.State == NTMS_LM_INPROCESS;
        aborted += info.Info.LibRequest.State == NTMS_LM_FAILED
                && info.Info.LibRequest.dwErrorCode == ERROR_OPERATION_ABORTED;
        if (info.Info.LibRequest.State == NTMS_LM_PASSED || info.Info.LibRequest.State == NTMS_LM_FAILED)
            finished[finished_count++] = requests[i];
    }
    ok(in_process == 0, "no request left INPROCESS (%lu)\n", in_process);
    ok(aborted == 1, "the killed process's request FAILED with ERROR_OPERATION_ABORTED (%lu)\n", aborted);
    expect(DeleteNtmsRequests(session, finished, NTMS_LIBREQUEST, finished_count),
           answer_of("DeleteNtmsRequests", ERROR_SUCCESS), "DeleteNtmsRequests of the finished requests");
}

/* ---- DismountNtmsDrive and InventoryNtmsLibrary ---- */

static void dismount_drive(char **args)
{
    NTMS_GUID unknown = { 7, 7, 7, { 7 } }, drives[4];
    DWORD count = ARRAYSIZE(drives);

    (void)args;
    find_the_library();
    expect(DismountNtmsDrive(session, &unknown), ERROR_INVALID_DRIVE, "DismountNtmsDrive(unknown)");
    NTMS_GUID drive = mount_side(identified_side(&slots[0]));
    EnumerateNtmsObject(session, &library, drives, &count, NTMS_DRIVE, 0);
    for (DWORD i = 0; i < count; i++)
        if (!same_guid(&drives[i], &drive))
            expect(DismountNtmsDrive(session, &drives[i]), ERROR_INVALID_STATE, "an empty drive");
    expect(DismountNtmsDrive(session, &drive), ERROR_SUCCESS, "DismountNtmsDrive");
    dismount_finished(session, &drive);
}

static void inventory(char **args)
{
    NTMS_GUID media[64], offline = library_of_type(NTMS_LIBRARYTYPE_OFFLINE);
    DWORD count = ARRAYSIZE(media);

    (void)args;
    find_the_library();
    expect(InventoryNtmsLibrary(session, &offline, NTMS_INVENTORY_FAST), ERROR_INVALID_LIBRARY,
           "the offline library has no inventory");
    expect(InventoryNtmsLibrary(session, &library, NTMS_INVENTORY_FAST), ERROR_SUCCESS, "FAST inventory");
    inventory_finished(session, &library);
    expect(EnumerateNtmsObject(session, &library, media, &count, NTMS_PHYSICAL_MEDIA, 0), ERROR_SUCCESS, "media");
    ok(count == 7, "every tape is known after a FAST inventory (%lu)\n", count);
    expect(InventoryNtmsLibrary(session, &library, NTMS_INVENTORY_SLOT), ERROR_SUCCESS, "SLOT inventory");
    inventory_finished(session, &library);
    expect(InventoryNtmsLibrary(session, &library, NTMS_INVENTORY_NONE), ERROR_SUCCESS, "NONE");
    expect(InventoryNtmsLibrary(session, &library, NTMS_INVENTORY_STOP), ERROR_SUCCESS, "STOP");
}

/* ---- busy drives ---- */

/* Another process holds both drives' devices open: they are busy, not gone. */
static void drives_held_elsewhere_stay(void)
{
    NTMS_GUID drives[4];
    DWORD count = ARRAYSIZE(drives);
    NTMS_OBJECTINFORMATIONW info;

    expect(EnumerateNtmsObject(session, &library, drives, &count, NTMS_DRIVE, 0), ERROR_SUCCESS, "the drives");
    ok(count == 2, "two drives (%lu)\n", count);
    for (DWORD i = 0; i < count; i++) {
        ok(information(&drives[i], NTMS_DRIVE, &info) && info.dwOperationalState == NTMS_READY
           && info.Info.Drive.szDeviceName[0] && info.Info.Drive.szSerialNumber[0],
           "drive %lu, held open by another process, keeps its record: '%ls' '%ls' state %lu\n", i + 1,
           info.Info.Drive.szDeviceName, info.Info.Drive.szSerialNumber, info.dwOperationalState);
        ok(open_exclusively(&drives[i]) == INVALID_HANDLE_VALUE, "and is really held (%lu)\n", GetLastError());
    }
}

/* While test_media.exe hold keeps both drives: IdentifyNtmsSlot gives up
 * (ntmsapi), or waits until a drive is free. */
static void identify_while_drives_are_busy(char **args)
{
    ULONGLONG start;

    (void)args;
    find_the_library();
    drives_held_elsewhere_stay();
    if (identify_gives_up_after(1)) {
        expect(IdentifyNtmsSlot(session, &slots[0], NTMS_DISMOUNT_IMMEDIATE), ERROR_BUSY,
               "IdentifyNtmsSlot of a slot whose tape another process has mounted");
        start = GetTickCount64();
        expect(IdentifyNtmsSlot(session, &slots[6], NTMS_DISMOUNT_IMMEDIATE), ERROR_BUSY,
               "IdentifyNtmsSlot while both drives are in use, giving up after 1 s");
        ok(GetTickCount64() - start >= 1000, "after 1 s (%llu ms)\n", GetTickCount64() - start);
    }
    identify_waits_up_to(60);
    start = GetTickCount64();
    expect(IdentifyNtmsSlot(session, &slots[6], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS,
           "IdentifyNtmsSlot waits until a drive is free");
    ok(GetTickCount64() - start >= 1000, "it waited (%llu ms)\n", GetTickCount64() - start);
}

/* ---- stand-alone drives: libraries of their own ---- */

static void standalone_inventory(char **args)
{
    NTMS_GUID sa, sa_drive, blank, blank_drive, media[4], again[4];
    NTMS_OBJECTINFORMATIONW info;

    (void)args;
    find_the_library();
    ok(standalone_library(L"\\\\.\\Tape2", &sa, &sa_drive), "\\\\.\\Tape2, in no changer, is a stand-alone library\n");
    ok(information(&sa, NTMS_LIBRARY, &info) && info.Info.Library.dwNumberOfDrives == 1
       && info.Info.Library.dwNumberOfSlots == 0, "one drive, no slots\n");
    ok(standalone_library(L"\\\\.\\Tape3", &blank, &blank_drive), "and so is \\\\.\\Tape3\n");
    ok(information(&library, NTMS_LIBRARY, &info) && info.Info.Library.dwNumberOfDrives == 2,
       "the changer's library keeps its two drives\n");
    expect(InventoryNtmsLibrary(session, &sa, NTMS_INVENTORY_FAST), ERROR_SUCCESS, "inventory of the stand-alone drive");
    inventory_finished(session, &sa);
    ok(media_in(&sa, media) == 1, "finds its tape\n");
    NTMS_GUID side = side_of_medium(&media[0]);
    if (label_recognised("ANSI VOL1"))
        ok(information(&side, NTMS_PARTITION, &info) && !wcscmp(info.Info.Partition.szOmidLabelType, L"ANSI VOL1")
           && info.Info.Partition.State == NTMS_PARTSTATE_IMPORT, "labelled ANSI VOL1, IMPORT (%ls)\n",
           info.Info.Partition.szOmidLabelType);
    ok(information(&media[0], NTMS_PHYSICAL_MEDIA, &info) && info.Info.PhysicalMedia.LocationType == NTMS_DRIVE
       && same_guid(&info.Info.PhysicalMedia.Location, &sa_drive), "in the drive\n");
    expect(InventoryNtmsLibrary(session, &sa, NTMS_INVENTORY_OMID), ERROR_SUCCESS, "again");
    inventory_finished(session, &sa);
    ok(media_in(&sa, again) == 1 && same_guid(&again[0], &media[0]), "the same record\n");
    expect(InventoryNtmsLibrary(session, &blank, NTMS_INVENTORY_FAST), ERROR_SUCCESS, "the drive with a blank tape");
    inventory_finished(session, &blank);
    expect(InventoryNtmsLibrary(session, &blank, NTMS_INVENTORY_FAST), ERROR_SUCCESS, "twice");
    inventory_finished(session, &blank);
    ok(media_in(&blank, again) == 1, "a blank tape without barcode is one record, not one per inventory\n");
}

/* The stand-alone drive's tape mounted in place: no inventory meanwhile,
 * DismountNtmsDrive, and the drive, being there, is not deleted. */
static void standalone_drive(char **args)
{
    NTMS_GUID sa, sa_drive, media[4];

    (void)args;
    ok(standalone_library(L"\\\\.\\Tape2", &sa, &sa_drive), "the stand-alone library of \\\\.\\Tape2\n");
    ok(media_in(&sa, media) == 1, "its tape\n");
    NTMS_GUID drive = mount_side(side_of_medium(&media[0]));
    ok(same_guid(&drive, &sa_drive), "mounted in place\n");
    if (checkable(SYNCHRONOUS_INVENTORY, "an inventory refused while the drive is mounted"))
        expect(InventoryNtmsLibrary(session, &sa, NTMS_INVENTORY_FAST), ERROR_BUSY, "no inventory while mounted");
    expect(DismountNtmsDrive(session, &drive), ERROR_SUCCESS, "DismountNtmsDrive");
    dismount_finished(session, &drive);
    expect(DeleteNtmsDrive(session, &sa_drive), ERROR_INVALID_STATE, "a drive that is there stays");
}

/* ---- DeleteNtmsLibrary and DeleteNtmsDrive ---- */

static NTMS_GUID the_free_pool(void)
{
    NTMS_GUID pools[64], none = { 0 };
    DWORD count = ARRAYSIZE(pools);
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, pools, &count, NTMS_MEDIA_POOL, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&pools[i], NTMS_MEDIA_POOL, &info) && info.Info.MediaPool.PoolType == NTMS_POOLTYPE_SCRATCH)
            return pools[i];
    return none;
}

/* Only what the last scan did not find may be deleted, and only libraries and drives. */
static void library_seen(char **args)
{
    NTMS_GUID online = library_of_type(NTMS_LIBRARYTYPE_ONLINE), drives[4], pool;
    NTMS_GUID free_pool = the_free_pool(), offline = library_of_type(NTMS_LIBRARYTYPE_OFFLINE);
    DWORD count = ARRAYSIZE(slots), drive_count = ARRAYSIZE(drives);

    (void)args;
    EnumerateNtmsObject(session, &online, slots, &count, NTMS_STORAGESLOT, 0);
    expect(IdentifyNtmsSlot(session, &slots[0], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot 1");
    EnumerateNtmsObject(session, &online, drives, &drive_count, NTMS_DRIVE, 0);
    expect(DeleteNtmsLibrary(session, &online), ERROR_INVALID_STATE, "a library that is there stays");
    expect(DeleteNtmsDrive(session, &drives[0]), ERROR_INVALID_STATE, "and so do its drives");
    expect(CreateNtmsMediaPoolW(session, L"\\NoLibrary", NULL, NTMS_OPEN_ALWAYS, NULL, &pool), ERROR_SUCCESS,
           "an application pool");
    expect(DeleteNtmsLibrary(session, &pool), ERROR_INVALID_LIBRARY, "a pool is no library");
    expect(DeleteNtmsDrive(session, &pool), ERROR_INVALID_DRIVE, "a pool is no drive");
    expect(DeleteNtmsLibrary(session, &free_pool), ERROR_INVALID_LIBRARY, "nor is Free");
    expect(DeleteNtmsLibrary(session, &offline), ERROR_INVALID_LIBRARY, "the offline library stays");
}

static void library_forgotten(char **args)
{
    NTMS_GUID gone = library_of_type(NTMS_LIBRARYTYPE_ONLINE), drives[4], media[4], offline[4];
    DWORD drive_count = ARRAYSIZE(drives), media_count = ARRAYSIZE(media), count = ARRAYSIZE(offline);
    NTMS_OBJECTINFORMATIONW info;

    (void)args;
    ok(information(&gone, NTMS_LIBRARY, &info) && info.dwOperationalState == NTMS_NOT_PRESENT,
       "the library the scan did not find is NOT_PRESENT (%lu)\n", info.dwOperationalState);
    expect(EnumerateNtmsObject(session, &gone, media, &media_count, NTMS_PHYSICAL_MEDIA, 0), ERROR_SUCCESS,
           "its media");
    ok(media_count == 1, "one medium identified there (%lu)\n", media_count);
    EnumerateNtmsObject(session, &gone, drives, &drive_count, NTMS_DRIVE, 0);
    expect(DeleteNtmsDrive(session, &drives[0]), ERROR_SUCCESS, "DeleteNtmsDrive of a drive that is gone");
    expect(DeleteNtmsLibrary(session, &gone), ERROR_SUCCESS, "DeleteNtmsLibrary of a library that is gone");
    expect(DeleteNtmsLibrary(session, &gone), ERROR_INVALID_LIBRARY, "deleted once");
    ok(!information(&drives[1], NTMS_DRIVE, &info), "its other drive went with it\n");
    EnumerateNtmsObject(session, NULL, offline, &count, NTMS_LIBRARY, 0);
    ok(count == 1 && information(&media[0], NTMS_PHYSICAL_MEDIA, &info)
       && same_guid(&info.Info.PhysicalMedia.CurrentLibrary, &offline[0]),
       "its medium is kept, in the offline library\n");
    expect(DeleteNtmsMedia(session, &media[0]), ERROR_SUCCESS, "and may now be purged");
}

static const struct mode {
    const char *name;
    int arguments;
    void (*run)(char **arguments);
} modes[] = {
    { "main", 0, main_sequence },
    { "slot", 1, identify_slot },
    { "crash-slot", 1, identify_slot },   /* NTMSAPI_TEST_CRASH, set by the script, ends it */
    { "defer", 3, identify_deferred },
    { "label", 3, identify_labelled },
    { "careless", 1, identify_careless },
    { "barcode", 3, identify_barcode },
    { "anonymous", 1, identify_anonymous },
    { "drives", 2, check_drive_paths },
    { "requests", 0, check_requests },
    { "drive", 0, dismount_drive },
    { "inventory", 0, inventory },
    { "busy", 0, identify_while_drives_are_busy },
    { "standalone", 0, standalone_inventory },
    { "standalone-drive", 0, standalone_drive },
    { "seen", 0, library_seen },
    { "forget", 0, library_forgotten },
};

int main(int argc, char **argv)
{
    const struct mode *mode = NULL;

    session = OpenNtmsSessionW(NULL, L"ntmsapi test_library", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    for (size_t i = 0; i < ARRAYSIZE(modes) && argc >= 2; i++)
        if (!strcmp(argv[1], modes[i].name) && argc >= 2 + modes[i].arguments)
            mode = &modes[i];
    if (mode)
        mode->run(argv + 2);
    else
        ok(0, "usage: test_library.exe MODE [ARGUMENTS] (see the program's first comment)\n");
    CloseNtmsSession(session);
    return wintest_finish();
}
