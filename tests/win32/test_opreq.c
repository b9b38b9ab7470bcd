/* The operator request and request queue exports through the real DLL,
 * against tgt's library of 8 slots and 2 drives (under Wine):
 * SubmitNtmsOperatorRequestA/W, WaitForNtmsOperatorRequest,
 * SatisfyNtmsOperatorRequest and CancelNtmsOperatorRequest, the records
 * (NTMS_OPREQUEST, every layout), where requests are shown, who may answer
 * them, the requests the library raises for a waiting AllocateNtmsMedia
 * (NEWMEDIA) and a mount of an offline medium (MOVEMEDIA), answered by
 * another process; mounts waiting for a drive in the library's queue,
 * Get/SetNtmsRequestOrder and CancelNtmsLibraryRequest.
 * tests/wine/opreq_under_wine.sh runs the modes in order.
 *
 * usage: test_opreq.exe refusals | basics | as-user
 *        test_opreq.exe submit-wait FILE EXPECTED   a MESSAGE submitted, its id in FILE, waited for: EXPECTED
 *        test_opreq.exe answer satisfy|refuse FILE  the request in FILE answered (the time written to FILE.answered)
 *        test_opreq.exe identify-all SKIP          every full slot identified but slot SKIP
 *        test_opreq.exe allocate POOL TIMEOUT EXPECTED   AllocateNtmsMedia from \POOL (FROMSCRATCH) waiting
 *        test_opreq.exe newmedia seen|satisfy|refuse|cancel POOL   the pool's NEWMEDIA: outstanding; a tape moved
 *                                                to Free and the request satisfied; refused; the allocation's
 *                                                library request cancelled
 *        test_opreq.exe abandoned POOL             after the pool's waiting allocation was killed
 *        test_opreq.exe offline-mount BARCODE TIMEOUT EXPECTED   an offline medium with that barcode mounted
 *        test_opreq.exe movemedia satisfy|refuse BARCODE   the medium's MOVEMEDIA answered
 *        test_opreq.exe mount SLOT DIR EXPECTED [PRIORITY]  slot SLOT's tape mounted, held until DIR\BARCODE.release
 *        test_opreq.exe queue STEP...              the library's queue of waiting mounts (see queue_steps) */
#include <windows.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rsm_test.h"

static NTMS_GUID library, slots[16];
static DWORD slot_count;

static void find_the_library(void)
{
    slot_count = ARRAYSIZE(slots);
    library = find_online_library(slots, &slot_count);
}

static BOOL outstanding(DWORD state)
{
    return state != NTMS_OPSTATE_COMPLETE && state != NTMS_OPSTATE_REFUSED;
}

/* The first outstanding operator request of this kind about arg1, looked for `tries` times, 100 ms apart. */
static BOOL outstanding_request(DWORD request, const NTMS_GUID *arg1, NTMS_GUID *id, int tries)
{
    NTMS_GUID list[256];
    NTMS_OBJECTINFORMATIONW info;

    for (int tried = 0; tried < tries; tried++) {
        DWORD count = ARRAYSIZE(list);
        if (EnumerateNtmsObject(session, NULL, list, &count, NTMS_OPREQUEST, 0) == ERROR_SUCCESS)
            for (DWORD i = 0; i < count; i++)
                if (information(&list[i], NTMS_OPREQUEST, &info) && info.Info.OpRequest.Request == request
                    && same_guid(&info.Info.OpRequest.Arg1, arg1) && outstanding(info.Info.OpRequest.State)) {
                    *id = list[i];
                    return TRUE;
                }
        if (tried + 1 < tries)
            Sleep(100);
    }
    return FALSE;
}

static DWORD state_of(const NTMS_GUID *id)
{
    NTMS_OBJECTINFORMATIONW info;
    return information(id, NTMS_OPREQUEST, &info) ? info.Info.OpRequest.State : NTMS_OPSTATE_UNKNOWN;
}

static BOOL exists(const char *path)
{
    return GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES;
}

/* Written whole, then renamed: a process that sees the file reads it all. */
static void save_guid(const char *path, const NTMS_GUID *id)
{
    char temporary[MAX_PATH];

    snprintf(temporary, sizeof(temporary), "%s.tmp", path);
    FILE *f = fopen(temporary, "wb");
    ok(f && fwrite(id, sizeof(*id), 1, f) == 1, "saved to %s\n", temporary);
    if (f)
        fclose(f);
    ok(MoveFileA(temporary, path), "%s\n", path);
}

static NTMS_GUID load_guid(const char *path)
{
    NTMS_GUID id = { 0 };
    FILE *f = fopen(path, "rb");
    ok(f && fread(&id, sizeof(id), 1, f) == 1, "read from %s\n", path);
    if (f)
        fclose(f);
    return id;
}

