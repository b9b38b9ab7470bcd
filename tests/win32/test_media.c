/* media.c's exports through the real DLL: CreateNtmsMediaA/W and
 * DeleteNtmsMedia, also from several processes creating pools and media at
 * once; MountNtmsMedia and DismountNtmsMedia against a library of 8 slots
 * and 2 drives (tgt's, under Wine): deferred and immediate dismounts, busy
 * drives, a stand-alone drive. media_under_wine.sh, mount_under_wine.sh and
 * standalone_under_wine.sh in tests/wine/ run the modes in order.
 *
 * usage: test_media.exe              the CreateNtmsMedia and DeleteNtmsMedia checks
 *        test_media.exe create P N   process P: its pool and N media, 5 more in \Shared
 *        test_media.exe check P N    what P processes of N media each left
 *        test_media.exe mount-deferred | remount-immediate   slot 1's tape
 *        test_media.exe hold SECONDS MARKER   both drives mounted for a while (MARKER written once they are)
 *        test_media.exe busy         while they are held
 *        test_media.exe standalone   mount in place in a stand-alone drive (vtl.sh --standalone 2) */
#include <windows.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rsm_test.h"

/* ---- CreateNtmsMedia and DeleteNtmsMedia ---- */

#define SHARED_PER_PROCESS 5

static NTMS_GUID pool_named(const WCHAR *path, DWORD action)
{
    NTMS_GUID pool = { 0 }, lto6 = media_type_named(L"LTO-6");

    expect(CreateNtmsMediaPoolW(session, path, &lto6, action, NULL, &pool), ERROR_SUCCESS, "a pool for LTO-6");
    return pool;
}

static void describe_media(NTMS_OBJECTINFORMATIONW *media, NTMS_OBJECTINFORMATIONW *side, const NTMS_GUID *pool,
                           const WCHAR *barcode, const char *label)
{
    memset(media, 0, sizeof(*media));
    memset(side, 0, sizeof(*side));
    media->dwSize = side->dwSize = sizeof(*media);
    media->dwType = NTMS_PHYSICAL_MEDIA;
    side->dwType = NTMS_PARTITION;
    media->Enabled = side->Enabled = TRUE;
    media->Info.PhysicalMedia.MediaPool = *pool;
    media->Info.PhysicalMedia.dwNumberOfPartitions = 1;
    wcscpy(media->Info.PhysicalMedia.szBarCode, barcode);
    side->Info.Partition.State = NTMS_PARTSTATE_ALLOCATED;
    side->Info.Partition.dwOmidLabelIdLength = (DWORD)strlen(label);
    memcpy(side->Info.Partition.OmidLabelId, label, strlen(label));
    wcscpy(side->Info.Partition.szOmidLabelType, L"ntmsapi test");
    wcscpy(side->Info.Partition.szOmidLabelInfo, L"made by test_media");
}

static void test_create_w(const NTMS_GUID *pool)
{
    NTMS_OBJECTINFORMATIONW media, side, read_back;
    NTMS_GUID offline = library_of_type(NTMS_LIBRARYTYPE_OFFLINE);

    describe_media(&media, &side, pool, L"WIN001L6  ", "WIN-LABEL-1");
    SetLastError(0xdeadbeef);
    expect(CreateNtmsMediaW(session, &media, &side, 0), ERROR_SUCCESS, "CreateNtmsMediaW");
    ok(GetLastError() == ERROR_SUCCESS, "last error %lu\n", GetLastError());
    ok(!wcscmp(media.Info.PhysicalMedia.szBarCode, L"WIN001L6") && !wcscmp(media.szName, L"WIN001L6"),
       "barcode trimmed, named after it: '%ls' '%ls'\n", media.Info.PhysicalMedia.szBarCode, media.szName);
    ok(media.Info.PhysicalMedia.szSequenceNumber[0] && media.Info.PhysicalMedia.BarCodeState == NTMS_BARCODESTATE_OK
       && media.Info.PhysicalMedia.MediaState == NTMS_MEDIASTATE_IDLE && media.Created.wYear >= 2024,
       "the server's fields come back (sequence '%ls')\n", media.Info.PhysicalMedia.szSequenceNumber);
    ok(!memcmp(&side.Info.Partition.PhysicalMedia, &media.ObjectGuid, sizeof(NTMS_GUID)) && side.Info.Partition.Side == 0,
       "the side belongs to it\n");
    ok(information(&media.ObjectGuid, NTMS_PHYSICAL_MEDIA, &read_back)
       && !memcmp(&read_back.Info.PhysicalMedia.CurrentLibrary, &offline, sizeof(NTMS_GUID)),
       "it is in the offline library\n");
    expect(CreateNtmsMediaW(session, &media, &side, 0), ERROR_INVALID_MEDIA, "the same GUID and barcode again");
    expect(DeleteNtmsMedia(session, &media.ObjectGuid), ERROR_INVALID_STATE, "an allocated side keeps it");
}

