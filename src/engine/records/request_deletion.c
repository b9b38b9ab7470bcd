#include "engine/records/request_deletion.h"

#include "engine/records/library_requests.h"
#include "engine/records/operator_requests.h"

static bool finished(const struct rsm_object *o)
{
    if (o->type == RSM_LIBREQUEST)
        return lib_request_finished(o->info.lib_request.state);
    return !opreq_outstanding(o->info.op_request.state);
}

static ntms_err delete_finished(struct objdb *db, const ntms_guid *ids, uint32_t count, uint32_t type)
{
    struct rsm_object o;
    ntms_err status = NTMS_OK;

    for (uint32_t i = 0; i < count && status == NTMS_OK; i++)
        if (objdb_get(db, &ids[i], &o) == NTMS_OK && o.type == type && finished(&o))
            status = objdb_delete(db, &o.id);
    return status;
}

ntms_err engine_delete_requests(struct engine *engine, const ntms_guid *ids, uint32_t count, uint32_t type)
{
    if (type != RSM_LIBREQUEST && type != RSM_OPREQUEST)
        return NTMS_E_INVALID_PARAMETER;
    OBJDB_TRANSACTION(engine->db, true, delete_finished(engine->db, ids, count, type));
}
