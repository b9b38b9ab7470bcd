/* Media pools and media types. */
#include "shim.h"

static DWORD create_pool(HANDLE session, const void *name, DWORD action, const NTMS_GUID *pool_id,
                         const char *function)
{
    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(name && pool_id);
    REQUIRE_PARAMETER(action == NTMS_OPEN_EXISTING || action == NTMS_CREATE_NEW || action == NTMS_OPEN_ALWAYS);
    return shim_not_yet(function);
}

DWORD WINAPI CreateNtmsMediaPoolW(HANDLE hSession, LPCWSTR lpPoolName, LPNTMS_GUID lpMediaType, DWORD dwAction,
                                  LPSECURITY_ATTRIBUTES lpSecurityAttributes, LPNTMS_GUID lpPoolId)
{
    TRACE("(%p, %p, %p, %lu, %p, %p)", hSession, (const void *)lpPoolName, (void *)lpMediaType, dwAction,
          (void *)lpSecurityAttributes, (void *)lpPoolId);
    return create_pool(hSession, lpPoolName, dwAction, lpPoolId, __func__);
}

DWORD WINAPI CreateNtmsMediaPoolA(HANDLE hSession, LPCSTR lpPoolName, LPNTMS_GUID lpMediaType, DWORD dwAction,
                                  LPSECURITY_ATTRIBUTES lpSecurityAttributes, LPNTMS_GUID lpPoolId)
{
    TRACE("(%p, %p, %p, %lu, %p, %p)", hSession, (const void *)lpPoolName, (void *)lpMediaType, dwAction,
          (void *)lpSecurityAttributes, (void *)lpPoolId);
    return create_pool(hSession, lpPoolName, dwAction, lpPoolId, __func__);
}

static DWORD pool_name(HANDLE session, const NTMS_GUID *pool, const void *buffer, const DWORD *size,
                       const char *function)
{
    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(pool && size && (buffer || *size == 0));
    return shim_not_yet(function);
}

DWORD WINAPI GetNtmsMediaPoolNameW(HANDLE hSession, LPNTMS_GUID lpPoolId, LPWSTR lpNameBuf, LPDWORD lpdwBufSize)
{
    TRACE("(%p, %p, %p, %p)", hSession, (void *)lpPoolId, (void *)lpNameBuf, (void *)lpdwBufSize);
    return pool_name(hSession, lpPoolId, lpNameBuf, lpdwBufSize, __func__);
}

DWORD WINAPI GetNtmsMediaPoolNameA(HANDLE hSession, LPNTMS_GUID lpPoolId, LPSTR lpNameBuf, LPDWORD lpdwBufSize)
{
    TRACE("(%p, %p, %p, %p)", hSession, (void *)lpPoolId, (void *)lpNameBuf, (void *)lpdwBufSize);
    return pool_name(hSession, lpPoolId, lpNameBuf, lpdwBufSize, __func__);
}

/* Every pool/type call that takes (session, id, id). */
static DWORD two_object_call(HANDLE session, const NTMS_GUID *first, const NTMS_GUID *second,
                             const char *function)
{
    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(first && second);
    return shim_not_yet(function);
}

DWORD WINAPI MoveToNtmsMediaPool(HANDLE hSession, LPNTMS_GUID lpMediaId, LPNTMS_GUID lpPoolId)
{
    TRACE("(%p, %p, %p)", hSession, (void *)lpMediaId, (void *)lpPoolId);
    return two_object_call(hSession, lpMediaId, lpPoolId, __func__);
}

DWORD WINAPI DeleteNtmsMediaPool(HANDLE hSession, LPNTMS_GUID lpPoolId)
{
    TRACE("(%p, %p)", hSession, (void *)lpPoolId);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpPoolId);
    return shim_not_yet(__func__);
}

DWORD WINAPI AddNtmsMediaType(HANDLE hSession, LPNTMS_GUID lpMediaTypeId, LPNTMS_GUID lpLibId)
{
    TRACE("(%p, %p, %p)", hSession, (void *)lpMediaTypeId, (void *)lpLibId);
    return two_object_call(hSession, lpMediaTypeId, lpLibId, __func__);
}

DWORD WINAPI DeleteNtmsMediaType(HANDLE hSession, LPNTMS_GUID lpMediaTypeId, LPNTMS_GUID lpLibId)
{
    TRACE("(%p, %p, %p)", hSession, (void *)lpMediaTypeId, (void *)lpLibId);
    return two_object_call(hSession, lpMediaTypeId, lpLibId, __func__);
}

DWORD WINAPI ChangeNtmsMediaType(HANDLE hSession, LPNTMS_GUID lpMediaId, LPNTMS_GUID lpPoolId)
{
    TRACE("(%p, %p, %p)", hSession, (void *)lpMediaId, (void *)lpPoolId);
    return two_object_call(hSession, lpMediaId, lpPoolId, __func__);
}