static void test_create_a(const NTMS_GUID *pool)
{
    NTMS_OBJECTINFORMATIONA media, side;

    memset(&media, 0, sizeof(media));
    memset(&side, 0, sizeof(side));
    media.dwSize = side.dwSize = sizeof(media);
    media.dwType = NTMS_PHYSICAL_MEDIA;
    side.dwType = NTMS_PARTITION;
    media.Info.PhysicalMedia.MediaPool = *pool;
    media.Info.PhysicalMedia.dwNumberOfPartitions = 1;
    side.Info.Partition.State = NTMS_PARTSTATE_AVAILABLE;
    side.Info.Partition.dwOmidLabelIdLength = 5;
    memcpy(side.Info.Partition.OmidLabelId, "ANSI1", 5);
    strcpy(side.Info.Partition.szOmidLabelType, "ntmsapi test");
    strcpy(side.Info.Partition.szOmidLabelInfo, "made by the A form");
    expect(CreateNtmsMediaA(session, &media, &side, NTMS_ERROR_ON_DUPLICATE), ERROR_SUCCESS, "CreateNtmsMediaA");
    ok(!strcmp(media.szName, "made by the A form"), "no barcode: named after its label info: '%s'\n", media.szName);
    expect(CreateNtmsMediaA(session, &media, &side, NTMS_ERROR_ON_DUPLICATE), ERROR_INVALID_MEDIA,
           "a duplicate on-media identifier with NTMS_ERROR_ON_DUPLICATE");
    expect(DeleteNtmsMedia(session, &media.ObjectGuid), ERROR_SUCCESS, "an offline, unallocated medium is purged");
    expect(DeleteNtmsMedia(session, &media.ObjectGuid), ERROR_INVALID_MEDIA, "and is gone");
}

