/* Device change detection for stand-alone libraries. Windows XP and later
 * accept these calls and do nothing ([MS-RSMP] notes 23-28); the spec also
 * allows ERROR_CALL_NOT_IMPLEMENTED, which is what we return until the
 * engine watches stand-alone drives itself. */
#include "shim.h"

DWORD WINAPI BeginNtmsDeviceChangeDetection(HANDLE hSession, LPHANDLE lpDetectHandle)
{
    TRACE("(%p, %p)", hSession, (void *)lpDetectHandle);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpDetectHandle);
    return shim_not_yet(__func__);
}

DWORD WINAPI SetNtmsDeviceChangeDetection(HANDLE hSession, HANDLE DetectHandle, LPNTMS_GUID lpRequestId,
                                          DWORD dwType, DWORD dwCount)
{
    TRACE("(%p, %p, %p, %lu, %lu)", hSession, DetectHandle, (void *)lpRequestId, dwType, dwCount);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpRequestId && dwCount > 0);
    REQUIRE_PARAMETER(dwType == NTMS_LIBRARY || dwType == NTMS_MEDIA_TYPE || dwType == NTMS_PHYSICAL_MEDIA);
    return shim_not_yet(__func__);
}

DWORD WINAPI EndNtmsDeviceChangeDetection(HANDLE hSession, HANDLE DetectHandle)
{
    TRACE("(%p, %p)", hSession, DetectHandle);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(DetectHandle);
    return shim_not_yet(__func__);
}