static ULONGLONG now_ms(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    return (((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime) / 10000;
}

static NTMS_GUID pool_named(const WCHAR *name, DWORD allocation_policy)
{
    NTMS_GUID pool = { 0 }, lto6 = media_type_named(L"LTO-6");
    NTMS_OBJECTINFORMATIONW info;

    expect(CreateNtmsMediaPoolW(session, name, &lto6, NTMS_OPEN_ALWAYS, NULL, &pool), ERROR_SUCCESS, "the pool");
    if (information(&pool, NTMS_MEDIA_POOL, &info) && info.Info.MediaPool.AllocationPolicy != allocation_policy) {
        info.Info.MediaPool.AllocationPolicy = allocation_policy;
        expect(SetNtmsObjectInformationW(session, &pool, &info), ERROR_SUCCESS, "its allocation policy");
    }
    return pool;
}

/* ---- bad input ---- */

static void refusals(void)
{
    NTMS_GUID id, unknown = { 7, 7, 7, { 7 } }, pool = pool_named(L"\\Asking", 0), computer = the_computer();
    NTMS_OBJECTINFORMATIONW info;

    find_the_library();
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_MESSAGE, L"x", NULL, NULL, NULL), ERROR_INVALID_PARAMETER,
           "Submit: NULL lpRequestId");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_UNKNOWN, L"x", NULL, NULL, &id), ERROR_INVALID_PARAMETER,
           "Submit: NTMS_OPREQ_UNKNOWN");
    expect(SubmitNtmsOperatorRequestA(session, 6, "x", NULL, NULL, &id), ERROR_INVALID_PARAMETER, "SubmitA: request 6");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_MESSAGE, NULL, NULL, NULL, &id), ERROR_INVALID_PARAMETER,
           "Submit: a MESSAGE without text");
    expect(SubmitNtmsOperatorRequestA(session, NTMS_OPREQ_MESSAGE, NULL, NULL, NULL, &id), ERROR_INVALID_PARAMETER,
           "SubmitA: a MESSAGE without text");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_NEWMEDIA, NULL, NULL, NULL, &id), ERROR_INVALID_PARAMETER,
           "Submit: NEWMEDIA without its pool");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_NEWMEDIA, NULL, &unknown, NULL, &id), ERROR_OBJECT_NOT_FOUND,
           "Submit: NEWMEDIA of an unknown pool");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_NEWMEDIA, NULL, &library, NULL, &id),
           ERROR_INVALID_PARAMETER, "Submit: NEWMEDIA of a library");
    expect(SubmitNtmsOperatorRequestA(session, NTMS_OPREQ_NEWMEDIA, NULL, &pool, &unknown, &id),
           ERROR_OBJECT_NOT_FOUND, "SubmitA: NEWMEDIA in an unknown library");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_CLEANER, NULL, &pool, NULL, &id), ERROR_INVALID_PARAMETER,
           "Submit: CLEANER of a pool");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_DEVICESERVICE, NULL, &computer, NULL, &id),
           ERROR_INVALID_PARAMETER, "Submit: DEVICESERVICE of the computer");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_MOVEMEDIA, NULL, &unknown, &library, &id),
           ERROR_OBJECT_NOT_FOUND, "Submit: MOVEMEDIA of an unknown medium");
    expect(WaitForNtmsOperatorRequest(session, NULL, 0), ERROR_INVALID_PARAMETER, "Wait: NULL");
    expect(WaitForNtmsOperatorRequest(session, &unknown, 0), ERROR_OBJECT_NOT_FOUND, "Wait: unknown");
    expect(WaitForNtmsOperatorRequest(session, &library, 0), ERROR_OBJECT_NOT_FOUND, "Wait: not a request");
    expect(SatisfyNtmsOperatorRequest(session, NULL), ERROR_INVALID_PARAMETER, "Satisfy: NULL");
    expect(SatisfyNtmsOperatorRequest(session, &unknown), ERROR_OBJECT_NOT_FOUND, "Satisfy: unknown");
    expect(CancelNtmsOperatorRequest(session, NULL), ERROR_INVALID_PARAMETER, "Cancel: NULL");
    expect(CancelNtmsOperatorRequest(session, &unknown), ERROR_OBJECT_NOT_FOUND, "Cancel: unknown");
    expect(SatisfyNtmsOperatorRequest(INVALID_HANDLE_VALUE, &unknown), ERROR_INVALID_HANDLE, "Satisfy: no session");
    expect(EnumerateNtmsObject(session, &library, &id, &(DWORD){ 1 }, NTMS_OPREQUEST, 0), ERROR_INVALID_PARAMETER,
           "operator requests belong to no container");
    memset(&info, 0, sizeof(info));
    info.dwSize = sizeof(info) - 2;
    info.dwType = NTMS_OPREQUEST;
    expect(GetNtmsObjectInformationW(session, &unknown, &info), ERROR_INVALID_PARAMETER, "information: dwSize - 2");
    SetLastError(0xdeadbeef);
    DWORD result = SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_UNKNOWN, L"x", NULL, NULL, &id);
    ok(GetLastError() == result, "the last error is the answer (%lu, %lu)\n", GetLastError(), result);
}

/* ---- the records ---- */

