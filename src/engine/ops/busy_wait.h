/* Waiting for a busy drive or medium: the caller gives up the library's
 * lock, sleeps a little and tries again, until a deadline. */
#ifndef NTMSAPI_ENGINE_BUSY_WAIT_H
#define NTMSAPI_ENGINE_BUSY_WAIT_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/core/objdb.h"

#define BUSY_WAIT_FOREVER 0xFFFFFFFFu   /* INFINITE */

struct busy_wait {
    uint64_t deadline_ns;
    bool     forever;
    bool     watching;     /* `seen` is set */
    uint32_t seen;         /* the change bell's count of any commit, before the caller last looked */
};

void busy_wait_start(struct busy_wait *wait, uint32_t timeout_ms);
/* Sleeps until the next attempt; false when the deadline has passed. */
bool busy_wait_again(struct busy_wait *wait);
/* Sleeps until any process commits a change (the change bell: no file is
 * read meanwhile) or, at the latest, the next attempt; false when the
 * deadline has passed. Wakes within a millisecond or two of a commit. */
bool busy_wait_for_change(struct busy_wait *wait, struct objdb *db);

/* IdentifyNtmsSlot has no timeout of its own: NTMSAPI_DRIVE_WAIT_SECONDS
 * (default 60, at most a day) bounds its wait for a drive. */
uint32_t busy_wait_identify_ms(void);

#endif
