/* Where RSM sends its user-interface messages. */
#include "shim.h"

static BOOL is_ui_type(DWORD type)
{
    return type == NTMS_UITYPE_REQ || type == NTMS_UITYPE_ERR || type == NTMS_UITYPE_INFO;
}

static DWORD get_ui_options(HANDLE session, DWORD type, const void *buffer, const DWORD *size, const char *function)
{
    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(size && (buffer || *size == 0) && is_ui_type(type));
    return shim_not_yet(function);
}

DWORD WINAPI GetNtmsUIOptionsW(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType,
                               LPWSTR lpszDestination, LPDWORD lpdwBufSize)
{
    TRACE("(%p, %p, %lu, %p, %p)", hSession, (void *)lpObjectId, dwType, (void *)lpszDestination,
          (void *)lpdwBufSize);
    return get_ui_options(hSession, dwType, lpszDestination, lpdwBufSize, __func__);
}

DWORD WINAPI GetNtmsUIOptionsA(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType,
                               LPSTR lpszDestination, LPDWORD lpdwBufSize)
{
    TRACE("(%p, %p, %lu, %p, %p)", hSession, (void *)lpObjectId, dwType, (void *)lpszDestination,
          (void *)lpdwBufSize);
    return get_ui_options(hSession, dwType, lpszDestination, lpdwBufSize, __func__);
}

static DWORD set_ui_options(HANDLE session, DWORD type, DWORD operation, const void *destination,
                            const char *function)
{
    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(is_ui_type(type));
    REQUIRE_PARAMETER(operation == NTMS_UIDEST_ADD || operation == NTMS_UIDEST_DELETE
                      || operation == NTMS_UIDEST_DELETEALL);
    REQUIRE_PARAMETER(destination || operation == NTMS_UIDEST_DELETEALL);
    return shim_not_yet(function);
}

DWORD WINAPI SetNtmsUIOptionsW(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType, DWORD dwOperation,
                               LPCWSTR lpszDestination)
{
    TRACE("(%p, %p, %lu, %lu, %p)", hSession, (void *)lpObjectId, dwType, dwOperation,
          (const void *)lpszDestination);
    return set_ui_options(hSession, dwType, dwOperation, lpszDestination, __func__);
}

DWORD WINAPI SetNtmsUIOptionsA(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType, DWORD dwOperation,
                               LPCSTR lpszDestination)
{
    TRACE("(%p, %p, %lu, %lu, %p)", hSession, (void *)lpObjectId, dwType, dwOperation,
          (const void *)lpszDestination);
    return set_ui_options(hSession, dwType, dwOperation, lpszDestination, __func__);
}
