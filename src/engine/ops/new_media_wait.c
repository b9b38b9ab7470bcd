#include "engine/ops/new_media_wait.h"

#include "engine/core/owner.h"
#include "engine/records/library_requests.h"
#include "engine/records/operator_requests.h"

void new_media_wait_init(struct new_media_wait *w, struct engine *engine, const struct ntms_session *session,
                         const ntms_guid *pool, uint32_t timeout_ms)
{
    w->engine = engine;
    w->session = session;
    w->pool = *pool;
    w->request = w->operator_request = ntms_guid_null;
    w->tried_after_satisfaction = false;
    busy_wait_start(&w->wait, timeout_ms);
}

static ntms_err ask(struct new_media_wait *w)
{
    struct rsm_owner waiter = owner_of_session(w->session);

    return opreq_raise(w->engine, w->session, &waiter, RSM_OPREQ_NEWMEDIA, &w->pool, NULL, &w->operator_request);
}

static ntms_err start(struct new_media_wait *w)
{
    struct rsm_owner owner = owner_of_session(w->session);
    struct lib_request_start request = { .operation = RSM_LM_ALLOCATE, .queued = true };
    ntms_err status = lib_request_open(w->engine, w->session, &owner, &request, &w->request);

    return status == NTMS_OK ? ask(w) : status;
}

/* The operator's answer so far: none yet, satisfied (try again; a new
 * request when the try finds nothing), refused, or gone (asked again). */
static ntms_err answer(struct new_media_wait *w, bool *satisfied)
{
    uint32_t state = RSM_OPSTATE_UNKNOWN;
    ntms_err status = engine_operator_request_state(w->engine, &w->operator_request, &state);

    *satisfied = false;
    if (status == NTMS_E_OBJECT_NOT_FOUND)
        return ask(w);
    if (status != NTMS_OK)
        return status;
    *satisfied = state == RSM_OPSTATE_COMPLETE;
    return state == RSM_OPSTATE_REFUSED ? NTMS_E_CANCELLED : NTMS_OK;
}

static bool call_still_wanted(struct new_media_wait *w)
{
    struct rsm_object request;

    if (w->session && !session_serial_open(w->session->serial))
        return false;
    return engine_get_object(w->engine, &w->request, &request) == NTMS_OK
        && !lib_request_finished(request.info.lib_request.state);
}

ntms_err new_media_wait_next(struct new_media_wait *w)
{
    bool satisfied = false;
    ntms_err status = NTMS_OK;

    if (!new_media_waiting(w))
        status = start(w);
    else if (w->tried_after_satisfaction)
        status = ask(w);   /* satisfied, tried, still nothing: asked again */
    w->tried_after_satisfaction = false;
    if (status != NTMS_OK)
        return status;
    if (!busy_wait_for_change(&w->wait, w->engine->db))
        return NTMS_E_TIMEOUT;
    if (!call_still_wanted(w))
        return NTMS_E_CANCELLED;
    status = answer(w, &satisfied);
    w->tried_after_satisfaction = satisfied;
    return status;
}

ntms_err new_media_wait_check_in(struct objdb *db, const struct new_media_wait *w)
{
    return new_media_waiting(w) ? lib_request_still_wanted(db, &w->request) : NTMS_OK;
}

ntms_err new_media_wait_allocated_in(struct objdb *db, const struct new_media_wait *w)
{
    struct rsm_object request;
    ntms_err status;

    if (!new_media_waiting(w))
        return NTMS_OK;
    if ((status = objdb_get(db, &w->request, &request)) == NTMS_OK
        && (status = lib_request_finish(db, &request, RSM_LM_PASSED, NTMS_OK)) == NTMS_OK)
        status = opreq_progress_in(db, &w->operator_request, RSM_OPSTATE_COMPLETE);
    return status;
}

void new_media_wait_end(struct new_media_wait *w, ntms_err result)
{
    uint32_t state = RSM_OPSTATE_UNKNOWN;

    if (!new_media_waiting(w))
        return;
    lib_request_close(w->engine, &w->request, result, NULL);
    if (engine_operator_request_state(w->engine, &w->operator_request, &state) == NTMS_OK && opreq_outstanding(state))
        opreq_withdraw(w->engine, &w->operator_request);   /* nobody waits for it any more */
}
