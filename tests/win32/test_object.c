/* object.c's exports through the real DLL: object information both ways
 * (W, A, Windows 2000 layouts), attributes (also from several processes at
 * once), enable and disable, without a library and in one of 8 slots and
 * 2 drives (tgt's, under Wine). objects_under_wine.sh and mount_under_wine.sh
 * in tests/wine/ run it.
 *
 * usage: test_object.exe                   no library needed
 *        test_object.exe write-attributes P   process P sets its attributes on the computer
 *        test_object.exe check-attributes P   every attribute of P processes is there
 *        test_object.exe disable           a drive and a medium of the library disabled and enabled again */
#include <windows.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rsm_test.h"

static void test_computer_information(void)
{
    NTMS_GUID computer = the_computer();
    NTMS_OBJECTINFORMATIONW info;
    NTMS_I1_OBJECTINFORMATIONA old;

    ok(information(&computer, NTMS_COMPUTER, &info) && info.Info.Computer.dwLibRequestPurgeTime == 259200,
       "purge time %lu (72 h expected)\n", info.Info.Computer.dwLibRequestPurgeTime);
    info.Info.Computer.dwLibRequestPurgeTime = 3600;
    wcscpy(info.szDescription, L"our backup server");
    expect(SetNtmsObjectInformationW(session, &computer, &info), ERROR_SUCCESS, "SetNtmsObjectInformationW(computer)");
    ok(information(&computer, NTMS_COMPUTER, &info) && info.Info.Computer.dwLibRequestPurgeTime == 3600
       && !wcscmp(info.szDescription, L"our backup server"), "the change reads back\n");
    /* A Windows 2000 SDK application, A form. */
    memset(&old, 0, sizeof(old));
    old.dwSize = sizeof(old);
    old.dwType = NTMS_COMPUTER;
    expect(GetNtmsObjectInformationA(session, &computer, (LPNTMS_OBJECTINFORMATIONA)&old), ERROR_SUCCESS,
           "GetNtmsObjectInformationA, NTMS_I1 size");
    ok(!strcmp(old.szDescription, "our backup server"), "description (A, I1): %s\n", old.szDescription);
    ((NTMS_COMPUTERINFORMATION *)&old.Info)->dwLibRequestPurgeTime = 7200;
    expect(SetNtmsObjectInformationA(session, &computer, (LPNTMS_OBJECTINFORMATIONA)&old), ERROR_SUCCESS,
           "SetNtmsObjectInformationA, NTMS_I1 size");
    ok(information(&computer, NTMS_COMPUTER, &info) && info.Info.Computer.dwLibRequestPurgeTime == 7200,
       "the I1 change reads back (%lu)\n", info.Info.Computer.dwLibRequestPurgeTime);
    info.dwType = NTMS_LIBRARY;
    expect(SetNtmsObjectInformationW(session, &computer, &info), ERROR_INVALID_PARAMETER, "dwType of another kind");
    info.dwType = NTMS_COMPUTER;
    info.dwSize = 100;
    expect(SetNtmsObjectInformationW(session, &computer, &info), ERROR_INVALID_PARAMETER, "dwSize 100");
}

static void test_attributes(void)
{
    NTMS_GUID computer = the_computer(), unknown = { 1, 2, 3, { 4 } };
    char value[16];
    DWORD size;

    expect(SetNtmsObjectAttributeW(session, &computer, NTMS_COMPUTER, L"Owner", "backup", 6), ERROR_SUCCESS,
           "SetNtmsObjectAttributeW");
    size = sizeof(value);
    expect(GetNtmsObjectAttributeA(session, &computer, NTMS_COMPUTER, "Owner", value, &size), ERROR_SUCCESS,
           "GetNtmsObjectAttributeA reads what W wrote");
    ok(size == 6 && !memcmp(value, "backup", 6), "value %.6s, size %lu\n", value, size);
    size = 2;
    expect(GetNtmsObjectAttributeW(session, &computer, NTMS_COMPUTER, L"Owner", value, &size),
           ERROR_INSUFFICIENT_BUFFER, "a short buffer");
    ok(size == 6, "needed size %lu\n", size);
    expect(SetNtmsObjectAttributeA(session, &computer, NTMS_COMPUTER, "Owner", NULL, 0), ERROR_SUCCESS,
           "size 0 deletes");
    size = sizeof(value);
    expect(GetNtmsObjectAttributeW(session, &computer, NTMS_COMPUTER, L"Owner", value, &size), ERROR_OBJECT_NOT_FOUND,
           "a deleted attribute");
    expect(SetNtmsObjectAttributeW(session, &computer, NTMS_COMPUTER, L"AnAttributeNameOfThirtyTwoCharsX", "x", 1),
           ERROR_INVALID_NAME, "a name over 31 characters");
    expect(SetNtmsObjectAttributeW(session, &unknown, NTMS_COMPUTER, L"Owner", "x", 1), ERROR_INVALID_PARAMETER,
           "an unknown object");
    static char big[0x10000];
    expect(SetNtmsObjectAttributeW(session, &computer, NTMS_COMPUTER, L"Big", big, sizeof(big)), ERROR_NO_DATA,
           "64 KiB or more");
}

