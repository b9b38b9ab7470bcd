/* Mount, dismount and inventory through the DLL under Wine against tgt;
 * tests/wine/mount_under_wine.sh checks the tapes' places with mtx
 * between the steps.
 * usage: test_mount.exe mount-deferred | remount-immediate | drive | pools | disable | inventory
 *        test_mount.exe hold SECONDS MARKER   both drives mounted for a while (MARKER written once they are)
 *        test_mount.exe busy                  while they are held
 *        test_mount.exe standalone            the stand-alone drives (vtl.sh --standalone 2) */
#include <windows.h>
#include <ntmsapi.h>
#include <stdlib.h>
#include <string.h>

#include "rsm_test.h"

static NTMS_GUID library, offline, slots[16];

static void find_library(void)
{
    NTMS_GUID libraries[8];
    DWORD count = ARRAYSIZE(libraries), slot_count = ARRAYSIZE(slots);
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, libraries, &count, NTMS_LIBRARY, 0);
    for (DWORD i = 0; i < count; i++) {
        if (!information(&libraries[i], NTMS_LIBRARY, &info))
            continue;
        if (info.Info.Library.LibraryType == NTMS_LIBRARYTYPE_ONLINE)
            library = libraries[i];
        else
            offline = libraries[i];
    }
    ok(EnumerateNtmsObject(session, &library, slots, &slot_count, NTMS_STORAGESLOT, 0) == ERROR_SUCCESS, "slots\n");
}

/* The side of the tape whose home is slot n (1-based), known to RSM. */
static NTMS_GUID side_in(DWORD n)
{
    NTMS_GUID media[64], sides[2] = { { 0 } };
    DWORD count = ARRAYSIZE(media), side_count = ARRAYSIZE(sides);
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&media[i], NTMS_PHYSICAL_MEDIA, &info)
            && !memcmp(&info.Info.PhysicalMedia.HomeSlot, &slots[n - 1], sizeof(NTMS_GUID)))
            EnumerateNtmsObject(session, &media[i], sides, &side_count, NTMS_PARTITION, 0);
    return sides[0];
}

/* The side of the tape whose home is slot 1 (identified first if needed). */
static NTMS_GUID side_of_slot1(void)
{
    expect(IdentifyNtmsSlot(session, &slots[0], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot 1");
    return side_in(1);
}

static NTMS_GUID mount(NTMS_GUID side)
{
    NTMS_GUID drive = { 0 };
    NTMS_OBJECTINFORMATIONW info;

    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ, NTMS_PRIORITY_NORMAL, 60000, NULL),
           ERROR_SUCCESS, "MountNtmsMedia");
    ok(information(&drive, NTMS_DRIVE, &info) && info.Info.Drive.State == NTMS_DRIVESTATE_LOADED
       && !memcmp(&info.Info.Drive.SavedPartitionId, &side, sizeof(side)), "the drive holds the side, LOADED\n");
    return drive;
}

