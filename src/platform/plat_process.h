/* Processes: who we are, whether another process still runs, and ending
 * the process at once as a kill would (crash tests only). */
#ifndef NTMSAPI_PLATFORM_PLAT_PROCESS_H
#define NTMSAPI_PLATFORM_PLAT_PROCESS_H

#include <stdbool.h>
#include <stdint.h>

/* A process, told apart from a later one that reuses its id by the time it
 * started. */
struct plat_process_id {
    uint64_t started;
    uint32_t pid;
};

void plat_process_self(struct plat_process_id *id);
/* False only when that process has certainly ended (or its id now names
 * another process); a process that cannot be looked at counts as alive. */
bool plat_process_alive(const struct plat_process_id *id);

void plat_process_die(void);

#endif
