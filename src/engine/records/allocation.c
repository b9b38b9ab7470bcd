#include "engine/records/allocation.h"

#include <string.h>

#include "engine/records/allocation_search.h"
#include "engine/records/logical_media.h"
#include "engine/records/media_records.h"
#include "engine/records/object_security.h"
#include "engine/records/system_objects.h"

/* Only application pools allocate; allocating takes control of the pool. */
static ntms_err target_pool(struct objdb *db, const struct allocation *a, struct rsm_object *pool)
{
    if (objdb_get(db, &a->pool, pool) != NTMS_OK || pool->type != RSM_MEDIA_POOL
        || pool->info.pool.pool_type != RSM_POOLTYPE_APPLICATION)
        return NTMS_E_INVALID_MEDIA_POOL;
    return object_access_check(db, a->caller, &pool->id, RSM_CONTROL_ACCESS);
}

/* The medium joins the pool (its logical media with it: both sides of a
 * medium are always in one pool). */
static ntms_err into_pool(struct objdb *db, struct rsm_object *media, struct media_sides *sides,
                          const ntms_guid *pool)
{
    ntms_err status = NTMS_OK;
    struct rsm_object lmid;

    if (ntms_guid_equal(&media->info.media.media_pool, pool))
        return NTMS_OK;
    media->info.media.media_pool = *pool;
    for (size_t i = 0; i < sides->count && status == NTMS_OK; i++) {
        const ntms_guid *named = &sides->side[i].info.partition.logical_media;
        if (!ntms_guid_is_null(named) && objdb_get(db, named, &lmid) == NTMS_OK) {
            lmid.info.logical_media.media_pool = *pool;
            status = objdb_put(db, &lmid);
        }
    }
    return status == NTMS_OK ? objdb_put(db, media) : status;
}

/* Side `which` allocated to a new logical medium of the pool. */
static ntms_err take(struct objdb *db, struct allocation *a, struct rsm_object *media, struct media_sides *sides,
                     size_t which)
{
    a->allocated_from = media->info.media.media_pool;
    ntms_err status = into_pool(db, media, sides, &a->pool);
    struct rsm_object *side = &sides->side[which];

    side->info.partition.state = RSM_PARTSTATE_ALLOCATED;
    side->info.partition.allocate_count++;
    if (status == NTMS_OK)
        status = logical_media_create(db, NULL, &a->pool, side);
    if (status == NTMS_OK)
        status = objdb_put(db, side);
    a->logical_media = side->info.partition.logical_media;
    for (size_t i = 0; i < sides->count && status == NTMS_OK && (a->options & RSM_ALLOCATE_NEW); i++) {
        struct rsm_partition *other = &sides->side[i].info.partition;
        if (i != which && other->state == RSM_PARTSTATE_AVAILABLE) {
            other->state = RSM_PARTSTATE_RESERVED;   /* for this application's NEXT */
            status = objdb_put(db, &sides->side[i]);
        }
    }
    return status;
}

/* ---- NTMS_ALLOCATE_NEXT ---- */

/* The side `id` names: a logical medium's, or the side itself. */
static ntms_err side_named(struct objdb *db, const ntms_guid *id, struct rsm_object *side)
{
    struct rsm_object lmid;

    if (logical_media_get(db, id, &lmid, side) == NTMS_OK)
        return NTMS_OK;
    return objdb_get(db, id, side) == NTMS_OK && side->type == RSM_PARTITION ? NTMS_OK : NTMS_E_INVALID_MEDIA;
}

static ntms_err allocate_next(struct objdb *db, struct allocation *a)
{
    struct rsm_object side, media;
    struct media_sides sides;
    ntms_err status = side_named(db, &a->next_of, &side);

    if (status != NTMS_OK)
        return status;
    if (objdb_get(db, &side.info.partition.physical_media, &media) != NTMS_OK
        || !ntms_guid_equal(&media.info.media.media_pool, &a->pool))
        return NTMS_E_INVALID_MEDIA;
    if ((status = media_sides_of(db, &media.id, &sides)) != NTMS_OK)
        return status;
    for (size_t i = 0; i < sides.count; i++)
        if (sides.side[i].info.partition.state == RSM_PARTSTATE_RESERVED)
            return take(db, a, &media, &sides, i);
    return NTMS_E_MEDIA_UNAVAILABLE;   /* every side is allocated already */
}

/* ---- a side the caller names ---- */

