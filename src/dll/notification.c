/* OpenNtmsNotification, WaitForNtmsNotification, CloseNtmsNotification. */
#include "shim.h"

HANDLE WINAPI OpenNtmsNotification(HANDLE hSession, DWORD dwType)
{
    TRACE("(%p, %lu)", hSession, dwType);
    if (!shim_session_is_open(hSession)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return INVALID_HANDLE_VALUE;
    }
    if (dwType == NTMS_UNKNOWN || dwType >= NTMS_NUMBER_OF_OBJECT_TYPES) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    shim_not_yet(__func__);
    return INVALID_HANDLE_VALUE;
}

DWORD WINAPI WaitForNtmsNotification(HANDLE hNotification,
                                     LPNTMS_NOTIFICATIONINFORMATION lpNotificationInformation,
                                     DWORD dwTimeout)
{
    /* NOT YET: no channel can be opened yet, so no handle is valid. */
    TRACE("(%p, %p, %lu)", hNotification, (void *)lpNotificationInformation, dwTimeout);
    return shim_result(ERROR_INVALID_HANDLE);
}

DWORD WINAPI CloseNtmsNotification(HANDLE hNotification)
{
    /* NOT YET: no channel can be opened yet, so no handle is valid. */
    TRACE("(%p)", hNotification);
    if (!hNotification)
        return shim_result(ERROR_INVALID_PARAMETER);
    return shim_result(ERROR_INVALID_HANDLE);
}
