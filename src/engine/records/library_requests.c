#include "engine/records/library_requests.h"

#include <string.h>

#include "engine/core/wstr.h"
#include "engine/records/mount_queue.h"
#include "engine/records/request_purge.h"
#include "platform/plat_random.h"

static ntms_err get_request(struct objdb *db, const ntms_guid *id, struct rsm_object *o)
{
    if (objdb_get(db, id, o) != NTMS_OK || o->type != RSM_LIBREQUEST)
        return NTMS_E_OBJECT_NOT_FOUND;
    return NTMS_OK;
}

/* ---- a call's request ---- */

static ntms_err new_request(const struct ntms_session *session, const struct rsm_owner *owner,
                            const struct lib_request_start *start, struct rsm_object *o)
{
    struct rsm_lib_request *r = &o->info.lib_request;
    ntms_err status;

    memset(o, 0, sizeof(*o));
    o->type = RSM_LIBREQUEST;
    o->enabled = 1;
    if ((status = ntms_guid_generate(&o->id)) != NTMS_OK || (status = ntms_guid_generate(&r->work_item)) != NTMS_OK)
        return status;
    r->operation_code = start->operation;
    r->operation_option = start->option;
    r->state = start->queued ? RSM_LM_QUEUED : RSM_LM_INPROCESS;
    r->library = start->library;
    r->partition = start->partition;
    r->physical_media = start->physical_media;
    r->priority = (uint32_t)start->priority;
    r->waits_for_drive = start->queued && start->waits_for_drive;
    r->time_queued = objdb_now();
    r->requested_by = *owner;
    WSTR_SET(r->application, session ? session->application : "Removable Storage");
    if (session) {
        WSTR_SET(r->user, session->user);
        WSTR_SET(r->computer, session->computer);
    }
    return NTMS_OK;
}

static ntms_err record_new(struct objdb *db, const struct ntms_session *session, const struct rsm_owner *owner,
                           const struct lib_request_start *start, ntms_guid *id)
{
    struct rsm_object o;
    ntms_err status = requests_purge(db);

    if (status == NTMS_OK)
        status = new_request(session, owner, start, &o);
    if (status != NTMS_OK)
        return status;
    *id = o.id;
    return mount_queued(&o) ? mount_queue_insert(db, &o) : objdb_put(db, &o);
}

ntms_err lib_request_open(struct engine *engine, const struct ntms_session *session, const struct rsm_owner *owner,
                          const struct lib_request_start *start, ntms_guid *id)
{
    OBJDB_TRANSACTION(engine->db, true, record_new(engine->db, session, owner, start, id));
}

/* The request, still wanted: queued or in process. */
static ntms_err wanted(struct objdb *db, const ntms_guid *id, struct rsm_object *o)
{
    if (get_request(db, id, o) != NTMS_OK || lib_request_finished(o->info.lib_request.state))
        return NTMS_E_CANCELLED;
    return NTMS_OK;
}

ntms_err lib_request_still_wanted(struct objdb *db, const ntms_guid *id)
{
    struct rsm_object o;

    return wanted(db, id, &o);
}

static ntms_err take_turn(struct objdb *db, const ntms_guid *id, bool *went)
{
    struct rsm_object o;
    ntms_err status = wanted(db, id, &o);

    *went = false;
    if (status != NTMS_OK || o.info.lib_request.state != RSM_LM_QUEUED) {
        *went = status == NTMS_OK;
        return status;
    }
    if (mount_queued(&o) && mount_queue_blocked(db, &o))
        return NTMS_OK;
    if (mount_queued(&o) && (status = mount_queue_leave(db, &o)) != NTMS_OK)
        return status;
    o.info.lib_request.state = RSM_LM_INPROCESS;   /* waits_for_drive kept: see mount_queue_blocked */
    *went = true;
    return objdb_put(db, &o);
}

ntms_err lib_request_take_turn(struct engine *engine, const ntms_guid *id, bool *went)
{
    OBJDB_TRANSACTION(engine->db, true, take_turn(engine->db, id, went));
}

static ntms_err requeue(struct objdb *db, const ntms_guid *id, bool waits_for_drive)
{
    struct rsm_object o;
    ntms_err status = wanted(db, id, &o);

    if (status != NTMS_OK)
        return status;
    o.info.lib_request.state = RSM_LM_QUEUED;
    o.info.lib_request.waits_for_drive = waits_for_drive;
    return mount_queued(&o) ? mount_queue_place(db, &o, 1) : objdb_put(db, &o);
}

