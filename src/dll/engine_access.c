/* The engine as the exports reach it: created on first use with the
 * Windows pass-through as its way to devices, libraries discovered once
 * per process, every call made on behalf of the caller's token. */
#include "engine_access.h"

#include <string.h>

#include "engine/records/engine_open.h"
#include "engine/records/object_security.h"
#include "engine/discovery/discovery.h"
#include "engine/records/operator_display.h"
#include "media_label_libraries.h"
#include "operator_display.h"
#include "transport/transport_win32.h"

static DWORD acquire_engine(struct engine **engine)
{
    engine_set_device_opener(transport_win32_open);
    engine_set_label_offer(media_label_libraries_offer);
    engine_set_operator_display(operator_display_show);
    ntms_err status = engine_acquire(engine);
    if (status != NTMS_OK)
        return status;
    if ((status = engine_discover_once(*engine)) != NTMS_OK)
        ERR("library discovery failed: %lu", (unsigned long)status);
    return ERROR_SUCCESS;   /* a library that could not be scanned is simply absent */
}

DWORD shim_begin(struct shim_call *call)
{
    memset(call, 0, sizeof(*call));
    objdb_defer_flush();   /* the call's commits reach the disk when it ends */
    call->flush_deferred = true;
    DWORD status = caller_read(&call->caller);
    if (status == ERROR_SUCCESS)
        status = acquire_engine(&call->engine);
    return status;
}

void shim_end(struct shim_call *call)
{
    sec_caller_free(&call->caller);
    if (call->flush_deferred) {
        call->flush_deferred = false;
        ntms_err flushed = objdb_flush_deferred(call->engine ? call->engine->db : NULL);
        if (flushed != NTMS_OK)
            ERR("the database could not be flushed: %lu", (unsigned long)flushed);
    }
}

DWORD shim_require(struct shim_call *call, const NTMS_GUID *id, DWORD rights)
{
    return engine_check_access(call->engine, &call->caller, (const ntms_guid *)id, rights);
}

DWORD shim_require_administrator(struct shim_call *call)
{
    return sec_caller_is_administrator(&call->caller) ? ERROR_SUCCESS : ERROR_ACCESS_DENIED;
}
