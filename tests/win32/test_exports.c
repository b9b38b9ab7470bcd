/* Every export of ntmsapi.dll with invalid arguments: each must return its
 * documented error, set the last error, and never crash. Linked against
 * mingw-w64's libntmsapi.a, the import library of the original DLL, so it
 * also proves that such a program loads our DLL. */
#include <windows.h>
#include <ntmsapi.h>

#include "wintest.h"

DWORD WINAPI DoEjectFromSADriveW(void *, void *, void *, void *, void *, void *);

static NTMS_GUID unknown_id = { 0x6e746d73, 0x6170, 0x6921, { 0x75, 0x6e, 0x6b, 0x6e, 0x6f, 0x77, 0x6e, 0x21 } };

/* One call per session-taking DWORD export, otherwise well formed. */
#define SESSION_CALLS(X) \
    X(CloseNtmsSession, (h)) \
    X(MountNtmsMedia, (h, &unknown_id, &drive, 1, NTMS_MOUNT_READ, NTMS_PRIORITY_NORMAL, 0, NULL)) \
    X(DismountNtmsMedia, (h, &unknown_id, 1, NTMS_DISMOUNT_IMMEDIATE)) \
    X(AllocateNtmsMedia, (h, &unknown_id, NULL, &media, 0, 0, NULL)) \
    X(DeallocateNtmsMedia, (h, &unknown_id, 0)) \
    X(SwapNtmsMedia, (h, &unknown_id, &unknown_id)) \
    X(AddNtmsMediaType, (h, &unknown_id, &unknown_id)) \
    X(DeleteNtmsMediaType, (h, &unknown_id, &unknown_id)) \
    X(ChangeNtmsMediaType, (h, &unknown_id, &unknown_id)) \
    X(DecommissionNtmsMedia, (h, &unknown_id)) \
    X(SetNtmsMediaComplete, (h, &unknown_id)) \
    X(DeleteNtmsMedia, (h, &unknown_id)) \
    X(CreateNtmsMediaPoolW, (h, L"\\ntmsapi-test", NULL, NTMS_OPEN_EXISTING, NULL, &media)) \
    X(CreateNtmsMediaPoolA, (h, "\\ntmsapi-test", NULL, NTMS_OPEN_EXISTING, NULL, &media)) \
    X(GetNtmsMediaPoolNameW, (h, &unknown_id, wname, &size)) \
    X(GetNtmsMediaPoolNameA, (h, &unknown_id, aname, &size)) \
    X(MoveToNtmsMediaPool, (h, &unknown_id, &unknown_id)) \
    X(DeleteNtmsMediaPool, (h, &unknown_id)) \
    X(DeleteNtmsLibrary, (h, &unknown_id)) \
    X(DeleteNtmsDrive, (h, &unknown_id)) \
    X(GetNtmsObjectInformationW, (h, &unknown_id, &infow)) \
    X(GetNtmsObjectInformationA, (h, &unknown_id, &infoa)) \
    X(SetNtmsObjectInformationW, (h, &unknown_id, &infow)) \
    X(SetNtmsObjectInformationA, (h, &unknown_id, &infoa)) \
    X(CreateNtmsMediaW, (h, &infow, &sidew, 0)) \
    X(CreateNtmsMediaA, (h, &infoa, &sidea, 0)) \
    X(EnumerateNtmsObject, (h, &unknown_id, list, &count, NTMS_STORAGESLOT, 0)) \
    X(DisableNtmsObject, (h, NTMS_DRIVE, &unknown_id)) \
    X(EnableNtmsObject, (h, NTMS_DRIVE, &unknown_id)) \
    X(EjectNtmsMedia, (h, &unknown_id, &media, NTMS_EJECT_START)) \
    X(InjectNtmsMedia, (h, &unknown_id, &media, NTMS_INJECT_START)) \
    X(AccessNtmsLibraryDoor, (h, &unknown_id, NTMS_INVENTORY_NONE)) \
    X(CleanNtmsDrive, (h, &unknown_id)) \
    X(DismountNtmsDrive, (h, &unknown_id)) \
    X(InventoryNtmsLibrary, (h, &unknown_id, NTMS_INVENTORY_FAST)) \
    X(IdentifyNtmsSlot, (h, &unknown_id, NTMS_DISMOUNT_IMMEDIATE)) \
    X(UpdateNtmsOmidInfo, (h, &unknown_id, NTMS_OMID_TYPE_RAW_LABEL, sizeof(label), label)) \
    X(CancelNtmsLibraryRequest, (h, &unknown_id)) \
    X(GetNtmsRequestOrder, (h, &unknown_id, &order)) \
    X(SetNtmsRequestOrder, (h, &unknown_id, 1)) \
    X(DeleteNtmsRequests, (h, &unknown_id, NTMS_LIBREQUEST, 1)) \
    X(ReserveNtmsCleanerSlot, (h, &unknown_id, &unknown_id)) \
    X(ReleaseNtmsCleanerSlot, (h, &unknown_id)) \
    X(InjectNtmsCleaner, (h, &unknown_id, &media, 1, NTMS_INJECT_START)) \
    X(EjectNtmsCleaner, (h, &unknown_id, &media, NTMS_EJECT_START)) \
    X(BeginNtmsDeviceChangeDetection, (h, &detect)) \
    X(SetNtmsDeviceChangeDetection, (h, detect, &unknown_id, NTMS_LIBRARY, 1)) \
    X(EndNtmsDeviceChangeDetection, (h, detect)) \
    X(GetNtmsObjectSecurity, (h, &unknown_id, NTMS_LIBRARY, DACL_SECURITY_INFORMATION, sd, sizeof(sd), &size)) \
    X(SetNtmsObjectSecurity, (h, &unknown_id, NTMS_LIBRARY, DACL_SECURITY_INFORMATION, sd)) \
    X(GetNtmsObjectAttributeW, (h, &unknown_id, NTMS_LIBRARY, L"attr", sd, &size)) \
    X(GetNtmsObjectAttributeA, (h, &unknown_id, NTMS_LIBRARY, "attr", sd, &size)) \
    X(SetNtmsObjectAttributeW, (h, &unknown_id, NTMS_LIBRARY, L"attr", sd, 4)) \
    X(SetNtmsObjectAttributeA, (h, &unknown_id, NTMS_LIBRARY, "attr", sd, 4)) \
    X(GetNtmsUIOptionsW, (h, &unknown_id, NTMS_UITYPE_REQ, wname, &size)) \
    X(GetNtmsUIOptionsA, (h, &unknown_id, NTMS_UITYPE_REQ, aname, &size)) \
    X(SetNtmsUIOptionsW, (h, &unknown_id, NTMS_UITYPE_REQ, NTMS_UIDEST_ADD, L"")) \
    X(SetNtmsUIOptionsA, (h, &unknown_id, NTMS_UITYPE_REQ, NTMS_UIDEST_ADD, "")) \
    X(SubmitNtmsOperatorRequestW, (h, NTMS_OPREQ_NEWMEDIA, L"test", &unknown_id, NULL, &media)) \
    X(SubmitNtmsOperatorRequestA, (h, NTMS_OPREQ_NEWMEDIA, "test", &unknown_id, NULL, &media)) \
    X(WaitForNtmsOperatorRequest, (h, &unknown_id, 0)) \
    X(CancelNtmsOperatorRequest, (h, &unknown_id)) \
    X(SatisfyNtmsOperatorRequest, (h, &unknown_id)) \
    X(ImportNtmsDatabase, (h)) \
    X(ExportNtmsDatabase, (h))