static void test_create_bad_input(const NTMS_GUID *pool)
{
    NTMS_OBJECTINFORMATIONW media, sides[2];
    NTMS_GUID free_pools[8];
    DWORD count = ARRAYSIZE(free_pools);

    describe_media(&media, &sides[0], pool, L"BAD001L6", "BAD");
    expect(CreateNtmsMediaW((HANDLE)0x10, &media, sides, 0), ERROR_INVALID_HANDLE, "a garbage session");
    expect(CreateNtmsMediaW(session, NULL, sides, 0), ERROR_INVALID_PARAMETER, "NULL medium");
    expect(CreateNtmsMediaW(session, &media, NULL, 0), ERROR_INVALID_PARAMETER, "NULL sides");
    expect(CreateNtmsMediaW(session, &media, sides, 2), ERROR_INVALID_PARAMETER, "option 2");
    media.dwSize = sizeof(NTMS_I1_OBJECTINFORMATIONW);
    expect(CreateNtmsMediaW(session, &media, sides, 0), ERROR_INVALID_PARAMETER, "the Windows 2000 size");
    media.dwSize = sizeof(media);
    sides[0].dwType = NTMS_PHYSICAL_MEDIA;
    expect(CreateNtmsMediaW(session, &media, sides, 0), ERROR_INVALID_PARAMETER, "a side of the wrong type");
    sides[0].dwType = NTMS_PARTITION;
    media.Info.PhysicalMedia.dwNumberOfPartitions = 2;
    sides[1] = sides[0];
    expect(CreateNtmsMediaW(session, &media, sides, 0), ERROR_MEDIA_INCOMPATIBLE, "two sides for one-sided LTO");
    media.Info.PhysicalMedia.dwNumberOfPartitions = 0x7FFFFFFF;
    expect(CreateNtmsMediaW(session, &media, sides, 0), ERROR_MEDIA_INCOMPATIBLE,
           "a side count no medium has (the array is not read past two)");
    media.Info.PhysicalMedia.dwNumberOfPartitions = 1;
    sides[0].Info.Partition.dwOmidLabelIdLength = 0;
    expect(CreateNtmsMediaW(session, &media, sides, 0), ERROR_INVALID_PARAMETER, "an empty on-media identifier");
    sides[0].Info.Partition.dwOmidLabelIdLength = 3;
    EnumerateNtmsObject(session, NULL, free_pools, &count, NTMS_MEDIA_POOL, 0);
    for (DWORD i = 0; i < count; i++) {
        NTMS_OBJECTINFORMATIONW info;
        if (information(&free_pools[i], NTMS_MEDIA_POOL, &info) && info.Info.MediaPool.PoolType == NTMS_POOLTYPE_SCRATCH)
            media.Info.PhysicalMedia.MediaPool = free_pools[i];
    }
    expect(CreateNtmsMediaW(session, &media, sides, 0), ERROR_INVALID_MEDIA_POOL, "into Free");
    expect(DeleteNtmsMedia(session, NULL), ERROR_INVALID_PARAMETER, "DeleteNtmsMedia(NULL)");
    expect(DeleteNtmsMedia(session, (LPNTMS_GUID)pool), ERROR_INVALID_MEDIA, "a pool is no medium");
}

static void create_many(int process, int count)
{
    NTMS_GUID shared = pool_named(L"\\Shared", NTMS_OPEN_ALWAYS), own;
    WCHAR name[32], barcode[32];
    char label[32];

    swprintf(name, ARRAYSIZE(name), L"\\Process%d", process);
    own = pool_named(name, NTMS_CREATE_NEW);
    for (int i = 0; i < count + SHARED_PER_PROCESS; i++) {
        NTMS_OBJECTINFORMATIONW media, side;
        swprintf(barcode, ARRAYSIZE(barcode), L"P%dM%03d", process, i);
        snprintf(label, sizeof(label), "process %d medium %d", process, i);
        describe_media(&media, &side, i < count ? &own : &shared, barcode, label);
        expect(CreateNtmsMediaW(session, &media, &side, NTMS_ERROR_ON_DUPLICATE), ERROR_SUCCESS,
               "CreateNtmsMediaW from one of several processes");
    }
}

/* Every medium once, every sequence number once, one \Shared pool. */
static void check_many(int processes, int count)
{
    NTMS_GUID pools[64], *media = calloc(4096, sizeof(NTMS_GUID));
    DWORD pool_count = ARRAYSIZE(pools), media_count = 4096, shared = 0;
    NTMS_OBJECTINFORMATIONW info;
    static WCHAR seen_barcodes[4096][16], seen_sequences[4096][16];

    EnumerateNtmsObject(session, NULL, pools, &pool_count, NTMS_MEDIA_POOL, 0);
    for (DWORD i = 0; i < pool_count; i++)
        if (information(&pools[i], NTMS_MEDIA_POOL, &info) && !wcscmp(info.szName, L"Shared"))
            shared++;
    ok(shared == 1, "one \\Shared pool, whoever opened it first (%lu)\n", shared);
    ok(pool_count == 3 + 1 + (DWORD)processes, "one pool per process (%lu top-level pools)\n", pool_count);
    expect(EnumerateNtmsObject(session, NULL, media, &media_count, NTMS_PHYSICAL_MEDIA, 0), ERROR_SUCCESS, "media");
    ok(media_count == (DWORD)(processes * (count + SHARED_PER_PROCESS)), "%lu media for %d processes\n", media_count,
       processes);
    DWORD duplicates = 0;
    for (DWORD i = 0; i < media_count && i < 4096; i++) {
        information(&media[i], NTMS_PHYSICAL_MEDIA, &info);
        wcsncpy(seen_barcodes[i], info.Info.PhysicalMedia.szBarCode, 15);
        wcsncpy(seen_sequences[i], info.Info.PhysicalMedia.szSequenceNumber, 15);
        for (DWORD k = 0; k < i; k++)
            if (!wcscmp(seen_barcodes[k], seen_barcodes[i]) || !wcscmp(seen_sequences[k], seen_sequences[i]))
                duplicates++;
    }
    ok(duplicates == 0, "%lu duplicated barcodes or sequence numbers\n", duplicates);
    free(media);
}

