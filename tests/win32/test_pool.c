/* pool.c's exports through the real DLL: the system pools and their
 * names, application pools (CreateNtmsMediaPoolA/W, GetNtmsMediaPoolNameA/W,
 * DeleteNtmsMediaPool); in a library of 8 slots and 2 drives (tgt's, under
 * Wine), MoveToNtmsMediaPool by RSM's rules and the library's media types
 * (AddNtmsMediaType, DeleteNtmsMediaType). objects_under_wine.sh and
 * mount_under_wine.sh in tests/wine/ run it.
 *
 * usage: test_pool.exe           no library needed
 *        test_pool.exe library   slot 1's tape between pools; the library's media types */
#include <windows.h>
#include <ntmsapi.h>
#include <string.h>

#include "rsm_test.h"

static void test_system_pools(void)
{
    NTMS_GUID pools[64], children[64];
    DWORD count = ARRAYSIZE(pools), child_count = ARRAYSIZE(children);
    NTMS_OBJECTINFORMATIONW info;
    WCHAR name[NTMS_POOLHIERARCHY_LENGTH];
    char aname[NTMS_POOLHIERARCHY_LENGTH];
    DWORD size;
    NTMS_GUID free_pool = { 0 };

    expect(EnumerateNtmsObject(session, NULL, pools, &count, NTMS_MEDIA_POOL, 0), ERROR_SUCCESS, "top-level pools");
    ok(count == 3, "Free, Import and Unrecognized at the top (%lu)\n", count);
    for (DWORD i = 0; i < count; i++)
        if (information(&pools[i], NTMS_MEDIA_POOL, &info) && info.Info.MediaPool.PoolType == NTMS_POOLTYPE_SCRATCH)
            free_pool = pools[i];
    expect(EnumerateNtmsObject(session, &free_pool, children, &child_count, NTMS_MEDIA_POOL, 0), ERROR_SUCCESS,
           "children of Free");
    ok(child_count > 20, "one Free pool per media type (%lu)\n", child_count);
    BOOL found = FALSE;
    for (DWORD i = 0; i < child_count && !found; i++) {
        if (!information(&children[i], NTMS_MEDIA_POOL, &info) || wcscmp(info.szName, L"LTO-6"))
            continue;
        found = TRUE;
        size = ARRAYSIZE(name);
        expect(GetNtmsMediaPoolNameW(session, &children[i], name, &size), ERROR_SUCCESS, "GetNtmsMediaPoolNameW");
        ok(!wcscmp(name, L"\\Free\\LTO-6") && size == 12, "pool name %ls (%lu)\n", name, size);
        size = 4;
        expect(GetNtmsMediaPoolNameW(session, &children[i], name, &size), ERROR_INSUFFICIENT_BUFFER, "short buffer");
        ok(size == 12, "needed size %lu\n", size);
        size = sizeof(aname);
        expect(GetNtmsMediaPoolNameA(session, &children[i], aname, &size), ERROR_SUCCESS, "GetNtmsMediaPoolNameA");
        ok(!strcmp(aname, "\\Free\\LTO-6"), "pool name (A) %s\n", aname);
        /* System pools keep their names. */
        wcscpy(info.szName, L"Renamed");
        expect(SetNtmsObjectInformationW(session, &children[i], &info), ERROR_ACCESS_DENIED, "renaming a system pool");
    }
    ok(found, "Free\\LTO-6 exists\n");
    NTMS_GUID computer = the_computer();
    size = ARRAYSIZE(name);
    expect(GetNtmsMediaPoolNameW(session, &computer, name, &size), ERROR_INVALID_MEDIA_POOL,
           "GetNtmsMediaPoolNameW(not a pool)");
}

