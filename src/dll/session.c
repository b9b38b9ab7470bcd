/* OpenNtmsSessionA/W, CloseNtmsSession. Sessions are local only: RSM's
 * remote access went through DCOM to a service that no longer exists. */
#include "engine_access.h"
#include "engine/records/engine_open.h"
#include "engine/core/notification.h"
#include "engine/ops/dismount.h"

#include <stdlib.h>

#define NTMS_SESSION_OPTIONS_KNOWN 0x1u   /* NTMS_SESSION_QUERYEXPEDITE */

static BOOL name_matches(const WCHAR *server, COMPUTER_NAME_FORMAT format)
{
    WCHAR name[256];
    DWORD length = ARRAYSIZE(name);

    return GetComputerNameExW(format, name, &length) && lstrcmpiW(server, name) == 0;
}

/* NULL, "" and this computer's NetBIOS, DNS host or DNS full name (with or
 * without a leading "\\") all mean the local computer. */
static BOOL is_local_computer(const WCHAR *server)
{
    if (!server)
        return TRUE;
    while (*server == L'\\')
        server++;
    return !*server || name_matches(server, ComputerNameNetBIOS)
        || name_matches(server, ComputerNameDnsHostname)
        || name_matches(server, ComputerNameDnsFullyQualified);
}

static HANDLE fail_open(DWORD code)
{
    SetLastError(code);
    return INVALID_HANDLE_VALUE;
}

/* Library requests name the user and computer that asked. */
static void describe_client(uintptr_t handle)
{
    WCHAR user[SESSION_NAME_MAX], computer[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD user_length = ARRAYSIZE(user), computer_length = ARRAYSIZE(computer);
    struct ntms_session *session = session_acquire(handle);

    if (!GetUserNameW(user, &user_length))
        user[0] = 0;
    if (!GetComputerNameW(computer, &computer_length))
        computer[0] = 0;
    char *user_utf8 = shim_utf8_from_wide(user), *computer_utf8 = shim_utf8_from_wide(computer);
    if (session)
        session_describe_client(session, user_utf8, computer_utf8);
    free(user_utf8);
    free(computer_utf8);
    session_release(session);
}

/* A session takes use of the computer (Users have it by default). */
static DWORD may_open(void)
{
    struct shim_call call;
    DWORD status = shim_begin(&call);

    if (status == ERROR_SUCCESS)
        status = shim_require(&call, NULL, NTMS_USE_ACCESS);
    shim_end(&call);
    return status;
}

HANDLE WINAPI OpenNtmsSessionW(LPCWSTR lpServer, LPCWSTR lpApplication, DWORD dwOptions)
{
    TRACE("(%p, %p, 0x%lx)", (const void *)lpServer, (const void *)lpApplication, dwOptions);

    if (dwOptions & ~NTMS_SESSION_OPTIONS_KNOWN)
        return fail_open(ERROR_INVALID_PARAMETER);
    if (!is_local_computer(lpServer))
        return fail_open(ERROR_INVALID_COMPUTERNAME);

    DWORD access = may_open();
    if (access != ERROR_SUCCESS)
        return fail_open(access);
    char *application = shim_utf8_from_wide(lpApplication);
    if (lpApplication && !application)
        return fail_open(ERROR_NOT_ENOUGH_MEMORY);
    uintptr_t handle = 0;
    ntms_err status = session_open(application, dwOptions, &handle);
    free(application);
    if (status != NTMS_OK)
        return fail_open(status);
    describe_client(handle);
    SetLastError(ERROR_SUCCESS);
    return (HANDLE)handle;
}

HANDLE WINAPI OpenNtmsSessionA(LPCSTR lpServer, LPCSTR lpApplication, DWORD dwOptions)
{
    WCHAR *server = shim_wide_from_ansi(lpServer);
    WCHAR *application = shim_wide_from_ansi(lpApplication);
    HANDLE session;

    if ((lpServer && !server) || (lpApplication && !application))
        session = fail_open(ERROR_NOT_ENOUGH_MEMORY);
    else
        session = OpenNtmsSessionW(server, application, dwOptions);
    DWORD error = GetLastError();
    free(server);
    free(application);
    SetLastError(error);
    return session;
}

/* RSM freed everything a session held when it closed: its notification
 * channels close, its mounts become dismounts that fall due at once. */
DWORD WINAPI CloseNtmsSession(HANDLE hSession)
{
    struct engine *engine;

    TRACE("(%p)", hSession);
    struct ntms_session *session = session_acquire((uintptr_t)hSession);
    uint32_t serial = session ? session->serial : 0;
    session_release(session);
    DWORD status = session_close((uintptr_t)hSession);
    if (status == ERROR_SUCCESS)
        notification_close_session(serial);
    if (status == ERROR_SUCCESS && serial && engine_acquire(&engine) == NTMS_OK)
        engine_session_closed(engine, serial);
    return shim_result(status);
}