ntms_err lib_request_requeue(struct engine *engine, const ntms_guid *id, bool waits_for_drive)
{
    OBJDB_TRANSACTION(engine->db, true, requeue(engine->db, id, waits_for_drive));
}

static ntms_err waits_for(struct objdb *db, const ntms_guid *id, bool waits_for_drive)
{
    struct rsm_object o;
    ntms_err status = wanted(db, id, &o);

    if (status != NTMS_OK || o.info.lib_request.waits_for_drive == (uint32_t)waits_for_drive)
        return status;
    o.info.lib_request.waits_for_drive = waits_for_drive;
    return objdb_put(db, &o);
}

ntms_err lib_request_waits_for(struct engine *engine, const ntms_guid *id, bool waits_for_drive)
{
    OBJDB_TRANSACTION(engine->db, true, waits_for(engine->db, id, waits_for_drive));
}

ntms_err lib_request_finish(struct objdb *db, struct rsm_object *request, uint32_t state, ntms_err error)
{
    ntms_err status = mount_queued(request) ? mount_queue_leave(db, request) : NTMS_OK;
    struct rsm_lib_request *r = &request->info.lib_request;

    r->state = state;
    r->error_code = error;
    r->time_completed = objdb_now();
    r->waits_for_drive = 0;
    return status == NTMS_OK ? objdb_put(db, request) : status;
}

static ntms_err close_request(struct objdb *db, const ntms_guid *id, ntms_err result, const ntms_guid *drive)
{
    struct rsm_object o;

    if (get_request(db, id, &o) != NTMS_OK || lib_request_finished(o.info.lib_request.state))
        return NTMS_OK;   /* cancelled meanwhile: it stays so */
    if (o.info.lib_request.state == RSM_LM_QUEUED && result != NTMS_OK) {
        ntms_err status = mount_queued(&o) ? mount_queue_leave(db, &o) : NTMS_OK;
        return status == NTMS_OK ? objdb_delete(db, id) : status;   /* waited in vain: no trace */
    }
    if (drive && !ntms_guid_is_null(drive))
        o.info.lib_request.drive = *drive;
    uint32_t state = result == NTMS_OK ? RSM_LM_PASSED
                   : result == NTMS_E_CANCELLED || result == NTMS_E_TIMEOUT ? RSM_LM_CANCELLED : RSM_LM_FAILED;
    return lib_request_finish(db, &o, state, result);
}

ntms_err lib_request_close(struct engine *engine, const ntms_guid *id, ntms_err result, const ntms_guid *drive)
{
    OBJDB_TRANSACTION(engine->db, true, close_request(engine->db, id, result, drive));
}

/* ---- CancelNtmsLibraryRequest, Get/SetNtmsRequestOrder ---- */

static ntms_err cancel(struct objdb *db, const ntms_guid *id)
{
    struct rsm_object o;

    if (get_request(db, id, &o) != NTMS_OK || lib_request_finished(o.info.lib_request.state))
        return NTMS_E_OBJECT_NOT_FOUND;
    if (o.info.lib_request.state == RSM_LM_INPROCESS)
        return NTMS_E_ACCESS_DENIED;   /* the robot is working on it */
    return lib_request_finish(db, &o, RSM_LM_CANCELLED, NTMS_E_CANCELLED);
}

ntms_err engine_cancel_library_request(struct engine *engine, const ntms_guid *id)
{
    OBJDB_TRANSACTION(engine->db, true, cancel(engine->db, id));
}

static ntms_err read_order(struct objdb *db, const ntms_guid *id, uint32_t *order)
{
    struct rsm_object o;
    ntms_err status = get_request(db, id, &o);

    if (status == NTMS_OK)
        *order = mount_queued(&o) ? o.info.lib_request.order : 0;
    return status;
}

ntms_err engine_get_request_order(struct engine *engine, const ntms_guid *id, uint32_t *order)
{
    OBJDB_TRANSACTION(engine->db, false, read_order(engine->db, id, order));
}

static ntms_err write_order(struct objdb *db, const ntms_guid *id, uint32_t order)
{
    struct rsm_object o;
    ntms_err status = get_request(db, id, &o);

    if (status != NTMS_OK)
        return status;
    if (order == 0 || !mount_queued(&o) || o.info.lib_request.order == 0)
        return NTMS_E_INVALID_PARAMETER;
    return mount_queue_place(db, &o, order);
}

ntms_err engine_set_request_order(struct engine *engine, const ntms_guid *id, uint32_t order)
{
    OBJDB_TRANSACTION(engine->db, true, write_order(engine->db, id, order));
}
