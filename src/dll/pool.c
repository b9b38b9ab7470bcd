/* Media pools and media types. */
#include "engine_access.h"
#include "engine/records/pool_names.h"
#include "engine/records/pools.h"
#include "engine/ops/pool_moves.h"
#include "engine/records/media_types.h"

#include <stdlib.h>
#include <wchar.h>
#include <string.h>

/* A new pool gets the caller's descriptor when one is given, else RSM's
 * inherited one (see object_security_new_pool). */
static DWORD create_pool(HANDLE session, const WCHAR *name, const NTMS_GUID *media_type, DWORD action,
                         const SECURITY_ATTRIBUTES *attributes, NTMS_GUID *pool_id)
{
    struct shim_call call = { 0 };
    BYTE *descriptor = NULL;
    DWORD length = 0;

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(name && pool_id);
    REQUIRE_PARAMETER(action == NTMS_OPEN_EXISTING || action == NTMS_CREATE_NEW || action == NTMS_OPEN_ALWAYS);
    if (wcslen(name) >= NTMS_POOLHIERARCHY_LENGTH)
        return shim_result(ERROR_INVALID_NAME);
    DWORD status = ERROR_SUCCESS;
    if (attributes && attributes->lpSecurityDescriptor)
        status = shim_self_relative_copy(attributes->lpSecurityDescriptor, &descriptor, &length);
    if (status == ERROR_SUCCESS && (status = shim_begin(&call)) == ERROR_SUCCESS)
        status = engine_create_pool(call.engine, &call.caller, (const wchar16 *)name, (const ntms_guid *)media_type,
                                    action, descriptor, length, (ntms_guid *)pool_id);
    shim_end(&call);
    free(descriptor);
    return shim_result(status);
}

DWORD WINAPI CreateNtmsMediaPoolW(HANDLE hSession, LPCWSTR lpPoolName, LPNTMS_GUID lpMediaType, DWORD dwAction,
                                  LPSECURITY_ATTRIBUTES lpSecurityAttributes, LPNTMS_GUID lpPoolId)
{
    TRACE("(%p, %p, %p, %lu, %p, %p)", hSession, (const void *)lpPoolName, (void *)lpMediaType, dwAction,
          (void *)lpSecurityAttributes, (void *)lpPoolId);
    return create_pool(hSession, lpPoolName, lpMediaType, dwAction, lpSecurityAttributes, lpPoolId);
}

DWORD WINAPI CreateNtmsMediaPoolA(HANDLE hSession, LPCSTR lpPoolName, LPNTMS_GUID lpMediaType, DWORD dwAction,
                                  LPSECURITY_ATTRIBUTES lpSecurityAttributes, LPNTMS_GUID lpPoolId)
{
    TRACE("(%p, %p, %p, %lu, %p, %p)", hSession, (const void *)lpPoolName, (void *)lpMediaType, dwAction,
          (void *)lpSecurityAttributes, (void *)lpPoolId);
    WCHAR *name = shim_wide_from_ansi(lpPoolName);
    if (lpPoolName && !name)
        return shim_result(ERROR_NOT_ENOUGH_MEMORY);
    DWORD status = create_pool(hSession, name, lpMediaType, dwAction, lpSecurityAttributes, lpPoolId);
    free(name);
    return shim_result(status);
}

/* The full name in characters, NUL included; NTMS_POOLHIERARCHY_LENGTH at most. */
static DWORD pool_name(HANDLE session, const NTMS_GUID *pool, const void *buffer, const DWORD *size,
                       WCHAR *name, DWORD *length)
{
    struct shim_call call;

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(pool && size && (buffer || *size == 0));
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, pool, NTMS_USE_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_pool_name(call.engine, (const ntms_guid *)pool, (wchar16 *)name, (uint32_t *)length);
    shim_end(&call);
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

DWORD WINAPI MoveToNtmsMediaPool(HANDLE hSession, LPNTMS_GUID lpMediaId, LPNTMS_GUID lpPoolId)
{
    struct shim_call call;

    TRACE("(%p, %p, %p)", hSession, (void *)lpMediaId, (void *)lpPoolId);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpMediaId && lpPoolId);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = engine_move_to_pool(call.engine, &call.caller, (const ntms_guid *)lpMediaId,
                                     (const ntms_guid *)lpPoolId);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI DeleteNtmsMediaPool(HANDLE hSession, LPNTMS_GUID lpPoolId)
{
    struct shim_call call;

    TRACE("(%p, %p)", hSession, (void *)lpPoolId);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpPoolId);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, lpPoolId, NTMS_MODIFY_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_delete_pool(call.engine, (const ntms_guid *)lpPoolId);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI AddNtmsMediaType(HANDLE hSession, LPNTMS_GUID lpMediaTypeId, LPNTMS_GUID lpLibId)
{
    struct shim_call call;

    TRACE("(%p, %p, %p)", hSession, (void *)lpMediaTypeId, (void *)lpLibId);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpMediaTypeId && lpLibId);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, lpLibId, NTMS_MODIFY_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_add_media_type(call.engine, (const ntms_guid *)lpMediaTypeId, (const ntms_guid *)lpLibId);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI DeleteNtmsMediaType(HANDLE hSession, LPNTMS_GUID lpMediaTypeId, LPNTMS_GUID lpLibId)
{
    struct shim_call call;

    TRACE("(%p, %p, %p)", hSession, (void *)lpMediaTypeId, (void *)lpLibId);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpMediaTypeId && lpLibId);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, lpLibId, NTMS_MODIFY_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_delete_media_type(call.engine, (const ntms_guid *)lpMediaTypeId,
                                          (const ntms_guid *)lpLibId);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI ChangeNtmsMediaType(HANDLE hSession, LPNTMS_GUID lpMediaId, LPNTMS_GUID lpPoolId)
{
    struct shim_call call;

    TRACE("(%p, %p, %p)", hSession, (void *)lpMediaId, (void *)lpPoolId);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpMediaId && lpPoolId);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = engine_change_media_type(call.engine, &call.caller, (const ntms_guid *)lpMediaId,
                                          (const ntms_guid *)lpPoolId);
    shim_end(&call);
    return shim_result(status);
}
