/* The library requests of calls that may wait ([MS-RSMP] 2.2.4.16): a
 * mount (RSM_LM_MOUNT) and an allocation waiting for media (ours,
 * RSM_LM_ALLOCATE: RSM queued no library operation for it). QUEUED while
 * the call waits, INPROCESS while it works, then PASSED, FAILED (with its
 * error) or CANCELLED (CancelNtmsLibraryRequest; dwErrorCode
 * ERROR_TIMEOUT when the call's timeout ran out). Waiting mounts of a
 * library form its queue (records/mount_queue.h). The call that waits
 * reads its request: a cancellation by any process reaches it there. */
#ifndef NTMSAPI_ENGINE_RECORDS_LIBRARY_REQUESTS_H
#define NTMSAPI_ENGINE_RECORDS_LIBRARY_REQUESTS_H

#include <stdbool.h>

#include "engine/core/engine.h"

struct lib_request_start {
    uint32_t  operation;         /* RSM_LM_MOUNT, RSM_LM_ALLOCATE */
    uint32_t  option;            /* the mount's options */
    int32_t   priority;          /* NTMS_PRIORITY_*: a mount goes before waiting ones of lower priority */
    ntms_guid library, partition, physical_media;   /* null: none */
    bool      queued;            /* it waits (QUEUED) rather than works (INPROCESS) */
    bool      waits_for_drive;   /* queued: for a drive (else for its medium, or media) */
};

/* A new request for `owner`'s call (finished requests past their purge
 * time go first), in a write transaction of its own. */
ntms_err lib_request_open(struct engine *engine, const struct ntms_session *session, const struct rsm_owner *owner,
                          const struct lib_request_start *start, ntms_guid *id);

/* A queued request's turn: INPROCESS and out of the queue, *went true;
 * *went false, nothing changed, while a waiting mount before it waits for
 * a drive (records/mount_queue.h). A mount that waited for a drive still
 * says so until lib_request_waits_for(id, false) tells that it has one.
 * NTMS_E_CANCELLED when it was cancelled (or is gone). */
ntms_err lib_request_take_turn(struct engine *engine, const ntms_guid *id, bool *went);
/* A try that met a busy library: QUEUED again, first in line. */
ntms_err lib_request_requeue(struct engine *engine, const ntms_guid *id, bool waits_for_drive);
/* A queued request's reason to wait (written only when it changes); NTMS_E_CANCELLED as above. */
ntms_err lib_request_waits_for(struct engine *engine, const ntms_guid *id, bool waits_for_drive);
/* The end of the call: PASSED (NTMS_OK), CANCELLED (NTMS_E_CANCELLED,
 * NTMS_E_TIMEOUT) or FAILED, with the error, and its drive when known. A
 * request that never left the queue and did not succeed goes (a call
 * that waited in vain changes nothing); one cancelled by
 * CancelNtmsLibraryRequest stays CANCELLED. */
ntms_err lib_request_close(struct engine *engine, const ntms_guid *id, ntms_err result, const ntms_guid *drive);
/* Inside a write transaction: NTMS_E_CANCELLED unless the request is still
 * queued or in process (a cancellation wins over what the caller was
 * about to commit). */
ntms_err lib_request_still_wanted(struct objdb *db, const ntms_guid *id);
/* Inside a write transaction: `request` finished with `state` and `error`, out of its queue; written. */
ntms_err lib_request_finish(struct objdb *db, struct rsm_object *request, uint32_t state, ntms_err error);

/* CancelNtmsLibraryRequest: a queued request CANCELLED (its call answers
 * NTMS_E_CANCELLED); one in process NTMS_E_ACCESS_DENIED; a finished or
 * unknown one NTMS_E_OBJECT_NOT_FOUND. */
ntms_err engine_cancel_library_request(struct engine *engine, const ntms_guid *id);
/* GetNtmsRequestOrder: a waiting mount's place, 0 for a request the queue
 * does not order; NTMS_E_OBJECT_NOT_FOUND for none. */
ntms_err engine_get_request_order(struct engine *engine, const ntms_guid *id, uint32_t *order);
/* SetNtmsRequestOrder: a waiting mount to place `order` (1: next; past
 * the end: last), the others moved; a request the queue does not order
 * (order 0) NTMS_E_INVALID_PARAMETER. */
ntms_err engine_set_request_order(struct engine *engine, const ntms_guid *id, uint32_t order);

static inline bool lib_request_finished(uint32_t state)
{
    return state == RSM_LM_PASSED || state == RSM_LM_FAILED || state == RSM_LM_CANCELLED || state == RSM_LM_STOPPED
        || state == RSM_LM_INVALID;
}

#endif
