#include "engine/records/operator_display.h"

#include <stdlib.h>

#include "engine/records/system_objects.h"
#include "engine/records/ui_options.h"

static operator_display installed;

void engine_set_operator_display(operator_display display)
{
    installed = display;
}

/* The library a request concerns (its UI destinations count): a library
 * argument, else the library of the slot, drive, door or medium named. */
static ntms_guid library_of(struct engine *engine, const struct rsm_op_request *r)
{
    struct rsm_object o;

    if (r->arg2_type == RSM_LIBRARY)
        return r->arg2;
    if (r->arg1_type == RSM_LIBRARY)
        return r->arg1;
    if (r->arg1_type == RSM_UNKNOWN || engine_get_object(engine, &r->arg1, &o) != NTMS_OK)
        return ntms_guid_null;
    switch (o.type) {
    case RSM_STORAGESLOT:    return o.info.slot.library;
    case RSM_DRIVE:          return o.info.drive.library;
    case RSM_IEDOOR:         return o.info.iedoor.library;
    case RSM_PHYSICAL_MEDIA: return o.info.media.current_library;
    default:                 return ntms_guid_null;
    }
}

static bool alerts_wanted(struct engine *engine)
{
    struct rsm_object computer;
    ntms_guid id;
    ntms_err status = objdb_begin_read(engine->db);

    if (status != NTMS_OK)
        return false;
    if ((status = system_computer(engine->db, &id)) == NTMS_OK)
        status = objdb_get(engine->db, &id, &computer);
    objdb_abort(engine->db);
    return status != NTMS_OK || !(computer.info.computer.op_request_flags & RSM_OPREQFLAGS_NOALERTS);
}

static ntms_err activate(struct objdb *db, const ntms_guid *id)
{
    struct rsm_object o;

    if (objdb_get(db, id, &o) != NTMS_OK || o.info.op_request.state != RSM_OPSTATE_SUBMITTED)
        return NTMS_OK;   /* answered meanwhile */
    o.info.op_request.state = RSM_OPSTATE_ACTIVE;
    return objdb_put(db, &o);
}

static ntms_err mark_active(struct engine *engine, const ntms_guid *id)
{
    OBJDB_TRANSACTION(engine->db, true, activate(engine->db, id));
}

ntms_err opreq_show(struct engine *engine, const struct ntms_session *session, const ntms_guid *id)
{
    struct rsm_object request;
    size_t length = 0;

    if (!installed || !alerts_wanted(engine))
        return NTMS_OK;
    ntms_err status = engine_get_object(engine, id, &request);
    if (status != NTMS_OK)
        return status;
    ntms_guid library = library_of(engine, &request.info.op_request);
    wchar16 *destinations = malloc(UI_LIST_UNITS * sizeof(wchar16));
    if (!destinations)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    status = ui_request_destinations(engine, session, ntms_guid_is_null(&library) ? NULL : &library, destinations,
                                     UI_LIST_UNITS, &length);
    if (status == NTMS_OK && length && installed(&request, destinations, length))
        status = mark_active(engine, id);
    free(destinations);
    return status;
}
