#include "engine/ops/allocate.h"

#include "engine/ops/busy_wait.h"
#include "engine/ops/free_pool_entry.h"
#include "engine/ops/new_media_wait.h"
#include "engine/records/allocation.h"

/* One try, one write transaction: a cancellation of the waiting call and
 * the allocation never both commit. */
static ntms_err try_in(struct objdb *db, struct allocation *a, const struct new_media_wait *w)
{
    ntms_err status = new_media_wait_check_in(db, w);

    if (status == NTMS_OK)
        status = allocation_apply(db, a);
    if (status == NTMS_OK)
        status = new_media_wait_allocated_in(db, w);
    return status;
}

static ntms_err attempt(struct engine *engine, struct allocation *a, const struct new_media_wait *w)
{
    OBJDB_TRANSACTION(engine->db, true, try_in(engine->db, a, w));
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
    struct new_media_wait wait;
    ntms_guid tried = ntms_guid_null;
    ntms_err status;

    new_media_wait_init(&wait, engine, request->session, &request->pool, request->timeout_ms);
    for (;;) {
        status = attempt(engine, &a, &wait);
        if (status != NTMS_E_MEDIA_UNAVAILABLE || !a.may_wait)
            break;
        if (prepared_one(engine, &a, &tried))
            continue;
        if (request->options & RSM_ALLOCATE_ERROR_IF_UNAVAILABLE)
            break;
        if (request->timeout_ms == 0) {
            status = NTMS_E_TIMEOUT;   /* [MS-RSMP]: 0 does not wait */
            break;
        }
        if ((status = new_media_wait_next(&wait)) != NTMS_OK)
            break;
    }
    if (status == NTMS_OK) {
        *media_id = a.logical_media;
        *allocated_from = a.allocated_from;
        objdb_signal_completion(engine->db, RSM_LOGICAL_MEDIA, media_id);
    } else {
        new_media_wait_end(&wait, status);
    }
    return status;
}
