#include "media_label_libraries.h"

#include <windows.h>
#include <ntmsmli.h>
#include <stdlib.h>
#include <string.h>

#include "trace.h"

#define MLL_KEY L"SYSTEM\\CurrentControlSet\\Control\\NTMS\\OMID\\Tape"
#define MLL_MAX 32

struct media_label_library {
    HMODULE         module;
    CLAIMMEDIALABEL claim;
    DWORD           max_size;    /* the most it wants to see; 0: all there is */
};

static struct media_label_library libraries[MLL_MAX];
static size_t library_count;
static INIT_ONCE loaded = INIT_ONCE_STATIC_INIT;

/* i686 MLLs may export the stdcall-decorated name only. */
static FARPROC find(HMODULE module, const char *plain, const char *decorated)
{
    FARPROC f = GetProcAddress(module, plain);
    return f ? f : GetProcAddress(module, decorated);
}

static void load_one(HKEY key, const WCHAR *name)
{
    WCHAR path[MAX_PATH];
    DWORD size = sizeof(path);

    /* RRF_RT_REG_SZ takes REG_EXPAND_SZ too, expanded (asking for both is refused). */
    LSTATUS read = RegGetValueW(key, name, L"Path", RRF_RT_REG_SZ, NULL, path, &size);
    if (read != ERROR_SUCCESS) {
        ERR("media label library %ls has no usable Path value (%ld)", name, (long)read);
        return;
    }
    HMODULE module = LoadLibraryExW(path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (!module) {
        ERR("media label library %ls (%ls) did not load: %lu", name, path, GetLastError());
        return;
    }
    CLAIMMEDIALABEL claim = (CLAIMMEDIALABEL)(void *)find(module, "ClaimMediaLabel", "_ClaimMediaLabel@12");
    MAXMEDIALABEL max_label = (MAXMEDIALABEL)(void *)find(module, "MaxMediaLabel", "_MaxMediaLabel@4");
    if (!claim) {
        ERR("media label library %ls has no ClaimMediaLabel", name);
        FreeLibrary(module);
        return;
    }
    struct media_label_library *l = &libraries[library_count++];
    l->module = module;
    l->claim = claim;
    l->max_size = 0;
    if (max_label && max_label(&l->max_size) != NO_ERROR)
        l->max_size = 0;
    TRACE("media label library %ls: %ls, labels up to %lu bytes", name, path, l->max_size);
}

static BOOL CALLBACK load_all(INIT_ONCE *once, void *parameter, void **context)
{
    HKEY key;
    WCHAR name[256];

    (void)once; (void)parameter; (void)context;
    if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, MLL_KEY, 0, KEY_READ, &key) != ERROR_SUCCESS)
        return TRUE;   /* none registered */
    for (DWORD i = 0; library_count < MLL_MAX; i++) {
        DWORD length = ARRAYSIZE(name);
        if (RegEnumKeyExW(key, i, name, &length, NULL, NULL, NULL, NULL) != ERROR_SUCCESS)
            break;
        load_one(key, name);
    }
    RegCloseKey(key);
    return TRUE;
}

static void to_utf8(char *out, size_t capacity, const WCHAR *text, size_t count)
{
    WCHAR bounded[NTMSMLI_MAXAPPDESCR + 1];
    size_t n = 0;

    while (n < count && n < NTMSMLI_MAXAPPDESCR && text[n]) {   /* a library need not end its strings */
        bounded[n] = text[n];
        n++;
    }
    bounded[n] = 0;
    if (!WideCharToMultiByte(CP_UTF8, 0, bounded, -1, out, (int)capacity, NULL, NULL))
        out[0] = 0;
}

int media_label_libraries_offer(const uint8_t *block, size_t length, struct label_info *label)
{
    MediaLabelInfo info;

    InitOnceExecuteOnce(&loaded, load_all, NULL, NULL);
    for (size_t i = 0; i < library_count; i++) {
        DWORD size = (DWORD)(length > 0x7FFFFFFF ? 0x7FFFFFFF : length);
        if (libraries[i].max_size && libraries[i].max_size < size)
            size = libraries[i].max_size;
        memset(&info, 0, sizeof(info));
        if (libraries[i].claim(block, size, &info) != NO_ERROR)
            continue;
        to_utf8(label->type_name, sizeof(label->type_name), info.LabelType, NTMSMLI_MAXTYPE);
        to_utf8(label->info, sizeof(label->info), info.LabelAppDescr, NTMSMLI_MAXAPPDESCR);
        /* Never trust a length: RSM's record holds 255 bytes of the 256 a library may give. */
        label->label_id_length = info.LabelIDSize < sizeof(label->label_id) ? info.LabelIDSize : sizeof(label->label_id);
        memcpy(label->label_id, info.LabelID, label->label_id_length);
        return 1;
    }
    return 0;
}
