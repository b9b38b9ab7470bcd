/* What the Win32 test programs share: one session, the usual checks, and
 * the objects they look for: the computer, the online library with its
 * slots, the side of the tape at home in a slot, a mount, stand-alone
 * libraries. Where ntmsapi knowingly differs from RSM: rsm_differences.h. */
#ifndef NTMSAPI_TESTS_RSM_TEST_H
#define NTMSAPI_TESTS_RSM_TEST_H

#include <windows.h>
#include <ntmsapi.h>
#include <string.h>

#include "rsm_differences.h"
#include "wintest.h"

static HANDLE session;

static void expect(DWORD got, DWORD wanted, const char *what)
{
    ok(got == wanted, "%s: got %lu, expected %lu\n", what, got, wanted);
}

/* GetNtmsObjectInformationW with dwSize and dwType set, as callers must. */
static BOOL information(const NTMS_GUID *id, DWORD type, NTMS_OBJECTINFORMATIONW *info)
{
    memset(info, 0, sizeof(*info));
    info->dwSize = sizeof(*info);
    info->dwType = type;
    return GetNtmsObjectInformationW(session, (LPNTMS_GUID)id, info) == ERROR_SUCCESS;
}

static inline BOOL same_guid(const NTMS_GUID *a, const NTMS_GUID *b)
{
    return !memcmp(a, b, sizeof(NTMS_GUID));
}

/* The media type RSM names so ("LTO-6", "DLT" ...); all zeros when none. */
static inline NTMS_GUID media_type_named(const WCHAR *name)
{
    NTMS_GUID types[64] = { { 0 } }, none = { 0 };
    DWORD count = ARRAYSIZE(types);
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, types, &count, NTMS_MEDIA_TYPE, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&types[i], NTMS_MEDIA_TYPE, &info) && !wcscmp(info.szName, name))
            return types[i];
    return none;
}

/* Free's child pool for this media type; all zeros when none. */
static inline NTMS_GUID free_pool_of_type(const NTMS_GUID *type)
{
    NTMS_GUID tops[8], frees[64], none = { 0 };
    DWORD top_count = ARRAYSIZE(tops), count = 0;
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, tops, &top_count, NTMS_MEDIA_POOL, 0);
    for (DWORD i = 0; i < top_count; i++)
        if (information(&tops[i], NTMS_MEDIA_POOL, &info) && info.Info.MediaPool.PoolType == NTMS_POOLTYPE_SCRATCH) {
            count = ARRAYSIZE(frees);
            EnumerateNtmsObject(session, &tops[i], frees, &count, NTMS_MEDIA_POOL, 0);
        }
    for (DWORD i = 0; i < count; i++)
        if (information(&frees[i], NTMS_MEDIA_POOL, &info) && same_guid(&info.Info.MediaPool.MediaType, type))
            return frees[i];
    return none;
}

/* The computer object: there is one. */
static inline NTMS_GUID the_computer(void)
{
    NTMS_GUID computer[2] = { { 0 } };
    DWORD count = ARRAYSIZE(computer);

    ok(EnumerateNtmsObject(session, NULL, computer, &count, NTMS_COMPUTER, 0) == ERROR_SUCCESS && count == 1,
       "one computer object (%lu)\n", count);
    return computer[0];
}

/* The first library of this NTMS_LIBRARYTYPE_*; all zeros when none. */
static inline NTMS_GUID library_of_type(DWORD type)
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

/* The online library the tests run against, and its slots in element
 * order (*slot_count: the room in slots, then how many there are). */
static inline NTMS_GUID find_online_library(NTMS_GUID *slots, DWORD *slot_count)
{
    NTMS_GUID libraries[8], library = { 0 };
    DWORD count = ARRAYSIZE(libraries);
    NTMS_OBJECTINFORMATIONW info;

    ok(EnumerateNtmsObject(session, NULL, libraries, &count, NTMS_LIBRARY, 0) == ERROR_SUCCESS,
       "EnumerateNtmsObject(libraries) failed\n");
    for (DWORD i = 0; i < count; i++)
        if (information(&libraries[i], NTMS_LIBRARY, &info) && info.Info.Library.LibraryType == NTMS_LIBRARYTYPE_ONLINE)
            library = libraries[i];
    ok(EnumerateNtmsObject(session, &library, slots, slot_count, NTMS_STORAGESLOT, 0) == ERROR_SUCCESS,
       "the online library's slots\n");
    return library;
}

/* The first side of a medium; all zeros when none. */
static inline NTMS_GUID side_of_medium(const NTMS_GUID *medium)
{
    NTMS_GUID sides[2] = { { 0 } };
    DWORD count = ARRAYSIZE(sides);

    EnumerateNtmsObject(session, (LPNTMS_GUID)medium, sides, &count, NTMS_PARTITION, 0);
    return sides[0];
}

/* The side of the tape whose home is this slot, known to RSM; all zeros when none. */
static inline NTMS_GUID side_of_slot(const NTMS_GUID *slot)
{
    NTMS_GUID media[64], none = { 0 };
    DWORD count = ARRAYSIZE(media);
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&media[i], NTMS_PHYSICAL_MEDIA, &info) && same_guid(&info.Info.PhysicalMedia.HomeSlot, slot))
            return side_of_medium(&media[i]);
    return none;
}

/* The side of the tape in this slot, identified (IMMEDIATE) first. */
static inline NTMS_GUID identified_side(const NTMS_GUID *slot)
{
    expect(IdentifyNtmsSlot(session, (LPNTMS_GUID)slot, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS,
           "IdentifyNtmsSlot of the tape's slot");
    return side_of_slot(slot);
}

/* The side mounted (in place when it waits in a drive); the drive it is in. */
static inline NTMS_GUID mount_side(NTMS_GUID side)
{
    NTMS_GUID drive = { 0 };
    NTMS_OBJECTINFORMATIONW info;

    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ, NTMS_PRIORITY_NORMAL, 60000, NULL),
           ERROR_SUCCESS, "MountNtmsMedia");
    ok(information(&drive, NTMS_DRIVE, &info) && info.Info.Drive.State == NTMS_DRIVESTATE_LOADED
       && same_guid(&info.Info.Drive.SavedPartitionId, &side), "the drive holds the side, LOADED\n");
    return drive;
}

/* The drive's device opened as a backup application opens it: share mode 0. */
static inline HANDLE open_exclusively(const NTMS_GUID *drive)
{
    NTMS_OBJECTINFORMATIONW info;

    if (!information(drive, NTMS_DRIVE, &info))
        return INVALID_HANDLE_VALUE;
    return CreateFileW(info.Info.Drive.szDeviceName, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
}

/* The stand-alone library of the drive that is this device (\\.\TapeN), and its drive. */
static inline BOOL standalone_library(const WCHAR *device, NTMS_GUID *library, NTMS_GUID *drive)
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
        *library = libraries[i];
        return TRUE;
    }
    return FALSE;
}

/* The media in a library (room for 4); 99 when they cannot be listed. */
static inline DWORD media_in(const NTMS_GUID *library, NTMS_GUID *media)
{
    DWORD count = 4;

    return EnumerateNtmsObject(session, (LPNTMS_GUID)library, media, &count, NTMS_PHYSICAL_MEDIA, 0) == ERROR_SUCCESS
           ? count : 99;
}

#endif
