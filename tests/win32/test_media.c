/* media.c's exports through the real DLL: CreateNtmsMediaA/W and
 * DeleteNtmsMedia, also from several processes creating pools and media at
 * once; MountNtmsMedia and DismountNtmsMedia against a library of 8 slots
 * and 2 drives (tgt's, under Wine): deferred and immediate dismounts, busy
 * drives, a stand-alone drive; the media life cycle, from AllocateNtmsMedia
 * to DeallocateNtmsMedia, as Microsoft's RSM API sample goes through it.
 * media_under_wine.sh, mount_under_wine.sh, standalone_under_wine.sh and
 * lifecycle_under_wine.sh in tests/wine/ run the modes in order.
 *
 * usage: test_media.exe              the CreateNtmsMedia and DeleteNtmsMedia checks
 *        test_media.exe create P N   process P: its pool and N media, 5 more in \Shared
 *        test_media.exe check P N    what P processes of N media each left
 *        test_media.exe mount-deferred | remount-immediate   slot 1's tape
 *        test_media.exe hold SECONDS MARKER   both drives mounted for a while (MARKER written once they are)
 *        test_media.exe busy         while they are held
 *        test_media.exe standalone   mount in place in a stand-alone drive (vtl.sh --standalone 2)
 *   The media life cycle (lifecycle_under_wine.sh runs them in order):
 *        test_media.exe free-media N      N tapes identified and moved to Free
 *        test_media.exe sample-first F    Microsoft's RSM API sample, first run (the LMID into file F)
 *        test_media.exe sample-second F   its second run: read back, identify, deallocate
 *        test_media.exe race N | race-check N   N allocations from \Race (several processes) | what they left
 *        test_media.exe wait S | free-one MS    an allocation waiting up to S s | a deallocation after MS ms
 *        test_media.exe max-allocates | next | lifecycle-refusals */
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


/* ---- The media life cycle: AllocateNtmsMedia to DeallocateNtmsMedia ---- */

#define SAMPLE_BLOCKS 3
#define SAMPLE_BLOCK_SIZE 4096

static void save_guid(const char *path, const NTMS_GUID *id)
{
    FILE *f = fopen(path, "wb");
    const BYTE *b = (const BYTE *)id;

    ok(f != NULL, "cannot write %s\n", path);
    if (!f)
        return;
    for (int i = 0; i < 16; i++)
        fprintf(f, "%02x", b[i]);
    fclose(f);
}

static NTMS_GUID load_guid(const char *path)
{
    NTMS_GUID id = { 0 };
    BYTE *b = (BYTE *)&id;
    FILE *f = fopen(path, "rb");
    unsigned value;

    ok(f != NULL, "cannot read %s\n", path);
    for (int i = 0; f && i < 16 && fscanf(f, "%2x", &value) == 1; i++)
        b[i] = (BYTE)value;
    if (f)
        fclose(f);
    return id;
}

static void print_guid(const char *what, const NTMS_GUID *id)
{
    const BYTE *b = (const BYTE *)id;

    printf("%s ", what);
    for (int i = 0; i < 16; i++)
        printf("%02x", b[i]);
    printf("\n");
    fflush(stdout);
}

static NTMS_OBJECTINFORMATIONW side_info(const NTMS_GUID *side)
{
    NTMS_OBJECTINFORMATIONW info;

    information(side, NTMS_PARTITION, &info);
    return info;
}

/* The side a logical medium was allocated: the one side it contains. */
static NTMS_GUID side_of_logical_media(const NTMS_GUID *lmid)
{
    NTMS_GUID sides[2] = { { 0 } };
    DWORD count = ARRAYSIZE(sides);

    expect(EnumerateNtmsObject(session, (LPNTMS_GUID)lmid, sides, &count, NTMS_PARTITION, 0), ERROR_SUCCESS,
           "the sides of a logical medium");
    ok(count == 1, "one side (%lu)\n", count);
    return sides[0];
}

static DWORD pool_type_of(const NTMS_GUID *pool)
{
    NTMS_OBJECTINFORMATIONW info;
    return information(pool, NTMS_MEDIA_POOL, &info) ? info.Info.MediaPool.PoolType : 0;
}

/* Every full slot identified and its medium moved to Free (a free label
 * written on it): what a library's administrator does before applications
 * allocate. `count` tapes at most; the rest stay as identification left them. */