static void bad_input(void)
{
    NTMS_GUID unknown = { 7, 7, 7, { 7 } }, drive;

    expect(MountNtmsMedia(session, &unknown, &drive, 1, NTMS_MOUNT_READ, 0, 0, NULL), ERROR_INVALID_MEDIA, "unknown side");
    expect(MountNtmsMedia(session, &unknown, &drive, 0, NTMS_MOUNT_READ, 0, 0, NULL), ERROR_INVALID_PARAMETER, "count 0");
    expect(DismountNtmsMedia(session, &unknown, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_INVALID_MEDIA, "dismount unknown");
    expect(DismountNtmsDrive(session, &unknown), ERROR_INVALID_DRIVE, "DismountNtmsDrive(unknown)");
    expect(InventoryNtmsLibrary(session, &offline, NTMS_INVENTORY_FAST), ERROR_INVALID_LIBRARY,
           "the offline library has no inventory");
}

/* A disabled drive is emptied where it can be (a deferred medium goes
 * home); a disabled medium's sides cannot be mounted. */
static void disable(void)
{
    NTMS_GUID drives[4], media[64], sides[2];
    DWORD count = ARRAYSIZE(drives), media_count = ARRAYSIZE(media), side_count = ARRAYSIZE(sides);
    NTMS_OBJECTINFORMATIONW info;
    NTMS_GUID deferred = { 0 }, drive_of_it = { 0 };

    expect(IdentifyNtmsSlot(session, &slots[1], NTMS_DISMOUNT_DEFERRED), ERROR_SUCCESS, "slot 2, DEFERRED");
    EnumerateNtmsObject(session, &library, drives, &count, NTMS_DRIVE, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&drives[i], NTMS_DRIVE, &info) && info.Info.Drive.State == NTMS_DRIVESTATE_DISMOUNTABLE)
            drive_of_it = drives[i];
    expect(DisableNtmsObject(session, NTMS_DRIVE, &drive_of_it), ERROR_SUCCESS, "DisableNtmsObject(the drive)");
    ok(information(&drive_of_it, NTMS_DRIVE, &info) && !info.Enabled && info.Info.Drive.State == NTMS_DRIVESTATE_DISMOUNTED,
       "disabled and emptied (state %lu)\n", info.Info.Drive.State);
    expect(DisableNtmsObject(session, NTMS_DRIVE, &drive_of_it), ERROR_INVALID_STATE, "disabled twice");
    expect(EnableNtmsObject(session, NTMS_DRIVE, &drive_of_it), ERROR_SUCCESS, "enabled again");

    EnumerateNtmsObject(session, NULL, media, &media_count, NTMS_PHYSICAL_MEDIA, 0);
    for (DWORD i = 0; i < media_count; i++)
        if (information(&media[i], NTMS_PHYSICAL_MEDIA, &info)
            && !memcmp(&info.Info.PhysicalMedia.HomeSlot, &slots[1], sizeof(NTMS_GUID)))
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

/* The drive's device opened as a backup application opens it: share mode 0. */
static HANDLE open_exclusively(const NTMS_GUID *drive)
{
    NTMS_OBJECTINFORMATIONW info;

    if (!information(drive, NTMS_DRIVE, &info))
        return INVALID_HANDLE_VALUE;
    return CreateFileW(info.Info.Drive.szDeviceName, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
}

/* Both drives mounted by this process for `seconds`, their devices held
 * open with share mode 0 meanwhile. */
static void hold(DWORD seconds, const char *marker)
{
    NTMS_GUID sides[2], drives[2];
    HANDLE devices[2];

    expect(IdentifyNtmsSlot(session, &slots[4], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot 5");
    expect(IdentifyNtmsSlot(session, &slots[2], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "identify slot 3");
    sides[0] = side_of_slot1();
    sides[1] = side_in(3);
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
}

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

/* While hold() keeps both drives: not waiting, waiting in vain, waiting with success. */
static void busy(void)
{
    NTMS_GUID side = side_in(5), drive;

    drives_held_elsewhere_stay();
    _putenv("NTMSAPI_DRIVE_WAIT_SECONDS=1");
    expect(IdentifyNtmsSlot(session, &slots[0], NTMS_DISMOUNT_IMMEDIATE), ERROR_BUSY,
           "IdentifyNtmsSlot of a slot whose tape another process has mounted");
    ULONGLONG start = GetTickCount64();

    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ | NTMS_MOUNT_ERROR_NOT_AVAILABLE, 0, 30000, NULL),
           ERROR_BUSY, "NTMS_MOUNT_ERROR_NOT_AVAILABLE: at once");
    ok(GetTickCount64() - start < 1000, "without waiting (%llu ms)\n", GetTickCount64() - start);
    start = GetTickCount64();
    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ, 0, 1000, NULL), ERROR_TIMEOUT,
           "a 1 s timeout while both drives are in use");
    ok(GetTickCount64() - start >= 1000, "after waiting it out (%llu ms)\n", GetTickCount64() - start);
    _putenv("NTMSAPI_DRIVE_WAIT_SECONDS=1");
    start = GetTickCount64();
    expect(IdentifyNtmsSlot(session, &slots[6], NTMS_DISMOUNT_IMMEDIATE), ERROR_BUSY,
           "IdentifyNtmsSlot with NTMSAPI_DRIVE_WAIT_SECONDS=1");
    ok(GetTickCount64() - start >= 1000, "after 1 s (%llu ms)\n", GetTickCount64() - start);
    _putenv("NTMSAPI_DRIVE_WAIT_SECONDS=60");
    start = GetTickCount64();
    expect(IdentifyNtmsSlot(session, &slots[6], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS,
           "IdentifyNtmsSlot waits until a drive is free");
    ok(GetTickCount64() - start >= 1000, "it waited (%llu ms)\n", GetTickCount64() - start);
}

/* The stand-alone library on the drive that is \\.\TapeN, and its drive. */
static BOOL standalone_library(const WCHAR *device, NTMS_GUID *library_id, NTMS_GUID *drive)
{
    NTMS_GUID libraries[8];
    DWORD count = ARRAYSIZE(libraries);
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, libraries, &count, NTMS_LIBRARY, 0);
    for (DWORD i = 0; i < count; i++) {
        DWORD drives = 1;
        if (!information(&libraries[i], NTMS_LIBRARY, &info) || info.Info.Library.LibraryType != NTMS_LIBRARYTYPE_STANDALONE
            || EnumerateNtmsObject(session, &libraries[i], drive, &drives, NTMS_DRIVE, 0) != ERROR_SUCCESS
            || !information(drive, NTMS_DRIVE, &info) || lstrcmpiW(info.Info.Drive.szDeviceName, device))
            continue;
        *library_id = libraries[i];
        return TRUE;
    }
    return FALSE;
}

static DWORD media_in(NTMS_GUID *library_id, NTMS_GUID *media)
{
    DWORD count = 4;
    return EnumerateNtmsObject(session, library_id, media, &count, NTMS_PHYSICAL_MEDIA, 0) == ERROR_SUCCESS ? count : 99;
}

static void standalone(void)
{
    NTMS_GUID sa, sa_drive, blank, blank_drive, media[4], again[4], side, drive;
    NTMS_OBJECTINFORMATIONW info;
    DWORD count = 1;

    ok(standalone_library(L"\\\\.\\Tape2", &sa, &sa_drive), "\\\\.\\Tape2, in no changer, is a stand-alone library\n");
    ok(information(&sa, NTMS_LIBRARY, &info) && info.Info.Library.dwNumberOfDrives == 1
       && info.Info.Library.dwNumberOfSlots == 0, "one drive, no slots\n");
    ok(standalone_library(L"\\\\.\\Tape3", &blank, &blank_drive), "and so is \\\\.\\Tape3\n");
    ok(information(&library, NTMS_LIBRARY, &info) && info.Info.Library.dwNumberOfDrives == 2,
       "the changer's library keeps its two drives\n");
    expect(InventoryNtmsLibrary(session, &sa, NTMS_INVENTORY_FAST), ERROR_SUCCESS, "inventory of the stand-alone drive");
    ok(media_in(&sa, media) == 1, "finds its tape\n");
    EnumerateNtmsObject(session, &media[0], &side, &count, NTMS_PARTITION, 0);
    ok(information(&side, NTMS_PARTITION, &info) && !wcscmp(info.Info.Partition.szOmidLabelType, L"ANSI VOL1")
       && info.Info.Partition.State == NTMS_PARTSTATE_IMPORT, "labelled ANSI VOL1, IMPORT (%ls)\n",
       info.Info.Partition.szOmidLabelType);
    ok(information(&media[0], NTMS_PHYSICAL_MEDIA, &info) && info.Info.PhysicalMedia.LocationType == NTMS_DRIVE
       && !memcmp(&info.Info.PhysicalMedia.Location, &sa_drive, sizeof(sa_drive)), "in the drive\n");
    expect(InventoryNtmsLibrary(session, &sa, NTMS_INVENTORY_OMID), ERROR_SUCCESS, "again");
    ok(media_in(&sa, again) == 1 && !memcmp(&again[0], &media[0], sizeof(media[0])), "the same record\n");
    expect(InventoryNtmsLibrary(session, &blank, NTMS_INVENTORY_FAST), ERROR_SUCCESS, "the drive with a blank tape");
    expect(InventoryNtmsLibrary(session, &blank, NTMS_INVENTORY_FAST), ERROR_SUCCESS, "twice");
    ok(media_in(&blank, again) == 1, "a blank tape without barcode is one record, not one per inventory\n");

    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ, 0, 10000, NULL), ERROR_SUCCESS, "mount in place");
    ok(!memcmp(&drive, &sa_drive, sizeof(drive)) && information(&drive, NTMS_DRIVE, &info)
       && info.Info.Drive.State == NTMS_DRIVESTATE_LOADED, "LOADED in its drive\n");
    expect(InventoryNtmsLibrary(session, &sa, NTMS_INVENTORY_FAST), ERROR_BUSY, "no inventory while mounted");
    expect(DismountNtmsMedia(session, &side, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "dismount");
    ok(information(&drive, NTMS_DRIVE, &info) && info.Info.Drive.State == NTMS_DRIVESTATE_DISMOUNTABLE,
       "the drive is only marked dismountable (%lu)\n", info.Info.Drive.State);
    ok(information(&media[0], NTMS_PHYSICAL_MEDIA, &info) && info.Info.PhysicalMedia.LocationType == NTMS_DRIVE
       && info.Info.PhysicalMedia.MediaState == NTMS_MEDIASTATE_IDLE, "the tape stays, idle\n");
    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ, 0, 10000, NULL), ERROR_SUCCESS, "mount again");
    expect(DismountNtmsDrive(session, &drive), ERROR_SUCCESS, "DismountNtmsDrive");
    expect(DeleteNtmsDrive(session, &sa_drive), ERROR_INVALID_STATE, "a drive that is there stays");
    NTMS_GUID library_side = side_of_slot1(), into = sa_drive;
    expect(MountNtmsMedia(session, &library_side, &into, 1, NTMS_MOUNT_READ | NTMS_MOUNT_SPECIFIC_DRIVE, 0, 10000, NULL),
           ERROR_INVALID_DRIVE, "a library's tape cannot go into a stand-alone drive");
}