static void check_layouts(const NTMS_GUID *id, const WCHAR *message)
{
    NTMS_OBJECTINFORMATIONW w;
    NTMS_OBJECTINFORMATIONA a;
    NTMS_I1_OBJECTINFORMATIONW old;
    char narrow[300];

    ok(information(id, NTMS_OPREQUEST, &w), "GetNtmsObjectInformationW\n");
    ok(w.dwType == NTMS_OPREQUEST && w.Info.OpRequest.Request == NTMS_OPREQ_MESSAGE
       && !wcscmp(w.Info.OpRequest.szMessage, message) && w.Info.OpRequest.Submitted.wYear >= 2000
       && !wcscmp(w.Info.OpRequest.szApplication, L"ntmsapi test_opreq") && w.Info.OpRequest.Arg1Type == NTMS_UNKNOWN,
       "the W record: request %lu, '%ls', from '%ls'\n", w.Info.OpRequest.Request, w.Info.OpRequest.szMessage,
       w.Info.OpRequest.szApplication);
    memset(&a, 0, sizeof(a));
    a.dwSize = sizeof(a);
    a.dwType = NTMS_OPREQUEST;
    WideCharToMultiByte(CP_ACP, 0, message, -1, narrow, sizeof(narrow), NULL, NULL);
    expect(GetNtmsObjectInformationA(session, (LPNTMS_GUID)id, &a), ERROR_SUCCESS, "GetNtmsObjectInformationA");
    ok(!strcmp(a.Info.OpRequest.szMessage, narrow) && a.Info.OpRequest.State == w.Info.OpRequest.State,
       "the A record: '%s'\n", a.Info.OpRequest.szMessage);
    memset(&old, 0, sizeof(old));
    old.dwSize = sizeof(old);
    old.dwType = NTMS_OPREQUEST;
    expect(GetNtmsObjectInformationW(session, (LPNTMS_GUID)id, (NTMS_OBJECTINFORMATIONW *)&old), ERROR_SUCCESS,
           "the Windows 2000 layout");
    ok(!wcsncmp(old.Info.OpRequest.szMessage, message, NTMS_I1_MESSAGE_LENGTH - 1), "its message: '%ls'\n",
       old.Info.OpRequest.szMessage);
}

static BOOL enumerated(const NTMS_GUID *id)
{
    NTMS_GUID list[256];
    DWORD count = ARRAYSIZE(list);

    expect(EnumerateNtmsObject(session, NULL, list, &count, NTMS_OPREQUEST, 0), ERROR_SUCCESS, "the requests");
    for (DWORD i = 0; i < count; i++)
        if (same_guid(&list[i], id))
            return TRUE;
    return FALSE;
}

static void basics(void)
{
    NTMS_GUID id, ansi, computer = the_computer();
    WCHAR message[] = L"Please load the weekly tapes (test_opreq)";

    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_MESSAGE, message, NULL, NULL, &id), ERROR_SUCCESS,
           "SubmitNtmsOperatorRequestW(MESSAGE)");
    DWORD state = state_of(&id);
    if (differs(REQUESTS_SHOWN_IN_THE_EVENT_LOG))
        ok(state == NTMS_OPSTATE_ACTIVE, "shown on this computer: ACTIVE (%lu)\n", state);
    else
        ok(state == NTMS_OPSTATE_SUBMITTED || state == NTMS_OPSTATE_ACTIVE, "SUBMITTED or ACTIVE (%lu)\n", state);
    check_layouts(&id, message);
    ok(enumerated(&id), "EnumerateNtmsObject lists it\n");
    expect(WaitForNtmsOperatorRequest(session, &id, 0), ERROR_TIMEOUT, "dwTimeout 0: a look");
    ULONGLONG start = GetTickCount64();
    expect(WaitForNtmsOperatorRequest(session, &id, 500), ERROR_TIMEOUT, "500 ms without an answer");
    ok(GetTickCount64() - start >= 450, "waited (%llu ms)\n", GetTickCount64() - start);
    expect(SubmitNtmsOperatorRequestA(session, NTMS_OPREQ_MESSAGE, "An ANSI message", NULL, NULL, &ansi),
           ERROR_SUCCESS, "SubmitNtmsOperatorRequestA(MESSAGE)");
    expect(SatisfyNtmsOperatorRequest(session, &id), ERROR_SUCCESS, "SatisfyNtmsOperatorRequest");
    ok(state_of(&id) == NTMS_OPSTATE_COMPLETE, "COMPLETE\n");
    expect(WaitForNtmsOperatorRequest(session, &id, INFINITE), ERROR_SUCCESS, "a satisfied request's wait");
    expect(SatisfyNtmsOperatorRequest(session, &id), ERROR_OBJECT_NOT_FOUND, "satisfied already");
    expect(CancelNtmsOperatorRequest(session, &id), ERROR_INVALID_STATE, "cancelling a satisfied request");
    expect(CancelNtmsOperatorRequest(session, &ansi), ERROR_SUCCESS, "CancelNtmsOperatorRequest");
    ok(state_of(&ansi) == NTMS_OPSTATE_REFUSED, "REFUSED\n");
    expect(WaitForNtmsOperatorRequest(session, &ansi, 1000), ERROR_CANCELLED, "a refused request's wait");
    NTMS_GUID both[2] = { id, ansi };
    expect(DeleteNtmsRequests(session, both, NTMS_OPREQUEST, 2), ERROR_SUCCESS, "DeleteNtmsRequests");
    ok(!enumerated(&id) && !enumerated(&ansi), "both gone\n");
    expect(WaitForNtmsOperatorRequest(session, &id, 0), ERROR_OBJECT_NOT_FOUND, "a deleted request's wait");

    /* The UI options decide where requests go: none for the computer, nothing shown. */
    expect(SetNtmsUIOptionsW(session, &computer, NTMS_UITYPE_REQ, NTMS_UIDEST_DELETEALL, NULL), ERROR_SUCCESS,
           "no destination for operator requests");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_MESSAGE, L"Shown nowhere", NULL, NULL, &id), ERROR_SUCCESS,
           "a request nobody is shown");
    if (checkable(REQUESTS_SHOWN_IN_THE_EVENT_LOG, "the state of a request shown nowhere"))
        ok(state_of(&id) == NTMS_OPSTATE_SUBMITTED, "SUBMITTED: shown nowhere (%lu)\n", state_of(&id));
    expect(SetNtmsUIOptionsW(session, &computer, NTMS_UITYPE_REQ, NTMS_UIDEST_ADD, L""), ERROR_SUCCESS,
           "this computer again");
    expect(CancelNtmsOperatorRequest(session, &id), ERROR_SUCCESS, "answered");
}

