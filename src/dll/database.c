/* ExportNtmsDatabase, ImportNtmsDatabase. */
#include "shim.h"

DWORD WINAPI ExportNtmsDatabase(HANDLE hSession)
{
    TRACE("(%p)", hSession);
    REQUIRE_SESSION(hSession);
    return shim_not_yet(__func__);
}

DWORD WINAPI ImportNtmsDatabase(HANDLE hSession)
{
    TRACE("(%p)", hSession);
    REQUIRE_SESSION(hSession);
    return shim_not_yet(__func__);
}
