/* The figures of issue 11's table, timed inside this Win32 process with
 * QueryPerformanceCounter (bench/table.sh starts the library, times mtx as
 * whole processes and prints both side by side).
 *
 * usage: bench_table.exe first     on a fresh database: the first
 *                                  OpenNtmsSessionW (discovery), the first
 *                                  FAST inventory, unchanged FAST
 *                                  inventories, every slot's and medium's
 *                                  information, memory
 *        bench_table.exe again     a second process on the known library:
 *                                  its first OpenNtmsSessionW and one
 *                                  unchanged FAST inventory
 *        bench_table.exe objects   a seeded database: the first
 *                                  OpenNtmsSessionW, every slot's and
 *                                  medium's information, memory
 *
 * Prints one line per figure, "figure <name> <value>", and "error <what>
 * <code>" for a call that failed; asserts nothing. */
#define PSAPI_VERSION 2 /* K32GetProcessMemoryInfo from kernel32: no psapi.dll */
#include <windows.h>
#include <psapi.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { UNCHANGED_RUNS_MIN = 3, UNCHANGED_RUNS_MAX = 11 };
static const double UNCHANGED_SECONDS = 10.0, READ_PASS_SECONDS = 1.0;

struct guid_list {
    NTMS_GUID *ids;
    DWORD count;
};

static double seconds_now(void)
{
    static LARGE_INTEGER frequency;
    LARGE_INTEGER t;

    if (!frequency.QuadPart)
        QueryPerformanceFrequency(&frequency);
    QueryPerformanceCounter(&t);
    return (double)t.QuadPart / (double)frequency.QuadPart;
}

static void figure(const char *name, double value)
{
    printf("figure %s %.3f\n", name, value);
    fflush(stdout);
}

static void failure(const char *what, DWORD code)
{
    printf("error %s %lu\n", what, (unsigned long)code);
    fflush(stdout);
}

/* Every object of a type in a container (NULL: all), the list grown until it fits. */
static DWORD enumerate_all(HANDLE session, const NTMS_GUID *container, DWORD type, struct guid_list *out)
{
    DWORD capacity = 1024, result;

    out->ids = NULL;
    for (;;) {
        NTMS_GUID *grown = realloc(out->ids, capacity * sizeof(*grown));
        if (!grown)
            return ERROR_NOT_ENOUGH_MEMORY;
        out->ids = grown;
        out->count = capacity;
        result = EnumerateNtmsObject(session, (LPNTMS_GUID)container, out->ids, &out->count, type, 0);
        if (result != ERROR_INSUFFICIENT_BUFFER)
            break;
        capacity = out->count > capacity ? out->count + 64 : capacity * 2;
    }
    if (result != ERROR_SUCCESS)
        out->count = 0;
    return result;
}

static BOOL online_library(HANDLE session, NTMS_GUID *library)
{
    struct guid_list libraries;
    BOOL found = FALSE;

    if (enumerate_all(session, NULL, NTMS_LIBRARY, &libraries) != ERROR_SUCCESS)
        failure("EnumerateNtmsObject(libraries)", GetLastError());
    for (DWORD i = 0; i < libraries.count && !found; i++) {
        NTMS_OBJECTINFORMATIONW info = { .dwSize = sizeof(info), .dwType = NTMS_LIBRARY };
        if (GetNtmsObjectInformationW(session, &libraries.ids[i], &info) == ERROR_SUCCESS
            && info.Info.Library.LibraryType == NTMS_LIBRARYTYPE_ONLINE) {
            *library = libraries.ids[i];
            found = TRUE;
        }
    }
    free(libraries.ids);
    if (!found)
        failure("no-online-library", 0);
    return found;
}

static DWORD media_count(HANDLE session)
{
    struct guid_list media;

    enumerate_all(session, NULL, NTMS_PHYSICAL_MEDIA, &media);
    free(media.ids);
    return media.count;
}

