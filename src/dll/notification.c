/* OpenNtmsNotification, WaitForNtmsNotification, CloseNtmsNotification:
 * channels on the shared database's change journal, woken by the change
 * bell (engine/core/notification.h, engine/core/change_bell.h). */
#include "engine_access.h"
#include "engine/core/notification.h"

#include <string.h>

static HANDLE fail_open(DWORD code)
{
    SetLastError(code);
    return INVALID_HANDLE_VALUE;
}

/* Use access to the computer, as Server 2003 asked for it. */
static DWORD open_channel(const struct ntms_session *session, DWORD type, uintptr_t *channel)
{
    struct shim_call call;
    DWORD status = shim_begin(&call);

    if (status == ERROR_SUCCESS)
        status = shim_require(&call, NULL, NTMS_USE_ACCESS);
    if (status == ERROR_SUCCESS)
        status = notification_open(call.engine->db, session->serial, type, channel);
    shim_end(&call);
    /* A session closed meanwhile took its channels with it: so does this one. */
    if (status == ERROR_SUCCESS && !session_serial_open(session->serial)) {
        notification_close(*channel);
        status = ERROR_INVALID_HANDLE;
    }
    return status;
}

HANDLE WINAPI OpenNtmsNotification(HANDLE hSession, DWORD dwType)
{
    uintptr_t channel = 0;

    TRACE("(%p, %lu)", hSession, dwType);
    struct ntms_session *session = session_acquire((uintptr_t)hSession);
    if (!session)
        return fail_open(ERROR_INVALID_HANDLE);
    DWORD status = shim_is_object_type(dwType) ? open_channel(session, dwType, &channel) : ERROR_INVALID_PARAMETER;
    session_release(session);
    if (status != ERROR_SUCCESS)
        return fail_open(status);
    SetLastError(ERROR_SUCCESS);
    return (HANDLE)channel;
}

DWORD WINAPI WaitForNtmsNotification(HANDLE hNotification,
                                     LPNTMS_NOTIFICATIONINFORMATION lpNotificationInformation,
                                     DWORD dwTimeout)
{
    struct notification next;

    TRACE("(%p, %p, %lu)", hNotification, (void *)lpNotificationInformation, dwTimeout);
    if (!notification_is_open((uintptr_t)hNotification))
        return shim_result(ERROR_INVALID_HANDLE);
    REQUIRE_PARAMETER(lpNotificationInformation);
    DWORD status = notification_wait((uintptr_t)hNotification, dwTimeout, &next);
    if (status == ERROR_SUCCESS) {
        lpNotificationInformation->dwOperation = next.operation;
        memcpy(&lpNotificationInformation->ObjectId, &next.id, sizeof(NTMS_GUID));
    }
    return shim_result(status);
}

DWORD WINAPI CloseNtmsNotification(HANDLE hNotification)
{
    TRACE("(%p)", hNotification);
    REQUIRE_PARAMETER(hNotification);
    return shim_result(notification_close((uintptr_t)hNotification));
}
