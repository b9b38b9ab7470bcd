/* A mount waiting its turn in its library's queue (records/mount_queue.h),
 * outside any transaction or lock: it reads its request and the drives,
 * and sleeps until another process commits something (a drive freed, the
 * order changed, a cancellation), writing nothing meanwhile. */
#ifndef NTMSAPI_ENGINE_OPS_REQUEST_QUEUE_H
#define NTMSAPI_ENGINE_OPS_REQUEST_QUEUE_H

#include <stdbool.h>

#include "engine/ops/busy_wait.h"
#include "engine/ops/mount_outlook.h"

struct queued_mount {
    struct engine             *engine;
    const struct ntms_session *session;
    ntms_guid                  request;   /* its library request */
    ntms_guid                  library;
    const ntms_guid           *ids, *drives;
    uint32_t                   count, options;
    struct busy_wait           wait;       /* its deadline (started by the caller) */
    bool                       no_wait;    /* ERROR_NOT_AVAILABLE, NOWAIT: one look, no wait */
    bool                       waits_for_drive;
};

/* Its request recorded (QUEUED at its priority's place). */
ntms_err queued_mount_open(struct queued_mount *q, int32_t priority);
/* Until its turn (NTMS_OK: INPROCESS, may try now): NTMS_E_CANCELLED
 * when its request was cancelled or its session closed; NTMS_E_BUSY
 * without waiting (no_wait); NTMS_E_TIMEOUT at the deadline. */
ntms_err queued_mount_turn(struct queued_mount *q);
/* Its turn taken for a drive, it has one now: the mounts behind it may take theirs. */
void queued_mount_has_drive(struct queued_mount *q);
/* A try that met a busy library: first in line again; false when the deadline passed. */
bool queued_mount_again(struct queued_mount *q);
/* The end: its request PASSED, CANCELLED or FAILED by `result`. */
void queued_mount_close(struct queued_mount *q, ntms_err result, const ntms_guid *drive);

#endif