static void test_application_pools(void)
{
    NTMS_GUID app, daily, again, lto6 = media_type_named(L"LTO-6"), pools[64], free_pool = { 0 };
    WCHAR name[NTMS_POOLHIERARCHY_LENGTH];
    DWORD size = ARRAYSIZE(name), count = ARRAYSIZE(pools);
    NTMS_OBJECTINFORMATIONW info;

    expect(CreateNtmsMediaPoolW(session, L"\\MyApp", NULL, NTMS_CREATE_NEW, NULL, &app), ERROR_SUCCESS, "create \\MyApp");
    expect(CreateNtmsMediaPoolA(session, "\\MyApp\\Daily", &lto6, NTMS_OPEN_ALWAYS, NULL, &daily), ERROR_SUCCESS,
           "create \\MyApp\\Daily (A) for LTO-6");
    expect(CreateNtmsMediaPoolW(session, L"\\MyApp\\Daily", NULL, NTMS_OPEN_EXISTING, NULL, &again), ERROR_SUCCESS,
           "open it again");
    ok(!memcmp(&again, &daily, sizeof(again)), "the same pool\n");
    expect(CreateNtmsMediaPoolW(session, L"\\MyApp\\Daily", NULL, NTMS_CREATE_NEW, NULL, &again),
           ERROR_ALREADY_EXISTS, "CREATE_NEW of an existing pool");
    expect(CreateNtmsMediaPoolW(session, L"\\NoSuchApp\\Pool", NULL, NTMS_OPEN_ALWAYS, NULL, &again),
           ERROR_OBJECT_NOT_FOUND, "a missing parent");
    expect(CreateNtmsMediaPoolW(session, L"\\Weekly", NULL, NTMS_OPEN_EXISTING, NULL, &again), ERROR_OBJECT_NOT_FOUND,
           "OPEN_EXISTING of no pool");
    expect(CreateNtmsMediaPoolW(session, L"\\MyApp\\\\x", NULL, NTMS_OPEN_ALWAYS, NULL, &again), ERROR_INVALID_NAME,
           "an empty level");
    expect(CreateNtmsMediaPoolW(session, L"\\Free\\Mine", NULL, NTMS_OPEN_ALWAYS, NULL, &again),
           ERROR_INVALID_MEDIA_POOL, "no application pool inside Free");
    expect(CreateNtmsMediaPoolW(session, L"\\Bad", &app, NTMS_OPEN_ALWAYS, NULL, &again), ERROR_INVALID_MEDIA,
           "a pool is no media type");
    expect(GetNtmsMediaPoolNameW(session, &daily, name, &size), ERROR_SUCCESS, "its name");
    ok(!wcscmp(name, L"\\MyApp\\Daily"), "name %ls\n", name);
    ok(information(&daily, NTMS_MEDIA_POOL, &info) && info.Info.MediaPool.PoolType == NTMS_POOLTYPE_APPLICATION
       && !memcmp(&info.Info.MediaPool.MediaType, &lto6, sizeof(lto6)) && !memcmp(&info.Info.MediaPool.Parent, &app,
       sizeof(app)), "an application pool of LTO-6 under MyApp\n");
    expect(EnumerateNtmsObject(session, NULL, pools, &count, NTMS_MEDIA_POOL, 0), ERROR_SUCCESS, "top-level pools");
    ok(count == 4, "MyApp joins the three system pools (%lu)\n", count);
    for (DWORD i = 0; i < count; i++)
        if (information(&pools[i], NTMS_MEDIA_POOL, &info) && info.Info.MediaPool.PoolType == NTMS_POOLTYPE_SCRATCH)
            free_pool = pools[i];
    expect(DeleteNtmsMediaPool(session, &app), ERROR_NOT_EMPTY, "a pool with a child");
    expect(DeleteNtmsMediaPool(session, &free_pool), ERROR_INVALID_MEDIA_POOL, "a system pool");
    expect(DeleteNtmsMediaPool(session, &daily), ERROR_SUCCESS, "delete \\MyApp\\Daily");
    expect(DeleteNtmsMediaPool(session, &app), ERROR_SUCCESS, "then \\MyApp");
    expect(DeleteNtmsMediaPool(session, &app), ERROR_INVALID_MEDIA_POOL, "a deleted pool");
}

/* The blank tape of slot 1, Unrecognized, moved by RSM's rules: only to
 * Free first (which writes a free label on it), then between application pools. */