static void prepare_free_media(int count)
{
    find_the_library();
    for (int i = 0, moved = 0; i < (int)ARRAYSIZE(slots) && moved < count; i++) {
        NTMS_OBJECTINFORMATIONW slot, media;
        if (!information(&slots[i], NTMS_STORAGESLOT, &slot) || slot.Info.StorageSlot.State != NTMS_SLOTSTATE_FULL)
            continue;
        NTMS_GUID side = identified_side(&slots[i]);
        NTMS_OBJECTINFORMATIONW part = side_info(&side);
        information(&part.Info.Partition.PhysicalMedia, NTMS_PHYSICAL_MEDIA, &media);
        NTMS_GUID free_pool = free_pool_of_type(&media.Info.PhysicalMedia.MediaType);
        expect(MoveToNtmsMediaPool(session, &part.Info.Partition.PhysicalMedia, &free_pool), ERROR_SUCCESS,
               "into Free");
        moved++;
    }
}

/* The library's rewritable media type, as Microsoft's sample looks for one. */
static NTMS_GUID rewritable_type(void)
{
    NTMS_GUID types[16], none = { 0 };
    DWORD count = ARRAYSIZE(types);
    NTMS_OBJECTINFORMATIONW info;

    expect(EnumerateNtmsObject(session, &library, types, &count, NTMS_MEDIA_TYPE, 0), ERROR_SUCCESS,
           "the library's media types");
    for (DWORD i = 0; i < count; i++)
        if (information(&types[i], NTMS_MEDIA_TYPE, &info)
            && info.Info.MediaType.ReadWriteCharacteristics == NTMS_MEDIARW_REWRITABLE)
            return types[i];
    ok(0, "no rewritable media type in the library\n");
    return none;
}

/* The sample's pool: FROMSCRATCH; TOSCRATCH too, so that the tape goes back to Free at the end. */
static NTMS_GUID sample_pool(const NTMS_GUID *type)
{
    NTMS_GUID pool = { 0 };
    NTMS_OBJECTINFORMATIONW info;

    expect(CreateNtmsMediaPoolW(session, L"\\RSM Sample", (LPNTMS_GUID)type, NTMS_OPEN_ALWAYS, NULL, &pool),
           ERROR_SUCCESS, "CreateNtmsMediaPoolW(NTMS_OPEN_ALWAYS)");
    ok(information(&pool, NTMS_MEDIA_POOL, &info), "the pool\n");
    info.Info.MediaPool.AllocationPolicy = NTMS_ALLOCATE_FROMSCRATCH;
    info.Info.MediaPool.DeallocationPolicy = NTMS_DEALLOCATE_TOSCRATCH;
    expect(SetNtmsObjectInformationW(session, &pool, &info), ERROR_SUCCESS, "its policies");
    ok(information(&pool, NTMS_MEDIA_POOL, &info) && info.Info.MediaPool.AllocationPolicy == NTMS_ALLOCATE_FROMSCRATCH
       && info.Info.MediaPool.DeallocationPolicy == NTMS_DEALLOCATE_TOSCRATCH, "FROMSCRATCH and TOSCRATCH\n");
    return pool;
}

static BOOL dacl_grants(PACL dacl, PSID sid, DWORD rights)
{
    for (DWORD i = 0; dacl && i < dacl->AceCount; i++) {
        ACCESS_ALLOWED_ACE *ace;
        if (GetAce(dacl, i, (void **)&ace) && ace->Header.AceType == ACCESS_ALLOWED_ACE_TYPE
            && EqualSid((PSID)&ace->SidStart, sid) && (ace->Mask & rights) == rights)
            return TRUE;
    }
    return FALSE;
}

/* The sample reads the pool's DACL, adds an ACE, writes it back: here
 * Backup Operators get use and modify. */
