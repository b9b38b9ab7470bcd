#include "engine/records/side_states.h"

#include "engine/records/logical_media.h"
#include "engine/records/media_records.h"
#include "engine/records/object_security.h"

/* The pool a side's medium is in: it must exist; `rights` on it. */
static ntms_err side_pool(struct objdb *db, const struct sec_caller *caller, const struct rsm_object *side,
                          uint32_t rights, struct rsm_object *media)
{
    struct rsm_object pool;

    if (objdb_get(db, &side->info.partition.physical_media, media) != NTMS_OK)
        return NTMS_E_INVALID_MEDIA;
    if (objdb_get(db, &media->info.media.media_pool, &pool) != NTMS_OK || pool.type != RSM_MEDIA_POOL)
        return NTMS_E_INVALID_MEDIA_POOL;
    return object_access_check(db, caller, &pool.id, rights);
}

static ntms_err complete(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id)
{
    struct rsm_object lmid, side, media;
    ntms_err status = logical_media_get(db, id, &lmid, &side);

    if (status == NTMS_OK)
        status = side_pool(db, caller, &side, RSM_CONTROL_ACCESS, &media);
    if (status != NTMS_OK)
        return status;
    if (side.info.partition.state != RSM_PARTSTATE_ALLOCATED || media_in_use(db, &media.id))
        return NTMS_E_INVALID_STATE;
    side.info.partition.state = RSM_PARTSTATE_COMPLETE;
    return objdb_put(db, &side);
}

ntms_err engine_set_media_complete(struct engine *engine, const struct sec_caller *caller, const ntms_guid *lmid)
{
    OBJDB_TRANSACTION(engine->db, true, complete(engine->db, caller, lmid));
}

static ntms_err decommission(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id)
{
    struct rsm_object side, media;

    if (objdb_get(db, id, &side) != NTMS_OK || side.type != RSM_PARTITION)
        return NTMS_E_INVALID_MEDIA;
    ntms_err status = side_pool(db, caller, &side, RSM_CONTROL_ACCESS, &media);
    if (status != NTMS_OK)
        return status;
    if (side.info.partition.state != RSM_PARTSTATE_AVAILABLE)
        return NTMS_E_INVALID_STATE;
    side.info.partition.state = RSM_PARTSTATE_DECOMMISSIONED;
    return objdb_put(db, &side);
}

ntms_err engine_decommission_media(struct engine *engine, const struct sec_caller *caller, const ntms_guid *side)
{
    OBJDB_TRANSACTION(engine->db, true, decommission(engine->db, caller, side));
}

/* ---- SwapNtmsMedia ---- */

struct swapped {
    struct rsm_object lmid, side, media;
};

static ntms_err swappable(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id, struct swapped *s)
{
    ntms_err status = logical_media_get(db, id, &s->lmid, &s->side);

    if (status == NTMS_OK)
        status = side_pool(db, caller, &s->side, RSM_MODIFY_ACCESS, &s->media);
    if (status != NTMS_OK)
        return status;
    uint32_t state = s->side.info.partition.state;
    if (state != RSM_PARTSTATE_ALLOCATED && state != RSM_PARTSTATE_COMPLETE)
        return NTMS_E_INVALID_STATE;
    return media_in_use(db, &s->media.id) ? NTMS_E_INVALID_MEDIA : NTMS_OK;
}

static ntms_err swap(struct objdb *db, const struct sec_caller *caller, const ntms_guid *first, const ntms_guid *second)
{
    struct swapped a, b;
    ntms_err status;

    if (ntms_guid_equal(first, second))
        return NTMS_E_INVALID_MEDIA;
    if ((status = swappable(db, caller, first, &a)) != NTMS_OK || (status = swappable(db, caller, second, &b)) != NTMS_OK)
        return status;
    if (!ntms_guid_equal(&a.lmid.info.logical_media.media_pool, &b.lmid.info.logical_media.media_pool)
        || !ntms_guid_equal(&a.media.info.media.media_pool, &b.media.info.media.media_pool))
        return NTMS_E_INVALID_MEDIA_POOL;
    a.side.info.partition.logical_media = b.lmid.id;
    b.side.info.partition.logical_media = a.lmid.id;
    a.lmid.info.logical_media.partition = b.side.id;
    b.lmid.info.logical_media.partition = a.side.id;
    if ((status = objdb_put(db, &a.side)) == NTMS_OK && (status = objdb_put(db, &b.side)) == NTMS_OK
        && (status = objdb_put(db, &a.lmid)) == NTMS_OK)
        status = objdb_put(db, &b.lmid);
    return status;
}

ntms_err engine_swap_media(struct engine *engine, const struct sec_caller *caller, const ntms_guid *first,
                           const ntms_guid *second)
{
    OBJDB_TRANSACTION(engine->db, true, swap(engine->db, caller, first, second));
}
