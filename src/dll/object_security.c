/* RSM security seen through the API: the descriptors of the computer,
 * libraries and media pools (the engine checks who may read or change them). */
#include "engine_access.h"
#include "engine/records/object_security.h"

#include <stdlib.h>

DWORD WINAPI GetNtmsObjectSecurity(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                   SECURITY_INFORMATION RequestedInformation,
                                   PSECURITY_DESCRIPTOR lpSecurityDescriptor, DWORD nLength,
                                   LPDWORD lpnLengthNeeded)
{
    struct shim_call call;

    TRACE("(%p, %p, %lu, 0x%lx, %p, %lu, %p)", hSession, (void *)lpObjectId, dwType,
          RequestedInformation, lpSecurityDescriptor, nLength, (void *)lpnLengthNeeded);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpObjectId && lpnLengthNeeded && shim_is_object_type(dwType));
    REQUIRE_PARAMETER(lpSecurityDescriptor || nLength == 0);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = engine_get_security(call.engine, &call.caller, (const ntms_guid *)lpObjectId, dwType,
                                     RequestedInformation, lpSecurityDescriptor, nLength,
                                     (uint32_t *)lpnLengthNeeded);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI SetNtmsObjectSecurity(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                   SECURITY_INFORMATION SecurityInformation,
                                   PSECURITY_DESCRIPTOR lpSecurityDescriptor)
{
    struct shim_call call;
    BYTE *descriptor;
    DWORD length;

    TRACE("(%p, %p, %lu, 0x%lx, %p)", hSession, (void *)lpObjectId, dwType, SecurityInformation,
          lpSecurityDescriptor);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpObjectId && lpSecurityDescriptor && shim_is_object_type(dwType));
    DWORD status = shim_self_relative_copy(lpSecurityDescriptor, &descriptor, &length);
    if (status != ERROR_SUCCESS) {
        free(descriptor);
        return shim_result(status);
    }
    status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = engine_set_security(call.engine, &call.caller, (const ntms_guid *)lpObjectId, dwType,
                                     SecurityInformation, descriptor, length);
    shim_end(&call);
    free(descriptor);
    return shim_result(status);
}