static void edit_pool_dacl(const NTMS_GUID *pool)
{
    BYTE sid_buffer[SECURITY_MAX_SID_SIZE], *relative = NULL, acl_buffer[2048];
    DWORD sid_size = sizeof(sid_buffer), needed = 0;
    PSID operators = sid_buffer;
    SECURITY_DESCRIPTOR absolute;
    PACL dacl = NULL, edited = (PACL)acl_buffer;
    BOOL present = FALSE, defaulted = FALSE;

    ok(CreateWellKnownSid(WinBuiltinBackupOperatorsSid, NULL, operators, &sid_size), "the Backup Operators SID\n");
    expect(GetNtmsObjectSecurity(session, (LPNTMS_GUID)pool, NTMS_MEDIA_POOL, DACL_SECURITY_INFORMATION, NULL, 0,
                                 &needed), ERROR_INSUFFICIENT_BUFFER, "the DACL's size");
    relative = malloc(needed);
    expect(GetNtmsObjectSecurity(session, (LPNTMS_GUID)pool, NTMS_MEDIA_POOL, DACL_SECURITY_INFORMATION, relative,
                                 needed, &needed), ERROR_SUCCESS, "GetNtmsObjectSecurity(DACL)");
    ok(GetSecurityDescriptorDacl(relative, &present, &dacl, &defaulted) && present && dacl, "it has a DACL\n");
    ok(InitializeAcl(edited, sizeof(acl_buffer), ACL_REVISION), "a new ACL\n");
    for (DWORD i = 0; dacl && i < dacl->AceCount; i++) {
        ACE_HEADER *ace;
        if (GetAce(dacl, i, (void **)&ace))
            AddAce(edited, ACL_REVISION, MAXDWORD, ace, ace->AceSize);
    }
    ok(AddAccessAllowedAce(edited, ACL_REVISION, NTMS_USE_ACCESS | NTMS_MODIFY_ACCESS, operators), "the new ACE\n");
    InitializeSecurityDescriptor(&absolute, SECURITY_DESCRIPTOR_REVISION);
    SetSecurityDescriptorDacl(&absolute, TRUE, edited, FALSE);
    expect(SetNtmsObjectSecurity(session, (LPNTMS_GUID)pool, NTMS_MEDIA_POOL, DACL_SECURITY_INFORMATION, &absolute),
           ERROR_SUCCESS, "SetNtmsObjectSecurity(DACL)");
    free(relative);
    GetNtmsObjectSecurity(session, (LPNTMS_GUID)pool, NTMS_MEDIA_POOL, DACL_SECURITY_INFORMATION, NULL, 0, &needed);
    relative = malloc(needed);
    dacl = NULL;
    ok(GetNtmsObjectSecurity(session, (LPNTMS_GUID)pool, NTMS_MEDIA_POOL, DACL_SECURITY_INFORMATION, relative, needed,
                             &needed) == ERROR_SUCCESS
       && GetSecurityDescriptorDacl(relative, &present, &dacl, &defaulted)
       && dacl_grants(dacl, operators, NTMS_USE_ACCESS | NTMS_MODIFY_ACCESS), "the edited DACL reads back\n");
    free(relative);
}

static void sample_label(BYTE *label)
{
    memset(label, ' ', 80);
    memcpy(label, "VOL1SAMPLE", 10);
    label[79] = '3';
}

static void sample_block(BYTE *block, int index)
{
    for (int i = 0; i < SAMPLE_BLOCK_SIZE; i++)
        block[i] = (BYTE)(index * 37 + i * 11 + (i >> 9));
}

/* The application writes through the drive's device, as backup software does. */
static void write_label_and_data(const NTMS_GUID *drive, const BYTE *label)
{
    static BYTE block[SAMPLE_BLOCK_SIZE];
    TAPE_SET_MEDIA_PARAMETERS variable = { 0 };
    DWORD written = 0;
    HANDLE tape = open_exclusively(drive);

    ok(tape != INVALID_HANDLE_VALUE, "the drive's szDeviceName opened: %lu\n", GetLastError());
    if (tape == INVALID_HANDLE_VALUE)
        return;
    ok(SetTapeParameters(tape, SET_TAPE_MEDIA_INFORMATION, &variable) == NO_ERROR, "variable blocks\n");
    ok(SetTapePosition(tape, TAPE_REWIND, 0, 0, 0, FALSE) == NO_ERROR, "rewind\n");
    ok(WriteFile(tape, label, 80, &written, NULL) && written == 80, "the label written (%lu)\n", GetLastError());
    for (int i = 0; i < SAMPLE_BLOCKS; i++) {
        sample_block(block, i);
        ok(WriteFile(tape, block, sizeof(block), &written, NULL) && written == sizeof(block),
           "data block %d written (%lu)\n", i, GetLastError());
    }
    ok(WriteTapemark(tape, TAPE_FILEMARKS, 1, FALSE) == NO_ERROR, "a filemark\n");
    CloseHandle(tape);
}

