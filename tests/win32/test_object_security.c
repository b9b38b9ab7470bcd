/* object_security.c's exports through the real DLL, against tgt's library
 * under Wine: the default descriptors as Windows reads them (SDDL),
 * Get/SetNtmsObjectSecurity with good and bad input, and the access checks
 * every export makes, seen by a thread that impersonates a restricted
 * token (Administrators deny-only: an ordinary user). */
#include <windows.h>
#include <ntmsapi.h>
#include <sddl.h>
#include <stdlib.h>
#include <string.h>

#include "rsm_test.h"

#define ALL_INFORMATION (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION)

static NTMS_GUID computer, library, drive, slots[16], root_pool;
static DWORD slot_count;

static void find_objects(void)
{
    NTMS_GUID list[64];
    DWORD count = 1;
    NTMS_OBJECTINFORMATIONW info;

    computer = the_computer();
    slot_count = ARRAYSIZE(slots);
    library = find_online_library(slots, &slot_count);
    ok(EnumerateNtmsObject(session, &library, &drive, &count, NTMS_DRIVE, 0) != ERROR_INVALID_PARAMETER, "a drive\n");
    ok(slot_count == 8, "eight slots (%lu)\n", slot_count);
    count = ARRAYSIZE(list);
    ok(EnumerateNtmsObject(session, NULL, list, &count, NTMS_MEDIA_POOL, NTMS_ENUM_ROOTPOOL) == ERROR_SUCCESS
       && count == 4, "the root pool and the three top-level pools (%lu)\n", count);
    root_pool = list[0];
    ok(information(&root_pool, NTMS_MEDIA_POOL, &info) && info.szName[0] == 0, "the root pool comes first\n");
}

/* The descriptor of an object as SDDL, or NULL. */
static WCHAR *sddl_of(const NTMS_GUID *id, DWORD type, SECURITY_INFORMATION which)
{
    BYTE buffer[1024];
    DWORD needed = 0;
    WCHAR *sddl = NULL;

    if (GetNtmsObjectSecurity(session, (LPNTMS_GUID)id, type, which, buffer, sizeof(buffer), &needed) != ERROR_SUCCESS
        || !IsValidSecurityDescriptor(buffer)
        || !ConvertSecurityDescriptorToStringSecurityDescriptorW(buffer, SDDL_REVISION_1, which, &sddl, NULL))
        return NULL;
    return sddl;
}

static void test_default_descriptors(void)
{
    const NTMS_GUID *holders[] = { &computer, &library, &root_pool };
    const DWORD types[] = { NTMS_COMPUTER, NTMS_LIBRARY, NTMS_MEDIA_POOL };

    for (size_t i = 0; i < ARRAYSIZE(holders); i++) {
        WCHAR *sddl = sddl_of(holders[i], types[i], ALL_INFORMATION);
        ok(sddl && wcsstr(sddl, L"O:BAG:SY") && wcsstr(sddl, L";;;SY)") && wcsstr(sddl, L";;;BA)")
           && wcsstr(sddl, L"(A;;CCRC;;;BU)"), "default descriptor %u: %ls\n", (unsigned)i, sddl ? sddl : L"(none)");
        LocalFree(sddl);
    }
}

static void test_get_security_input(void)
{
    BYTE buffer[1024];
    DWORD needed = 0;
    NTMS_GUID unknown = { 0x5ec0, 1, 2, { 3, 4, 5, 6, 7, 8, 9, 10 } };

    expect(GetNtmsObjectSecurity(session, &computer, NTMS_COMPUTER, DACL_SECURITY_INFORMATION, NULL, 0, &needed),
           ERROR_INSUFFICIENT_BUFFER, "size query");
    ok(needed > 20 && needed < sizeof(buffer), "size needed %lu\n", needed);
    DWORD exact = needed;
    expect(GetNtmsObjectSecurity(session, &computer, NTMS_COMPUTER, DACL_SECURITY_INFORMATION, buffer, exact - 1,
                                 &needed), ERROR_INSUFFICIENT_BUFFER, "one byte short");
    expect(GetNtmsObjectSecurity(session, &computer, NTMS_COMPUTER, DACL_SECURITY_INFORMATION, buffer, exact,
                                 &needed), ERROR_SUCCESS, "exactly enough");
    expect(GetNtmsObjectSecurity(session, NULL, NTMS_COMPUTER, DACL_SECURITY_INFORMATION, buffer, sizeof(buffer),
                                 &needed), ERROR_INVALID_PARAMETER, "NULL id");
    expect(GetNtmsObjectSecurity(session, &computer, NTMS_COMPUTER, DACL_SECURITY_INFORMATION, buffer,
                                 sizeof(buffer), NULL), ERROR_INVALID_PARAMETER, "NULL length");
    expect(GetNtmsObjectSecurity((HANDLE)0x1234, &computer, NTMS_COMPUTER, DACL_SECURITY_INFORMATION, buffer,
                                 sizeof(buffer), &needed), ERROR_INVALID_HANDLE, "a garbage session");
    expect(GetNtmsObjectSecurity(session, &unknown, NTMS_LIBRARY, DACL_SECURITY_INFORMATION, buffer,
                                 sizeof(buffer), &needed), ERROR_OBJECT_NOT_FOUND, "an unknown object");
    expect(GetNtmsObjectSecurity(session, &slots[0], NTMS_STORAGESLOT, DACL_SECURITY_INFORMATION, buffer,
                                 sizeof(buffer), &needed), ERROR_NO_SECURITY_ON_OBJECT, "a slot has none of its own");
    expect(GetNtmsObjectSecurity(session, &library, NTMS_MEDIA_POOL, DACL_SECURITY_INFORMATION, buffer,
                                 sizeof(buffer), &needed), ERROR_INVALID_PARAMETER, "the wrong type");
    expect(GetNtmsObjectSecurity(session, &library, NTMS_LIBRARY, SACL_SECURITY_INFORMATION, buffer,
                                 sizeof(buffer), &needed), ERROR_ACCESS_DENIED, "the SACL without SeSecurityPrivilege");
}

