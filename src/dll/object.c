/* The object database seen through the API: enumeration, information,
 * attributes, enable and disable (security: object_security.c). */
#include "engine_access.h"
#include "engine/core/wstr.h"
#include "engine/records/enumerate.h"
#include "engine/records/object_security.h"
#include "engine/records/attributes.h"
#include "engine/ops/enable.h"
#include "engine/records/object_changes.h"
#include "object_info.h"

#include <stdlib.h>
#include <string.h>

static BOOL is_enableable_type(DWORD type)
{
    return type == NTMS_DRIVE || type == NTMS_LIBRARY || type == NTMS_PHYSICAL_MEDIA;
}

DWORD WINAPI EnumerateNtmsObject(HANDLE hSession, const LPNTMS_GUID lpContainerId, LPNTMS_GUID lpList,
                                 LPDWORD lpdwListSize, DWORD dwType, DWORD dwOptions)
{
    TRACE("(%p, %p, %p, %p, %lu, 0x%lx)", hSession, (void *)lpContainerId, (void *)lpList,
          (void *)lpdwListSize, dwType, dwOptions);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpdwListSize && (lpList || *lpdwListSize == 0));
    REQUIRE_PARAMETER(shim_is_object_type(dwType));
    REQUIRE_PARAMETER(dwOptions == NTMS_ENUM_DEFAULT
                      || (dwOptions == NTMS_ENUM_ROOTPOOL && dwType == NTMS_MEDIA_POOL && !lpContainerId));
    struct shim_call call;
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = engine_enumerate(call.engine, (const ntms_guid *)lpContainerId, dwType, dwOptions,
                                  (ntms_guid *)lpList, (uint32_t *)lpdwListSize);
    shim_end(&call);
    return shim_result(status);
}

/* The record behind id, checked against the dwType the caller named
 * (NTMS_UNKNOWN lets the object say what it is), with `rights` on the
 * descriptor that governs it. */
static DWORD get_record(HANDLE session, const NTMS_GUID *id, BOOL size_ok, DWORD type, DWORD rights,
                        struct shim_call *call, struct rsm_object *object)
{
    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(id && size_ok);
    REQUIRE_PARAMETER(type < NTMS_NUMBER_OF_OBJECT_TYPES);
    DWORD status = shim_begin(call);
    if (status != ERROR_SUCCESS)
        return status;   /* no caller, no record to check the type against */
    if (rights == NTMS_USE_ACCESS)   /* reads: one transaction */
        status = engine_get_object_checked(call->engine, &call->caller, (const ntms_guid *)id, rights, object);
    else
        status = engine_get_object(call->engine, (const ntms_guid *)id, object);
    if ((status == ERROR_SUCCESS || status == ERROR_ACCESS_DENIED) && type != NTMS_UNKNOWN && type != object->type)
        status = ERROR_INVALID_PARAMETER;   /* the wrong type is reported before the access */
    /* Libraries are RSM's to rename and reconfigure: control, not modify. */
    if (status == ERROR_SUCCESS && rights != NTMS_USE_ACCESS)
        status = shim_require(call, id, object->type == RSM_LIBRARY ? NTMS_CONTROL_ACCESS : rights);
    return status;
}

