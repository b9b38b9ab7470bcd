#include "engine/records/logical_media.h"

#include <string.h>

#include "engine/core/record_lookup.h"
#include "platform/plat_random.h"

static bool side_naming(const struct rsm_object *o, const void *lmid)
{
    return ntms_guid_equal(&o->info.partition.logical_media, lmid);
}

/* The side the record names; a logical medium written before the record
 * named its side is found by the side that names it. */
ntms_err logical_media_get(struct objdb *db, const ntms_guid *id, struct rsm_object *lmid, struct rsm_object *side)
{
    if (ntms_guid_is_null(id) || objdb_get(db, id, lmid) != NTMS_OK || lmid->type != RSM_LOGICAL_MEDIA)
        return NTMS_E_INVALID_MEDIA;
    const ntms_guid *named = &lmid->info.logical_media.partition;
    if (!ntms_guid_is_null(named) && objdb_get(db, named, side) == NTMS_OK && side->type == RSM_PARTITION
        && ntms_guid_equal(&side->info.partition.logical_media, id))
        return NTMS_OK;
    ntms_err status = records_find(db, RSM_PARTITION, side_naming, id, side);
    return status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_E_INVALID_MEDIA : status;
}

static ntms_err side_only(struct objdb *db, const ntms_guid *id, struct rsm_object *side)
{
    struct rsm_object lmid;
    return logical_media_get(db, id, &lmid, side);
}

ntms_err engine_logical_media_side(struct engine *engine, const ntms_guid *id, struct rsm_object *side)
{
    OBJDB_TRANSACTION(engine->db, false, side_only(engine->db, id, side));
}

ntms_err logical_media_create(struct objdb *db, const ntms_guid *id, const ntms_guid *pool, struct rsm_object *side)
{
    struct rsm_object lmid, existing;

    memset(&lmid, 0, sizeof(lmid));
    if (id && !ntms_guid_is_null(id)) {
        if (objdb_get(db, id, &existing) == NTMS_OK)
            return NTMS_E_INVALID_MEDIA;   /* ids are never reused */
        lmid.id = *id;
    } else {
        ntms_err status = ntms_guid_generate(&lmid.id);
        if (status != NTMS_OK)
            return status;
    }
    lmid.type = RSM_LOGICAL_MEDIA;
    lmid.enabled = 1;
    lmid.operational_state = RSM_READY;
    memcpy(lmid.name, side->name, sizeof(lmid.name));
    lmid.info.logical_media.media_pool = *pool;
    lmid.info.logical_media.number_of_partitions = 1;
    lmid.info.logical_media.partition = side->id;
    side->info.partition.logical_media = lmid.id;
    return objdb_put(db, &lmid);
}

ntms_err logical_media_release(struct objdb *db, struct rsm_object *side)
{
    ntms_guid *lmid = &side->info.partition.logical_media;
    ntms_err status = ntms_guid_is_null(lmid) ? NTMS_OK : objdb_delete(db, lmid);

    *lmid = ntms_guid_null;
    return status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_OK : status;
}
