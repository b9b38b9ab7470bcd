/* database.c's exports through the real DLL: ExportNtmsDatabase, then
 * ImportNtmsDatabase brings the exported state back (at once with
 * ntmsapi, after a service restart with RSM). No library needed;
 * objects_under_wine.sh in tests/wine/ runs it. */
#include <windows.h>
#include <ntmsapi.h>
#include <string.h>

#include "rsm_test.h"

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
    const char *expected = value_after_import("before", "after!");
    ok(size == 6 && !memcmp(value, expected, 6), "the database after the import: %.6s (%s expected)\n", value,
       expected);
}

int main(void)
{
    session = OpenNtmsSessionW(NULL, L"ntmsapi test_database", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    test_export_import();
    CloseNtmsSession(session);
    return wintest_finish();
}
