/* A library's queue of waiting mounts ([MS-RSMP] SetNtmsRequestOrder):
 * its QUEUED RSM_LM_MOUNT requests, ordered 1, 2, ... n. A new one goes
 * after every waiting mount of its priority or higher; SetNtmsRequestOrder
 * moves one; a request leaving the queue (its turn came, it was
 * cancelled, its process died) lets the ones after it move up. When a
 * drive frees, the first that waits for a drive takes it, and the others
 * wait until it has: one waiting for its medium (mounted elsewhere)
 * holds nobody up. All inside the caller's write transaction; requests of
 * processes that died are FAILED (ERROR_OPERATION_ABORTED) on the way. */
#ifndef NTMSAPI_ENGINE_RECORDS_MOUNT_QUEUE_H
#define NTMSAPI_ENGINE_RECORDS_MOUNT_QUEUE_H

#include <stdbool.h>

#include "engine/core/objdb.h"

/* `request` (QUEUED, its library, priority set; new or stored) joins its
 * library's queue at its priority's place; written. */
ntms_err mount_queue_insert(struct objdb *db, struct rsm_object *request);
/* A queued `request` moved to `place` (1: first; past the end: last); written. */
ntms_err mount_queue_place(struct objdb *db, struct rsm_object *request, uint32_t place);
/* `request` out of the queue (order 0, the others renumbered); the
 * caller writes it with its new state. */
ntms_err mount_queue_leave(struct objdb *db, struct rsm_object *request);
/* Does a live waiting mount before `request` wait for a drive, or has a
 * live mount of the library taken its turn for a drive and not got one
 * yet? (Several waiters wake when a drive frees: only the first goes.) */
bool mount_queue_blocked(struct objdb *db, const struct rsm_object *request);

static inline bool mount_queued(const struct rsm_object *o)
{
    return o->type == RSM_LIBREQUEST && o->info.lib_request.operation_code == RSM_LM_MOUNT
        && o->info.lib_request.state == RSM_LM_QUEUED;
}

#endif
