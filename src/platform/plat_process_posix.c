#include "platform/plat_process.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* From /proc/<pid>/stat: its state letter, and (field 22) when it
 * started, in clock ticks since boot. False when it cannot be read. */
static bool read_stat(uint32_t pid, char *state, uint64_t *started)
{
    char path[64], line[1024];
    unsigned long long ticks = 0;
    FILE *stat;

    snprintf(path, sizeof(path), "/proc/%u/stat", (unsigned)pid);
    if (!(stat = fopen(path, "r")))
        return false;
    size_t n = fread(line, 1, sizeof(line) - 1, stat);
    fclose(stat);
    line[n] = '\0';
    const char *after_name = strrchr(line, ')');   /* the name may hold spaces */
    if (!after_name || sscanf(after_name + 1, " %c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d"
                                              " %*d %*d %llu", state, &ticks) != 2)
        return false;
    *started = ticks;
    return true;
}

void plat_process_self(struct plat_process_id *id)
{
    char state;

    id->pid = (uint32_t)getpid();
    if (!read_stat(id->pid, &state, &id->started))
        id->started = 0;
}

bool plat_process_alive(const struct plat_process_id *id)
{
    char state = 'R';
    uint64_t started = 0;

    if (kill((pid_t)id->pid, 0) != 0 && errno == ESRCH)
        return false;
    if (!read_stat(id->pid, &state, &started))
        return true;
    if (state == 'Z' || state == 'X')   /* ended, not yet reaped */
        return false;
    return !id->started || started == id->started;
}

void plat_process_die(void)
{
    kill(getpid(), SIGKILL);
}
