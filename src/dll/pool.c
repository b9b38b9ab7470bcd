/* Media pools and media types. */
#include "engine_access.h"
#include "engine/objects_api.h"

#include <stdlib.h>
#include <string.h>

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

/* The full name in characters, NUL included; NTMS_POOLHIERARCHY_LENGTH at most. */
static DWORD pool_name(HANDLE session, const NTMS_GUID *pool, const void *buffer, const DWORD *size,
                       WCHAR *name, DWORD *length)
{
    struct engine *engine;

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(pool && size && (buffer || *size == 0));
    DWORD status = shim_engine(&engine);
    if (status == ERROR_SUCCESS)
        status = engine_pool_name(engine, (const ntms_guid *)pool, (wchar16 *)name, (uint32_t *)length);
    return status;
}

DWORD WINAPI GetNtmsMediaPoolNameW(HANDLE hSession, LPNTMS_GUID lpPoolId, LPWSTR lpNameBuf, LPDWORD lpdwBufSize)
{
    WCHAR name[NTMS_POOLHIERARCHY_LENGTH];
    DWORD length = ARRAYSIZE(name);

    TRACE("(%p, %p, %p, %p)", hSession, (void *)lpPoolId, (void *)lpNameBuf, (void *)lpdwBufSize);
    DWORD status = pool_name(hSession, lpPoolId, lpNameBuf, lpdwBufSize, name, &length);
    if (status != ERROR_SUCCESS)
        return shim_result(status);
    DWORD capacity = *lpdwBufSize;
    *lpdwBufSize = length;
    if (capacity < length)
        return shim_result(ERROR_INSUFFICIENT_BUFFER);
    memcpy(lpNameBuf, name, length * sizeof(WCHAR));
    return shim_result(ERROR_SUCCESS);
}

DWORD WINAPI GetNtmsMediaPoolNameA(HANDLE hSession, LPNTMS_GUID lpPoolId, LPSTR lpNameBuf, LPDWORD lpdwBufSize)
{
    WCHAR name[NTMS_POOLHIERARCHY_LENGTH];
    char narrow[NTMS_POOLHIERARCHY_LENGTH * 2];
    DWORD length = ARRAYSIZE(name);

    TRACE("(%p, %p, %p, %p)", hSession, (void *)lpPoolId, (void *)lpNameBuf, (void *)lpdwBufSize);
    DWORD status = pool_name(hSession, lpPoolId, lpNameBuf, lpdwBufSize, name, &length);
    if (status != ERROR_SUCCESS)
        return shim_result(status);
    int bytes = WideCharToMultiByte(CP_ACP, 0, name, -1, narrow, sizeof(narrow), NULL, NULL);
    DWORD needed = bytes > 0 ? (DWORD)bytes : 1;
    DWORD capacity = *lpdwBufSize;
    *lpdwBufSize = needed;
    if (capacity < needed)
        return shim_result(ERROR_INSUFFICIENT_BUFFER);
    memcpy(lpNameBuf, narrow, needed);
    return shim_result(ERROR_SUCCESS);
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