/* ---- administrators only ---- */

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

static void as_user(void)
{
    NTMS_GUID id, mine, lto6 = media_type_named(L"LTO-6"), pool = free_pool_of_type(&lto6);

    find_the_library();
    ok(make_user_token(), "a token without Administrators\n");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_MESSAGE, L"for the user to answer", NULL, NULL, &id),
           ERROR_SUCCESS, "the administrator submits");
    ok(SetThreadToken(NULL, user_token), "impersonating a user\n");
    expect(SatisfyNtmsOperatorRequest(session, &id), ERROR_ACCESS_DENIED, "users may not satisfy");
    expect(CancelNtmsOperatorRequest(session, &id), ERROR_ACCESS_DENIED, "nor cancel");
    expect(CancelNtmsLibraryRequest(session, &id), ERROR_ACCESS_DENIED, "nor cancel library requests");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_NEWMEDIA, NULL, &pool, NULL, &mine), ERROR_ACCESS_DENIED,
           "NEWMEDIA needs control of the pool (Free's: users may only use it)");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_CLEANER, NULL, &library, NULL, &mine), ERROR_ACCESS_DENIED,
           "CLEANER needs control of the library");
    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_MESSAGE, L"from a user", NULL, NULL, &mine), ERROR_SUCCESS,
           "a MESSAGE needs use of the computer");
    expect(WaitForNtmsOperatorRequest(session, &mine, 0), ERROR_TIMEOUT, "users wait");
    ok(SetThreadToken(NULL, NULL), "back to the administrator\n");
    expect(SatisfyNtmsOperatorRequest(session, &id), ERROR_SUCCESS, "the administrator satisfies");
    expect(CancelNtmsOperatorRequest(session, &mine), ERROR_SUCCESS, "and refuses");
}

/* ---- answered by another process ---- */

static void submit_and_wait(const char *file, DWORD expected)
{
    char answered[MAX_PATH];
    NTMS_GUID id;

    expect(SubmitNtmsOperatorRequestW(session, NTMS_OPREQ_MESSAGE, L"Please answer (test_opreq)", NULL, NULL, &id),
           ERROR_SUCCESS, "submitted");
    save_guid(file, &id);
    expect(WaitForNtmsOperatorRequest(session, &id, 120000), expected, "WaitForNtmsOperatorRequest");
    ULONGLONG woken = now_ms();
    snprintf(answered, sizeof(answered), "%s.answered", file);
    unsigned long long at = 0;
    BOOL read = FALSE;
    for (int waited = 0; waited < 1200 && !read; waited++) {   /* renamed once the answer returned */
        FILE *f = fopen(answered, "r");
        read = f && fscanf(f, "%llu", &at) == 1;
        if (f)
            fclose(f);
        if (!read)
            Sleep(50);
    }
    ok(read, "the answer's time\n");
    printf("woken %lld ms after the answer\n", (long long)(woken - at));
    ok(woken >= at && woken - at < 1000, "woken within a second of the answer (%lld ms)\n", (long long)(woken - at));
}

static void answer(const char *how, const char *file)
{
    char answered[MAX_PATH], temporary[MAX_PATH];
    NTMS_GUID id = load_guid(file);
    BOOL satisfy = !strcmp(how, "satisfy");

    Sleep(500);   /* the waiter is waiting */
    snprintf(answered, sizeof(answered), "%s.answered", file);
    snprintf(temporary, sizeof(temporary), "%s.tmp", answered);
    FILE *f = fopen(temporary, "w");
    ok(f != NULL, "%s\n", temporary);
    if (f) {
        fprintf(f, "%llu\n", now_ms());
        fclose(f);
    }
    expect(satisfy ? SatisfyNtmsOperatorRequest(session, &id) : CancelNtmsOperatorRequest(session, &id),
           ERROR_SUCCESS, satisfy ? "satisfied" : "refused");
    ok(MoveFileA(temporary, answered), "%s\n", answered);
}

/* ---- NEWMEDIA ---- */

static void identify_all(DWORD skip)
{
    NTMS_OBJECTINFORMATIONW info;

    find_the_library();
    for (DWORD i = 0; i < slot_count; i++)
        if (i + 1 != skip && information(&slots[i], NTMS_STORAGESLOT, &info)
            && info.Info.StorageSlot.State == NTMS_SLOTSTATE_FULL)
            expect(IdentifyNtmsSlot(session, &slots[i], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "IdentifyNtmsSlot");
}

static void allocate(const char *name, DWORD timeout, DWORD expected)
{
    WCHAR path[64];
    NTMS_GUID lmid = { 0 };

    swprintf(path, ARRAYSIZE(path), L"\\%hs", name);
    NTMS_GUID pool = pool_named(path, NTMS_ALLOCATE_FROMSCRATCH);
    ULONGLONG start = GetTickCount64();
    expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, 0, timeout, NULL), expected, "AllocateNtmsMedia waiting");
    printf("the allocation answered %lu after %llu ms\n", expected, GetTickCount64() - start);
}

