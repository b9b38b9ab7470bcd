/* ExportNtmsDatabase, ImportNtmsDatabase. */
#include "engine_access.h"
#include "engine/objects_api.h"

/* A consistent copy in <database folder>\Export\ntmsapi.db. */
DWORD WINAPI ExportNtmsDatabase(HANDLE hSession)
{
    struct engine *engine;

    TRACE("(%p)", hSession);
    REQUIRE_SESSION(hSession);
    DWORD status = shim_engine(&engine);
    if (status == ERROR_SUCCESS)
        status = engine_export_database(engine);
    return shim_result(status);
}

/* RSM loaded the export at the next service start; with no service, the
 * checked copy becomes the database at once, for every process. */
DWORD WINAPI ImportNtmsDatabase(HANDLE hSession)
{
    struct engine *engine;

    TRACE("(%p)", hSession);
    REQUIRE_SESSION(hSession);
    DWORD status = shim_engine(&engine);
    if (status == ERROR_SUCCESS)
        status = engine_import_database(engine);
    return shim_result(status);
}