static void read_label_and_data(const NTMS_GUID *drive, const BYTE *label)
{
    static BYTE block[65536], expected[SAMPLE_BLOCK_SIZE];
    TAPE_SET_MEDIA_PARAMETERS variable = { 0 };
    DWORD got = 0;
    HANDLE tape = open_exclusively(drive);

    ok(tape != INVALID_HANDLE_VALUE, "the drive's szDeviceName opened: %lu\n", GetLastError());
    if (tape == INVALID_HANDLE_VALUE)
        return;
    SetTapeParameters(tape, SET_TAPE_MEDIA_INFORMATION, &variable);
    ok(SetTapePosition(tape, TAPE_REWIND, 0, 0, 0, FALSE) == NO_ERROR, "rewind\n");
    ok(ReadFile(tape, block, sizeof(block), &got, NULL) && got == 80 && !memcmp(block, label, 80),
       "the label read back (%lu bytes)\n", got);
    for (int i = 0; i < SAMPLE_BLOCKS; i++) {
        sample_block(expected, i);
        ok(ReadFile(tape, block, sizeof(block), &got, NULL) && got == SAMPLE_BLOCK_SIZE
           && !memcmp(block, expected, SAMPLE_BLOCK_SIZE), "data block %d read back (%lu bytes)\n", i, got);
    }
    CloseHandle(tape);
}

/* Microsoft's RSM API sample, first run: pool, policy, DACL, allocate,
 * mount, write, label, dismount, complete. The logical medium goes to
 * `lmid_file` for the second run. */
static void sample_first_run(const char *lmid_file)
{
    NTMS_GUID lmid = { 0 }, drive = { 0 };
    NTMS_ALLOCATION_INFORMATION allocation = { sizeof(allocation), NULL, { 0 } };
    NTMS_OBJECTINFORMATIONW info, part;
    BYTE label[80];

    find_the_library();
    NTMS_GUID type = rewritable_type(), pool = sample_pool(&type);
    edit_pool_dacl(&pool);
    expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, NTMS_ALLOCATE_NEW, 60000, &allocation), ERROR_SUCCESS,
           "AllocateNtmsMedia(NTMS_ALLOCATE_NEW)");
    ok(same_guid(&allocation.AllocatedFrom, &(NTMS_GUID){ 0 }) == FALSE
       && pool_type_of(&allocation.AllocatedFrom) == NTMS_POOLTYPE_SCRATCH, "allocated from Free\n");
    ok(information(&lmid, NTMS_LOGICAL_MEDIA, &info) && same_guid(&info.Info.LogicalMedia.MediaPool, &pool)
       && info.Info.LogicalMedia.dwNumberOfPartitions == 1, "the logical medium, in the sample's pool\n");
    NTMS_GUID side = side_of_logical_media(&lmid), listed[8];
    DWORD count = ARRAYSIZE(listed);
    expect(EnumerateNtmsObject(session, &pool, listed, &count, NTMS_LOGICAL_MEDIA, 0), ERROR_SUCCESS,
           "the pool's logical media");
    ok(count == 1 && same_guid(&listed[0], &lmid), "just it (%lu)\n", count);
    part = side_info(&side);
    ok(part.Info.Partition.State == NTMS_PARTSTATE_ALLOCATED && same_guid(&part.Info.Partition.LogicalMedia, &lmid)
       && part.Info.Partition.dwAllocateCount == 1, "its side: ALLOCATED to it, once (%lu)\n",
       part.Info.Partition.State);
    ok(information(&part.Info.Partition.PhysicalMedia, NTMS_PHYSICAL_MEDIA, &info)
       && same_guid(&info.Info.PhysicalMedia.MediaPool, &pool), "the medium moved into the pool\n");
    print_guid("allocated medium", &part.Info.Partition.PhysicalMedia);

    expect(MountNtmsMedia(session, &lmid, &drive, 1, NTMS_MOUNT_ERROR_NOT_AVAILABLE, NTMS_PRIORITY_NORMAL, INFINITE,
                          NULL), ERROR_SUCCESS, "MountNtmsMedia(the logical medium, NTMS_MOUNT_ERROR_NOT_AVAILABLE)");
    sample_label(label);
    write_label_and_data(&drive, label);
    DWORD update = UpdateNtmsOmidInfo(session, &lmid, NTMS_OMID_TYPE_RAW_LABEL, sizeof(label), label);
    if (label_recognised("ANSI VOL1")) {
        expect(update, ERROR_SUCCESS, "UpdateNtmsOmidInfo(RAW_LABEL)");
        part = side_info(&side);
        ok(!wcscmp(part.Info.Partition.szOmidLabelType, L"ANSI VOL1") && part.Info.Partition.dwOmidLabelIdLength > 0,
           "the side's on-media identifier is the label (%ls)\n", part.Info.Partition.szOmidLabelType);
    }
    expect(DismountNtmsMedia(session, &lmid, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "DismountNtmsMedia");
    dismount_finished(session, &drive);
    expect(SetNtmsMediaComplete(session, &lmid), ERROR_SUCCESS, "SetNtmsMediaComplete");
    ok(side_info(&side).Info.Partition.State == NTMS_PARTSTATE_COMPLETE, "COMPLETE\n");
    expect(MountNtmsMedia(session, &lmid, &drive, 1, NTMS_MOUNT_WRITE, NTMS_PRIORITY_NORMAL, 60000, NULL),
           ERROR_WRITE_PROTECT, "a COMPLETE side is not mounted for writing");
    save_guid(lmid_file, &lmid);
}