/* A tape of the library not in Free nor in an application pool, moved to Free (its free label written). */
static void a_tape_into_free(void)
{
    NTMS_GUID media[64], lto6 = media_type_named(L"LTO-6"), free_pool = free_pool_of_type(&lto6);
    DWORD count = ARRAYSIZE(media);
    NTMS_OBJECTINFORMATIONW info, pool;

    find_the_library();
    EnumerateNtmsObject(session, &library, media, &count, NTMS_PHYSICAL_MEDIA, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&media[i], NTMS_PHYSICAL_MEDIA, &info)
            && information(&info.Info.PhysicalMedia.MediaPool, NTMS_MEDIA_POOL, &pool)
            && (pool.Info.MediaPool.PoolType == NTMS_POOLTYPE_FOREIGN
                || pool.Info.MediaPool.PoolType == NTMS_POOLTYPE_IMPORT)) {
            expect(MoveToNtmsMediaPool(session, &media[i], &free_pool), ERROR_SUCCESS, "a tape moved to Free");
            printf("moved %ls to Free\n", info.Info.PhysicalMedia.szBarCode);
            return;
        }
    ok(0, "no tape to move to Free\n");
}

/* The allocation's own library request (ntmsapi's OperationCode 1000). */
static BOOL waiting_allocation(NTMS_GUID *request)
{
    NTMS_GUID list[256];
    NTMS_OBJECTINFORMATIONW info;
    DWORD count = ARRAYSIZE(list);

    EnumerateNtmsObject(session, NULL, list, &count, NTMS_LIBREQUEST, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&list[i], NTMS_LIBREQUEST, &info) && info.Info.LibRequest.OperationCode == 1000
            && info.Info.LibRequest.State == NTMS_LM_QUEUED) {
            *request = list[i];
            return TRUE;
        }
    return FALSE;
}

static void answer_newmedia(const char *how, const char *name)
{
    WCHAR path[64];
    NTMS_GUID request, allocation;

    swprintf(path, ARRAYSIZE(path), L"\\%hs", name);
    NTMS_GUID pool = pool_named(path, NTMS_ALLOCATE_FROMSCRATCH);
    ok(outstanding_request(NTMS_OPREQ_NEWMEDIA, &pool, &request, 300), "the allocation asked for new media\n");
    if (!strcmp(how, "seen"))
        return;
    if (!strcmp(how, "refuse")) {
        expect(CancelNtmsOperatorRequest(session, &request), ERROR_SUCCESS, "NEWMEDIA refused");
    } else if (!strcmp(how, "cancel")) {
        if (checkable(WAITING_ALLOCATION_HAS_A_LIBRARY_REQUEST, "cancelling a waiting allocation's library request")) {
            ok(waiting_allocation(&allocation), "the waiting allocation's library request\n");
            expect(CancelNtmsLibraryRequest(session, &allocation), ERROR_SUCCESS, "CancelNtmsLibraryRequest");
        }
    } else {
        a_tape_into_free();
        DWORD satisfied = SatisfyNtmsOperatorRequest(session, &request);
        /* The arriving tape may have satisfied it first (the allocation took it). */
        ok(satisfied == ERROR_SUCCESS || (satisfied == ERROR_OBJECT_NOT_FOUND
                                          && differs(ALLOCATION_TAKES_ARRIVING_MEDIA)),
           "SatisfyNtmsOperatorRequest: %lu\n", satisfied);
        printf("satisfied %s\n", satisfied == ERROR_SUCCESS ? "by the operator" : "by the arriving tape first");
        for (int waited = 0; waited < 100 && state_of(&request) != NTMS_OPSTATE_COMPLETE; waited++)
            Sleep(100);
        ok(state_of(&request) == NTMS_OPSTATE_COMPLETE, "COMPLETE\n");
    }
}

/* After the allocation waiting on the pool's NEWMEDIA was killed: the next
 * caller's work fails its library request (ERROR_OPERATION_ABORTED) and
 * purges its NEWMEDIA; another allocation asks anew and waits in vain. */
static void abandoned(const char *name)
{
    WCHAR path[64];
    NTMS_GUID dead, allocation, lmid = { 0 };
    NTMS_OBJECTINFORMATIONW info;

    swprintf(path, ARRAYSIZE(path), L"\\%hs", name);
    NTMS_GUID pool = pool_named(path, NTMS_ALLOCATE_FROMSCRATCH);
    ok(outstanding_request(NTMS_OPREQ_NEWMEDIA, &pool, &dead, 1), "the killed allocation's NEWMEDIA is still there\n");
    if (checkable(WAITING_ALLOCATION_HAS_A_LIBRARY_REQUEST, "the killed allocation's library request"))
        ok(waiting_allocation(&allocation), "and its library request, QUEUED\n");
    expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, 0, 500, NULL), ERROR_TIMEOUT,
           "another allocation waits 500 ms in vain");
    expect(WaitForNtmsOperatorRequest(session, &dead, 0), ERROR_OBJECT_NOT_FOUND, "the dead waiter's NEWMEDIA is gone");
    ok(!outstanding_request(NTMS_OPREQ_NEWMEDIA, &pool, &dead, 1), "no NEWMEDIA of the pool outstanding\n");
    if (differs(WAITING_ALLOCATION_HAS_A_LIBRARY_REQUEST))
        ok(information(&allocation, NTMS_LIBREQUEST, &info) && info.Info.LibRequest.State == NTMS_LM_FAILED
           && info.Info.LibRequest.dwErrorCode == ERROR_OPERATION_ABORTED,
           "the dead allocation's library request FAILED, ERROR_OPERATION_ABORTED (%lu, %lu)\n",
           info.Info.LibRequest.State, info.Info.LibRequest.dwErrorCode);
}