DWORD WINAPI GetNtmsObjectInformationW(HANDLE hSession, LPNTMS_GUID lpObjectId, LPNTMS_OBJECTINFORMATIONW lpInfo)
{
    struct rsm_object object;
    struct shim_call call = { 0 };

    TRACE("(%p, %p, %p)", hSession, (void *)lpObjectId, (void *)lpInfo);
    DWORD status = get_record(hSession, lpObjectId, lpInfo && object_info_size_ok_w(lpInfo->dwSize),
                              lpInfo ? lpInfo->dwType : 0, NTMS_USE_ACCESS, &call, &object);
    if (status == ERROR_SUCCESS)
        status = object_info_to_w(&object, lpInfo);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI GetNtmsObjectInformationA(HANDLE hSession, LPNTMS_GUID lpObjectId, LPNTMS_OBJECTINFORMATIONA lpInfo)
{
    struct rsm_object object;
    struct shim_call call = { 0 };

    TRACE("(%p, %p, %p)", hSession, (void *)lpObjectId, (void *)lpInfo);
    DWORD status = get_record(hSession, lpObjectId, lpInfo && object_info_size_ok_a(lpInfo->dwSize),
                              lpInfo ? lpInfo->dwType : 0, NTMS_USE_ACCESS, &call, &object);
    if (status == ERROR_SUCCESS)
        status = object_info_to_a(&object, lpInfo);
    shim_end(&call);
    return shim_result(status);
}

/* Set writes every writable field of the type, changed or not ([MS-RSMP]
 * 3.2.5.2.3.3): callers Get first. */
DWORD WINAPI SetNtmsObjectInformationW(HANDLE hSession, LPNTMS_GUID lpObjectId, LPNTMS_OBJECTINFORMATIONW lpInfo)
{
    struct rsm_object object;
    struct shim_call call = { 0 };

    TRACE("(%p, %p, %p)", hSession, (void *)lpObjectId, (void *)lpInfo);
    DWORD status = get_record(hSession, lpObjectId, lpInfo && object_info_size_ok_w(lpInfo->dwSize),
                              lpInfo ? lpInfo->dwType : 0, NTMS_MODIFY_ACCESS, &call, &object);
    if (status == ERROR_SUCCESS)
        status = object_info_merge_w(lpInfo, &object);
    if (status == ERROR_SUCCESS)
        status = engine_set_information(call.engine, &object);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI SetNtmsObjectInformationA(HANDLE hSession, LPNTMS_GUID lpObjectId, LPNTMS_OBJECTINFORMATIONA lpInfo)
{
    struct rsm_object object;
    struct shim_call call = { 0 };

    TRACE("(%p, %p, %p)", hSession, (void *)lpObjectId, (void *)lpInfo);
    DWORD status = get_record(hSession, lpObjectId, lpInfo && object_info_size_ok_a(lpInfo->dwSize),
                              lpInfo ? lpInfo->dwType : 0, NTMS_MODIFY_ACCESS, &call, &object);
    if (status == ERROR_SUCCESS)
        status = object_info_merge_a(lpInfo, &object);
    if (status == ERROR_SUCCESS)
        status = engine_set_information(call.engine, &object);
    shim_end(&call);
    return shim_result(status);
}

static DWORD toggle_object(HANDLE session, DWORD type, const NTMS_GUID *id, BOOL enable)
{
    struct shim_call call;

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(id && is_enableable_type(type));
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, id, NTMS_MODIFY_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_set_enabled(call.engine, type, (const ntms_guid *)id, enable);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI EnableNtmsObject(HANDLE hSession, DWORD dwType, LPNTMS_GUID lpObjectId)
{
    TRACE("(%p, %lu, %p)", hSession, dwType, (void *)lpObjectId);
    return toggle_object(hSession, dwType, lpObjectId, TRUE);
}

DWORD WINAPI DisableNtmsObject(HANDLE hSession, DWORD dwType, LPNTMS_GUID lpObjectId)
{
    TRACE("(%p, %lu, %p)", hSession, dwType, (void *)lpObjectId);
    return toggle_object(hSession, dwType, lpObjectId, FALSE);
}

/* Attribute names travel as UTF-8 inside; 31 characters at most. */
static DWORD attribute_call(HANDLE session, const NTMS_GUID *id, const char *name, BOOL buffer_ok, BOOL set,
                            void *data, DWORD *size_in_out, DWORD set_size)
{
    struct shim_call call;

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(id && name && buffer_ok);
    if (wstr_units_of_utf8(name) > ATTRIBUTE_NAME_MAX_CHARS || !*name)
        return shim_result(ERROR_INVALID_NAME);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, id, set ? NTMS_MODIFY_ACCESS : NTMS_USE_ACCESS);
    if (status == ERROR_SUCCESS && set) {
        status = engine_attribute_set(call.engine, (const ntms_guid *)id, name, data, set_size);
    } else if (status == ERROR_SUCCESS) {
        size_t size = *size_in_out;
        status = engine_attribute_get(call.engine, (const ntms_guid *)id, name, data, &size);
        *size_in_out = (DWORD)size;
    }
    shim_end(&call);
    return shim_result(status);
}

static char *name_from_a(const char *name)
{
    WCHAR *wide = shim_wide_from_ansi(name);
    char *utf8 = shim_utf8_from_wide(wide);
    free(wide);
    return utf8;
}

DWORD WINAPI GetNtmsObjectAttributeW(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                     LPCWSTR lpAttributeName, LPVOID lpAttributeData, LPDWORD lpAttributeSize)
{
    TRACE("(%p, %p, %lu, %p, %p, %p)", hSession, (void *)lpObjectId, dwType, (const void *)lpAttributeName,
          lpAttributeData, (void *)lpAttributeSize);
    char *name = shim_utf8_from_wide(lpAttributeName);
    DWORD status = attribute_call(hSession, lpObjectId, lpAttributeName ? name : NULL,
                                  lpAttributeSize && (lpAttributeData || *lpAttributeSize == 0), FALSE,
                                  lpAttributeData, lpAttributeSize, 0);
    free(name);
    return shim_result(status);
}

DWORD WINAPI GetNtmsObjectAttributeA(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                     LPCSTR lpAttributeName, LPVOID lpAttributeData, LPDWORD lpAttributeSize)
{
    TRACE("(%p, %p, %lu, %p, %p, %p)", hSession, (void *)lpObjectId, dwType, (const void *)lpAttributeName,
          lpAttributeData, (void *)lpAttributeSize);
    char *name = name_from_a(lpAttributeName);
    DWORD status = attribute_call(hSession, lpObjectId, lpAttributeName ? name : NULL,
                                  lpAttributeSize && (lpAttributeData || *lpAttributeSize == 0), FALSE,
                                  lpAttributeData, lpAttributeSize, 0);
    free(name);
    return shim_result(status);
}

DWORD WINAPI SetNtmsObjectAttributeW(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                     LPCWSTR lpAttributeName, LPVOID lpAttributeData, DWORD AttributeSize)
{
    TRACE("(%p, %p, %lu, %p, %p, %lu)", hSession, (void *)lpObjectId, dwType, (const void *)lpAttributeName,
          lpAttributeData, AttributeSize);
    char *name = shim_utf8_from_wide(lpAttributeName);
    DWORD status = attribute_call(hSession, lpObjectId, lpAttributeName ? name : NULL,
                                  lpAttributeData || AttributeSize == 0, TRUE, lpAttributeData, NULL, AttributeSize);
    free(name);
    return shim_result(status);
}

DWORD WINAPI SetNtmsObjectAttributeA(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                     LPCSTR lpAttributeName, LPVOID lpAttributeData, DWORD dwAttributeSize)
{
    TRACE("(%p, %p, %lu, %p, %p, %lu)", hSession, (void *)lpObjectId, dwType, (const void *)lpAttributeName,
          lpAttributeData, dwAttributeSize);
    char *name = name_from_a(lpAttributeName);
    DWORD status = attribute_call(hSession, lpObjectId, lpAttributeName ? name : NULL,
                                  lpAttributeData || dwAttributeSize == 0, TRUE, lpAttributeData, NULL,
                                  dwAttributeSize);
    free(name);
    return shim_result(status);
}
