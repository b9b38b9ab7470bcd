#ifndef NTMSAPI_DLL_ENGINE_ACCESS_H
#define NTMSAPI_DLL_ENGINE_ACCESS_H

#include "shim.h"
#include "caller.h"
#include "engine/core/engine.h"

/* One export's use of the engine, on behalf of the calling token:
 *
 *     struct shim_call call;
 *     DWORD status = shim_begin(&call);
 *     if (status == ERROR_SUCCESS)
 *         status = shim_require(&call, lpLibraryId, NTMS_CONTROL_ACCESS);
 *     if (status == ERROR_SUCCESS)
 *         status = engine_...(call.engine, ...);
 *     shim_end(&call);
 */
struct shim_call {
    struct engine    *engine;
    struct sec_caller caller;
    bool              flush_deferred;
};

/* The engine (opened on first use, libraries discovered once per process)
 * and who calls. Always pair with shim_end(). */
DWORD shim_begin(struct shim_call *call);
void shim_end(struct shim_call *call);
/* NTMS_*_ACCESS rights on the descriptor that governs `id` (NULL: the
 * computer's); ERROR_ACCESS_DENIED without them. */
DWORD shim_require(struct shim_call *call, const NTMS_GUID *id, DWORD rights);
/* The calls only an administrator of the computer may make (as on
 * Windows Server 2003): ERROR_ACCESS_DENIED for anyone else. */
DWORD shim_require_administrator(struct shim_call *call);

#endif
