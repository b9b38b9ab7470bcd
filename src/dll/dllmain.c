/* DllMain does no I/O and takes no lock: everything is set up on first use,
 * so loading the DLL is cheap and cannot deadlock the loader. */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH)
        DisableThreadLibraryCalls(instance);
    return TRUE;
}