static void test_set_security_input(void)
{
    BYTE garbage[64] = { 9, 0, 4, 0x80 };
    SECURITY_DESCRIPTOR absolute;

    expect(SetNtmsObjectSecurity(session, &library, NTMS_LIBRARY, DACL_SECURITY_INFORMATION, garbage),
           ERROR_INVALID_PARAMETER, "revision 9 is no descriptor");
    expect(SetNtmsObjectSecurity(session, &library, NTMS_LIBRARY, DACL_SECURITY_INFORMATION, NULL),
           ERROR_INVALID_PARAMETER, "NULL descriptor");
    InitializeSecurityDescriptor(&absolute, SECURITY_DESCRIPTOR_REVISION);
    expect(SetNtmsObjectSecurity(session, &drive, NTMS_DRIVE, DACL_SECURITY_INFORMATION, &absolute),
           ERROR_NO_SECURITY_ON_OBJECT, "drives follow their library");
}

/* Sets a DACL given as SDDL (an absolute descriptor, as most callers build). */
static DWORD set_dacl(const NTMS_GUID *id, DWORD type, const WCHAR *sddl)
{
    PSECURITY_DESCRIPTOR relative;
    BYTE absolute[64], dacl[512], owner[64], group[64], sacl[64];
    DWORD a = sizeof(absolute), d = sizeof(dacl), o = sizeof(owner), g = sizeof(group), s = sizeof(sacl);

    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, &relative, NULL))
        return GetLastError();
    BOOL made = MakeAbsoluteSD(relative, absolute, &a, (PACL)dacl, &d, (PACL)sacl, &s, owner, &o, group, &g);
    DWORD status = made ? SetNtmsObjectSecurity(session, (LPNTMS_GUID)id, type, DACL_SECURITY_INFORMATION, absolute)
                        : GetLastError();
    LocalFree(relative);
    return status;
}

/* ---- as an ordinary user ---- */

static HANDLE user_token;

static BOOL make_user_token(void)
{
    HANDLE process, restricted;
    BYTE admins[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof(admins);

    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_ALL_ACCESS, &process)
        || !CreateWellKnownSid(WinBuiltinAdministratorsSid, NULL, admins, &size))
        return FALSE;
    SID_AND_ATTRIBUTES disable = { admins, 0 };
    BOOL made = CreateRestrictedToken(process, 0, 1, &disable, 0, NULL, 0, NULL, &restricted)
             && DuplicateTokenEx(restricted, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation, TokenImpersonation,
                                 &user_token);
    CloseHandle(process);
    return made;
}

static void become_user(void) { ok(SetThreadToken(NULL, user_token), "impersonating the user\n"); }
static void become_admin(void) { ok(SetThreadToken(NULL, NULL), "back to the administrator\n"); }

static void test_what_users_may_not_do(void)
{
    NTMS_OBJECTINFORMATIONW info;
    NTMS_GUID pool;
    BYTE buffer[1024];
    DWORD needed;

    become_user();
    ok(information(&library, NTMS_LIBRARY, &info), "users read library information (use)\n");
    HANDLE second = OpenNtmsSessionW(NULL, L"as a user", 0);
    ok(second != INVALID_HANDLE_VALUE, "users open sessions (use of the computer)\n");
    CloseNtmsSession(second);
    expect(IdentifyNtmsSlot(session, &slots[0], NTMS_DISMOUNT_IMMEDIATE), ERROR_ACCESS_DENIED,
           "IdentifyNtmsSlot needs control of the library");
    expect(InventoryNtmsLibrary(session, &library, NTMS_INVENTORY_SLOT), ERROR_ACCESS_DENIED,
           "InventoryNtmsLibrary needs control");
    expect(SetNtmsObjectInformationW(session, &library, &info), ERROR_ACCESS_DENIED,
           "SetNtmsObjectInformation on a library needs control");
    expect(DisableNtmsObject(session, NTMS_LIBRARY, &library), ERROR_ACCESS_DENIED, "DisableNtmsObject needs modify");
    expect(CreateNtmsMediaPoolW(session, L"\\UserApp", NULL, NTMS_CREATE_NEW, NULL, &pool), ERROR_ACCESS_DENIED,
           "a top-level pool needs control of the root pool");
    expect(ExportNtmsDatabase(session), ERROR_ACCESS_DENIED, "ExportNtmsDatabase needs control of the computer");
    expect(SetNtmsObjectAttributeW(session, &library, NTMS_LIBRARY, L"note", L"x", 4), ERROR_ACCESS_DENIED,
           "attributes need modify");
    expect(GetNtmsObjectSecurity(session, &library, NTMS_LIBRARY, DACL_SECURITY_INFORMATION, buffer, sizeof(buffer),
                                 &needed), ERROR_SUCCESS, "users may read the DACL (READ_CONTROL)");
    expect(set_dacl(&library, NTMS_LIBRARY, L"D:(A;;GA;;;WD)"), ERROR_ACCESS_DENIED,
           "but not grant themselves more (WRITE_DAC)");
    become_admin();
}