/* ---- MOVEMEDIA ---- */

static NTMS_GUID medium_with_barcode(const WCHAR *barcode)
{
    NTMS_GUID media[128], none = { 0 };
    DWORD count = ARRAYSIZE(media);
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&media[i], NTMS_PHYSICAL_MEDIA, &info) && !wcscmp(info.Info.PhysicalMedia.szBarCode, barcode))
            return media[i];
    return none;
}

/* The offline medium with this barcode, made with CreateNtmsMedia in \Vault when there is none. */
static NTMS_GUID offline_medium(const WCHAR *barcode)
{
    NTMS_GUID none = { 0 }, found = medium_with_barcode(barcode);
    NTMS_OBJECTINFORMATIONW media, side;

    if (!same_guid(&found, &none))
        return side_of_medium(&found);
    NTMS_GUID pool = pool_named(L"\\Vault", 0);
    memset(&media, 0, sizeof(media));
    memset(&side, 0, sizeof(side));
    media.dwSize = side.dwSize = sizeof(media);
    media.dwType = NTMS_PHYSICAL_MEDIA;
    side.dwType = NTMS_PARTITION;
    media.Enabled = side.Enabled = TRUE;
    media.Info.PhysicalMedia.MediaPool = pool;
    media.Info.PhysicalMedia.dwNumberOfPartitions = 1;
    wcscpy(media.Info.PhysicalMedia.szBarCode, barcode);
    side.Info.Partition.State = NTMS_PARTSTATE_IMPORT;
    side.Info.Partition.dwOmidLabelIdLength = 8;
    memcpy(side.Info.Partition.OmidLabelId, "VAULT-01", 8);
    wcscpy(side.Info.Partition.szOmidLabelType, L"Vault");
    expect(CreateNtmsMediaW(session, &media, &side, 0), ERROR_SUCCESS, "an offline medium with the barcode");
    return side.ObjectGuid;
}

static void offline_mount(const char *barcode, DWORD timeout, DWORD expected)
{
    WCHAR wide[32];
    NTMS_GUID drive = { 0 };

    MultiByteToWideChar(CP_ACP, 0, barcode, -1, wide, ARRAYSIZE(wide));
    NTMS_GUID side = offline_medium(wide);
    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ | NTMS_MOUNT_ERROR_OFFLINE, 0, timeout, NULL),
           ERROR_MEDIA_OFFLINE, "NTMS_MOUNT_ERROR_OFFLINE: at once");
    ULONGLONG start = GetTickCount64();
    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ, 0, timeout, NULL), expected,
           "MountNtmsMedia of an offline medium");
    printf("the mount answered after %llu ms\n", GetTickCount64() - start);
    if (expected == ERROR_SUCCESS) {
        NTMS_OBJECTINFORMATIONW info;
        ok(information(&drive, NTMS_DRIVE, &info) && info.Info.Drive.State == NTMS_DRIVESTATE_LOADED,
           "mounted once the operator brought it\n");
        expect(DismountNtmsMedia(session, &side, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "dismounted");
        dismount_finished(session, &drive);
    }
}

static void answer_movemedia(const char *how, const char *barcode)
{
    WCHAR wide[32];
    NTMS_GUID request;
    NTMS_OBJECTINFORMATIONW info;

    MultiByteToWideChar(CP_ACP, 0, barcode, -1, wide, ARRAYSIZE(wide));
    NTMS_GUID media = medium_with_barcode(wide), none = { 0 };
    for (int tries = 0; tries < 300 && same_guid(&media, &none); tries++) {   /* the mounting process records it */
        Sleep(100);
        media = medium_with_barcode(wide);
    }
    find_the_library();
    ok(outstanding_request(NTMS_OPREQ_MOVEMEDIA, &media, &request, 300), "the mount asked for its medium\n");
    ok(information(&request, NTMS_OPREQUEST, &info) && same_guid(&info.Info.OpRequest.Arg2, &library)
       && info.Info.OpRequest.Arg1Type == NTMS_PHYSICAL_MEDIA && info.Info.OpRequest.Arg2Type == NTMS_LIBRARY,
       "MOVEMEDIA: the medium, into the library ('%ls')\n", info.Info.OpRequest.szMessage);
    if (!strcmp(how, "refuse"))
        expect(CancelNtmsOperatorRequest(session, &request), ERROR_SUCCESS, "MOVEMEDIA refused");
    else
        expect(SatisfyNtmsOperatorRequest(session, &request), ERROR_SUCCESS, "MOVEMEDIA satisfied: it is there");
}

/* ---- the request queue ---- */

static void barcode_of(const NTMS_GUID *medium, char *barcode, size_t capacity)
{
    NTMS_OBJECTINFORMATIONW info;

    barcode[0] = '\0';
    if (information(medium, NTMS_PHYSICAL_MEDIA, &info))
        WideCharToMultiByte(CP_ACP, 0, info.Info.PhysicalMedia.szBarCode, -1, barcode, (int)capacity, NULL, NULL);
}

