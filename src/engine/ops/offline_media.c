#include "engine/ops/offline_media.h"

#include "engine/core/owner.h"
#include "engine/core/record_lookup.h"
#include "engine/ops/inventory.h"
#include "engine/ops/media_sides.h"
#include "engine/records/library_requests.h"
#include "engine/records/operator_requests.h"

static bool online_library(const struct rsm_object *o, const void *unused)
{
    (void)unused;
    return o->info.library.library_type == RSM_LIBRARYTYPE_ONLINE && o->operational_state == RSM_READY
        && o->enabled;
}

ntms_err offline_target_library(struct engine *engine, const ntms_guid *ids, uint32_t count, ntms_guid *library)
{
    struct media_side side;
    struct rsm_object found;

    for (uint32_t i = 0; i < count; i++)
        if (media_side_resolve(engine, &ids[i], &side) == NTMS_OK && media_side_in_a_library(engine, &side) == NTMS_OK) {
            *library = side.media.info.media.current_library;
            return NTMS_OK;
        }
    ntms_err status = objdb_begin_read(engine->db);
    if (status != NTMS_OK)
        return status;
    status = records_find(engine->db, RSM_LIBRARY, online_library, NULL, &found);
    objdb_abort(engine->db);
    if (status == NTMS_OK)
        *library = found.id;
    return status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_E_MEDIA_OFFLINE : status;
}

static ntms_err ask(struct offline_wait *w, const struct media_side *side)
{
    struct rsm_owner waiter = owner_of_session(w->session);

    return opreq_raise(w->engine, w->session, &waiter, RSM_OPREQ_MOVEMEDIA, &side->media.id, &w->library,
                       &w->operator_request);
}

static bool call_still_wanted(struct offline_wait *w)
{
    struct rsm_object request;

    if (w->session && !session_serial_open(w->session->serial))
        return false;
    return engine_get_object(w->engine, &w->call_request, &request) == NTMS_OK
        && !lib_request_finished(request.info.lib_request.state);
}

/* The medium in a library now? NTMS_E_MEDIA_OFFLINE when not. */
static ntms_err arrived(struct offline_wait *w, const ntms_guid *id, struct media_side *side)
{
    ntms_err status = media_side_resolve(w->engine, id, side);

    return status == NTMS_OK ? media_side_in_a_library(w->engine, side) : status;
}

/* The operator's answer: satisfied (the library is looked at, the medium
 * found or asked for again), refused, or gone (asked for again). */
static ntms_err answer(struct offline_wait *w, const ntms_guid *id, struct media_side *side)
{
    uint32_t state = RSM_OPSTATE_UNKNOWN;
    ntms_err status = engine_operator_request_state(w->engine, &w->operator_request, &state);

    if (status == NTMS_E_OBJECT_NOT_FOUND)
        return ask(w, side);
    if (status != NTMS_OK || opreq_outstanding(state))
        return status;
    if (state == RSM_OPSTATE_REFUSED)
        return NTMS_E_CANCELLED;
    engine_inventory(w->engine, &w->library, RSM_INVENTORY_FAST);   /* the operator says it is there */
    status = arrived(w, id, side);
    return status == NTMS_E_MEDIA_OFFLINE ? ask(w, side) : status;
}

ntms_err offline_medium_wait(struct offline_wait *w, const ntms_guid *id)
{
    struct media_side side;
    ntms_err status = arrived(w, id, &side);

    if (status != NTMS_E_MEDIA_OFFLINE)
        return status;
    for (status = ask(w, &side); status == NTMS_OK;) {
        if (!call_still_wanted(w)) {
            status = NTMS_E_CANCELLED;
            break;
        }
        if ((status = arrived(w, id, &side)) != NTMS_E_MEDIA_OFFLINE)
            break;
        if ((status = answer(w, id, &side)) != NTMS_OK)
            break;
        if ((status = arrived(w, id, &side)) != NTMS_E_MEDIA_OFFLINE)
            break;
        status = busy_wait_for_change(w->wait, w->engine->db) ? NTMS_OK : NTMS_E_TIMEOUT;
    }
    if (status == NTMS_OK)
        opreq_progress(w->engine, &w->operator_request, RSM_OPSTATE_INPROGRESS);
    else if (status != NTMS_E_CANCELLED || !call_still_wanted(w))
        opreq_withdraw(w->engine, &w->operator_request);   /* nobody waits for it any more */
    return status;
}

void offline_wait_done(struct offline_wait *w)
{
    if (!ntms_guid_is_null(&w->operator_request))
        opreq_progress(w->engine, &w->operator_request, RSM_OPSTATE_COMPLETE);
}
