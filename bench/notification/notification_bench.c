/* Notification channels natively (Linux: the bell is a futex), across
 * processes: the latency from the start of a commit to another process's
 * notification_wait returning it (median, p99), and what one commit of
 * one changed object pays (unflushed, as inside an export: the flush comes
 * once at the call's end) with no channel open, a process waiting on
 * another type, and one and four processes waiting on its type. Prints
 * figures; asserts nothing. The same figures under Wine: bench/dll/notification.sh.
 * usage: bench_notification_native [CHANGES]   (default 2,000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/core/notification.h"
#include "engine/core/objdb.h"
#include "platform/plat_random.h"
#include "platform/plat_time.h"

static char dir[] = "/tmp/ntmsapi-bench-notify-XXXXXX";
static int changes = 2000;

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void print_spread(const char *what, double *values, int count)
{
    qsort(values, (size_t)count, sizeof(double), compare);
    if (count)
        printf("%s: median %.1f us, p99 %.1f us (%d samples)\n", what, values[count / 2], values[count * 99 / 100],
               count);
}

/* A child process: its own database handle, a channel of `type`, every
 * notification's arrival time (ns) into file `index`. */
static pid_t listener(uint32_t type, int index, int ready)
{
    pid_t child = fork();

    if (child != 0)
        return child;
    struct objdb *db;
    struct notification n;
    uintptr_t h;
    char path[128];
    uint64_t *at = calloc((size_t)changes, sizeof(uint64_t));
    int got = 0;
    if (objdb_open(dir, &db) != NTMS_OK || notification_open(db, 1, type, &h) != NTMS_OK)
        _exit(1);
    if (write(ready, "r", 1) != 1)
        _exit(1);
    while (got < changes && notification_wait(h, 10000, &n) == NTMS_OK)
        at[got++] = plat_monotonic_ns();
    snprintf(path, sizeof(path), "%s/heard-%d", dir, index);
    FILE *f = fopen(path, "w");
    for (int i = 0; f && i < got; i++)
        fprintf(f, "%llu\n", (unsigned long long)at[i]);
    if (f)
        fclose(f);
    _exit(0);
}

/* `changes` commits of one object, 1 ms apart; started[] their start times. */
static void commit_changes(struct objdb *db, struct rsm_object *pool, uint64_t *started, double *cost)
{
    for (int i = 0; i < changes; i++) {
        pool->description[0] = (uint16_t)('a' + i % 26);
        pool->description[1] = (uint16_t)i;
        started[i] = plat_monotonic_ns();
        objdb_defer_flush();
        objdb_begin_write(db);
        objdb_put(db, pool);
        objdb_commit(db);
        cost[i] = (double)(plat_monotonic_ns() - started[i]) / 1e3;
        objdb_flush_deferred(db);
        usleep(1000);
    }
}

static void run_case(struct objdb *db, struct rsm_object *pool, const char *what, int count, uint32_t type)
{
    uint64_t *started = calloc((size_t)changes, sizeof(uint64_t));
    double *cost = calloc((size_t)changes, sizeof(double)), *latency = calloc((size_t)changes * 4, sizeof(double));
    pid_t children[4];
    int pipes[2], latencies = 0;
    char byte, path[128];

    if (pipe(pipes))
        return;
    for (int i = 0; i < count; i++)
        children[i] = listener(type, i, pipes[1]);
    for (int i = 0; i < count; i++)
        if (read(pipes[0], &byte, 1) != 1)
            return;
    commit_changes(db, pool, started, cost);
    printf("%s\n", what);
    print_spread("  a commit", cost, changes);
    for (int i = 0; i < count; i++) {
        if (type != RSM_MEDIA_POOL)
            kill(children[i], SIGKILL);
        waitpid(children[i], NULL, 0);
        snprintf(path, sizeof(path), "%s/heard-%d", dir, i);
        FILE *f = type == RSM_MEDIA_POOL ? fopen(path, "r") : NULL;
        unsigned long long at;
        for (int k = 0; f && k < changes && fscanf(f, "%llu", &at) == 1; k++)
            latency[latencies++] = (double)(at - started[k]) / 1e3;
        if (f)
            fclose(f);
    }
    if (latencies)
        print_spread("  latency, commit started -> another process told", latency, latencies);
    close(pipes[0]);
    close(pipes[1]);
    free(started);
    free(cost);
    free(latency);
}

int main(int argc, char **argv)
{
    struct objdb *db;
    struct rsm_object pool;
    char command[128];

    if (argc > 1)
        changes = atoi(argv[1]);
    if (!mkdtemp(dir) || objdb_open(dir, &db) != NTMS_OK)
        return 1;
    memset(&pool, 0, sizeof(pool));
    ntms_guid_generate(&pool.id);
    pool.type = RSM_MEDIA_POOL;
    objdb_begin_write(db);
    objdb_put(db, &pool);
    objdb_commit(db);
    printf("%d commits a case, 1 ms apart; each commit one changed media pool, unflushed\n", changes);
    run_case(db, &pool, "no channel open", 0, 0);
    run_case(db, &pool, "a process waiting on another type", 1, RSM_DRIVE);
    run_case(db, &pool, "one process waiting on the type", 1, RSM_MEDIA_POOL);
    run_case(db, &pool, "four processes waiting on the type", 4, RSM_MEDIA_POOL);
    objdb_close(db);
    snprintf(command, sizeof(command), "rm -rf '%s'", dir);
    return system(command);
}
