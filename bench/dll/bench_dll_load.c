/* How long ntmsapi.dll takes to load and unload, in a process that does
 * not import it (so every LoadLibrary maps it and runs DllMain), and proof
 * that DllMain does no I/O: the database folder is never created.
 * usage: bench_dll_load.exe <the NTMSAPI_DATA_DIR folder, which must stay absent> <baseline_dll.dll> */
#include <windows.h>
#include <stdio.h>

static double now(void)
{
    LARGE_INTEGER t, f;
    QueryPerformanceCounter(&t);
    QueryPerformanceFrequency(&f);
    return (double)t.QuadPart / (double)f.QuadPart;
}

enum { LOADS = 200 };

/* Microseconds per load and unload; *unloaded counts real unloads. */
static double load_unload(const WCHAR *name, const char *export, int *unloaded)
{
    double start = now();

    *unloaded = 0;
    for (int i = 0; i < LOADS; i++) {
        HMODULE dll = LoadLibraryW(name);
        if (!dll || !GetProcAddress(dll, export))
            return -1;
        FreeLibrary(dll);
        *unloaded += GetModuleHandleW(name) == NULL;   /* by path or by name, as it was loaded */
    }
    return (now() - start) / LOADS * 1e6;
}

int main(int argc, char **argv)
{
    int unloaded, baseline_unloaded;

    WCHAR baseline_path[MAX_PATH];

    if (argc != 3 || !MultiByteToWideChar(CP_ACP, 0, argv[2], -1, baseline_path, MAX_PATH))
        return 2;
    double ours = load_unload(L"ntmsapi.dll", "IdentifyNtmsSlot", &unloaded);
    double baseline = load_unload(baseline_path, "baseline_touch", &baseline_unloaded);
    printf("DLL load + unload (DllMain both ways): %.0f us each, %d of %d really unloaded;"
           " a DLL with the same imports and nothing in it: %.0f us\n", ours, unloaded, LOADS, baseline);
    printf("DllMain did no I/O: the data folder %s\n",
           GetFileAttributesA(argv[1]) == INVALID_FILE_ATTRIBUTES ? "was never created" : "EXISTS");
    return 0;
}
