/* An allocation that found nothing (AllocateNtmsMedia with a timeout and
 * without NTMS_ALLOCATE_ERROR_IF_UNAVAILABLE): RSM asked an operator for
 * new media (a NEWMEDIA operator request for the pool) and waited; so
 * does this, with a library request of its own (RSM_LM_ALLOCATE, QUEUED)
 * that CancelNtmsLibraryRequest reaches. The allocation is tried again
 * whenever another process commits (a medium freed, moved to Free or
 * into the pool) and once the operator satisfied the request (a new
 * request when there is still nothing); it ends allocated (its requests
 * PASSED and COMPLETE in the allocation's own transaction), refused
 * (NTMS_E_CANCELLED), cancelled (NTMS_E_CANCELLED), or at the deadline
 * (NTMS_E_TIMEOUT, the operator request withdrawn, as RSM deleted it). */
#ifndef NTMSAPI_ENGINE_OPS_NEW_MEDIA_WAIT_H
#define NTMSAPI_ENGINE_OPS_NEW_MEDIA_WAIT_H

#include <stdbool.h>

#include "engine/ops/busy_wait.h"

struct new_media_wait {
    struct engine             *engine;
    const struct ntms_session *session;
    ntms_guid                  pool;
    ntms_guid                  request;            /* the call's library request; null until it waits */
    ntms_guid                  operator_request;   /* its NEWMEDIA */
    struct busy_wait           wait;
    bool                       tried_after_satisfaction;   /* the next wait asks the operator again */
};

void new_media_wait_init(struct new_media_wait *w, struct engine *engine, const struct ntms_session *session,
                         const ntms_guid *pool, uint32_t timeout_ms);
static inline bool new_media_waiting(const struct new_media_wait *w)
{
    return !ntms_guid_is_null(&w->request);
}
/* The first time: the requests recorded; then until something changed:
 * NTMS_OK (try again), NTMS_E_CANCELLED, NTMS_E_TIMEOUT. */
ntms_err new_media_wait_next(struct new_media_wait *w);
/* Inside the try's write transaction: before it (NTMS_E_CANCELLED when
 * the call was cancelled meanwhile) and after it allocated (the requests
 * answered). */
ntms_err new_media_wait_check_in(struct objdb *db, const struct new_media_wait *w);
ntms_err new_media_wait_allocated_in(struct objdb *db, const struct new_media_wait *w);
/* The call ends without an allocation: its request closed with
 * `result`, its NEWMEDIA withdrawn unless the operator refused it. */
void new_media_wait_end(struct new_media_wait *w, ntms_err result);

#endif
