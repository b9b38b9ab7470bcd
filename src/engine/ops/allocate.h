/* AllocateNtmsMedia: each attempt is one write transaction
 * (records/allocation.c), so that two processes never take one side.
 * When nothing can be allocated now the call asks an operator for new
 * media, as RSM did, and waits, outside any transaction or lock, up to the
 * caller's timeout (ops/new_media_wait.h): allocated when a medium becomes
 * allocatable (another process deallocating, a tape moved to Free),
 * NTMS_E_CANCELLED when the operator refuses or the wait is cancelled,
 * NTMS_E_TIMEOUT at the end; NTMS_ALLOCATE_ERROR_IF_UNAVAILABLE answers
 * NTMS_E_MEDIA_UNAVAILABLE at once instead, a timeout of 0 NTMS_E_TIMEOUT.
 * A medium in Free still waiting for its free label gets it first. */
#ifndef NTMSAPI_ENGINE_OPS_ALLOCATE_H
#define NTMSAPI_ENGINE_OPS_ALLOCATE_H

#include "engine/core/engine.h"
#include "security/sec_caller.h"

struct allocate_request {
    ntms_guid        pool;
    const ntms_guid *partition;   /* a side to allocate, or NULL */
    uint32_t         options;     /* RSM_ALLOCATE_* */
    uint32_t         timeout_ms;  /* 0: no wait; 0xFFFFFFFF: forever */
    const struct ntms_session *session;   /* whose call (its requests name the application); NULL: the engine's */
};

/* *media_id: in, with NEXT, the logical medium allocated with NEW; out,
 * the new logical medium. *allocated_from: the pool the side came from. */
ntms_err engine_allocate(struct engine *engine, const struct sec_caller *caller, const struct allocate_request *request,
                         ntms_guid *media_id, ntms_guid *allocated_from);

#endif