static void move_between_pools(NTMS_GUID side)
{
    NTMS_GUID media, lto6_pool, other_pool;
    NTMS_OBJECTINFORMATIONW info, part;

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
    NTMS_GUID free_lto6 = free_pool_of_type(&type);
    expect(MoveToNtmsMediaPool(session, &media, &free_lto6), ERROR_SUCCESS, "into Free");
    ok(information(&side, NTMS_PARTITION, &part) && part.Info.Partition.State == NTMS_PARTSTATE_AVAILABLE,
       "its side is AVAILABLE in Free (%lu)\n", part.Info.Partition.State);
    if (free_label_checkable())
        ok(!wcscmp(part.Info.Partition.szOmidLabelType, L"Free") && part.Info.Partition.dwOmidLabelIdLength == 16,
           "a free label was written on the tape: its side says '%ls'\n", part.Info.Partition.szOmidLabelType);
    expect(MoveToNtmsMediaPool(session, &media, &lto6_pool), ERROR_SUCCESS, "from Free to an application pool");
    ok(information(&media, NTMS_PHYSICAL_MEDIA, &info) && same_guid(&info.Info.PhysicalMedia.MediaPool, &lto6_pool),
       "it is in the application pool\n");
    expect(DeleteNtmsMediaPool(session, &lto6_pool), ERROR_NOT_EMPTY, "a pool holding media");
    expect(MoveToNtmsMediaPool(session, &media, &other_pool), ERROR_SUCCESS, "between application pools");
    expect(MoveToNtmsMediaPool(session, &media, &side), ERROR_INVALID_MEDIA_POOL, "a side is no pool");
    expect(MoveToNtmsMediaPool(session, &side, &other_pool), ERROR_INVALID_MEDIA, "a side is no medium");
}

/* Identification related the library to the tape's type (LTO-6); DLT is added by hand. */
static void library_media_types(const NTMS_GUID *library, NTMS_GUID side)
{
    NTMS_GUID types[8], dlt = media_type_named(L"DLT");
    DWORD type_count = ARRAYSIZE(types);
    NTMS_OBJECTINFORMATIONW info, part;

    information(&side, NTMS_PARTITION, &part);
    information(&part.Info.Partition.PhysicalMedia, NTMS_PHYSICAL_MEDIA, &info);
    NTMS_GUID type = info.Info.PhysicalMedia.MediaType;
    expect(EnumerateNtmsObject(session, (LPNTMS_GUID)library, types, &type_count, NTMS_MEDIA_TYPE, 0), ERROR_SUCCESS,
           "the library's media types");
    ok(type_count == 1 && same_guid(&types[0], &type), "just LTO-6 (%lu)\n", type_count);
    expect(AddNtmsMediaType(session, &dlt, (LPNTMS_GUID)library), ERROR_SUCCESS, "AddNtmsMediaType(DLT)");
    expect(AddNtmsMediaType(session, &dlt, (LPNTMS_GUID)library), ERROR_SUCCESS, "adding it again is fine");
    type_count = ARRAYSIZE(types);
    EnumerateNtmsObject(session, (LPNTMS_GUID)library, types, &type_count, NTMS_MEDIA_TYPE, 0);
    ok(type_count == 2, "LTO-6 and DLT (%lu)\n", type_count);
    expect(DeleteNtmsMediaType(session, &type, (LPNTMS_GUID)library), ERROR_NOT_EMPTY, "LTO-6 tapes are in the library");
    expect(DeleteNtmsMediaType(session, &dlt, (LPNTMS_GUID)library), ERROR_SUCCESS, "DeleteNtmsMediaType(DLT)");
    expect(AddNtmsMediaType(session, (LPNTMS_GUID)library, (LPNTMS_GUID)library), ERROR_INVALID_MEDIA,
           "a library is no media type");
    expect(AddNtmsMediaType(session, &dlt, &dlt), ERROR_INVALID_LIBRARY, "a media type is no library");
}

static void pools_in_the_library(void)
{
    NTMS_GUID slots[16];
    DWORD slot_count = ARRAYSIZE(slots);
    NTMS_GUID library = find_online_library(slots, &slot_count), side = identified_side(&slots[0]);

    move_between_pools(side);
    library_media_types(&library, side);
}

int main(int argc, char **argv)
{
    session = OpenNtmsSessionW(NULL, L"ntmsapi test_pool", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    if (argc == 2 && !strcmp(argv[1], "library")) {
        pools_in_the_library();
    } else if (argc == 1) {
        test_system_pools();
        test_application_pools();
    } else {
        ok(0, "usage: test_pool.exe [library]\n");
    }
    CloseNtmsSession(session);
    return wintest_finish();
}