static NTMS_GUID drive, media;
static NTMS_OBJECTINFORMATIONW infow, sidew;
static NTMS_OBJECTINFORMATIONA infoa, sidea;
static WCHAR wname[NTMS_POOLHIERARCHY_LENGTH];
static char aname[NTMS_POOLHIERARCHY_LENGTH];
static DWORD size, count, order;
static NTMS_GUID list[8];
static BYTE label[512], sd[256];
static HANDLE detect;

static void reset_arguments(void)
{
    infow.dwSize = sizeof(infow);
    infow.dwType = NTMS_PHYSICAL_MEDIA;
    infoa.dwSize = sizeof(infoa);
    infoa.dwType = NTMS_PHYSICAL_MEDIA;
    sidew = infow;
    sidea = infoa;
    size = sizeof(sd);
    count = ARRAYSIZE(list);
    detect = (HANDLE)0x1234;
}

#define CHECK_BAD_HANDLE(name, args)                                                          \
    {                                                                                         \
        reset_arguments();                                                                    \
        SetLastError(0xdeadbeef);                                                             \
        DWORD result = name args;                                                             \
        ok(result == ERROR_INVALID_HANDLE, #name "(%p): got %lu, expected ERROR_INVALID_HANDLE\n", h, result); \
        ok(GetLastError() == ERROR_INVALID_HANDLE, #name ": last error %lu\n", GetLastError()); \
    }

static void test_bad_session_handles(HANDLE closed)
{
    HANDLE bad[] = { NULL, INVALID_HANDLE_VALUE, (HANDLE)0xdeadbeef, (HANDLE)(ULONG_PTR)4, closed,
                     GetCurrentProcess(), (HANDLE)&unknown_id };

    for (unsigned i = 0; i < ARRAYSIZE(bad); i++) {
        HANDLE h = bad[i];
        SESSION_CALLS(CHECK_BAD_HANDLE)

        SetLastError(0xdeadbeef);
        HANDLE notification = OpenNtmsNotification(h, NTMS_LIBRARY);
        ok(notification == INVALID_HANDLE_VALUE, "OpenNtmsNotification(%p) = %p\n", h, notification);
        ok(GetLastError() == ERROR_INVALID_HANDLE, "OpenNtmsNotification: last error %lu\n", GetLastError());
    }
}

/* With a valid session, well-formed calls about an object that does not
 * exist must fail, never succeed: with one of the function's documented
 * codes, or ERROR_CALL_NOT_IMPLEMENTED while the README says "not yet".
 * DeleteNtmsRequests skips unknown ids, as documented. */
static unsigned not_yet_count;

#define CHECK_UNKNOWN_OBJECT(name, args)                                                      \
    if (strcmp(#name, "CloseNtmsSession") && strcmp(#name, "ExportNtmsDatabase")              \
        && strcmp(#name, "DeleteNtmsRequests")) {                                             \
        reset_arguments();                                                                    \
        SetLastError(0xdeadbeef);                                                             \
        DWORD result = name args;                                                             \
        ok(result != ERROR_SUCCESS && result != ERROR_INVALID_HANDLE,                         \
           #name " on an unknown object: got %lu\n", result);                                 \
        ok(GetLastError() == result, #name ": last error %lu, returned %lu\n", GetLastError(), result); \
        not_yet_count += result == ERROR_CALL_NOT_IMPLEMENTED;                                \
    }

static void test_unknown_objects(HANDLE h)
{
    SESSION_CALLS(CHECK_UNKNOWN_OBJECT)
    printf("%u session calls still answer ERROR_CALL_NOT_IMPLEMENTED\n", not_yet_count);
}

static void expect(DWORD result, DWORD expected, const char *what)
{
    ok(result == expected, "%s: got %lu, expected %lu\n", what, result, expected);
}

static void test_null_pointers(HANDLE h)
{
    DWORD n = 0;

    expect(IdentifyNtmsSlot(h, NULL, NTMS_DISMOUNT_IMMEDIATE), ERROR_INVALID_PARAMETER, "IdentifyNtmsSlot(NULL slot)");
    expect(InventoryNtmsLibrary(h, NULL, NTMS_INVENTORY_FAST), ERROR_INVALID_PARAMETER, "InventoryNtmsLibrary(NULL)");
    expect(MountNtmsMedia(h, NULL, NULL, 1, NTMS_MOUNT_READ, 0, 0, NULL), ERROR_INVALID_PARAMETER, "MountNtmsMedia(NULL)");
    expect(MountNtmsMedia(h, &unknown_id, &drive, 0, NTMS_MOUNT_READ, 0, 0, NULL), ERROR_INVALID_PARAMETER,
           "MountNtmsMedia(count 0)");
    expect(DismountNtmsMedia(h, NULL, 1, 0), ERROR_INVALID_PARAMETER, "DismountNtmsMedia(NULL)");
    expect(EnumerateNtmsObject(h, NULL, NULL, NULL, NTMS_LIBRARY, 0), ERROR_INVALID_PARAMETER,
           "EnumerateNtmsObject(NULL size)");
    n = 4;
    expect(EnumerateNtmsObject(h, NULL, NULL, &n, NTMS_LIBRARY, 0), ERROR_INVALID_PARAMETER,
           "EnumerateNtmsObject(NULL list, size 4)");
    expect(GetNtmsObjectInformationW(h, NULL, &infow), ERROR_INVALID_PARAMETER, "GetNtmsObjectInformationW(NULL id)");
    expect(GetNtmsObjectInformationW(h, &unknown_id, NULL), ERROR_INVALID_PARAMETER, "GetNtmsObjectInformationW(NULL info)");
    expect(GetNtmsObjectInformationA(h, &unknown_id, NULL), ERROR_INVALID_PARAMETER, "GetNtmsObjectInformationA(NULL info)");
    expect(SetNtmsObjectInformationW(h, NULL, &infow), ERROR_INVALID_PARAMETER, "SetNtmsObjectInformationW(NULL id)");
    expect(CreateNtmsMediaPoolW(h, NULL, NULL, NTMS_OPEN_ALWAYS, NULL, &media), ERROR_INVALID_PARAMETER,
           "CreateNtmsMediaPoolW(NULL name)");
    expect(CreateNtmsMediaPoolA(h, "x", NULL, NTMS_OPEN_ALWAYS, NULL, NULL), ERROR_INVALID_PARAMETER,
           "CreateNtmsMediaPoolA(NULL id)");
    expect(GetNtmsMediaPoolNameW(h, &unknown_id, wname, NULL), ERROR_INVALID_PARAMETER, "GetNtmsMediaPoolNameW(NULL size)");
    expect(EnableNtmsObject(h, NTMS_DRIVE, NULL), ERROR_INVALID_PARAMETER, "EnableNtmsObject(NULL)");
    expect(GetNtmsObjectAttributeW(h, &unknown_id, NTMS_LIBRARY, NULL, sd, &size), ERROR_INVALID_PARAMETER,
           "GetNtmsObjectAttributeW(NULL name)");
    expect(GetNtmsObjectAttributeA(h, &unknown_id, NTMS_LIBRARY, "a", sd, NULL), ERROR_INVALID_PARAMETER,
           "GetNtmsObjectAttributeA(NULL size)");
    expect(GetNtmsObjectSecurity(h, &unknown_id, NTMS_LIBRARY, DACL_SECURITY_INFORMATION, sd, sizeof(sd), NULL),
           ERROR_INVALID_PARAMETER, "GetNtmsObjectSecurity(NULL needed)");
    expect(SetNtmsObjectSecurity(h, &unknown_id, NTMS_LIBRARY, DACL_SECURITY_INFORMATION, NULL),
           ERROR_INVALID_PARAMETER, "SetNtmsObjectSecurity(NULL sd)");
    expect(CreateNtmsMediaW(h, NULL, &sidew, 0), ERROR_INVALID_PARAMETER, "CreateNtmsMediaW(NULL media)");
    expect(SubmitNtmsOperatorRequestW(h, NTMS_OPREQ_MESSAGE, L"m", NULL, NULL, NULL), ERROR_INVALID_PARAMETER,
           "SubmitNtmsOperatorRequestW(NULL id)");
    expect(GetNtmsUIOptionsW(h, NULL, NTMS_UITYPE_REQ, NULL, NULL), ERROR_INVALID_PARAMETER, "GetNtmsUIOptionsW(NULL size)");
    expect(BeginNtmsDeviceChangeDetection(h, NULL), ERROR_INVALID_PARAMETER, "BeginNtmsDeviceChangeDetection(NULL)");
    expect(UpdateNtmsOmidInfo(h, &unknown_id, NTMS_OMID_TYPE_RAW_LABEL, 4, NULL), ERROR_INVALID_PARAMETER,
           "UpdateNtmsOmidInfo(NULL buffer)");
    expect(GetNtmsRequestOrder(h, &unknown_id, NULL), ERROR_INVALID_PARAMETER, "GetNtmsRequestOrder(NULL order)");
}

static void test_bad_values(HANDLE h)
{
    expect(IdentifyNtmsSlot(h, &unknown_id, 3), ERROR_INVALID_PARAMETER, "IdentifyNtmsSlot(option 3)");
    expect(IdentifyNtmsSlot(h, &unknown_id, 0xFFFFFFFF), ERROR_INVALID_PARAMETER, "IdentifyNtmsSlot(option ~0)");
    expect(InventoryNtmsLibrary(h, &unknown_id, NTMS_INVENTORY_MAX), ERROR_INVALID_PARAMETER, "InventoryNtmsLibrary(MAX)");
    expect(AccessNtmsLibraryDoor(h, &unknown_id, 99), ERROR_INVALID_PARAMETER, "AccessNtmsLibraryDoor(99)");
    expect(EjectNtmsMedia(h, &unknown_id, &media, NTMS_EJECT_IMMEDIATE), ERROR_INVALID_PARAMETER,
           "EjectNtmsMedia(IMMEDIATE)");
    expect(InjectNtmsMedia(h, &unknown_id, &media, 7), ERROR_INVALID_PARAMETER, "InjectNtmsMedia(7)");
    expect(EnableNtmsObject(h, NTMS_MEDIA_POOL, &unknown_id), ERROR_INVALID_PARAMETER, "EnableNtmsObject(pool)");
    expect(DisableNtmsObject(h, NTMS_COMPUTER, &unknown_id), ERROR_INVALID_PARAMETER, "DisableNtmsObject(computer)");
    expect(EnumerateNtmsObject(h, NULL, list, &count, NTMS_NUMBER_OF_OBJECT_TYPES, 0), ERROR_INVALID_PARAMETER,
           "EnumerateNtmsObject(type out of range)");
    count = ARRAYSIZE(list);
    expect(EnumerateNtmsObject(h, NULL, list, &count, NTMS_LIBRARY, NTMS_ENUM_ROOTPOOL), ERROR_INVALID_PARAMETER,
           "EnumerateNtmsObject(ROOTPOOL for libraries)");
    expect(CreateNtmsMediaPoolW(h, L"\\x", NULL, 9, NULL, &media), ERROR_INVALID_PARAMETER, "CreateNtmsMediaPoolW(action 9)");
    expect(MountNtmsMedia(h, &unknown_id, &drive, 1, NTMS_MOUNT_READ, 99, 0, NULL), ERROR_INVALID_PARAMETER,
           "MountNtmsMedia(priority 99)");
    expect(DeleteNtmsRequests(h, &unknown_id, NTMS_DRIVE, 1), ERROR_INVALID_PARAMETER, "DeleteNtmsRequests(drive type)");
    expect(SetNtmsUIOptionsW(h, NULL, 77, NTMS_UIDEST_ADD, L""), ERROR_INVALID_PARAMETER, "SetNtmsUIOptionsW(type 77)");
    expect(SubmitNtmsOperatorRequestW(h, 99, L"m", NULL, NULL, &media), ERROR_INVALID_PARAMETER,
           "SubmitNtmsOperatorRequestW(request 99)");
    expect(UpdateNtmsOmidInfo(h, &unknown_id, 9, 4, label), ERROR_INVALID_PARAMETER, "UpdateNtmsOmidInfo(type 9)");

    infow.dwSize = sizeof(infow) - 1;
    infow.dwType = NTMS_PHYSICAL_MEDIA;
    expect(CreateNtmsMediaW(h, &infow, &sidew, 0), ERROR_INVALID_PARAMETER, "CreateNtmsMediaW(dwSize - 1)");
    infoa.dwSize = sizeof(infoa) + 4;
    infoa.dwType = NTMS_PHYSICAL_MEDIA;
    expect(CreateNtmsMediaA(h, &infoa, &sidea, 0), ERROR_INVALID_PARAMETER, "CreateNtmsMediaA(dwSize + 4)");
    infow.dwSize = 0;
    expect(GetNtmsObjectInformationW(h, &unknown_id, &infow), ERROR_INVALID_PARAMETER, "GetNtmsObjectInformationW(dwSize 0)");

    SetLastError(0xdeadbeef);
    HANDLE n = OpenNtmsNotification(h, 0);
    ok(n == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER,
       "OpenNtmsNotification(type 0): %p, %lu\n", n, GetLastError());
}

static void test_notification_handles(void)
{
    NTMS_NOTIFICATIONINFORMATION info;

    expect(WaitForNtmsNotification((HANDLE)0xdeadbeef, &info, 0), ERROR_INVALID_HANDLE, "WaitForNtmsNotification(garbage)");
    expect(WaitForNtmsNotification(NULL, &info, 0), ERROR_INVALID_HANDLE, "WaitForNtmsNotification(NULL)");
    expect(CloseNtmsNotification(NULL), ERROR_INVALID_PARAMETER, "CloseNtmsNotification(NULL)");
    expect(CloseNtmsNotification((HANDLE)0xdeadbeef), ERROR_INVALID_HANDLE, "CloseNtmsNotification(garbage)");
}

static void test_standalone_helpers(void)
{
    LPWSTR volume = NULL, letter = NULL;
    LPSTR avolume = NULL, aletter = NULL;

    expect(EjectDiskFromSADriveW(NULL, NULL, NULL, NULL, NULL, NULL, NTMS_EJECT_START), ERROR_INVALID_PARAMETER,
           "EjectDiskFromSADriveW(NULL device)");
    expect(EjectDiskFromSADriveA(NULL, NULL, "", NULL, NULL, NULL, NTMS_EJECT_START), ERROR_INVALID_PARAMETER,
           "EjectDiskFromSADriveA(empty device)");
    expect(EjectDiskFromSADriveW(NULL, NULL, L"\\\\.\\Tape0", NULL, NULL, NULL, 99), ERROR_INVALID_PARAMETER,
           "EjectDiskFromSADriveW(option 99)");
    expect(GetVolumesFromDriveW(NULL, &volume, &letter), ERROR_INVALID_PARAMETER, "GetVolumesFromDriveW(NULL)");
    expect(GetVolumesFromDriveA("\\\\.\\Tape0", NULL, &aletter), ERROR_INVALID_PARAMETER, "GetVolumesFromDriveA(NULL)");
    (void)avolume;
    expect(DoEjectFromSADriveW(NULL, NULL, NULL, NULL, NULL, NULL), ERROR_CALL_NOT_IMPLEMENTED, "DoEjectFromSADriveW");
}

static HANDLE open_session_ok(const WCHAR *server, const char *what)
{
    SetLastError(0xdeadbeef);
    HANDLE h = OpenNtmsSessionW(server, L"ntmsapi test_exports", 0);
    ok(h != INVALID_HANDLE_VALUE && h != NULL, "OpenNtmsSessionW(%s) failed: %lu\n", what, GetLastError());
    return h;
}

static void test_sessions(void)
{
    WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD length = ARRAYSIZE(computer);

    HANDLE local = open_session_ok(NULL, "NULL");
    HANDLE empty = open_session_ok(L"", "\"\"");
    GetComputerNameW(computer, &length);
    HANDLE named = open_session_ok(computer, "own name");
    HANDLE ansi = OpenNtmsSessionA(NULL, NULL, 0);
    ok(ansi != INVALID_HANDLE_VALUE, "OpenNtmsSessionA(NULL, NULL) failed: %lu\n", GetLastError());
    ok(local != empty && empty != named, "sessions share a handle\n");

    SetLastError(0xdeadbeef);
    HANDLE remote = OpenNtmsSessionW(L"no-such-server.invalid", L"test", 0);
    ok(remote == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_COMPUTERNAME,
       "remote server: %p, %lu\n", remote, GetLastError());
    SetLastError(0xdeadbeef);
    remote = OpenNtmsSessionA("another-host", "test", 0);
    ok(remote == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_COMPUTERNAME,
       "remote server (A): %p, %lu\n", remote, GetLastError());
    SetLastError(0xdeadbeef);
    HANDLE bad_options = OpenNtmsSessionW(NULL, L"test", 0x80);
    ok(bad_options == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER,
       "options 0x80: %p, %lu\n", bad_options, GetLastError());

    test_unknown_objects(local);
    test_null_pointers(local);
    test_bad_values(local);

    expect(CloseNtmsSession(empty), ERROR_SUCCESS, "CloseNtmsSession(open)");
    expect(CloseNtmsSession(empty), ERROR_INVALID_HANDLE, "CloseNtmsSession(twice)");
    test_bad_session_handles(empty);
    expect(CloseNtmsSession(named), ERROR_SUCCESS, "CloseNtmsSession(named)");
    expect(CloseNtmsSession(ansi), ERROR_SUCCESS, "CloseNtmsSession(ansi)");
    expect(CloseNtmsSession(local), ERROR_SUCCESS, "CloseNtmsSession(local)");
}

int main(void)
{
    test_sessions();
    test_notification_handles();
    test_standalone_helpers();
    return wintest_finish();
}