/* The second run, in another session: the same logical medium mounted,
 * read back, dismounted; identification keeps the records; deallocated,
 * the tape is back in Free. */
static void sample_second_run(const char *lmid_file)
{
    NTMS_GUID lmid = load_guid(lmid_file), drive = { 0 };
    NTMS_OBJECTINFORMATIONW info, part, media;
    BYTE label[80];

    find_the_library();
    NTMS_GUID side = side_of_logical_media(&lmid);
    NTMS_OBJECTINFORMATIONW before = side_info(&side);
    information(&before.Info.Partition.PhysicalMedia, NTMS_PHYSICAL_MEDIA, &media);
    NTMS_GUID pool = media.Info.PhysicalMedia.MediaPool, home = media.Info.PhysicalMedia.HomeSlot;
    expect(MountNtmsMedia(session, &lmid, &drive, 1, NTMS_MOUNT_READ | NTMS_MOUNT_ERROR_NOT_AVAILABLE,
                          NTMS_PRIORITY_NORMAL, 60000, NULL), ERROR_SUCCESS, "mounted again, for reading");
    sample_label(label);
    read_label_and_data(&drive, label);
    expect(DismountNtmsMedia(session, &lmid, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "dismounted");
    dismount_finished(session, &drive);

    expect(IdentifyNtmsSlot(session, &home, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "its slot identified");
    part = side_info(&side);
    ok(part.Info.Partition.State == NTMS_PARTSTATE_COMPLETE && same_guid(&part.Info.Partition.LogicalMedia, &lmid)
       && !wcscmp(part.Info.Partition.szOmidLabelType, before.Info.Partition.szOmidLabelType)
       && part.Info.Partition.dwOmidLabelIdLength == before.Info.Partition.dwOmidLabelIdLength,
       "the same side: COMPLETE, its logical medium, its label (%lu, %ls)\n", part.Info.Partition.State,
       part.Info.Partition.szOmidLabelType);
    ok(information(&before.Info.Partition.PhysicalMedia, NTMS_PHYSICAL_MEDIA, &info)
       && same_guid(&info.Info.PhysicalMedia.MediaPool, &pool), "in its pool\n");

    expect(DeallocateNtmsMedia(session, &lmid, 0), ERROR_SUCCESS, "DeallocateNtmsMedia");
    part = side_info(&side);
    ok(part.Info.Partition.State == NTMS_PARTSTATE_AVAILABLE && same_guid(&part.Info.Partition.LogicalMedia,
                                                                          &(NTMS_GUID){ 0 }), "AVAILABLE again\n");
    ok(information(&before.Info.Partition.PhysicalMedia, NTMS_PHYSICAL_MEDIA, &info)
       && pool_type_of(&info.Info.PhysicalMedia.MediaPool) == NTMS_POOLTYPE_SCRATCH, "back in Free (TOSCRATCH)\n");
    if (free_label_checkable())
        ok(!wcscmp(part.Info.Partition.szOmidLabelType, L"Free"), "a free label on it (%ls)\n",
           part.Info.Partition.szOmidLabelType);
    memset(&info, 0, sizeof(info));
    info.dwSize = sizeof(info);
    info.dwType = NTMS_LOGICAL_MEDIA;
    expect(GetNtmsObjectInformationW(session, &lmid, &info), ERROR_OBJECT_NOT_FOUND, "the logical medium is gone");
}

static NTMS_GUID race_pool(DWORD allocation_policy)
{
    NTMS_GUID pool = { 0 }, lto6 = media_type_named(L"LTO-6");
    NTMS_OBJECTINFORMATIONW info;

    expect(CreateNtmsMediaPoolW(session, L"\\Race", &lto6, NTMS_OPEN_ALWAYS, NULL, &pool), ERROR_SUCCESS, "\\Race");
    information(&pool, NTMS_MEDIA_POOL, &info);
    if (info.Info.MediaPool.AllocationPolicy != allocation_policy) {
        info.Info.MediaPool.AllocationPolicy = allocation_policy;
        expect(SetNtmsObjectInformationW(session, &pool, &info), ERROR_SUCCESS, "\\Race's policy");
    }
    return pool;
}

/* One of the processes allocating from \Race at once. */
static void allocate_in_race(int count)
{
    NTMS_GUID pool = race_pool(NTMS_ALLOCATE_FROMSCRATCH);

    for (int i = 0; i < count; i++) {
        NTMS_GUID lmid = { 0 };
        expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, NTMS_ALLOCATE_ERROR_IF_UNAVAILABLE, 0, NULL),
               ERROR_SUCCESS, "AllocateNtmsMedia from \\Race");
        NTMS_GUID side = side_of_logical_media(&lmid);
        print_guid("allocated side", &side);
    }
}

