/* Notification channels (OpenNtmsNotification and its kin): a channel
 * follows, from the moment it opens, what every process commits to the
 * objects of one RSM type, in commit order (objdb_changes_since), and
 * sleeps on the change bell (change_bell.h) while nothing new is there.
 *
 * An insertion, update or removal of an object of the type arrives as
 * RSM_OBJ_INSERT / UPDATE / DELETE with the object's id; a signal of the
 * type (objdb_signal) as its operation (RSM_EVENT_COMPLETE, ...) with its
 * id. A channel that fell so far behind that the journals no longer reach
 * back (two checkpoints passed) answers NTMS_E_NO_DATA from then on: it
 * must be opened again; nothing is dropped silently. Handles are small
 * integers with a generation, apart from session handles (bit 30 set), so
 * a garbage, closed or session handle is refused. A channel belongs to a
 * session and closes with it. */
#ifndef NTMSAPI_ENGINE_CORE_NOTIFICATION_H
#define NTMSAPI_ENGINE_CORE_NOTIFICATION_H

#include <stdbool.h>
#include <stdint.h>

#include "common/ntms_error.h"
#include "common/ntms_guid.h"
#include "engine/core/objdb.h"

#define NOTIFICATION_CHANNELS 512           /* open channels per process */
#define NOTIFICATION_WAIT_FOREVER 0xFFFFFFFFu

struct notification {
    uint32_t  operation;   /* RSM_OBJ_* or RSM_EVENT_* */
    ntms_guid id;
};

/* A channel for objects of `type` (RSM_OBJECT .. RSM_TYPE_COUNT - 1,
 * else NTMS_E_INVALID_PARAMETER), owned by the session with this serial. */
ntms_err notification_open(struct objdb *db, uint32_t session_serial, uint32_t type, uintptr_t *handle);

/* The next notification, waiting up to timeout_ms for one (0: only look;
 * NOTIFICATION_WAIT_FOREVER). NTMS_E_TIMEOUT when none came;
 * NTMS_E_NO_DATA when the channel fell too far behind;
 * NTMS_E_INVALID_HANDLE for anything but an open channel, also when the
 * channel is closed while this waits. */
ntms_err notification_wait(uintptr_t handle, uint32_t timeout_ms, struct notification *notification);

/* NTMS_E_INVALID_HANDLE for anything but an open channel. */
ntms_err notification_close(uintptr_t handle);

/* Closes every channel the session opened. */
void notification_close_session(uint32_t session_serial);

bool notification_is_open(uintptr_t handle);
unsigned notification_count_open(void);

#endif