/* ---- MountNtmsMedia and DismountNtmsMedia ---- */

static NTMS_GUID library, slots[16];

static void find_the_library(void)
{
    DWORD slot_count = ARRAYSIZE(slots);

    library = find_online_library(slots, &slot_count);
}

static void mount_bad_input(void)
{
    NTMS_GUID unknown = { 7, 7, 7, { 7 } }, drive;

    expect(MountNtmsMedia(session, &unknown, &drive, 1, NTMS_MOUNT_READ, 0, 0, NULL), ERROR_INVALID_MEDIA, "unknown side");
    expect(MountNtmsMedia(session, &unknown, &drive, 0, NTMS_MOUNT_READ, 0, 0, NULL), ERROR_INVALID_PARAMETER, "count 0");
    expect(DismountNtmsMedia(session, &unknown, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_INVALID_MEDIA, "dismount unknown");
}

static void mount_then_defer(void)
{
    find_the_library();
    mount_bad_input();
    NTMS_GUID side = identified_side(&slots[0]), drive = mount_side(side);
    expect(DismountNtmsMedia(session, &side, 1, NTMS_DISMOUNT_DEFERRED), ERROR_SUCCESS, "dismount DEFERRED");
    dismount_finished(session, &drive);
}

/* After mount_then_defer: the tape, identified in place in its drive, mounted there again. */
static void remount_then_dismount(void)
{
    find_the_library();
    NTMS_GUID side = identified_side(&slots[0]), drive = mount_side(side);
    expect(DismountNtmsMedia(session, &side, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "dismount IMMEDIATE");
    dismount_finished(session, &drive);
    expect(DismountNtmsMedia(session, &side, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_INVALID_STATE, "not mounted");
}

/* Both drives mounted by this process for `seconds`, their devices held
 * open with share mode 0 meanwhile. */
static void hold(DWORD seconds, const char *marker)
{
    NTMS_GUID sides[2], drives[2];
    HANDLE devices[2];

    find_the_library();
    expect(IdentifyNtmsSlot(session, &slots[4], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot 5");
    expect(IdentifyNtmsSlot(session, &slots[2], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot 3");
    sides[0] = identified_side(&slots[0]);
    sides[1] = side_of_slot(&slots[2]);
    expect(MountNtmsMedia(session, sides, drives, 2, NTMS_MOUNT_READ, NTMS_PRIORITY_NORMAL, 60000, NULL),
           ERROR_SUCCESS, "both drives mounted");
    for (int i = 0; i < 2; i++) {
        devices[i] = open_exclusively(&drives[i]);
        ok(devices[i] != INVALID_HANDLE_VALUE, "drive %d's device opened with share mode 0: %lu\n", i + 1,
           GetLastError());
    }
    HANDLE file = CreateFileA(marker, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(file);
    Sleep(seconds * 1000);
    for (int i = 0; i < 2; i++)
        CloseHandle(devices[i]);
    expect(DismountNtmsMedia(session, sides, 2, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "both dismounted");
    for (int i = 0; i < 2; i++)
        dismount_finished(session, &drives[i]);
}

/* While hold() keeps both drives: a mount that does not wait, one that waits in vain. */
static void mount_while_drives_are_busy(void)
{
    find_the_library();
    NTMS_GUID side = side_of_slot(&slots[4]), drive;
    ULONGLONG start = GetTickCount64();

    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ | NTMS_MOUNT_ERROR_NOT_AVAILABLE, 0, 30000, NULL),
           ERROR_BUSY, "NTMS_MOUNT_ERROR_NOT_AVAILABLE: at once");
    ok(GetTickCount64() - start < 1000, "without waiting (%llu ms)\n", GetTickCount64() - start);
    start = GetTickCount64();
    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ, 0, 1000, NULL), ERROR_TIMEOUT,
           "a 1 s timeout while both drives are in use");
    ok(GetTickCount64() - start >= 1000, "after waiting it out (%llu ms)\n", GetTickCount64() - start);
}

/* A stand-alone drive's tape (found by test_library.exe standalone) is
 * mounted in place, and a dismount leaves it there. */
static void mount_in_a_standalone_drive(void)
{
    NTMS_GUID sa, sa_drive, media[4], drive;
    NTMS_OBJECTINFORMATIONW info;

    find_the_library();
    ok(standalone_library(L"\\\\.\\Tape2", &sa, &sa_drive), "the stand-alone library of \\\\.\\Tape2\n");
    ok(media_in(&sa, media) == 1, "its tape\n");
    NTMS_GUID side = side_of_medium(&media[0]);
    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ, 0, 10000, NULL), ERROR_SUCCESS, "mount in place");
    ok(same_guid(&drive, &sa_drive) && information(&drive, NTMS_DRIVE, &info)
       && info.Info.Drive.State == NTMS_DRIVESTATE_LOADED, "LOADED in its drive\n");
    expect(DismountNtmsMedia(session, &side, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "dismount");
    dismount_finished(session, &drive);
    ok(information(&drive, NTMS_DRIVE, &info) && info.Info.Drive.State == NTMS_DRIVESTATE_DISMOUNTABLE,
       "the drive is only marked dismountable (%lu)\n", info.Info.Drive.State);
    ok(information(&media[0], NTMS_PHYSICAL_MEDIA, &info) && info.Info.PhysicalMedia.LocationType == NTMS_DRIVE
       && info.Info.PhysicalMedia.MediaState == NTMS_MEDIASTATE_IDLE, "the tape stays, idle\n");
    NTMS_GUID library_side = identified_side(&slots[0]), into = sa_drive;
    expect(MountNtmsMedia(session, &library_side, &into, 1, NTMS_MOUNT_READ | NTMS_MOUNT_SPECIFIC_DRIVE, 0, 10000, NULL),
           ERROR_INVALID_DRIVE, "a library's tape cannot go into a stand-alone drive");
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";

    session = OpenNtmsSessionW(NULL, L"ntmsapi test_media", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    if (argc == 4 && !strcmp(mode, "create")) {
        create_many(atoi(argv[2]), atoi(argv[3]));
    } else if (argc == 4 && !strcmp(mode, "check")) {
        check_many(atoi(argv[2]), atoi(argv[3]));
    } else if (!strcmp(mode, "mount-deferred")) {
        mount_then_defer();
    } else if (!strcmp(mode, "remount-immediate")) {
        remount_then_dismount();
    } else if (argc == 4 && !strcmp(mode, "hold")) {
        hold((DWORD)atoi(argv[2]), argv[3]);
    } else if (!strcmp(mode, "busy")) {
        mount_while_drives_are_busy();
    } else if (!strcmp(mode, "standalone")) {
        mount_in_a_standalone_drive();
    } else if (argc == 1) {
        NTMS_GUID pool = pool_named(L"\\MediaTest", NTMS_CREATE_NEW);
        test_create_w(&pool);
        test_create_a(&pool);
        test_create_bad_input(&pool);
    } else {
        ok(0, "usage: test_media.exe [MODE ARGUMENTS] (see the program's first comment)\n");
    }
    CloseNtmsSession(session);
    return wintest_finish();
}
