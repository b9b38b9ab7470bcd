/* Library control: identification, inventory, door, ports, drives,
 * cleaning and the library request queue. */
#include <string.h>

#include "engine_access.h"
#include "engine/records/device_admin.h"
#include "engine/ops/identify.h"
#include "engine/ops/inventory.h"
#include "engine/ops/dismount.h"
#include "engine/records/library_requests.h"
#include "engine/records/request_deletion.h"

/* Every library-control call that takes (session, one object id). */
static DWORD one_object_call(HANDLE session, const NTMS_GUID *id, const char *function)
{
    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(id);
    return shim_not_yet(function);
}

DWORD WINAPI IdentifyNtmsSlot(HANDLE hSession, LPNTMS_GUID lpSlotId, DWORD dwOption)
{
    TRACE("(%p, %p, %lu)", hSession, (void *)lpSlotId, dwOption);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpSlotId);
    /* 0 is served as IMMEDIATE, as the [MS-RSMP] server does (3.2.5.2.6.1). */
    REQUIRE_PARAMETER(dwOption == 0 || dwOption == NTMS_DISMOUNT_DEFERRED || dwOption == NTMS_DISMOUNT_IMMEDIATE);
    struct shim_call call = { 0 };
    struct ntms_session *session = session_acquire((uintptr_t)hSession);
    DWORD status = session ? shim_begin(&call) : ERROR_INVALID_HANDLE;
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, lpSlotId, NTMS_CONTROL_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_identify_slot(call.engine, session, (const ntms_guid *)lpSlotId,
                                      dwOption == NTMS_DISMOUNT_DEFERRED ? IDENTIFY_DEFERRED : IDENTIFY_IMMEDIATE);
    shim_end(&call);
    session_release(session);
    return shim_result(status);
}

DWORD WINAPI InventoryNtmsLibrary(HANDLE hSession, LPNTMS_GUID lpLibraryId, DWORD dwAction)
{
    TRACE("(%p, %p, %lu)", hSession, (void *)lpLibraryId, dwAction);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpLibraryId && dwAction < NTMS_INVENTORY_MAX);
    struct shim_call call;
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, lpLibraryId, NTMS_CONTROL_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_inventory(call.engine, (const ntms_guid *)lpLibraryId, dwAction);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI AccessNtmsLibraryDoor(HANDLE hSession, LPNTMS_GUID lpLibraryId, DWORD dwAction)
{
    TRACE("(%p, %p, %lu)", hSession, (void *)lpLibraryId, dwAction);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpLibraryId && dwAction < NTMS_INVENTORY_MAX);
    return shim_not_yet(__func__);
}

DWORD WINAPI EjectNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId, LPNTMS_GUID lpEjectOperation, DWORD dwAction)
{
    TRACE("(%p, %p, %p, %lu)", hSession, (void *)lpMediaId, (void *)lpEjectOperation, dwAction);
    REQUIRE_SESSION(hSession);
    /* IMMEDIATE and ASK_USER belong to EjectDiskFromSADrive ([MS-RSMP] 3.2.5.2.1.1). */
    REQUIRE_PARAMETER(lpMediaId && lpEjectOperation && dwAction <= NTMS_EJECT_FORCE);
    return shim_not_yet(__func__);
}

DWORD WINAPI InjectNtmsMedia(HANDLE hSession, LPNTMS_GUID lpLibraryId, LPNTMS_GUID lpInjectOperation, DWORD dwAction)
{
    TRACE("(%p, %p, %p, %lu)", hSession, (void *)lpLibraryId, (void *)lpInjectOperation, dwAction);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpLibraryId && lpInjectOperation && dwAction <= NTMS_INJECT_STARTMANY);
    return shim_not_yet(__func__);
}

DWORD WINAPI DismountNtmsDrive(HANDLE hSession, LPNTMS_GUID lpDriveId)
{
    struct shim_call call;

    TRACE("(%p, %p)", hSession, (void *)lpDriveId);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpDriveId);
    struct ntms_session *session = session_acquire((uintptr_t)hSession);
    memset(&call, 0, sizeof(call));
    DWORD status = session ? shim_begin(&call) : ERROR_INVALID_HANDLE;
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, lpDriveId, NTMS_MODIFY_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_dismount_drive(call.engine, session, (const ntms_guid *)lpDriveId);
    shim_end(&call);
    session_release(session);
    return shim_result(status);
}

DWORD WINAPI CleanNtmsDrive(HANDLE hSession, LPNTMS_GUID lpDriveId)
{
    TRACE("(%p, %p)", hSession, (void *)lpDriveId);
    return one_object_call(hSession, lpDriveId, __func__);
}