/* The mount requests of the library in this state whose medium has this barcode (NULL: any). */
static DWORD mount_requests(DWORD state, const char *barcode, NTMS_GUID *found, DWORD room)
{
    NTMS_GUID list[256];
    NTMS_OBJECTINFORMATIONW info;
    DWORD count = ARRAYSIZE(list), n = 0;
    char media[NTMS_BARCODE_LENGTH * 2];

    EnumerateNtmsObject(session, NULL, list, &count, NTMS_LIBREQUEST, 0);
    for (DWORD i = 0; i < count && n < room; i++) {
        if (!information(&list[i], NTMS_LIBREQUEST, &info) || info.Info.LibRequest.OperationCode != NTMS_LM_MOUNT
            || info.Info.LibRequest.State != state || !same_guid(&info.Info.LibRequest.Library, &library))
            continue;
        barcode_of(&info.Info.LibRequest.PhysMediaId, media, sizeof(media));
        if (!barcode || !strcmp(barcode, media))
            found[n++] = list[i];
    }
    return n;
}

/* The library's waiting mounts by GetNtmsRequestOrder: "N0006L6,N0003L6" ("-": none); FALSE unless 1..n. */
static BOOL queue_now(char *text, size_t capacity)
{
    NTMS_GUID queued[16];
    char by_place[16][NTMS_BARCODE_LENGTH * 2] = { { 0 } };
    DWORD count = mount_requests(NTMS_LM_QUEUED, NULL, queued, ARRAYSIZE(queued)), order;
    NTMS_OBJECTINFORMATIONW info;
    BOOL numbered = TRUE;

    for (DWORD i = 0; i < count; i++) {
        if (GetNtmsRequestOrder(session, &queued[i], &order) != ERROR_SUCCESS || order < 1 || order > count
            || by_place[order - 1][0] || !information(&queued[i], NTMS_LIBREQUEST, &info)) {
            numbered = FALSE;
            continue;
        }
        barcode_of(&info.Info.LibRequest.PhysMediaId, by_place[order - 1], sizeof(by_place[0]));
    }
    snprintf(text, capacity, "%s", count ? "" : "-");
    for (DWORD i = 0; i < count; i++)
        snprintf(text + strlen(text), capacity - strlen(text), "%s%s", i ? "," : "", by_place[i]);
    return numbered;
}

/* The queue as expected, looked at for up to 30 s (the waiters are starting or waking). */
static void queue_is(const char *expected)
{
    char now[256] = "";
    BOOL numbered = FALSE;

    for (int tries = 0; tries < 300; tries++) {
        numbered = queue_now(now, sizeof(now));
        if (numbered && !strcmp(now, expected))
            break;
        Sleep(100);
    }
    ok(numbered && !strcmp(now, expected), "the queue: %s (expected %s)\n", now, expected);
}

static NTMS_GUID queued_mount_of(const char *barcode)
{
    NTMS_GUID id = { 0 };

    ok(mount_requests(NTMS_LM_QUEUED, barcode, &id, 1) == 1, "%s's mount is queued\n", barcode);
    return id;
}

static void move_in_queue(const char *barcode, DWORD place)
{
    NTMS_GUID id = queued_mount_of(barcode);
    DWORD order = 0;

    expect(SetNtmsRequestOrder(session, &id, place), ERROR_SUCCESS, "SetNtmsRequestOrder");
    expect(GetNtmsRequestOrder(session, &id, &order), ERROR_SUCCESS, "GetNtmsRequestOrder");
    printf("%s moved to place %lu: now %lu\n", barcode, place, order);
}

static void cancel_in_queue(const char *barcode)
{
    NTMS_GUID id = queued_mount_of(barcode);
    NTMS_OBJECTINFORMATIONW info;
    DWORD order = 99;

    expect(CancelNtmsLibraryRequest(session, &id), ERROR_SUCCESS, "CancelNtmsLibraryRequest of a waiting mount");
    ok(information(&id, NTMS_LIBREQUEST, &info) && info.Info.LibRequest.State == NTMS_LM_CANCELLED,
       "CANCELLED\n");
    expect(GetNtmsRequestOrder(session, &id, &order), ERROR_SUCCESS, "its order");
    ok(order == 0, "out of the queue (%lu)\n", order);
    expect(CancelNtmsLibraryRequest(session, &id), ERROR_OBJECT_NOT_FOUND, "cancelled already");
}

/* The killed waiter's mount: FAILED, ERROR_OPERATION_ABORTED, out of the queue. */
static void aborted_in_queue(const char *barcode)
{
    NTMS_GUID id = { 0 };
    NTMS_OBJECTINFORMATIONW info;
    DWORD order = 99;

    ok(mount_requests(NTMS_LM_FAILED, barcode, &id, 1) == 1, "%s's mount FAILED\n", barcode);
    ok(information(&id, NTMS_LIBREQUEST, &info) && info.Info.LibRequest.dwErrorCode == ERROR_OPERATION_ABORTED,
       "ERROR_OPERATION_ABORTED (%lu)\n", info.Info.LibRequest.dwErrorCode);
    expect(GetNtmsRequestOrder(session, &id, &order), ERROR_SUCCESS, "its order");
    ok(order == 0, "out of the queue (%lu)\n", order);
}

