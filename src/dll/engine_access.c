/* The engine as the exports reach it: created on first use with the
 * Windows pass-through as its way to devices, libraries discovered once
 * per process. */
#include "engine_access.h"

#include "transport/transport_win32.h"

DWORD shim_engine(struct engine **engine)
{
    engine_set_device_opener(transport_win32_open);
    ntms_err status = engine_acquire(engine);
    if (status != NTMS_OK)
        return status;
    if (!(*engine)->discovered) {
        status = engine_discover(*engine);
        if (status != NTMS_OK)
            ERR("library discovery failed: %lu", (unsigned long)status);
    }
    return ERROR_SUCCESS;   /* a library that could not be scanned is simply absent */
}