static HANDLE timed_open(const char *figure_name)
{
    double start = seconds_now();
    HANDLE session = OpenNtmsSessionW(NULL, L"bench_table", 0);

    if (session == INVALID_HANDLE_VALUE) {
        failure("OpenNtmsSessionW", GetLastError());
        return session;
    }
    figure(figure_name, (seconds_now() - start) * 1e3);
    return session;
}

static double timed_fast_inventory(HANDLE session, const NTMS_GUID *library)
{
    double start = seconds_now();
    DWORD result = InventoryNtmsLibrary(session, (LPNTMS_GUID)library, NTMS_INVENTORY_FAST);

    if (result != ERROR_SUCCESS) {
        failure("InventoryNtmsLibrary", result);
        return -1;
    }
    return (seconds_now() - start) * 1e3;
}

/* Row 2: a fresh database knows no tape, so FAST mounts and reads each one. */
static void first_inventory(HANDLE session, const NTMS_GUID *library)
{
    DWORD before = media_count(session);
    double ms = timed_fast_inventory(session, library);
    DWORD identified = media_count(session) - before;

    if (ms < 0)
        return;
    figure("inventory_first_ms", ms);
    figure("inventory_first_new_media", identified);
    if (identified)
        figure("inventory_first_ms_per_tape", ms / identified);
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Row 1: FAST again when nothing changed; at least 3 runs, more while they are quick. */
static void unchanged_inventories(HANDLE session, const NTMS_GUID *library)
{
    double runs[UNCHANGED_RUNS_MAX], start = seconds_now();
    int count = 0;

    while (count < UNCHANGED_RUNS_MAX
           && (count < UNCHANGED_RUNS_MIN || seconds_now() - start < UNCHANGED_SECONDS)) {
        double ms = timed_fast_inventory(session, library);
        if (ms < 0)
            return;
        runs[count++] = ms;
    }
    qsort(runs, (size_t)count, sizeof(runs[0]), compare_doubles);
    figure("inventory_unchanged_runs", count);
    figure("inventory_unchanged_ms_min", runs[0]);
    figure("inventory_unchanged_ms_median", runs[count / 2]);
    figure("inventory_unchanged_ms_max", runs[count - 1]);
}

static DWORD read_each(HANDLE session, const struct guid_list *list, DWORD type)
{
    DWORD failed = 0;

    for (DWORD i = 0; i < list->count; i++) {
        NTMS_OBJECTINFORMATIONW info;
        info.dwSize = sizeof(info);
        info.dwType = type;
        if (GetNtmsObjectInformationW(session, &list->ids[i], &info) != ERROR_SUCCESS)
            failed++;
    }
    return failed;
}

/* One pass over the list; its rate printed as object_reads_<name>_per_s. */
static DWORD timed_pass(HANDLE session, const struct guid_list *list, DWORD type, const char *name)
{
    char figure_name[64];
    double start = seconds_now();
    DWORD failed = read_each(session, list, type);

    snprintf(figure_name, sizeof(figure_name), "object_reads_%s_per_s", name);
    if (list->count)
        figure(figure_name, list->count / (seconds_now() - start));
    return failed;
}

/* Row 3: one call per slot and per medium: a first pass timed by kind, then
 * whole passes repeated up to a second. */
static void object_reads(HANDLE session, const NTMS_GUID *library)
{
    struct guid_list slots, media;
    int passes = 1;

    enumerate_all(session, library, NTMS_STORAGESLOT, &slots);
    enumerate_all(session, NULL, NTMS_PHYSICAL_MEDIA, &media);
    double calls = slots.count + media.count, start = seconds_now();
    DWORD failed = timed_pass(session, &slots, NTMS_STORAGESLOT, "slots")
                   + timed_pass(session, &media, NTMS_PHYSICAL_MEDIA, "media");
    figure("object_reads_first_pass_per_s", calls / (seconds_now() - start));
    while (seconds_now() - start < READ_PASS_SECONDS) {
        failed += read_each(session, &slots, NTMS_STORAGESLOT) + read_each(session, &media, NTMS_PHYSICAL_MEDIA);
        passes++;
    }
    figure("object_reads_per_s", calls * passes / (seconds_now() - start));
    figure("object_reads_passes", passes);
    figure("object_slots", slots.count);
    figure("object_media", media.count);
    if (failed)
        failure("GetNtmsObjectInformationW", failed);
    free(slots.ids);
    free(media.ids);
}

struct memory {
    double working_set_kib, peak_working_set_kib, private_kib;
};

/* Committed private memory, region by region: Wine leaves PrivateUsage at 0. */
static double private_committed_kib(void)
{
    MEMORY_BASIC_INFORMATION region;
    const char *address = NULL;
    double bytes = 0;

    while (VirtualQuery(address, &region, sizeof(region)) == sizeof(region)) {
        if (region.State == MEM_COMMIT && region.Type == MEM_PRIVATE)
            bytes += (double)region.RegionSize;
        const char *next = (const char *)region.BaseAddress + region.RegionSize;
        if (next <= address)
            break;
        address = next;
    }
    return bytes / 1024;
}

static struct memory memory_now(void)
{
    PROCESS_MEMORY_COUNTERS counters = { .cb = sizeof(counters) };
    struct memory m = { .private_kib = private_committed_kib() };

    if (!K32GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof(counters)))
        failure("K32GetProcessMemoryInfo", GetLastError());
    m.working_set_kib = counters.WorkingSetSize / 1024.0;
    m.peak_working_set_kib = counters.PeakWorkingSetSize / 1024.0;
    return m;
}

