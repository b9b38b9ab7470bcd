/* CreateNtmsMediaA/W, DeleteNtmsMedia, DeleteNtmsLibrary and
 * DeleteNtmsDrive through the real DLL under Wine; several processes
 * creating pools and media at once. tests/wine/media_under_wine.sh runs
 * the modes in order.
 *
 * usage: test_media.exe              the API checks
 *        test_media.exe create P N   process P: its pool and N media, 5 more in \Shared
 *        test_media.exe check P N    what P processes of N media each left
 *        test_media.exe seen         a library is there: identify slot 1
 *        test_media.exe forget       the library is gone: delete it, keep its medium */
#include <windows.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rsm_test.h"

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

static NTMS_GUID library_of_type(DWORD type)
{
    NTMS_GUID libraries[8], none = { 0 };
    DWORD count = ARRAYSIZE(libraries);
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, libraries, &count, NTMS_LIBRARY, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&libraries[i], NTMS_LIBRARY, &info) && info.Info.Library.LibraryType == type)
            return libraries[i];
    return none;
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
    expect(DeleteNtmsLibrary(session, (LPNTMS_GUID)pool), ERROR_INVALID_LIBRARY, "a pool is no library");
    expect(DeleteNtmsDrive(session, (LPNTMS_GUID)pool), ERROR_INVALID_DRIVE, "a pool is no drive");
    expect(DeleteNtmsLibrary(session, &free_pools[0]), ERROR_INVALID_LIBRARY, "nor is Free");
    NTMS_GUID offline = library_of_type(NTMS_LIBRARYTYPE_OFFLINE);
    expect(DeleteNtmsLibrary(session, &offline), ERROR_INVALID_LIBRARY, "the offline library stays");
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

static void library_seen(void)
{
    NTMS_GUID library = library_of_type(NTMS_LIBRARYTYPE_ONLINE), slots[16], drives[4];
    DWORD count = ARRAYSIZE(slots), drive_count = ARRAYSIZE(drives);

    EnumerateNtmsObject(session, &library, slots, &count, NTMS_STORAGESLOT, 0);
    expect(IdentifyNtmsSlot(session, &slots[0], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot 1");
    EnumerateNtmsObject(session, &library, drives, &drive_count, NTMS_DRIVE, 0);
    expect(DeleteNtmsLibrary(session, &library), ERROR_INVALID_STATE, "a library that is there stays");
    expect(DeleteNtmsDrive(session, &drives[0]), ERROR_INVALID_STATE, "and so do its drives");
}

static void library_forgotten(void)
{
    NTMS_GUID library = library_of_type(NTMS_LIBRARYTYPE_ONLINE), drives[4], media[4], offline[4];
    DWORD drive_count = ARRAYSIZE(drives), media_count = ARRAYSIZE(media), count = ARRAYSIZE(offline);

    NTMS_OBJECTINFORMATIONW info;

    ok(information(&library, NTMS_LIBRARY, &info) && info.dwOperationalState == NTMS_NOT_PRESENT,
       "the library the scan did not find is NOT_PRESENT (%lu)\n", info.dwOperationalState);
    expect(EnumerateNtmsObject(session, &library, media, &media_count, NTMS_PHYSICAL_MEDIA, 0), ERROR_SUCCESS,
           "its media");
    ok(media_count == 1, "one medium identified there (%lu)\n", media_count);
    EnumerateNtmsObject(session, &library, drives, &drive_count, NTMS_DRIVE, 0);
    expect(DeleteNtmsDrive(session, &drives[0]), ERROR_SUCCESS, "DeleteNtmsDrive of a drive that is gone");
    expect(DeleteNtmsLibrary(session, &library), ERROR_SUCCESS, "DeleteNtmsLibrary of a library that is gone");
    expect(DeleteNtmsLibrary(session, &library), ERROR_INVALID_LIBRARY, "deleted once");
    ok(!information(&drives[1], NTMS_DRIVE, &info), "its other drive went with it\n");
    EnumerateNtmsObject(session, NULL, offline, &count, NTMS_LIBRARY, 0);
    ok(count == 1 && information(&media[0], NTMS_PHYSICAL_MEDIA, &info)
       && !memcmp(&info.Info.PhysicalMedia.CurrentLibrary, &offline[0], sizeof(NTMS_GUID)),
       "its medium is kept, in the offline library\n");
    expect(DeleteNtmsMedia(session, &media[0]), ERROR_SUCCESS, "and may now be purged");
}

int main(int argc, char **argv)
{
    session = OpenNtmsSessionW(NULL, L"ntmsapi test_media", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    if (argc == 4 && !strcmp(argv[1], "create")) {
        create_many(atoi(argv[2]), atoi(argv[3]));
    } else if (argc == 4 && !strcmp(argv[1], "check")) {
        check_many(atoi(argv[2]), atoi(argv[3]));
    } else if (argc == 2 && !strcmp(argv[1], "seen")) {
        library_seen();
    } else if (argc == 2 && !strcmp(argv[1], "forget")) {
        library_forgotten();
    } else {
        NTMS_GUID pool = pool_named(L"\\MediaTest", NTMS_CREATE_NEW);
        test_create_w(&pool);
        test_create_a(&pool);
        test_create_bad_input(&pool);
    }
    CloseNtmsSession(session);
    return wintest_finish();
}
