#include "platform/plat_file.h"

#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct plat_lock {
    HANDLE file;
};

static ntms_err from_windows(DWORD error)
{
    switch (error) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND: return NTMS_E_OBJECT_NOT_FOUND;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL: return NTMS_E_DATABASE_FULL;
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_OUTOFMEMORY: return NTMS_E_NOT_ENOUGH_MEMORY;
    /* A file the database cannot use is a database failure: ERROR_ACCESS_DENIED
     * is only ever the verdict of an RSM access check. */
    default: return NTMS_E_DATABASE_FAILURE;
    }
}

static BOOL wide_path(const char *path, WCHAR *wide)
{
    return MultiByteToWideChar(CP_UTF8, 0, path, -1, wide, MAX_PATH) > 0;
}

static ntms_err win32_read_all(const char *path, uint8_t **data, size_t *length)
{
    WCHAR wide[MAX_PATH];
    LARGE_INTEGER size;

    *data = NULL;
    *length = 0;
    if (!wide_path(path, wide))
        return NTMS_E_INVALID_PARAMETER;
    HANDLE file = CreateFileW(wide, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                              OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return from_windows(GetLastError());
    if (!GetFileSizeEx(file, &size) || size.QuadPart < 0 || size.QuadPart > 0x7FFFFFFF) {
        CloseHandle(file);
        return NTMS_E_DATABASE_FAILURE;
    }
    uint8_t *buffer = malloc((size_t)size.QuadPart + 1);
    DWORD got = 0;
    BOOL ok = buffer && ReadFile(file, buffer, (DWORD)size.QuadPart, &got, NULL);
    CloseHandle(file);
    if (!buffer)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    if (!ok) {
        free(buffer);
        return NTMS_E_DATABASE_FAILURE;
    }
    *data = buffer;
    *length = got;
    return NTMS_OK;
}

static ntms_err win32_write_durable(const char *path, const uint8_t *data, size_t length)
{
    WCHAR wide[MAX_PATH];
    DWORD put = 0;

    if (!wide_path(path, wide) || length > 0x7FFFFFFF)
        return NTMS_E_INVALID_PARAMETER;
    HANDLE file = CreateFileW(wide, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return from_windows(GetLastError());
    BOOL ok = WriteFile(file, data, (DWORD)length, &put, NULL) && put == length && FlushFileBuffers(file);
    DWORD error = GetLastError();
    CloseHandle(file);
    return ok ? NTMS_OK : from_windows(error);
}

static ntms_err win32_read_head(const char *path, uint8_t *data, size_t length, size_t *got)
{
    WCHAR wide[MAX_PATH];
    DWORD n = 0;

    *got = 0;
    if (!wide_path(path, wide))
        return NTMS_E_INVALID_PARAMETER;
    HANDLE file = CreateFileW(wide, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                              OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return from_windows(GetLastError());
    BOOL ok = ReadFile(file, data, (DWORD)length, &n, NULL);
    CloseHandle(file);
    if (!ok)
        return NTMS_E_DATABASE_FAILURE;
    *got = n;
    return NTMS_OK;
}

/* A file another process has open cannot be replaced (Windows without
 * POSIX rename semantics, and Wine always): readers hold the database for
 * a moment only, so the rename is tried again for a while. */
#define REPLACE_PATIENCE_MS 5000

static BOOL held_open_elsewhere(DWORD error)
{
    return error == ERROR_ACCESS_DENIED || error == ERROR_SHARING_VIOLATION;
}

static ntms_err win32_replace(const char *from, const char *to)
{
    WCHAR wide_from[MAX_PATH], wide_to[MAX_PATH];
    DWORD waited = 0, pause = 1, error;

    if (!wide_path(from, wide_from) || !wide_path(to, wide_to))
        return NTMS_E_INVALID_PARAMETER;
    while (!MoveFileExW(wide_from, wide_to, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        error = GetLastError();
        if (!held_open_elsewhere(error) || waited >= REPLACE_PATIENCE_MS)
            return from_windows(error);
        Sleep(pause);
        waited += pause;
        pause = pause < 16 ? pause * 2 : 16;
    }
    return NTMS_OK;
}

static ntms_err win32_remove(const char *path)
{
    WCHAR wide[MAX_PATH];

    if (!wide_path(path, wide))
        return NTMS_E_INVALID_PARAMETER;
    if (DeleteFileW(wide) || GetLastError() == ERROR_FILE_NOT_FOUND)
        return NTMS_OK;
    return from_windows(GetLastError());
}

static ntms_err win32_change_stamp(const char *path, uint64_t *stamp)
{
    WCHAR wide[MAX_PATH];
    WIN32_FILE_ATTRIBUTE_DATA data;

    if (!wide_path(path, wide))
        return NTMS_E_INVALID_PARAMETER;
    if (!GetFileAttributesExW(wide, GetFileExInfoStandard, &data))
        return from_windows(GetLastError());
    *stamp = ((uint64_t)data.ftLastWriteTime.dwHighDateTime << 32 | data.ftLastWriteTime.dwLowDateTime)
           ^ ((uint64_t)data.nFileSizeHigh << 52 | (uint64_t)data.nFileSizeLow << 20)
           ^ ((uint64_t)data.ftCreationTime.dwLowDateTime << 7);
    return NTMS_OK;
}

static ntms_err win32_make_directory(const char *path)
{
    WCHAR wide[MAX_PATH];

    if (!wide_path(path, wide))
        return NTMS_E_INVALID_PARAMETER;
    for (WCHAR *p = wide + 3; *p; p++) {
        if (*p != L'\\' && *p != L'/')
            continue;
        WCHAR saved = *p;
        *p = 0;
        CreateDirectoryW(wide, NULL);
        *p = saved;
    }
    if (CreateDirectoryW(wide, NULL) || GetLastError() == ERROR_ALREADY_EXISTS)
        return NTMS_OK;
    return from_windows(GetLastError());
}

static ntms_err win32_lock(const char *path, struct plat_lock **lock)
{
    WCHAR wide[MAX_PATH];
    OVERLAPPED at_start;

    *lock = NULL;
    if (!wide_path(path, wide))
        return NTMS_E_INVALID_PARAMETER;
    HANDLE file = CreateFileW(wide, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                              OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return from_windows(GetLastError());
    memset(&at_start, 0, sizeof(at_start));
    /* Byte-range locks belong to the handle: threads and processes alike wait. */
    if (!LockFileEx(file, LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, &at_start)) {
        DWORD error = GetLastError();
        CloseHandle(file);
        return from_windows(error);
    }
    *lock = malloc(sizeof(**lock));
    if (!*lock) {
        CloseHandle(file);
        return NTMS_E_NOT_ENOUGH_MEMORY;
    }
    (*lock)->file = file;
    return NTMS_OK;
}

static void win32_unlock(struct plat_lock *lock)
{
    if (!lock)
        return;
    CloseHandle(lock->file);   /* releases the byte-range lock */
    free(lock);
}

static HANDLE open_shared(const char *path, DWORD access, DWORD disposition)
{
    WCHAR wide[MAX_PATH];

    if (!wide_path(path, wide)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    return CreateFileW(wide, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, disposition,
                       FILE_ATTRIBUTE_NORMAL, NULL);
}

static BOOL seek_to(HANDLE file, uint64_t offset)
{
    LARGE_INTEGER at;

    at.QuadPart = (LONGLONG)offset;
    return SetFilePointerEx(file, at, NULL, FILE_BEGIN);
}

static ntms_err win32_write_at(const char *path, uint64_t offset, const uint8_t *data, size_t length, bool flush)
{
    DWORD put = 0;

    if (length > 0x7FFFFFFF)
        return NTMS_E_INVALID_PARAMETER;
    HANDLE file = open_shared(path, GENERIC_WRITE, OPEN_EXISTING);
    if (file == INVALID_HANDLE_VALUE)
        return from_windows(GetLastError());
    BOOL ok = seek_to(file, offset) && WriteFile(file, data, (DWORD)length, &put, NULL) && put == length
           && SetEndOfFile(file) && (!flush || FlushFileBuffers(file));
    DWORD error = GetLastError();
    CloseHandle(file);
    return ok ? NTMS_OK : from_windows(error);
}

/* `wanted` bytes from `offset` (fewer at the end of the file). */
static BOOL read_at(HANDLE file, uint8_t *buffer, size_t wanted, uint64_t offset, size_t *got)
{
    DWORD n = 0;

    *got = 0;
    if (!wanted)
        return TRUE;
    if (wanted > 0x7FFFFFFF || !seek_to(file, offset) || !ReadFile(file, buffer, (DWORD)wanted, &n, NULL))
        return FALSE;
    *got = n;
    return TRUE;
}

static ntms_err win32_read_from(const char *path, uint64_t offset, uint8_t *head, size_t head_length,
                                uint8_t **data, size_t *length)
{
    LARGE_INTEGER size;
    size_t got = 0, head_got = 0;

    *data = NULL;
    *length = 0;
    HANDLE file = open_shared(path, GENERIC_READ, OPEN_EXISTING);
    if (file == INVALID_HANDLE_VALUE)
        return from_windows(GetLastError());
    uint64_t total = GetFileSizeEx(file, &size) && size.QuadPart >= 0 ? (uint64_t)size.QuadPart : UINT64_MAX;
    uint64_t wanted = total > offset ? total - offset : 0;
    if (total == UINT64_MAX || wanted > 0x7FFFFFFF) {
        CloseHandle(file);
        return NTMS_E_DATABASE_FAILURE;
    }
    if (head)
        memset(head, 0, head_length);
    uint8_t *buffer = malloc((size_t)wanted + 1);
    BOOL ok = buffer && (!head || read_at(file, head, head_length, 0, &head_got))
           && read_at(file, buffer, (size_t)wanted, offset, &got);
    CloseHandle(file);
    if (!buffer)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    if (!ok) {
        free(buffer);
        return NTMS_E_DATABASE_FAILURE;
    }
    *data = buffer;
    *length = got;
    return NTMS_OK;
}

static ntms_err win32_flush(const char *path)
{
    HANDLE file = open_shared(path, GENERIC_WRITE, OPEN_EXISTING);

    if (file == INVALID_HANDLE_VALUE)
        return from_windows(GetLastError());
    BOOL ok = FlushFileBuffers(file);
    DWORD error = GetLastError();
    CloseHandle(file);
    return ok ? NTMS_OK : from_windows(error);
}

/* A view of the file itself, so every process (and Wine's, whose views of
 * a file are shared mappings of it) sees the same bytes. */
static ntms_err win32_map_shared(const char *path, size_t size, void **address)
{
    *address = NULL;
    HANDLE file = open_shared(path, GENERIC_READ | GENERIC_WRITE, OPEN_ALWAYS);
    if (file == INVALID_HANDLE_VALUE)
        return from_windows(GetLastError());
    /* A mapping larger than the file extends it with zeros. */
    HANDLE mapping = CreateFileMappingW(file, NULL, PAGE_READWRITE, 0, (DWORD)size, NULL);
    DWORD error = GetLastError();
    CloseHandle(file);
    if (!mapping)
        return from_windows(error);
    void *view = MapViewOfFile(mapping, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, size);
    error = GetLastError();
    CloseHandle(mapping);
    if (!view)
        return from_windows(error);
    *address = view;
    return NTMS_OK;
}

static void win32_unmap_shared(void *address, size_t size)
{
    (void)size;
    UnmapViewOfFile(address);
}

const struct plat_file_ops plat_file_system = {
    win32_read_all, win32_write_durable, win32_read_head, win32_replace, win32_remove, win32_change_stamp, win32_make_directory,
    win32_lock, win32_unlock, win32_write_at, win32_read_from, win32_flush, win32_map_shared, win32_unmap_shared,
};
const struct plat_file_ops *plat_file = &plat_file_system;

void plat_data_directory(char *path, size_t capacity)
{
    WCHAR wide[MAX_PATH];
    DWORD n = GetEnvironmentVariableW(L"NTMSAPI_DATA_DIR", wide, MAX_PATH);

    if (n > 0 && n < MAX_PATH && WideCharToMultiByte(CP_UTF8, 0, wide, -1, path, (int)capacity, NULL, NULL))
        return;
    n = GetEnvironmentVariableW(L"ProgramData", wide, MAX_PATH);
    char base[MAX_PATH * 3] = "C:\\ProgramData";
    if (n > 0 && n < MAX_PATH)
        WideCharToMultiByte(CP_UTF8, 0, wide, -1, base, sizeof(base), NULL, NULL);
    snprintf(path, capacity, "%s\\ntmsapi", base);
}