/* What the racers left: `count` logical media on as many sides, each ALLOCATED to its own. */
static void check_race(int count)
{
    NTMS_GUID pool = race_pool(NTMS_ALLOCATE_FROMSCRATCH), lmids[32], sides[32];
    DWORD found = ARRAYSIZE(lmids), duplicates = 0;

    expect(EnumerateNtmsObject(session, &pool, lmids, &found, NTMS_LOGICAL_MEDIA, 0), ERROR_SUCCESS, "\\Race's LMIDs");
    ok(found == (DWORD)count, "%lu logical media, expected %d\n", found, count);
    for (DWORD i = 0; i < found && i < ARRAYSIZE(sides); i++) {
        sides[i] = side_of_logical_media(&lmids[i]);
        NTMS_OBJECTINFORMATIONW part = side_info(&sides[i]);
        ok(part.Info.Partition.State == NTMS_PARTSTATE_ALLOCATED && same_guid(&part.Info.Partition.LogicalMedia,
                                                                              &lmids[i]), "allocated to it\n");
        for (DWORD k = 0; k < i; k++)
            duplicates += same_guid(&sides[i], &sides[k]);
    }
    ok(duplicates == 0, "%lu sides allocated twice\n", duplicates);
}

/* \Race, no longer drawing from Free: waits for a side another process frees. */
static void allocate_waiting(DWORD seconds)
{
    NTMS_GUID pool = race_pool(0), lmid = { 0 };
    ULONGLONG start = GetTickCount64();

    if (!checkable(ALLOCATION_TAKES_ARRIVING_MEDIA, "an allocation waiting for a medium freed meanwhile"))
        return;
    expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, NTMS_ALLOCATE_ERROR_IF_UNAVAILABLE, 0, NULL),
           ERROR_MEDIA_UNAVAILABLE, "nothing to allocate now");
    expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, 0, seconds * 1000, NULL), ERROR_SUCCESS,
           "AllocateNtmsMedia waits for a medium");
    ok(GetTickCount64() - start >= 1000, "after waiting (%llu ms)\n", GetTickCount64() - start);
    NTMS_GUID side = side_of_logical_media(&lmid);
    print_guid("allocated side", &side);
}

/* The side of one of \Race's logical media freed, after `delay` ms. */
static void free_one_in_race(DWORD delay)
{
    NTMS_GUID pool = race_pool(0), lmids[32];
    DWORD found = ARRAYSIZE(lmids);

    Sleep(delay);
    EnumerateNtmsObject(session, &pool, lmids, &found, NTMS_LOGICAL_MEDIA, 0);
    ok(found > 0, "a logical medium to free\n");
    NTMS_GUID side = side_of_logical_media(&lmids[0]);
    expect(DeallocateNtmsMedia(session, &lmids[0], 0), ERROR_SUCCESS, "DeallocateNtmsMedia");
    print_guid("freed side", &side);
}

