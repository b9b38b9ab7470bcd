#include "engine/ops/allocate.h"

#include "engine/ops/busy_wait.h"
#include "engine/ops/free_pool_entry.h"
#include "engine/records/allocation.h"

static ntms_err attempt(struct engine *engine, struct allocation *a)
{
    OBJDB_TRANSACTION(engine->db, true, allocation_apply(engine->db, a));
}

/* Nothing allocatable but a medium in Free without its free label: it
 * gets one (once per call: a medium that stays unprepared is waited for
 * like any other). */
static bool prepared_one(struct engine *engine, const struct allocation *a, ntms_guid *tried)
{
    if (ntms_guid_is_null(&a->unprepared) || ntms_guid_equal(&a->unprepared, tried))
        return false;
    *tried = a->unprepared;
    return free_pool_prepare(engine, &a->unprepared) == NTMS_OK;
}

ntms_err engine_allocate(struct engine *engine, const struct sec_caller *caller, const struct allocate_request *request,
                         ntms_guid *media_id, ntms_guid *allocated_from)
{
    struct allocation a = { .caller = caller, .pool = request->pool, .partition = request->partition,
                            .next_of = *media_id, .options = request->options };
    struct busy_wait wait;
    ntms_guid tried = ntms_guid_null;
    ntms_err status;

    busy_wait_start(&wait, request->timeout_ms);
    for (;;) {
        status = attempt(engine, &a);
        if (status != NTMS_E_MEDIA_UNAVAILABLE || !a.may_wait)
            break;
        if (prepared_one(engine, &a, &tried))
            continue;
        if (request->options & RSM_ALLOCATE_ERROR_IF_UNAVAILABLE)
            break;
        if (!busy_wait_again(&wait))
            return NTMS_E_TIMEOUT;
    }
    if (status == NTMS_OK) {
        *media_id = a.logical_media;
        *allocated_from = a.allocated_from;
        objdb_signal_completion(engine->db, RSM_LOGICAL_MEDIA, media_id);
    }
    return status;
}
