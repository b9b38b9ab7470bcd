/* The object database through the DLL, no library needed: system objects,
 * pool names, object information both ways (W, A, Windows 2000 layouts),
 * attributes, enable/disable, and several processes at once.
 * usage: test_object.exe [write-attributes <process> | check-attributes <processes>] */
#include <windows.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rsm_test.h"

static NTMS_GUID the_computer(void)
{
    NTMS_GUID computer[2];
    DWORD count = ARRAYSIZE(computer);

    ok(EnumerateNtmsObject(session, NULL, computer, &count, NTMS_COMPUTER, 0) == ERROR_SUCCESS && count == 1,
       "one computer object (%lu)\n", count);
    return computer[0];
}

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

static void test_export_import(void)
{
    NTMS_GUID computer = the_computer();
    char value[8];
    DWORD size = sizeof(value);

    expect(SetNtmsObjectAttributeW(session, &computer, NTMS_COMPUTER, L"Era", "before", 6), ERROR_SUCCESS, "mark");
    expect(ExportNtmsDatabase(session), ERROR_SUCCESS, "ExportNtmsDatabase");
    expect(SetNtmsObjectAttributeW(session, &computer, NTMS_COMPUTER, L"Era", "after!", 6), ERROR_SUCCESS, "change");
    expect(ImportNtmsDatabase(session), ERROR_SUCCESS, "ImportNtmsDatabase");
    expect(GetNtmsObjectAttributeW(session, &computer, NTMS_COMPUTER, L"Era", value, &size), ERROR_SUCCESS, "read");
    ok(size == 6 && !memcmp(value, "before", 6), "the exported state is back: %.6s\n", value);
}

static void test_ui_options(void)
{
    NTMS_GUID computer = the_computer();
    WCHAR list[64];
    char alist[64];
    DWORD size = ARRAYSIZE(list);

    expect(GetNtmsUIOptionsW(session, NULL, NTMS_UITYPE_REQ, list, &size), ERROR_SUCCESS, "an empty list");
    ok(size == 0, "empty: size %lu\n", size);
    expect(SetNtmsUIOptionsW(session, NULL, NTMS_UITYPE_REQ, NTMS_UIDEST_ADD, L"console"), ERROR_SUCCESS, "add");
    expect(SetNtmsUIOptionsA(session, NULL, NTMS_UITYPE_REQ, NTMS_UIDEST_ADD, "pager"), ERROR_SUCCESS, "add (A)");
    expect(SetNtmsUIOptionsW(session, NULL, NTMS_UITYPE_REQ, NTMS_UIDEST_ADD, L"pager"), ERROR_ALREADY_EXISTS,
           "a duplicate");
    size = 3;
    expect(GetNtmsUIOptionsW(session, NULL, NTMS_UITYPE_REQ, list, &size), ERROR_INSUFFICIENT_BUFFER, "short buffer");
    ok(size == 15, "needed %lu (console, pager, final NUL)\n", size);
    size = ARRAYSIZE(list);
    expect(GetNtmsUIOptionsW(session, NULL, NTMS_UITYPE_REQ, list, &size), ERROR_SUCCESS, "the list");
    ok(!wcscmp(list, L"console") && !wcscmp(list + 8, L"pager") && list[14] == 0, "a multi-string\n");
    size = sizeof(alist);
    expect(GetNtmsUIOptionsA(session, NULL, NTMS_UITYPE_REQ, alist, &size), ERROR_SUCCESS, "the list (A)");
    ok(size == 15 && !strcmp(alist + 8, "pager"), "A multi-string (%lu)\n", size);
    expect(SetNtmsUIOptionsW(session, NULL, NTMS_UITYPE_REQ, NTMS_UIDEST_DELETE, L"console"), ERROR_SUCCESS, "delete");
    expect(SetNtmsUIOptionsW(session, NULL, NTMS_UITYPE_REQ, NTMS_UIDEST_DELETE, L"console"), ERROR_OBJECT_NOT_FOUND,
           "delete again");
    expect(SetNtmsUIOptionsW(session, NULL, NTMS_UITYPE_ERR, NTMS_UIDEST_ADD, L"x"), ERROR_INVALID_PARAMETER,
           "errors have no application scope");
    /* For the computer the list persists: a new session sees it. */
    expect(SetNtmsUIOptionsW(session, &computer, NTMS_UITYPE_ERR, NTMS_UIDEST_ADD, L"admin-pc"), ERROR_SUCCESS,
           "add for the computer");
    HANDLE second = OpenNtmsSessionW(NULL, L"second", 0);
    size = ARRAYSIZE(list);
    expect(GetNtmsUIOptionsW(second, &computer, NTMS_UITYPE_ERR, list, &size), ERROR_SUCCESS, "from another session");
    ok(!wcscmp(list, L"admin-pc"), "persisted: %ls\n", list);
    size = ARRAYSIZE(list);
    expect(GetNtmsUIOptionsW(second, NULL, NTMS_UITYPE_REQ, list, &size), ERROR_SUCCESS, "its own application list");
    ok(size == 0, "application lists are per session (%lu)\n", size);
    CloseNtmsSession(second);
    expect(SetNtmsUIOptionsW(session, &computer, NTMS_UITYPE_ERR, NTMS_UIDEST_DELETEALL, NULL), ERROR_SUCCESS,
           "delete all");
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
    } else {
        test_system_pools();
        test_computer_information();
        test_attributes();
        test_enable_disable();
        test_application_pools();
        test_export_import();
        test_ui_options();
    }
    CloseNtmsSession(session);
    return wintest_finish();
}