/* A medium from another pool: Free gives up media to use access, other
 * pools to control (RSM's rule for moves); both sides of a medium are in
 * one pool, so none may be held by another application. */
static ntms_err may_take_from(struct objdb *db, const struct allocation *a, const struct rsm_object *media,
                              const struct media_sides *sides)
{
    struct rsm_object from;

    if (ntms_guid_equal(&media->info.media.media_pool, &a->pool))
        return NTMS_OK;
    if (objdb_get(db, &media->info.media.media_pool, &from) != NTMS_OK || from.type != RSM_MEDIA_POOL
        || from.info.pool.pool_type == RSM_POOLTYPE_FOREIGN)
        return NTMS_E_INVALID_MEDIA_POOL;
    for (size_t i = 0; i < sides->count; i++)
        if (media_side_in_use(sides->side[i].info.partition.state))
            return NTMS_E_INVALID_STATE;
    bool from_free = from.info.pool.pool_type == RSM_POOLTYPE_SCRATCH;
    return object_access_check(db, a->caller, &from.id, from_free ? RSM_USE_ACCESS : RSM_CONTROL_ACCESS);
}

static ntms_err allocate_named(struct objdb *db, struct allocation *a, const struct rsm_object *pool)
{
    struct rsm_object side, media;
    struct media_sides sides;
    ntms_err status;

    if (objdb_get(db, a->partition, &side) != NTMS_OK || side.type != RSM_PARTITION
        || objdb_get(db, &side.info.partition.physical_media, &media) != NTMS_OK)
        return NTMS_E_INVALID_MEDIA;
    uint32_t state = side.info.partition.state;
    if ((state != RSM_PARTSTATE_AVAILABLE && state != RSM_PARTSTATE_IMPORT) || !side.enabled || !media.enabled)
        return NTMS_E_INVALID_STATE;
    if (!media_online(db, &media))
        return NTMS_E_MEDIA_OFFLINE;
    if (!ntms_guid_is_null(&pool->info.pool.media_type)
        && !ntms_guid_equal(&pool->info.pool.media_type, &media.info.media.media_type))
        return NTMS_E_MEDIA_INCOMPATIBLE;
    if ((status = media_sides_of(db, &media.id, &sides)) != NTMS_OK
        || (status = may_take_from(db, a, &media, &sides)) != NTMS_OK)
        return status;
    for (size_t i = 0; i < sides.count; i++)
        if (ntms_guid_equal(&sides.side[i].id, &side.id))
            return take(db, a, &media, &sides, i);
    return NTMS_E_DATABASE_FAILURE;   /* a side its medium does not list */
}

/* ---- searched ---- */

static ntms_err allocate_searched(struct objdb *db, struct allocation *a, const struct rsm_object *pool)
{
    struct allocation_pick pick;
    bool whole = (a->options & RSM_ALLOCATE_NEW) != 0;
    ntms_err status;

    memset(&pick, 0, sizeof(pick));
    status = allocation_search_pool(db, &pool->id, whole, false, &pick);
    const ntms_guid *type = &pool->info.pool.media_type;
    if (status == NTMS_OK && !pick.found && (pool->info.pool.allocation_policy & RSM_ALLOCATE_FROMSCRATCH)
        && !ntms_guid_is_null(type)) {
        ntms_guid free;
        if ((status = system_pool(db, RSM_POOLTYPE_SCRATCH, type, &free)) == NTMS_OK
            && (status = object_access_check(db, a->caller, &free, RSM_USE_ACCESS)) == NTMS_OK)
            status = allocation_search_pool(db, &free, true, true, &pick);   /* a medium moves whole */
    }
    if (status != NTMS_OK)
        return status;
    if (pick.found)
        return take(db, a, &pick.media, &pick.sides, pick.side);
    if (pick.offline_seen)
        return NTMS_E_MEDIA_OFFLINE;
    a->may_wait = true;
    a->unprepared = pick.unprepared;
    return NTMS_E_MEDIA_UNAVAILABLE;
}

ntms_err allocation_apply(struct objdb *db, struct allocation *a)
{
    struct rsm_object pool;
    ntms_err status = target_pool(db, a, &pool);

    a->may_wait = false;
    a->unprepared = ntms_guid_null;
    a->logical_media = a->allocated_from = ntms_guid_null;
    if (status != NTMS_OK)
        return status;
    if (a->options & RSM_ALLOCATE_NEXT)
        return allocate_next(db, a);
    if (a->partition)
        return allocate_named(db, a, &pool);
    return allocate_searched(db, a, &pool);
}