DWORD WINAPI CancelNtmsLibraryRequest(HANDLE hSession, LPNTMS_GUID lpRequestId)
{
    struct shim_call call;

    TRACE("(%p, %p)", hSession, (void *)lpRequestId);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpRequestId);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require_administrator(&call);   /* as on Windows Server 2003 */
    if (status == ERROR_SUCCESS)
        status = engine_cancel_library_request(call.engine, (const ntms_guid *)lpRequestId);
    shim_end(&call);
    return shim_result(status);
}

/* DeleteNtmsLibrary and DeleteNtmsDrive take modify access to the library. */
static DWORD delete_device(HANDLE session, const NTMS_GUID *id, ntms_err (*remove)(struct engine *, const ntms_guid *))
{
    struct shim_call call;

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(id);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, id, NTMS_MODIFY_ACCESS);
    if (status == ERROR_SUCCESS)
        status = remove(call.engine, (const ntms_guid *)id);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI DeleteNtmsLibrary(HANDLE hSession, LPNTMS_GUID lpLibraryId)
{
    TRACE("(%p, %p)", hSession, (void *)lpLibraryId);
    return delete_device(hSession, lpLibraryId, engine_delete_library);
}

DWORD WINAPI DeleteNtmsDrive(HANDLE hSession, LPNTMS_GUID lpDriveId)
{
    TRACE("(%p, %p)", hSession, (void *)lpDriveId);
    return delete_device(hSession, lpDriveId, engine_delete_drive);
}

DWORD WINAPI GetNtmsRequestOrder(HANDLE hSession, LPNTMS_GUID lpRequestId, LPDWORD lpdwOrderNumber)
{
    struct shim_call call;
    uint32_t order = 0;

    TRACE("(%p, %p, %p)", hSession, (void *)lpRequestId, (void *)lpdwOrderNumber);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpRequestId && lpdwOrderNumber);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, NULL, NTMS_CONTROL_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_get_request_order(call.engine, (const ntms_guid *)lpRequestId, &order);
    shim_end(&call);
    if (status == ERROR_SUCCESS)
        *lpdwOrderNumber = order;
    return shim_result(status);
}

DWORD WINAPI SetNtmsRequestOrder(HANDLE hSession, LPNTMS_GUID lpRequestId, DWORD dwOrderNumber)
{
    struct shim_call call;

    TRACE("(%p, %p, %lu)", hSession, (void *)lpRequestId, dwOrderNumber);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpRequestId && dwOrderNumber > 0);   /* the queue starts at 1 */
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, NULL, NTMS_CONTROL_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_set_request_order(call.engine, (const ntms_guid *)lpRequestId, dwOrderNumber);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI DeleteNtmsRequests(HANDLE hSession, LPNTMS_GUID lpRequestId, DWORD dwType, DWORD dwCount)
{
    struct shim_call call;

    TRACE("(%p, %p, %lu, %lu)", hSession, (void *)lpRequestId, dwType, dwCount);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpRequestId && dwCount > 0);
    REQUIRE_PARAMETER(dwType == NTMS_LIBREQUEST || dwType == NTMS_OPREQUEST);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, NULL, NTMS_MODIFY_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_delete_requests(call.engine, (const ntms_guid *)lpRequestId, dwCount, dwType);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI ReserveNtmsCleanerSlot(HANDLE hSession, LPNTMS_GUID lpLibrary, LPNTMS_GUID lpSlot)
{
    TRACE("(%p, %p, %p)", hSession, (void *)lpLibrary, (void *)lpSlot);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpLibrary && lpSlot);
    return shim_not_yet(__func__);
}

DWORD WINAPI ReleaseNtmsCleanerSlot(HANDLE hSession, LPNTMS_GUID lpLibrary)
{
    TRACE("(%p, %p)", hSession, (void *)lpLibrary);
    return one_object_call(hSession, lpLibrary, __func__);
}

DWORD WINAPI InjectNtmsCleaner(HANDLE hSession, LPNTMS_GUID lpLibrary, LPNTMS_GUID lpInjectOperation,
                               DWORD dwNumberOfCleansLeft, DWORD dwAction)
{
    TRACE("(%p, %p, %p, %lu, %lu)", hSession, (void *)lpLibrary, (void *)lpInjectOperation,
          dwNumberOfCleansLeft, dwAction);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpLibrary && lpInjectOperation);
    REQUIRE_PARAMETER(dwAction == NTMS_INJECT_START || dwAction == NTMS_INJECT_STOP);
    return shim_not_yet(__func__);
}

DWORD WINAPI EjectNtmsCleaner(HANDLE hSession, LPNTMS_GUID lpLibrary, LPNTMS_GUID lpEjectOperation, DWORD dwAction)
{
    TRACE("(%p, %p, %p, %lu)", hSession, (void *)lpLibrary, (void *)lpEjectOperation, dwAction);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpLibrary && lpEjectOperation);
    REQUIRE_PARAMETER(dwAction == NTMS_EJECT_START || dwAction == NTMS_EJECT_STOP);
    return shim_not_yet(__func__);
}
