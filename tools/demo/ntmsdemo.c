/* ntmsdemo: what an RSM application sees through ntmsapi.dll. Opens a
 * session, lists the libraries, identifies every slot of each online
 * library and prints slots, barcodes, labels and pools as a table. */
#include <windows.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <string.h>

static HANDLE session;

static BOOL information(const NTMS_GUID *id, DWORD type, NTMS_OBJECTINFORMATIONW *info)
{
    memset(info, 0, sizeof(*info));
    info->dwSize = sizeof(*info);
    info->dwType = type;
    return GetNtmsObjectInformationW(session, (LPNTMS_GUID)id, info) == ERROR_SUCCESS;
}

/* The medium whose home is this slot, if RSM knows one. */
static BOOL medium_of_slot(const NTMS_GUID *slot, NTMS_OBJECTINFORMATIONW *medium)
{
    NTMS_GUID media[256];
    DWORD count = ARRAYSIZE(media);

    if (EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0) != ERROR_SUCCESS)
        return FALSE;
    for (DWORD i = 0; i < count; i++)
        if (information(&media[i], NTMS_PHYSICAL_MEDIA, medium)
            && !memcmp(&medium->Info.PhysicalMedia.HomeSlot, slot, sizeof(*slot)))
            return TRUE;
    return FALSE;
}

static const char *pool_kind(DWORD type)
{
    switch (type) {
    case NTMS_POOLTYPE_SCRATCH: return "Free";
    case NTMS_POOLTYPE_FOREIGN: return "Unrecognized";
    case NTMS_POOLTYPE_IMPORT: return "Import";
    default: return "Application";
    }
}

static void show_slot(DWORD number, const NTMS_GUID *slot)
{
    NTMS_OBJECTINFORMATIONW medium, side, pool;
    NTMS_GUID sides[2];
    DWORD side_count = ARRAYSIZE(sides);
    DWORD result = IdentifyNtmsSlot(session, (LPNTMS_GUID)slot, NTMS_DISMOUNT_IMMEDIATE);

    if (result != ERROR_SUCCESS) {
        printf("  %4lu  IdentifyNtmsSlot failed: %lu\n", number, result);
        return;
    }
    if (!medium_of_slot(slot, &medium) || !information(slot, NTMS_STORAGESLOT, &side)
        || side.Info.StorageSlot.State == NTMS_SLOTSTATE_EMPTY) {
        printf("  %4lu  %-10s %-12s %-40s %s\n", number, "(empty)", "", "", "");
        return;
    }
    EnumerateNtmsObject(session, &medium.ObjectGuid, sides, &side_count, NTMS_PARTITION, 0);
    information(&sides[0], NTMS_PARTITION, &side);
    information(&medium.Info.PhysicalMedia.MediaPool, NTMS_MEDIA_POOL, &pool);
    printf("  %4lu  %-10ls %-12ls %-40.40ls %s\\%ls\n", number, medium.Info.PhysicalMedia.szBarCode,
           side.Info.Partition.szOmidLabelType, side.Info.Partition.szOmidLabelInfo,
           pool_kind(pool.Info.MediaPool.PoolType), pool.szName);
}

static void show_library(const NTMS_GUID *library, const NTMS_OBJECTINFORMATIONW *info)
{
    NTMS_GUID slots[1024];
    DWORD count = ARRAYSIZE(slots);

    printf("\nLibrary \"%ls\": %lu drives, %lu slots, %lu import/export ports\n", info->szName,
           info->Info.Library.dwNumberOfDrives, info->Info.Library.dwNumberOfSlots, info->Info.Library.dwNumberOfPorts);
    if (EnumerateNtmsObject(session, (LPNTMS_GUID)library, slots, &count, NTMS_STORAGESLOT, 0) != ERROR_SUCCESS)
        return;
    printf("  slot  %-10s %-12s %-40s %s\n", "barcode", "label", "on-media identifier", "pool");
    for (DWORD i = 0; i < count; i++)
        show_slot(i + 1, &slots[i]);
}

int main(void)
{
    NTMS_GUID libraries[16];
    DWORD count = ARRAYSIZE(libraries);
    NTMS_OBJECTINFORMATIONW info;

    session = OpenNtmsSessionW(NULL, L"ntmsapi demo", 0);
    if (session == INVALID_HANDLE_VALUE) {
        printf("OpenNtmsSessionW failed: %lu\n", GetLastError());
        return 1;
    }
    DWORD result = EnumerateNtmsObject(session, NULL, libraries, &count, NTMS_LIBRARY, 0);
    if (result != ERROR_SUCCESS) {
        printf("EnumerateNtmsObject failed: %lu\n", result);
        return 1;
    }
    printf("%lu libraries known to RSM:", count);
    for (DWORD i = 0; i < count; i++)
        if (information(&libraries[i], NTMS_LIBRARY, &info))
            printf("  \"%ls\" (%s)", info.szName,
                   info.Info.Library.LibraryType == NTMS_LIBRARYTYPE_ONLINE ? "online" : "offline");
    printf("\n");
    for (DWORD i = 0; i < count; i++)
        if (information(&libraries[i], NTMS_LIBRARY, &info) && info.Info.Library.LibraryType == NTMS_LIBRARYTYPE_ONLINE)
            show_library(&libraries[i], &info);
    CloseNtmsSession(session);
    return 0;
}