static void test_enable_disable(void)
{
    NTMS_GUID libraries[4], pools[4], unknown = { 9, 9, 9, { 9 } };
    DWORD count = ARRAYSIZE(libraries), pool_count = ARRAYSIZE(pools);

    EnumerateNtmsObject(session, NULL, libraries, &count, NTMS_LIBRARY, 0);
    EnumerateNtmsObject(session, NULL, pools, &pool_count, NTMS_MEDIA_POOL, 0);
    ok(count >= 1, "the offline library exists\n");
    expect(DisableNtmsObject(session, NTMS_LIBRARY, &libraries[0]), ERROR_LIBRARY_OFFLINE,
           "the offline library cannot be disabled");
    expect(EnableNtmsObject(session, NTMS_DRIVE, &unknown), ERROR_OBJECT_NOT_FOUND, "an unknown drive");
    expect(EnableNtmsObject(session, NTMS_DRIVE, &pools[0]), ERROR_INVALID_PARAMETER, "a pool named as a drive");
}

/* A disabled drive is emptied where it can be (a deferred medium goes
 * home); a disabled medium's sides cannot be mounted. */
static void disable_in_the_library(void)
{
    NTMS_GUID drives[4], media[64], sides[2];
    DWORD count = ARRAYSIZE(drives), media_count = ARRAYSIZE(media), side_count = ARRAYSIZE(sides);
    NTMS_OBJECTINFORMATIONW info;
    NTMS_GUID deferred = { 0 }, drive_of_it = { 0 }, slots[16];
    DWORD slot_count = ARRAYSIZE(slots);
    NTMS_GUID library = find_online_library(slots, &slot_count);

    expect(IdentifyNtmsSlot(session, &slots[1], NTMS_DISMOUNT_DEFERRED), ERROR_SUCCESS, "slot 2, DEFERRED");
    EnumerateNtmsObject(session, &library, drives, &count, NTMS_DRIVE, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&drives[i], NTMS_DRIVE, &info) && info.Info.Drive.State == NTMS_DRIVESTATE_DISMOUNTABLE)
            drive_of_it = drives[i];
    expect(DisableNtmsObject(session, NTMS_DRIVE, &drive_of_it), ERROR_SUCCESS, "DisableNtmsObject(the drive)");
    dismount_finished(session, &drive_of_it);
    ok(information(&drive_of_it, NTMS_DRIVE, &info) && !info.Enabled && info.Info.Drive.State == NTMS_DRIVESTATE_DISMOUNTED,
       "disabled and emptied (state %lu)\n", info.Info.Drive.State);
    expect(DisableNtmsObject(session, NTMS_DRIVE, &drive_of_it), ERROR_INVALID_STATE, "disabled twice");
    expect(EnableNtmsObject(session, NTMS_DRIVE, &drive_of_it), ERROR_SUCCESS, "enabled again");

    EnumerateNtmsObject(session, NULL, media, &media_count, NTMS_PHYSICAL_MEDIA, 0);
    for (DWORD i = 0; i < media_count; i++)
        if (information(&media[i], NTMS_PHYSICAL_MEDIA, &info)
            && same_guid(&info.Info.PhysicalMedia.HomeSlot, &slots[1]))
            deferred = media[i];
    EnumerateNtmsObject(session, &deferred, sides, &side_count, NTMS_PARTITION, 0);
    expect(DisableNtmsObject(session, NTMS_PHYSICAL_MEDIA, &deferred), ERROR_SUCCESS, "DisableNtmsObject(the medium)");
    ok(information(&sides[0], NTMS_PARTITION, &info) && !info.Enabled, "its side is disabled with it\n");
    NTMS_GUID drive;
    expect(MountNtmsMedia(session, &sides[0], &drive, 1, NTMS_MOUNT_READ, 0, 10000, NULL), ERROR_RESOURCE_DISABLED,
           "a disabled medium is not mounted");
    expect(EnableNtmsObject(session, NTMS_PHYSICAL_MEDIA, &deferred), ERROR_SUCCESS, "enabled again");
    ok(information(&sides[0], NTMS_PARTITION, &info) && info.Enabled, "and its side\n");
}

/* Several processes set attributes at once; none is lost. */
static void write_attributes(int process)
{
    NTMS_GUID computer = the_computer();
    WCHAR name[32];

    for (int i = 0; i < 10; i++) {
        swprintf(name, ARRAYSIZE(name), L"p%d-%d", process, i);
        expect(SetNtmsObjectAttributeW(session, &computer, NTMS_COMPUTER, name, &i, sizeof(i)), ERROR_SUCCESS,
               "SetNtmsObjectAttributeW from one of several processes");
    }
}

static void check_attributes(int processes)
{
    NTMS_GUID computer = the_computer();
    WCHAR name[32];
    int value, missing = 0;
    DWORD size;

    for (int p = 0; p < processes; p++)
        for (int i = 0; i < 10; i++) {
            swprintf(name, ARRAYSIZE(name), L"p%d-%d", p, i);
            size = sizeof(value);
            if (GetNtmsObjectAttributeW(session, &computer, NTMS_COMPUTER, name, &value, &size) != ERROR_SUCCESS
                || value != i)
                missing++;
        }
    ok(missing == 0, "%d of %d attributes written by %d processes are missing\n", missing, processes * 10,
       processes);
}

int main(int argc, char **argv)
{
    session = OpenNtmsSessionW(NULL, L"ntmsapi test_object", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    if (argc == 3 && !strcmp(argv[1], "write-attributes")) {
        write_attributes(atoi(argv[2]));
    } else if (argc == 3 && !strcmp(argv[1], "check-attributes")) {
        check_attributes(atoi(argv[2]));
    } else if (argc == 2 && !strcmp(argv[1], "disable")) {
        disable_in_the_library();
    } else if (argc == 1) {
        test_computer_information();
        test_attributes();
        test_enable_disable();
    } else {
        ok(0, "usage: test_object.exe [MODE ARGUMENTS] (see the program's first comment)\n");
    }
    CloseNtmsSession(session);
    return wintest_finish();
}
