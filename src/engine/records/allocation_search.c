#include "engine/records/allocation_search.h"

#include <string.h>

#include "engine/core/record_lookup.h"

static bool media_of_pool(const struct rsm_object *o, const void *pool)
{
    return ntms_guid_equal(&o->info.media.media_pool, pool);
}

static bool side_takeable(const struct rsm_object *side)
{
    return side->enabled && side->info.partition.state == RSM_PARTSTATE_AVAILABLE;
}

/* The first side that can be taken (`whole`: only when all can), or -1. */
static int takeable_side(const struct media_sides *sides, bool whole)
{
    int first = -1;

    for (size_t i = 0; i < sides->count; i++) {
        if (side_takeable(&sides->side[i])) {
            if (first < 0)
                first = (int)i;
        } else if (whole) {
            return -1;
        }
    }
    return first;
}

static bool all_sides_unprepared(const struct media_sides *sides)
{
    for (size_t i = 0; i < sides->count; i++)
        if (sides->side[i].info.partition.state != RSM_PARTSTATE_UNPREPARED)
            return false;
    return sides->count > 0;
}

/* Media allocated fewer times first (wear spreads), then by barcode. */
static bool better(const struct allocation_pick *pick, const struct rsm_object *media, const struct rsm_object *side)
{
    if (!pick->found)
        return true;
    uint32_t count = side->info.partition.allocate_count;
    uint32_t best = pick->sides.side[pick->side].info.partition.allocate_count;
    if (count != best)
        return count < best;
    return media_barcode_order(media, &pick->media) < 0;
}

static ntms_err consider(struct objdb *db, const struct rsm_object *media, bool whole, bool free,
                         struct allocation_pick *pick)
{
    struct media_sides sides;
    ntms_err status = media_sides_of(db, &media->id, &sides);

    if (status != NTMS_OK || !media->enabled)
        return status;
    int which = takeable_side(&sides, whole);
    bool online = media_online(db, media);
    if (which < 0) {
        if (free && online && all_sides_unprepared(&sides) && ntms_guid_is_null(&pick->unprepared))
            pick->unprepared = media->id;
        return NTMS_OK;
    }
    if (!online) {
        pick->offline_seen = true;
        return NTMS_OK;
    }
    if (better(pick, media, &sides.side[which])) {
        pick->found = true;
        pick->media = *media;
        pick->sides = sides;
        pick->side = (size_t)which;
    }
    return NTMS_OK;
}

ntms_err allocation_search_pool(struct objdb *db, const ntms_guid *pool, bool whole, bool free,
                                struct allocation_pick *pick)
{
    struct record_list media = { 0 };
    ntms_err status = records_collect(db, RSM_PHYSICAL_MEDIA, media_of_pool, pool, &media);

    for (size_t i = 0; status == NTMS_OK && i < media.count; i++)
        status = consider(db, &media.items[i], whole, free, pick);
    record_list_free(&media);
    return status;
}
