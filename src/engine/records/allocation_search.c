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

/* The pool's sides in one scan of the store, sorted by medium, so that
 * each medium finds its own in O(log n). */
static int by_id(const struct rsm_object *a, const struct rsm_object *b)
{
    return memcmp(&a->id, &b->id, sizeof(ntms_guid));
}

static int by_medium(const struct rsm_object *a, const struct rsm_object *b)
{
    return memcmp(&a->info.partition.physical_media, &b->info.partition.physical_media, sizeof(ntms_guid));
}

static bool side_of_listed_media(const struct rsm_object *side, const void *media_by_id)
{
    struct rsm_object probe;

    probe.id = side->info.partition.physical_media;
    return record_list_search(media_by_id, by_id, &probe) != NULL;
}

static void sides_from(const struct record_list *all, const ntms_guid *media, struct media_sides *sides)
{
    struct rsm_object probe;
    const struct rsm_object *hit;

    sides->count = 0;
    probe.info.partition.physical_media = *media;
    if (!(hit = record_list_search(all, by_medium, &probe)))
        return;
    while (hit > all->items && !by_medium(hit - 1, &probe))
        hit--;
    for (; hit < all->items + all->count && !by_medium(hit, &probe) && sides->count < MEDIA_SIDES_MAX; hit++)
        sides->side[sides->count++] = *hit;
    if (sides->count == 2 && sides->side[0].info.partition.side > sides->side[1].info.partition.side) {
        struct rsm_object first = sides->side[0];
        sides->side[0] = sides->side[1];
        sides->side[1] = first;
    }
}

static void consider(struct objdb *db, const struct rsm_object *media, const struct media_sides *sides, bool whole,
                     bool free, struct allocation_pick *pick)
{
    if (!media->enabled)
        return;
    int which = takeable_side(sides, whole);
    bool online = media_online(db, media);
    if (which < 0) {
        if (free && online && all_sides_unprepared(sides) && ntms_guid_is_null(&pick->unprepared))
            pick->unprepared = media->id;
        return;
    }
    if (!online) {
        pick->offline_seen = true;
        return;
    }
    if (better(pick, media, &sides->side[which])) {
        pick->found = true;
        pick->media = *media;
        pick->sides = *sides;
        pick->side = (size_t)which;
    }
}

ntms_err allocation_search_pool(struct objdb *db, const ntms_guid *pool, bool whole, bool free,
                                struct allocation_pick *pick)
{
    struct record_list media = { 0 }, sides = { 0 };
    struct media_sides of;
    ntms_err status = records_collect(db, RSM_PHYSICAL_MEDIA, media_of_pool, pool, &media);

    record_list_sort(&media, by_id);
    if (status == NTMS_OK && media.count)
        status = records_collect(db, RSM_PARTITION, side_of_listed_media, &media, &sides);
    record_list_sort(&sides, by_medium);
    for (size_t i = 0; status == NTMS_OK && i < media.count; i++) {
        sides_from(&sides, &media.items[i].id, &of);
        consider(db, &media.items[i], &of, whole, free, pick);
    }
    record_list_free(&media);
    record_list_free(&sides);
    return status;
}
