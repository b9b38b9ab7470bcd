/* Notifications through the DLL under Wine, across processes
 * (bench/dll/notification.sh runs the modes): how long after a change
 * another process's WaitForNtmsNotification returns it, and what the
 * change pays for being told. The writer changes a media pool's
 * description (one commit, one NTMS_OBJ_UPDATE) at a steady pace, timing
 * each SetNtmsObjectInformationW; listeners log when each update reached
 * them. QueryPerformanceCounter is one clock for every process (Wine:
 * CLOCK_MONOTONIC; Windows: system-wide). Prints figures; asserts nothing.
 *
 * usage: bench_notification.exe prepare
 *        bench_notification.exe listen TYPE COUNT LOG READY
 *        bench_notification.exe write COUNT PAUSE_MS LOG
 *        bench_notification.exe report WHAT WRITER-LOG [LISTENER-LOG...] */
#include <windows.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double now_us(void)
{
    LARGE_INTEGER t, f;

    QueryPerformanceCounter(&t);
    QueryPerformanceFrequency(&f);
    return (double)t.QuadPart * 1e6 / (double)f.QuadPart;
}

static NTMS_GUID bench_pool(HANDLE session)
{
    NTMS_GUID pool = { 0 };

    if (CreateNtmsMediaPoolW(session, L"\\Bench", NULL, NTMS_OPEN_ALWAYS, NULL, &pool) != ERROR_SUCCESS)
        fprintf(stderr, "no \\Bench pool: %lu\n", GetLastError());
    return pool;
}

static int listen_to(HANDLE session, DWORD type, int count, const char *log, const char *ready)
{
    NTMS_NOTIFICATIONINFORMATION info;
    double *at = calloc((size_t)count, sizeof(double));
    HANDLE channel = OpenNtmsNotification(session, type);
    int got = 0;

    if (channel == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "OpenNtmsNotification: %lu\n", GetLastError());
        return 1;
    }
    FILE *ready_file = fopen(ready, "w");
    if (ready_file)
        fclose(ready_file);
    while (got < count && WaitForNtmsNotification(channel, &info, 20000) == ERROR_SUCCESS)
        at[got++] = now_us();
    FILE *f = fopen(log, "w");
    for (int i = 0; f && i < got; i++)
        fprintf(f, "%.1f\n", at[i]);
    if (f)
        fclose(f);
    CloseNtmsNotification(channel);
    free(at);
    return got == count ? 0 : 1;
}

static int write_changes(HANDLE session, int count, DWORD pause_ms, const char *log)
{
    NTMS_GUID pool = bench_pool(session);
    NTMS_OBJECTINFORMATIONW info;
    FILE *f = fopen(log, "w");

    memset(&info, 0, sizeof(info));
    info.dwSize = sizeof(info);
    info.dwType = NTMS_MEDIA_POOL;
    GetNtmsObjectInformationW(session, &pool, &info);
    for (int i = 0; f && i < count; i++) {
        swprintf(info.szDescription, ARRAYSIZE(info.szDescription), L"change %d at %.0f", i, now_us());
        double before = now_us();
        DWORD result = SetNtmsObjectInformationW(session, &pool, &info);
        double after = now_us();
        fprintf(f, "%.1f %.1f %lu\n", before, after, result);
        Sleep(pause_ms);
    }
    if (f)
        fclose(f);
    return 0;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int read_column(const char *path, int column, double *values, int capacity)
{
    char line[128];
    double v[2];
    int count = 0;
    FILE *f = fopen(path, "r");

    while (f && count < capacity && fgets(line, sizeof(line), f))
        if (sscanf(line, "%lf %lf", &v[0], &v[1]) >= column + 1)
            values[count++] = v[column];
    if (f)
        fclose(f);
    return count;
}

static void print_spread(const char *what, double *values, int count)
{
    qsort(values, (size_t)count, sizeof(double), compare);
    if (count)
        printf("%s: median %.3f ms, p99 %.3f ms, max %.3f ms (%d samples)\n", what, values[count / 2],
               values[count * 99 / 100], values[count - 1], count);
}

/* The writer's call times; each listener's latency from the start of the call that made the change. */
static int report(const char *what, const char *writer_log, int listeners, char **listener_logs)
{
    enum { MAX = 100000 };
    double *before = malloc(MAX * sizeof(double)), *after = malloc(MAX * sizeof(double));
    double *received = malloc(MAX * sizeof(double)), *all = malloc(MAX * 8 * sizeof(double));
    int count = read_column(writer_log, 0, before, MAX), all_count = 0;

    read_column(writer_log, 1, after, MAX);
    for (int i = 0; i < count; i++)
        after[i] = (after[i] - before[i]) / 1000.0;
    printf("%s\n", what);
    print_spread("  a change (SetNtmsObjectInformationW)", after, count);
    for (int l = 0; l < listeners; l++) {
        int got = read_column(listener_logs[l], 0, received, MAX);
        for (int i = 0; i < got && i < count && all_count < MAX * 8; i++)
            all[all_count++] = (received[i] - before[i]) / 1000.0;
        if (got != count)
            printf("listener %d heard %d of %d changes\n", l, got, count);
    }
    if (listeners)
        print_spread("  latency, change made -> another process told", all, all_count);
    free(before);
    free(after);
    free(received);
    free(all);
    return 0;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";

    if (argc >= 4 && !strcmp(mode, "report"))
        return report(argv[2], argv[3], argc - 4, argv + 4);
    HANDLE session = OpenNtmsSessionW(NULL, L"bench_notification", 0);
    if (session == INVALID_HANDLE_VALUE)
        return 1;
    int status = 0;
    if (!strcmp(mode, "prepare"))
        bench_pool(session);
    else if (argc == 6 && !strcmp(mode, "listen"))
        status = listen_to(session, (DWORD)atoi(argv[2]), atoi(argv[3]), argv[4], argv[5]);
    else if (argc == 5 && !strcmp(mode, "write"))
        status = write_changes(session, atoi(argv[2]), (DWORD)atoi(argv[3]), argv[4]);
    else
        status = 2;
    CloseNtmsSession(session);
    return status;
}