static void order_refusals(void)
{
    NTMS_GUID passed, first, unknown = { 7, 7, 7, { 7 } };
    DWORD order = 99;

    ok(mount_requests(NTMS_LM_PASSED, NULL, &passed, 1) == 1, "a mount that is done\n");
    ok(mount_requests(NTMS_LM_QUEUED, NULL, &first, 1) == 1, "a waiting mount\n");
    expect(SetNtmsRequestOrder(session, &first, 0), ERROR_INVALID_PARAMETER, "SetNtmsRequestOrder: 0");
    expect(SetNtmsRequestOrder(session, &passed, 1), ERROR_INVALID_PARAMETER, "SetNtmsRequestOrder: a mount done");
    expect(GetNtmsRequestOrder(session, &passed, &order), ERROR_SUCCESS, "GetNtmsRequestOrder: a mount done");
    ok(order == 0, "a mount done has no place (%lu)\n", order);
    expect(SetNtmsRequestOrder(session, &unknown, 1), ERROR_OBJECT_NOT_FOUND, "SetNtmsRequestOrder: unknown");
    expect(GetNtmsRequestOrder(session, &unknown, &order), ERROR_OBJECT_NOT_FOUND, "GetNtmsRequestOrder: unknown");
    expect(CancelNtmsLibraryRequest(session, &passed), ERROR_OBJECT_NOT_FOUND, "CancelNtmsLibraryRequest: done");
}

/* Steps: "B1,B2,..." the queue is so (or "-", empty); move:BARCODE:PLACE;
 * cancel:BARCODE; aborted:BARCODE (its waiter was killed); refusals. */
static void queue_steps(int count, char **steps)
{
    char barcode[32];
    unsigned long place;

    find_the_library();
    for (int i = 0; i < count; i++)
        if (sscanf(steps[i], "move:%31[^:]:%lu", barcode, &place) == 2)
            move_in_queue(barcode, place);
        else if (sscanf(steps[i], "cancel:%31s", barcode) == 1)
            cancel_in_queue(barcode);
        else if (sscanf(steps[i], "aborted:%31s", barcode) == 1)
            aborted_in_queue(barcode);
        else if (!strcmp(steps[i], "refusals"))
            order_refusals();
        else
            queue_is(steps[i]);
}

/* A mount of the tape in slot SLOT: the answer expected; once mounted,
 * DIR\BARCODE.mounted written, and the tape held until DIR\BARCODE.release. */
static void mount_and_hold(DWORD slot, const char *dir, DWORD expected, LONG priority)
{
    char barcode[NTMS_BARCODE_LENGTH * 2], path[MAX_PATH];
    NTMS_OBJECTINFORMATIONW info;
    NTMS_GUID drive = { 0 };

    find_the_library();
    NTMS_GUID side = side_of_slot(&slots[slot - 1]);
    ok(information(&side, NTMS_PARTITION, &info), "the tape of slot %lu is known\n", slot);
    barcode_of(&info.Info.Partition.PhysicalMedia, barcode, sizeof(barcode));
    ULONGLONG start = GetTickCount64();
    expect(MountNtmsMedia(session, &side, &drive, 1, NTMS_MOUNT_READ, (DWORD)priority, 120000, NULL), expected,
           "MountNtmsMedia");
    printf("%s: answered %lu after %llu ms\n", barcode, expected, GetTickCount64() - start);
    if (expected != ERROR_SUCCESS)
        return;
    ok(information(&drive, NTMS_DRIVE, &info) && info.Info.Drive.State == NTMS_DRIVESTATE_LOADED,
       "%s in a drive\n", barcode);
    snprintf(path, sizeof(path), "%s\\%s.mounted", dir, barcode);
    FILE *f = fopen(path, "w");
    ok(f != NULL, "%s\n", path);
    if (f)
        fclose(f);
    snprintf(path, sizeof(path), "%s\\%s.release", dir, barcode);
    for (int waited = 0; waited < 2400 && !exists(path); waited++)
        Sleep(50);
    ok(exists(path), "released\n");
    expect(DismountNtmsMedia(session, &side, 1, NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "dismounted");
    dismount_finished(session, &drive);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";

    session = OpenNtmsSessionW(NULL, L"ntmsapi test_opreq", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    if (!strcmp(mode, "refusals"))
        refusals();
    else if (!strcmp(mode, "basics"))
        basics();
    else if (!strcmp(mode, "as-user"))
        as_user();
    else if (argc == 4 && !strcmp(mode, "submit-wait"))
        submit_and_wait(argv[2], (DWORD)atoi(argv[3]));
    else if (argc == 4 && !strcmp(mode, "answer"))
        answer(argv[2], argv[3]);
    else if (argc == 3 && !strcmp(mode, "identify-all"))
        identify_all((DWORD)atoi(argv[2]));
    else if (argc == 5 && !strcmp(mode, "allocate"))
        allocate(argv[2], (DWORD)atoi(argv[3]), (DWORD)atoi(argv[4]));
    else if (argc == 4 && !strcmp(mode, "newmedia"))
        answer_newmedia(argv[2], argv[3]);
    else if (argc == 5 && !strcmp(mode, "offline-mount"))
        offline_mount(argv[2], (DWORD)atoi(argv[3]), (DWORD)atoi(argv[4]));
    else if (argc == 4 && !strcmp(mode, "movemedia"))
        answer_movemedia(argv[2], argv[3]);
    else if (argc == 3 && !strcmp(mode, "abandoned"))
        abandoned(argv[2]);
    else if ((argc == 5 || argc == 6) && !strcmp(mode, "mount"))
        mount_and_hold((DWORD)atoi(argv[2]), argv[3], (DWORD)atoi(argv[4]), argc == 6 ? atoi(argv[5]) : 0);
    else if (argc >= 3 && !strcmp(mode, "queue"))
        queue_steps(argc - 2, argv + 2);
    else
        ok(0, "usage: test_opreq.exe MODE [ARGUMENTS] (see the program's first comment)\n");
    CloseNtmsSession(session);
    return wintest_finish();
}
