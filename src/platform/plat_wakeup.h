/* Waking the processes that wait for a 32-bit counter to move, the
 * counter living in memory every process maps (a shared file mapping).
 *
 * Linux: a futex on the counter itself. Windows (and Wine): a manual-reset
 * named event per value of the counter, "<scope>\<name>-<value>", that
 * exists only while a waiter holds it: a waiter creates the event of the
 * value it saw, looks at the counter again, and waits; whoever moves the
 * counter opens the event of the value it moved it from and sets it (one
 * failed open when nobody waits). No handle outlives a wait, so a process
 * killed while it waits leaves nothing behind. The scope is Global\ when
 * this process may create objects there (services, administrators), else
 * Local\ (its own logon session). */
#ifndef NTMSAPI_PLATFORM_PLAT_WAKEUP_H
#define NTMSAPI_PLATFORM_PLAT_WAKEUP_H

#include <stdbool.h>
#include <stdint.h>

#define PLAT_WAIT_FOREVER 0xFFFFFFFFu
#define PLAT_WAKEUP_NAME_MAX 64

enum plat_wakeup_scope { PLAT_WAKEUP_GLOBAL = 1, PLAT_WAKEUP_LOCAL = 2 };

/* The namespace this process waits in (found once). */
unsigned plat_wakeup_scope(void);

/* Waits while *counter == seen, at most timeout_ms. True when woken or
 * when the counter had moved; false when the time ran out (or waiting is
 * not possible: the caller looks again). `name`: ASCII, no backslash. */
bool plat_wakeup_wait(const char *name, const uint32_t *counter, uint32_t seen, uint32_t timeout_ms);

/* After the counter moved from `was`: wakes whoever waits at `was` in the
 * scopes named (a mask of plat_wakeup_scope). */
void plat_wakeup_all(const char *name, uint32_t *counter, uint32_t was, unsigned scopes);

#endif
