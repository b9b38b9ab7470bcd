/* uioptions.c's exports through the real DLL: GetNtmsUIOptionsA/W and
 * SetNtmsUIOptionsA/W, for the calling application's session and for the
 * computer. No library needed; objects_under_wine.sh in tests/wine/ runs it. */
#include <windows.h>
#include <ntmsapi.h>
#include <string.h>

#include "rsm_test.h"

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

int main(void)
{
    session = OpenNtmsSessionW(NULL, L"ntmsapi test_uioptions", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    test_ui_options();
    CloseNtmsSession(session);
    return wintest_finish();
}