int main(int argc, char **argv)
{
    session = OpenNtmsSessionW(NULL, L"ntmsapi test_mount", 0);
    find_library();
    const char *mode = argc > 1 ? argv[1] : "";
    if (!strcmp(mode, "mount-deferred")) {
        bad_input();
        NTMS_GUID side = side_of_slot1();
        mount(side);
        expect(DismountNtmsMedia(session, &side, 1, NTMS_DISMOUNT_DEFERRED), ERROR_SUCCESS, "dismount DEFERRED");
    } else if (!strcmp(mode, "remount-immediate")) {
        NTMS_GUID side = side_of_slot1();   /* identified in place in its drive */
        mount(side);
        expect(DismountNtmsMedia(session, &side, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "dismount IMMEDIATE");
        expect(DismountNtmsMedia(session, &side, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_INVALID_STATE, "not mounted");
    } else if (!strcmp(mode, "drive")) {
        NTMS_GUID drive = mount(side_of_slot1()), drives[4];
        DWORD count = ARRAYSIZE(drives);
        EnumerateNtmsObject(session, &library, drives, &count, NTMS_DRIVE, 0);
        for (DWORD i = 0; i < count; i++)
            if (memcmp(&drives[i], &drive, sizeof(drive)))
                expect(DismountNtmsDrive(session, &drives[i]), ERROR_INVALID_STATE, "an empty drive");
        expect(DismountNtmsDrive(session, &drive), ERROR_SUCCESS, "DismountNtmsDrive");
    } else if (!strcmp(mode, "pools")) {
        NTMS_GUID side = side_of_slot1(), media, lto6_pool, other_pool, free_lto6 = { 0 }, frees[64];
        NTMS_OBJECTINFORMATIONW info, part;
        DWORD count = ARRAYSIZE(frees);
        ok(information(&side, NTMS_PARTITION, &part), "the side\n");
        media = part.Info.Partition.PhysicalMedia;
        ok(information(&media, NTMS_PHYSICAL_MEDIA, &info), "the medium\n");
        NTMS_GUID type = info.Info.PhysicalMedia.MediaType, none = { 0 };
        expect(CreateNtmsMediaPoolW(session, L"\\Backup", &type, NTMS_OPEN_ALWAYS, NULL, &lto6_pool), ERROR_SUCCESS,
               "an application pool of the tape's type");
        expect(CreateNtmsMediaPoolW(session, L"\\Other", &none, NTMS_OPEN_ALWAYS, NULL, &other_pool), ERROR_SUCCESS,
               "an application pool of any type");
        expect(MoveToNtmsMediaPool(session, &media, &lto6_pool), ERROR_INVALID_MEDIA_POOL,
               "Unrecognized media go only to Free");
        /* Free's child of the same media type */
        NTMS_GUID tops[8];
        DWORD top_count = ARRAYSIZE(tops);
        EnumerateNtmsObject(session, NULL, tops, &top_count, NTMS_MEDIA_POOL, 0);
        for (DWORD i = 0; i < top_count; i++)
            if (information(&tops[i], NTMS_MEDIA_POOL, &info) && info.Info.MediaPool.PoolType == NTMS_POOLTYPE_SCRATCH)
                EnumerateNtmsObject(session, &tops[i], frees, &count, NTMS_MEDIA_POOL, 0);
        for (DWORD i = 0; i < count; i++)
            if (information(&frees[i], NTMS_MEDIA_POOL, &info) && !memcmp(&info.Info.MediaPool.MediaType, &type, sizeof(type)))
                free_lto6 = frees[i];
        expect(MoveToNtmsMediaPool(session, &media, &free_lto6), ERROR_SUCCESS, "into Free");
        ok(information(&side, NTMS_PARTITION, &part) && part.Info.Partition.State == NTMS_PARTSTATE_AVAILABLE,
           "its side is AVAILABLE in Free (%lu)\n", part.Info.Partition.State);
        ok(!wcscmp(part.Info.Partition.szOmidLabelType, L"Free") && part.Info.Partition.dwOmidLabelIdLength == 16,
           "a free label was written on the tape: its side says '%ls'\n", part.Info.Partition.szOmidLabelType);
        expect(MoveToNtmsMediaPool(session, &media, &lto6_pool), ERROR_SUCCESS, "from Free to an application pool");
        ok(information(&media, NTMS_PHYSICAL_MEDIA, &info) && !memcmp(&info.Info.PhysicalMedia.MediaPool, &lto6_pool,
           sizeof(lto6_pool)), "it is in the application pool\n");
        expect(DeleteNtmsMediaPool(session, &lto6_pool), ERROR_NOT_EMPTY, "a pool holding media");
        expect(MoveToNtmsMediaPool(session, &media, &other_pool), ERROR_SUCCESS, "between application pools");
        expect(MoveToNtmsMediaPool(session, &media, &side), ERROR_INVALID_MEDIA_POOL, "a side is no pool");
        expect(MoveToNtmsMediaPool(session, &side, &other_pool), ERROR_INVALID_MEDIA, "a side is no medium");

        /* Identification related the library to LTO-6; DLT is added by hand. */
        NTMS_GUID types[8], dlt = { 0 }, all_types[64];
        DWORD type_count = ARRAYSIZE(types), all = ARRAYSIZE(all_types);
        EnumerateNtmsObject(session, NULL, all_types, &all, NTMS_MEDIA_TYPE, 0);
        for (DWORD i = 0; i < all; i++)
            if (information(&all_types[i], NTMS_MEDIA_TYPE, &info) && !wcscmp(info.szName, L"DLT"))
                dlt = all_types[i];
        expect(EnumerateNtmsObject(session, &library, types, &type_count, NTMS_MEDIA_TYPE, 0), ERROR_SUCCESS,
               "the library's media types");
        ok(type_count == 1 && !memcmp(&types[0], &type, sizeof(type)), "just LTO-6 (%lu)\n", type_count);
        expect(AddNtmsMediaType(session, &dlt, &library), ERROR_SUCCESS, "AddNtmsMediaType(DLT)");
        expect(AddNtmsMediaType(session, &dlt, &library), ERROR_SUCCESS, "adding it again is fine");
        type_count = ARRAYSIZE(types);
        EnumerateNtmsObject(session, &library, types, &type_count, NTMS_MEDIA_TYPE, 0);
        ok(type_count == 2, "LTO-6 and DLT (%lu)\n", type_count);
        expect(DeleteNtmsMediaType(session, &type, &library), ERROR_NOT_EMPTY, "LTO-6 tapes are in the library");
        expect(DeleteNtmsMediaType(session, &dlt, &library), ERROR_SUCCESS, "DeleteNtmsMediaType(DLT)");
        expect(AddNtmsMediaType(session, &library, &library), ERROR_INVALID_MEDIA, "a library is no media type");
        expect(AddNtmsMediaType(session, &dlt, &dlt), ERROR_INVALID_LIBRARY, "a media type is no library");
    } else if (!strcmp(mode, "hold") && argc == 4) {
        hold((DWORD)atoi(argv[2]), argv[3]);
    } else if (!strcmp(mode, "standalone")) {
        standalone();
    } else if (!strcmp(mode, "busy")) {
        busy();
    } else if (!strcmp(mode, "disable")) {
        disable();
    } else if (!strcmp(mode, "inventory")) {
        NTMS_GUID media[64];
        DWORD count = ARRAYSIZE(media);
        expect(InventoryNtmsLibrary(session, &library, NTMS_INVENTORY_FAST), ERROR_SUCCESS, "FAST inventory");
        expect(EnumerateNtmsObject(session, &library, media, &count, NTMS_PHYSICAL_MEDIA, 0), ERROR_SUCCESS, "media");
        ok(count == 7, "every tape is known after a FAST inventory (%lu)\n", count);
        expect(InventoryNtmsLibrary(session, &library, NTMS_INVENTORY_SLOT), ERROR_SUCCESS, "SLOT inventory");
        expect(InventoryNtmsLibrary(session, &library, NTMS_INVENTORY_NONE), ERROR_SUCCESS, "NONE");
        expect(InventoryNtmsLibrary(session, &library, NTMS_INVENTORY_STOP), ERROR_SUCCESS, "STOP");
    } else {
        ok(0, "usage: test_mount mount-deferred | remount-immediate | drive | inventory\n");
    }
    CloseNtmsSession(session);
    return wintest_finish();
}
