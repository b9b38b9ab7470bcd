/* Helpers for stand-alone drives that take a device path, not a session. */
#include "shim.h"

DWORD WINAPI EjectDiskFromSADriveW(LPCWSTR lpComputerName, LPCWSTR lpAppName, LPCWSTR lpDeviceName, HWND hWnd,
                                   LPCWSTR lpTitle, LPCWSTR lpMessage, DWORD dwOptions)
{
    TRACE("(%p, %p, %p, %p, %p, %p, 0x%lx)", (const void *)lpComputerName, (const void *)lpAppName,
          (const void *)lpDeviceName, (void *)hWnd, (const void *)lpTitle, (const void *)lpMessage, dwOptions);
    REQUIRE_PARAMETER(lpDeviceName && *lpDeviceName);
    REQUIRE_PARAMETER(dwOptions <= NTMS_EJECT_ASK_USER);
    return shim_not_yet(__func__);
}

DWORD WINAPI EjectDiskFromSADriveA(LPCSTR lpComputerName, LPCSTR lpAppName, LPCSTR lpDeviceName, HWND hWnd,
                                   LPCSTR lpTitle, LPCSTR lpMessage, DWORD dwOptions)
{
    TRACE("(%p, %p, %p, %p, %p, %p, 0x%lx)", (const void *)lpComputerName, (const void *)lpAppName,
          (const void *)lpDeviceName, (void *)hWnd, (const void *)lpTitle, (const void *)lpMessage, dwOptions);
    REQUIRE_PARAMETER(lpDeviceName && *lpDeviceName);
    REQUIRE_PARAMETER(dwOptions <= NTMS_EJECT_ASK_USER);
    return shim_not_yet(__func__);
}

DWORD WINAPI GetVolumesFromDriveW(LPWSTR pszDriveName, LPWSTR *VolumeNameBufferPtr, LPWSTR *DriveLetterBufferPtr)
{
    TRACE("(%p, %p, %p)", (void *)pszDriveName, (void *)VolumeNameBufferPtr, (void *)DriveLetterBufferPtr);
    REQUIRE_PARAMETER(pszDriveName && VolumeNameBufferPtr && DriveLetterBufferPtr);
    return shim_not_yet(__func__);
}

DWORD WINAPI GetVolumesFromDriveA(LPSTR pszDriveName, LPSTR *VolumeNameBufferPtr, LPSTR *DriveLetterBufferPtr)
{
    TRACE("(%p, %p, %p)", (void *)pszDriveName, (void *)VolumeNameBufferPtr, (void *)DriveLetterBufferPtr);
    REQUIRE_PARAMETER(pszDriveName && VolumeNameBufferPtr && DriveLetterBufferPtr);
    return shim_not_yet(__func__);
}

/* Exported by Windows but documented nowhere; six pointer-sized arguments. */
DWORD WINAPI DoEjectFromSADriveW(void *arg1, void *arg2, void *arg3, void *arg4, void *arg5, void *arg6);

DWORD WINAPI DoEjectFromSADriveW(void *arg1, void *arg2, void *arg3, void *arg4, void *arg5, void *arg6)
{
    TRACE("(%p, %p, %p, %p, %p, %p)", arg1, arg2, arg3, arg4, arg5, arg6);
    return shim_not_yet(__func__);
}
