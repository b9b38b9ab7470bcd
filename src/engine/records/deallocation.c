#include "engine/records/deallocation.h"

#include "engine/records/logical_media.h"
#include "engine/records/media_records.h"
#include "engine/records/object_security.h"
#include "engine/records/system_objects.h"

static bool spent(const struct rsm_object *pool, const struct rsm_object *side)
{
    uint32_t limit = pool->info.pool.max_allocates;
    return limit && side->info.partition.allocate_count >= limit;
}

static bool any_side_held(const struct media_sides *sides)
{
    for (size_t i = 0; i < sides->count; i++) {
        uint32_t state = sides->side[i].info.partition.state;
        if (state == RSM_PARTSTATE_ALLOCATED || state == RSM_PARTSTATE_COMPLETE)
            return true;
    }
    return false;
}

static bool all_sides_available(const struct media_sides *sides)
{
    for (size_t i = 0; i < sides->count; i++)
        if (sides->side[i].info.partition.state != RSM_PARTSTATE_AVAILABLE)
            return false;
    return true;
}

/* Sides reserved by NTMS_ALLOCATE_NEW are free again once the medium is. */
static ntms_err release_reserved(struct objdb *db, struct media_sides *sides)
{
    ntms_err status = NTMS_OK;

    if (any_side_held(sides))
        return NTMS_OK;
    for (size_t i = 0; i < sides->count && status == NTMS_OK; i++) {
        if (sides->side[i].info.partition.state == RSM_PARTSTATE_RESERVED) {
            sides->side[i].info.partition.state = RSM_PARTSTATE_AVAILABLE;
            status = objdb_put(db, &sides->side[i]);
        }
    }
    return status;
}

/* TOSCRATCH: into Free of its media type, UNPREPARED where a free label
 * can be written on it (an offline medium has nothing to write). */
static ntms_err return_to_free(struct objdb *db, struct deallocation *d, struct rsm_object *media,
                               struct media_sides *sides)
{
    ntms_guid free;
    ntms_err status = system_pool(db, RSM_POOLTYPE_SCRATCH, &media->info.media.media_type, &free);

    if (status == NTMS_OK)
        status = object_access_check(db, d->caller, &free, RSM_USE_ACCESS);
    if (status != NTMS_OK)
        return status;
    d->needs_label = media_label_writable(db, media);
    for (size_t i = 0; i < sides->count && status == NTMS_OK && d->needs_label; i++) {
        sides->side[i].info.partition.state = RSM_PARTSTATE_UNPREPARED;
        status = objdb_put(db, &sides->side[i]);
    }
    media->info.media.media_pool = free;
    return status == NTMS_OK ? objdb_put(db, media) : status;
}

static ntms_err release(struct objdb *db, struct deallocation *d, const struct rsm_object *pool,
                        struct rsm_object *media)
{
    struct media_sides sides;
    ntms_err status = media_sides_of(db, &media->id, &sides);

    for (size_t i = 0; status == NTMS_OK && i < sides.count; i++) {
        struct rsm_object *side = &sides.side[i];
        if (!ntms_guid_equal(&side->info.partition.logical_media, &d->logical_media))
            continue;
        if ((status = logical_media_release(db, side)) != NTMS_OK)
            return status;
        side->info.partition.state = spent(pool, side) ? RSM_PARTSTATE_DECOMMISSIONED : RSM_PARTSTATE_AVAILABLE;
        status = objdb_put(db, side);
    }
    if (status == NTMS_OK)
        status = release_reserved(db, &sides);
    if (status == NTMS_OK && (pool->info.pool.deallocation_policy & RSM_DEALLOCATE_TOSCRATCH)
        && all_sides_available(&sides))
        status = return_to_free(db, d, media, &sides);
    return status;
}

ntms_err deallocation_apply(struct objdb *db, struct deallocation *d)
{
    struct rsm_object lmid, side, media, pool;
    ntms_err status = logical_media_get(db, &d->logical_media, &lmid, &side);

    d->needs_label = false;
    if (status != NTMS_OK)
        return status;
    if (objdb_get(db, &side.info.partition.physical_media, &media) != NTMS_OK)
        return NTMS_E_INVALID_MEDIA;
    d->media = media.id;
    if (objdb_get(db, &media.info.media.media_pool, &pool) != NTMS_OK || pool.type != RSM_MEDIA_POOL)
        return NTMS_E_INVALID_MEDIA_POOL;
    if ((status = object_access_check(db, d->caller, &pool.id, RSM_CONTROL_ACCESS)) != NTMS_OK)
        return status;
    uint32_t state = side.info.partition.state;
    if ((state != RSM_PARTSTATE_ALLOCATED && state != RSM_PARTSTATE_COMPLETE) || media_in_use(db, &media.id))
        return NTMS_E_INVALID_STATE;
    return release(db, d, &pool, &media);
}
