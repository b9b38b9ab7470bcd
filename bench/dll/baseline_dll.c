/* The baseline for bench_dll_load: a DLL with ntmsapi.dll's imports
 * (KERNEL32, ADVAPI32, msvcrt) and nothing to do. */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH)
        DisableThreadLibraryCalls(instance);
    return TRUE;
}

/* One use of each import, so the linker keeps them. */
__declspec(dllexport) DWORD WINAPI baseline_touch(void)
{
    HANDLE token = NULL;
    OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token);
    CloseHandle(token);
    return (DWORD)strlen("baseline");
}
