/* The change bell: how a process waiting for changes of one RSM object
 * type learns, within milliseconds and without reading a file, that some
 * process committed one, and whether anybody listens to a type at all.
 *
 * A page every process maps, ntmsapi.bell in the database folder, holds a
 * ring count per object type and a table of listeners: each bell (one per
 * open database) takes a row when it first opens a channel or waits, and
 * marks there the types it has channels for and the types it waits for. A commit moves the count of each type it
 * touched (an atomic add, no system call) and wakes the waiters of those
 * types only when a listener marks one (plat_wakeup.h: a futex, or a
 * named event per count that exists only while somebody waits). A waiter
 * marks itself, looks at the count it saw before reading the changes, and
 * sleeps only if it has not moved: no wake-up is lost. A process killed
 * while waiting leaves its row marked until a process that takes a row or
 * opens a channel finds it dead; meanwhile commits of those types pay one
 * failed event open each. Without the page (it cannot be mapped) waiting is a
 * sleep of a few milliseconds. */
#ifndef NTMSAPI_ENGINE_CORE_CHANGE_BELL_H
#define NTMSAPI_ENGINE_CORE_CHANGE_BELL_H

#include <stdbool.h>
#include <stdint.h>

#include "common/ntms_error.h"

#define CHANGE_BELL_LISTENERS 128

struct change_bell;

/* NULL when the page cannot be mapped (waits then sleep briefly). */
struct change_bell *change_bell_open(const char *directory);
void change_bell_close(struct change_bell *bell);

/* After a commit: moves the counts of the types in `types` (bit 1 << type)
 * and wakes their waiters. */
void change_bell_ring(struct change_bell *bell, uint32_t types);

/* Frees the rows of processes that ended (one process look-up per row
 * taken): done when a row is taken and when a channel opens. */
void change_bell_free_dead_rows(struct change_bell *bell);

/* A channel of the type opened (+1) or closed (-1) in this process. */
void change_bell_listen(struct change_bell *bell, uint32_t type, int change);
/* Has any process a channel of the type open? (True when it cannot
 * tell.) Signals nobody can hear are not written. */
bool change_bell_heard(struct change_bell *bell, uint32_t type);

/* The ring count of a type: read it before looking for changes, and pass
 * it to change_bell_wait. */
uint32_t change_bell_count(struct change_bell *bell, uint32_t type);

/* Sleeps until the type's count moves from `seen`, at most timeout_ms
 * (PLAT_WAIT_FOREVER: no limit). Returns early now and then (a wake-up
 * for a value already passed): the caller looks for changes again. */
void change_bell_wait(struct change_bell *bell, uint32_t type, uint32_t seen, uint32_t timeout_ms);

/* Diagnostics and tests: listener rows taken (by live processes or not
 * yet found dead) and how many of them wait for the type now. */
unsigned change_bell_rows_taken(struct change_bell *bell, uint32_t type, unsigned *waiting);

#endif
