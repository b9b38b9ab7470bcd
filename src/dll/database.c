/* ExportNtmsDatabase, ImportNtmsDatabase. */
#include "engine_access.h"
#include "engine/records/database_copy.h"

/* A consistent copy in <database folder>\Export\ntmsapi.db. */
DWORD WINAPI ExportNtmsDatabase(HANDLE hSession)
{
    struct shim_call call;

    TRACE("(%p)", hSession);
    REQUIRE_SESSION(hSession);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, NULL, NTMS_CONTROL_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_export_database(call.engine);
    shim_end(&call);
    return shim_result(status);
}

/* RSM loaded the export at the next service start; with no service, the
 * checked copy becomes the database at once, for every process. */
DWORD WINAPI ImportNtmsDatabase(HANDLE hSession)
{
    struct shim_call call;

    TRACE("(%p)", hSession);
    REQUIRE_SESSION(hSession);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, NULL, NTMS_CONTROL_ACCESS);
    if (status == ERROR_SUCCESS)
        status = engine_import_database(call.engine);
    shim_end(&call);
    return shim_result(status);
}