/* dwMaxAllocates 2: the second deallocation decommissions the side. */
static void max_allocates(void)
{
    NTMS_GUID pool = { 0 }, lto6 = media_type_named(L"LTO-6"), lmid = { 0 }, free_pool = free_pool_of_type(&lto6);
    NTMS_GUID media[8], side;
    DWORD count = ARRAYSIZE(media);
    NTMS_OBJECTINFORMATIONW info;

    expect(CreateNtmsMediaPoolW(session, L"\\Limited", &lto6, NTMS_CREATE_NEW, NULL, &pool), ERROR_SUCCESS, "\\Limited");
    information(&pool, NTMS_MEDIA_POOL, &info);
    info.Info.MediaPool.dwMaxAllocates = 2;
    expect(SetNtmsObjectInformationW(session, &pool, &info), ERROR_SUCCESS, "dwMaxAllocates 2");
    expect(EnumerateNtmsObject(session, &free_pool, media, &count, NTMS_PHYSICAL_MEDIA, 0), ERROR_SUCCESS, "Free's media");
    ok(count > 0, "a medium in Free\n");
    side = side_of_medium(&media[0]);
    DWORD before = side_info(&side).Info.Partition.dwAllocateCount;
    for (DWORD round = before; round < 2; round++) {
        expect(AllocateNtmsMedia(session, &pool, round == before ? &side : NULL, &lmid, 0, 0, NULL), ERROR_SUCCESS,
               round == before ? "the Free side named" : "again, from the pool");
        expect(DeallocateNtmsMedia(session, &lmid, 0), ERROR_SUCCESS, "deallocated");
    }
    ok(side_info(&side).Info.Partition.State == NTMS_PARTSTATE_DECOMMISSIONED, "DECOMMISSIONED after %d allocations\n",
       2);
    expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, NTMS_ALLOCATE_ERROR_IF_UNAVAILABLE, 0, NULL),
           ERROR_MEDIA_UNAVAILABLE, "never allocated again");
    expect(DecommissionNtmsMedia(session, &side), ERROR_INVALID_STATE, "decommissioned already");
}

/* A two-sided medium made with CreateNtmsMedia, its first side allocated
 * and the other reserved: NEXT allocates the reserved one. */
static void next_on_two_sided_media(void)
{
    NTMS_GUID mo = media_type_named(L"MO 5.25"), pool = { 0 }, lmid = { 0x4E455854, 1, 2, { 3 } }, next;
    NTMS_OBJECTINFORMATIONW media, sides[2];

    expect(CreateNtmsMediaPoolW(session, L"\\Disks", &mo, NTMS_OPEN_ALWAYS, NULL, &pool), ERROR_SUCCESS,
           "a pool of a two-sided type");
    describe_media(&media, &sides[0], &pool, L"", "DISK-SIDE-A");
    media.Info.PhysicalMedia.dwNumberOfPartitions = 2;
    sides[1] = sides[0];
    sides[0].Info.Partition.LogicalMedia = lmid;
    sides[1].Info.Partition.State = NTMS_PARTSTATE_RESERVED;
    memcpy(sides[1].Info.Partition.OmidLabelId, "DISK-SIDE-B", 11);
    expect(CreateNtmsMediaW(session, &media, sides, 0), ERROR_SUCCESS, "CreateNtmsMediaW(two sides)");
    next = lmid;
    expect(AllocateNtmsMedia(session, &pool, NULL, &next, NTMS_ALLOCATE_NEXT, 0, NULL), ERROR_SUCCESS,
           "AllocateNtmsMedia(NTMS_ALLOCATE_NEXT)");
    ok(!same_guid(&next, &lmid), "a logical medium of its own\n");
    NTMS_GUID second_side = side_of_logical_media(&next);
    ok(same_guid(&second_side, &sides[1].ObjectGuid)
       && side_info(&sides[1].ObjectGuid).Info.Partition.State == NTMS_PARTSTATE_ALLOCATED, "the second side\n");
    NTMS_GUID again = lmid;
    expect(AllocateNtmsMedia(session, &pool, NULL, &again, NTMS_ALLOCATE_NEXT, 0, NULL), ERROR_MEDIA_UNAVAILABLE,
           "no side left");
    ok(same_guid(&again, &(NTMS_GUID){ 0 }), "nothing allocated: lpMediaId is NULL\n");
    expect(DeallocateNtmsMedia(session, &next, 0), ERROR_SUCCESS, "the second side deallocated");
    expect(DeallocateNtmsMedia(session, &lmid, 0), ERROR_SUCCESS, "the first");
    expect(DeleteNtmsMedia(session, &media.ObjectGuid), ERROR_SUCCESS, "the offline medium purged");
}