/* Row 5: after the whole database was read; the growth since before the first call, per 1,000 media. */
static void memory(const struct memory *before, DWORD media)
{
    struct memory after = memory_now();

    figure("memory_working_set_kib", after.working_set_kib);
    figure("memory_peak_working_set_kib", after.peak_working_set_kib);
    figure("memory_private_kib", after.private_kib);
    figure("memory_working_set_before_kib", before->working_set_kib);
    figure("memory_private_before_kib", before->private_kib);
    if (!media)
        return;
    figure("memory_working_set_growth_kib_per_1000_media",
           (after.working_set_kib - before->working_set_kib) / media * 1000);
    figure("memory_private_growth_kib_per_1000_media", (after.private_kib - before->private_kib) / media * 1000);
}

static int run_first(void)
{
    struct memory before = memory_now();
    HANDLE session = timed_open("open_first_ms");
    NTMS_GUID library;

    if (session == INVALID_HANDLE_VALUE || !online_library(session, &library))
        return 1;
    first_inventory(session, &library);
    unchanged_inventories(session, &library);
    object_reads(session, &library);
    memory(&before, media_count(session));
    CloseNtmsSession(session);
    return 0;
}

static int run_again(void)
{
    HANDLE session = timed_open("open_known_ms");
    NTMS_GUID library;

    if (session == INVALID_HANDLE_VALUE || !online_library(session, &library))
        return 1;
    double ms = timed_fast_inventory(session, &library);
    if (ms >= 0)
        figure("inventory_unchanged_new_process_ms", ms);
    CloseNtmsSession(session);
    return 0;
}

static int run_objects(void)
{
    struct memory before = memory_now();
    HANDLE session = timed_open("open_first_ms");
    NTMS_GUID library;

    if (session == INVALID_HANDLE_VALUE || !online_library(session, &library))
        return 1;
    object_reads(session, &library);
    memory(&before, media_count(session));
    CloseNtmsSession(session);
    return 0;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";

    if (!strcmp(mode, "first"))
        return run_first();
    if (!strcmp(mode, "again"))
        return run_again();
    if (!strcmp(mode, "objects"))
        return run_objects();
    fprintf(stderr, "usage: bench_table.exe first|again|objects\n");
    return 2;
}