static void test_granted_control(void)
{
    NTMS_GUID pool;
    NTMS_GUID media[64];
    DWORD count = ARRAYSIZE(media);

    expect(set_dacl(&library, NTMS_LIBRARY, L"D:(A;;GA;;;BA)(A;;GA;;;SY)(A;;0x20005;;;BU)"), ERROR_SUCCESS,
           "the administrator gives users control of the library");
    expect(set_dacl(&root_pool, NTMS_MEDIA_POOL, L"D:(A;;GA;;;BA)(A;;0x20005;;;BU)"), ERROR_SUCCESS,
           "and of the root pool");
    WCHAR *sddl = sddl_of(&library, NTMS_LIBRARY, ALL_INFORMATION);
    ok(sddl && wcsstr(sddl, L"O:BA") && wcsstr(sddl, L"(A;;CCLCRC;;;BU)")
       && wcsstr(sddl, L"(A;;CCDCLCRCWD;;;BA)"), "owner kept, DACL replaced, generic rights mapped: %ls\n",
       sddl ? sddl : L"(none)");
    LocalFree(sddl);

    become_user();
    expect(IdentifyNtmsSlot(session, &slots[0], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS,
           "now the user identifies slot 1");
    ok(EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0) == ERROR_SUCCESS && count == 1,
       "and a medium was recorded (%lu)\n", count);
    expect(CreateNtmsMediaPoolW(session, L"\\UserApp", NULL, NTMS_CREATE_NEW, NULL, &pool), ERROR_SUCCESS,
           "and creates a top-level pool");
    WCHAR *pool_sddl = sddl_of(&pool, NTMS_MEDIA_POOL, ALL_INFORMATION);
    ok(pool_sddl && wcsstr(pool_sddl, L"O:S-1-5-21-") && wcsstr(pool_sddl, L";;;SY)"),
       "the new pool is the user's, with LocalSystem: %ls\n", pool_sddl ? pool_sddl : L"(none)");
    LocalFree(pool_sddl);
    expect(set_dacl(&pool, NTMS_MEDIA_POOL, L"D:(A;;GR;;;WD)"), ERROR_SUCCESS, "owners may change their DACL");
    become_admin();
}

static void test_pool_created_with_a_descriptor(void)
{
    SECURITY_ATTRIBUTES attributes = { sizeof(attributes), NULL, FALSE };
    NTMS_GUID pool;

    ok(ConvertStringSecurityDescriptorToSecurityDescriptorW(L"O:BAD:(A;;GA;;;BA)(D;;GA;;;BU)", SDDL_REVISION_1,
                                                            &attributes.lpSecurityDescriptor, NULL),
       "a descriptor for the pool\n");
    expect(CreateNtmsMediaPoolW(session, L"\\Locked", NULL, NTMS_CREATE_NEW, &attributes, &pool), ERROR_SUCCESS,
           "CreateNtmsMediaPool with security attributes");
    WCHAR *sddl = sddl_of(&pool, NTMS_MEDIA_POOL, DACL_SECURITY_INFORMATION);
    ok(sddl && wcsstr(sddl, L"(D;;") && wcsstr(sddl, L";;;BU)"), "the pool carries it: %ls\n", sddl ? sddl : L"");
    LocalFree(sddl);
    LocalFree(attributes.lpSecurityDescriptor);
    become_user();
    expect(SetNtmsObjectAttributeW(session, &pool, NTMS_MEDIA_POOL, L"note", L"x", 4), ERROR_ACCESS_DENIED,
           "the deny ACE keeps users out");
    become_admin();
    expect(DeleteNtmsMediaPool(session, &pool), ERROR_SUCCESS, "administrators pass every check");
}

int main(void)
{
    session = OpenNtmsSessionW(NULL, L"ntmsapi test_object_security", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    find_objects();
    test_default_descriptors();
    test_get_security_input();
    test_set_security_input();
    if (make_user_token()) {
        test_what_users_may_not_do();
        test_granted_control();
        test_pool_created_with_a_descriptor();
    } else {
        ok(0, "no restricted token: %lu\n", GetLastError());
    }
    CloseNtmsSession(session);
    return wintest_finish();
}