/* The exports' own checks, through the DLL. */
static void lifecycle_refusals(void)
{
    NTMS_GUID lto6 = media_type_named(L"LTO-6"), pool = { 0 }, lmid = { 0 }, unknown = { 7, 7, 7, { 7 } };
    NTMS_GUID free_pool = free_pool_of_type(&lto6);
    NTMS_ALLOCATION_INFORMATION short_info = { sizeof(short_info) - 1, NULL, { 0 } };
    NTMS_FILESYSTEM_INFO fs = { L"UDF", L"VOLUME", 1 };
    BYTE zeros[80] = { 0 };

    expect(CreateNtmsMediaPoolW(session, L"\\Refusals", &lto6, NTMS_OPEN_ALWAYS, NULL, &pool), ERROR_SUCCESS, "a pool");
    expect(AllocateNtmsMedia(session, NULL, NULL, &lmid, 0, 0, NULL), ERROR_INVALID_PARAMETER, "NULL pool");
    expect(AllocateNtmsMedia(session, &pool, NULL, NULL, 0, 0, NULL), ERROR_INVALID_PARAMETER, "NULL lpMediaId");
    expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, NTMS_ALLOCATE_NEW | NTMS_ALLOCATE_NEXT, 0, NULL),
           ERROR_INVALID_PARAMETER, "NEW and NEXT");
    expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, 0x80, 0, NULL), ERROR_INVALID_PARAMETER, "option 0x80");
    expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, 0, 0, &short_info), ERROR_INVALID_PARAMETER,
           "NTMS_ALLOCATION_INFORMATION one byte short");
    expect(AllocateNtmsMedia(session, &free_pool, NULL, &lmid, 0, 0, NULL), ERROR_INVALID_MEDIA_POOL, "Free");
    expect(AllocateNtmsMedia(session, &unknown, NULL, &lmid, 0, 0, NULL), ERROR_INVALID_MEDIA_POOL, "no pool");
    expect(AllocateNtmsMedia(session, &pool, &unknown, &lmid, 0, 0, NULL), ERROR_INVALID_MEDIA, "no side");
    expect(DeallocateNtmsMedia(session, &unknown, 0), ERROR_INVALID_MEDIA, "DeallocateNtmsMedia(no LMID)");
    expect(DeallocateNtmsMedia(session, &unknown, 1), ERROR_INVALID_PARAMETER, "DeallocateNtmsMedia(options 1)");
    expect(DeallocateNtmsMedia(session, NULL, 0), ERROR_INVALID_PARAMETER, "DeallocateNtmsMedia(NULL)");
    expect(SetNtmsMediaComplete(session, &unknown), ERROR_INVALID_MEDIA, "SetNtmsMediaComplete(no LMID)");
    expect(SetNtmsMediaComplete(session, NULL), ERROR_INVALID_PARAMETER, "SetNtmsMediaComplete(NULL)");
    expect(DecommissionNtmsMedia(session, &pool), ERROR_INVALID_MEDIA, "DecommissionNtmsMedia(a pool)");
    expect(SwapNtmsMedia(session, &unknown, &unknown), ERROR_INVALID_MEDIA, "SwapNtmsMedia(the same, unknown)");
    expect(SwapNtmsMedia(session, &unknown, NULL), ERROR_INVALID_PARAMETER, "SwapNtmsMedia(NULL)");
    expect(ChangeNtmsMediaType(session, &unknown, &pool), ERROR_INVALID_MEDIA, "ChangeNtmsMediaType(no medium)");
    expect(UpdateNtmsOmidInfo(session, &unknown, NTMS_OMID_TYPE_RAW_LABEL, sizeof(zeros), zeros), ERROR_INVALID_MEDIA,
           "UpdateNtmsOmidInfo(no LMID)");
    expect(UpdateNtmsOmidInfo(session, &unknown, NTMS_OMID_TYPE_FILESYSTEM_INFO, sizeof(fs) - 2, &fs),
           ERROR_INVALID_PARAMETER, "UpdateNtmsOmidInfo(a short NTMS_FILESYSTEM_INFO)");
    expect(DeleteNtmsMediaPool(session, &pool), ERROR_SUCCESS, "the pool deleted: nothing was put in it");
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
    } else if (argc == 3 && !strcmp(mode, "free-media")) {
        prepare_free_media(atoi(argv[2]));
    } else if (argc == 3 && !strcmp(mode, "sample-first")) {
        sample_first_run(argv[2]);
    } else if (argc == 3 && !strcmp(mode, "sample-second")) {
        sample_second_run(argv[2]);
    } else if (argc == 3 && !strcmp(mode, "race")) {
        allocate_in_race(atoi(argv[2]));
    } else if (argc == 3 && !strcmp(mode, "race-check")) {
        check_race(atoi(argv[2]));
    } else if (argc == 3 && !strcmp(mode, "wait")) {
        allocate_waiting((DWORD)atoi(argv[2]));
    } else if (argc == 3 && !strcmp(mode, "free-one")) {
        free_one_in_race((DWORD)atoi(argv[2]));
    } else if (!strcmp(mode, "max-allocates")) {
        max_allocates();
    } else if (!strcmp(mode, "next")) {
        next_on_two_sided_media();
    } else if (!strcmp(mode, "lifecycle-refusals")) {
        lifecycle_refusals();
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
