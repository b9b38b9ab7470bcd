#include "engine/records/enabled.h"

#include "engine/records/media_records.h"

/* A medium's sides follow it: a disabled medium's sides cannot be used. */
static ntms_err toggle_sides(struct objdb *db, const ntms_guid *media, int enabled)
{
    struct media_sides sides;
    ntms_err status = media_sides_of(db, media, &sides);

    for (size_t i = 0; status == NTMS_OK && i < sides.count; i++) {
        sides.side[i].enabled = enabled ? 1 : 0;
        status = objdb_put(db, &sides.side[i]);
    }
    return status;
}

static ntms_err toggle(struct objdb *db, uint32_t type, const ntms_guid *id, int enabled)
{
    struct rsm_object o;

    if (objdb_get(db, id, &o) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;
    if (o.type != type)
        return NTMS_E_INVALID_PARAMETER;
    if (type == RSM_LIBRARY && o.info.library.library_type == RSM_LIBRARYTYPE_OFFLINE)
        return NTMS_E_LIBRARY_OFFLINE;   /* the offline library cannot be toggled */
    if (!o.enabled == !enabled)
        return NTMS_E_INVALID_STATE;
    o.enabled = enabled ? 1 : 0;
    ntms_err status = objdb_put(db, &o);
    if (status == NTMS_OK && type == RSM_PHYSICAL_MEDIA)
        status = toggle_sides(db, id, enabled);
    return status;
}

ntms_err records_set_enabled(struct engine *engine, uint32_t type, const ntms_guid *id, int enabled)
{
    OBJDB_TRANSACTION(engine->db, 1, toggle(engine->db, type, id, enabled));
}
