/* Where RSM sends its user-interface messages: Get/SetNtmsUIOptionsA/W. */
#include "engine_access.h"
#include "engine/records/ui_options.h"

#include <stdlib.h>

#define UI_LIST_MAX 4096

static BOOL is_ui_type(DWORD type)
{
    return type == NTMS_UITYPE_REQ || type == NTMS_UITYPE_ERR || type == NTMS_UITYPE_INFO;
}

/* The list as UTF-16 for either character width; *length in units. */
static DWORD get_list(HANDLE session, const NTMS_GUID *object, DWORD type, const void *buffer, const DWORD *size,
                      WCHAR *list, uint32_t *length)
{
    struct shim_call call = { 0 };

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(size && (buffer || *size == 0) && is_ui_type(type));
    struct ntms_session *s = session_acquire((uintptr_t)session);
    DWORD status = s ? shim_begin(&call) : ERROR_INVALID_HANDLE;
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, object, NTMS_USE_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_ui_get(call.engine, s, (const ntms_guid *)object, type, (wchar16 *)list, length);
    shim_end(&call);
    session_release(s);
    return status;
}

DWORD WINAPI GetNtmsUIOptionsW(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType,
                               LPWSTR lpszDestination, LPDWORD lpdwBufSize)
{
    WCHAR *list = malloc(UI_LIST_MAX * sizeof(WCHAR));
    uint32_t length = UI_LIST_MAX;

    TRACE("(%p, %p, %lu, %p, %p)", hSession, (void *)lpObjectId, dwType, (void *)lpszDestination,
          (void *)lpdwBufSize);
    if (!list)
        return shim_result(ERROR_NOT_ENOUGH_MEMORY);
    DWORD status = get_list(hSession, lpObjectId, dwType, lpszDestination, lpdwBufSize, list, &length);
    if (status == ERROR_SUCCESS) {
        DWORD capacity = *lpdwBufSize;
        *lpdwBufSize = length;
        if (capacity < length)
            status = ERROR_INSUFFICIENT_BUFFER;
        else if (length)
            memcpy(lpszDestination, list, length * sizeof(WCHAR));
    }
    free(list);
    return shim_result(status);
}

DWORD WINAPI GetNtmsUIOptionsA(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType,
                               LPSTR lpszDestination, LPDWORD lpdwBufSize)
{
    WCHAR *list = malloc(UI_LIST_MAX * sizeof(WCHAR));
    char *narrow = malloc(UI_LIST_MAX * 2);
    uint32_t length = UI_LIST_MAX;

    TRACE("(%p, %p, %lu, %p, %p)", hSession, (void *)lpObjectId, dwType, (void *)lpszDestination,
          (void *)lpdwBufSize);
    DWORD status = list && narrow ? get_list(hSession, lpObjectId, dwType, lpszDestination, lpdwBufSize, list, &length)
                                  : ERROR_NOT_ENOUGH_MEMORY;
    if (status == ERROR_SUCCESS) {
        int bytes = length ? WideCharToMultiByte(CP_ACP, 0, list, (int)length, narrow, UI_LIST_MAX * 2, NULL, NULL) : 0;
        DWORD capacity = *lpdwBufSize;
        *lpdwBufSize = (DWORD)bytes;
        if (capacity < (DWORD)bytes)
            status = ERROR_INSUFFICIENT_BUFFER;
        else if (bytes)
            memcpy(lpszDestination, narrow, (size_t)bytes);
    }
    free(list);
    free(narrow);
    return shim_result(status);
}

/* Destinations are not validated (as RSM); "" names the local computer. */
static DWORD set_ui_options(HANDLE session, const NTMS_GUID *object, DWORD type, DWORD operation,
                            const WCHAR *destination)
{
    struct shim_call call = { 0 };

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(is_ui_type(type));
    REQUIRE_PARAMETER(operation == NTMS_UIDEST_ADD || operation == NTMS_UIDEST_DELETE
                      || operation == NTMS_UIDEST_DELETEALL);
    REQUIRE_PARAMETER(destination || operation == NTMS_UIDEST_DELETEALL);
    struct ntms_session *s = session_acquire((uintptr_t)session);
    DWORD status = s ? shim_begin(&call) : ERROR_INVALID_HANDLE;
    /* The application's own list (object NULL) is the caller's to change. */
    if (status == ERROR_SUCCESS && object)
        status = shim_require(&call, object, NTMS_USE_ACCESS | NTMS_MODIFY_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_ui_set(call.engine, s, (const ntms_guid *)object, type, operation,
                               (const wchar16 *)destination);
    shim_end(&call);
    session_release(s);
    return status;
}

DWORD WINAPI SetNtmsUIOptionsW(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType, DWORD dwOperation,
                               LPCWSTR lpszDestination)
{
    TRACE("(%p, %p, %lu, %lu, %p)", hSession, (void *)lpObjectId, dwType, dwOperation,
          (const void *)lpszDestination);
    return shim_result(set_ui_options(hSession, lpObjectId, dwType, dwOperation, lpszDestination));
}

DWORD WINAPI SetNtmsUIOptionsA(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType, DWORD dwOperation,
                               LPCSTR lpszDestination)
{
    TRACE("(%p, %p, %lu, %lu, %p)", hSession, (void *)lpObjectId, dwType, dwOperation,
          (const void *)lpszDestination);
    WCHAR *destination = shim_wide_from_ansi(lpszDestination);
    if (lpszDestination && !destination)
        return shim_result(ERROR_NOT_ENOUGH_MEMORY);
    DWORD status = set_ui_options(hSession, lpObjectId, dwType, dwOperation, destination);
    free(destination);
    return shim_result(status);
}
