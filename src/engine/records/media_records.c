#include "engine/records/media_records.h"

#include <stdio.h>
#include <string.h>

#include "engine/records/system_objects.h"
#include "engine/core/wstr.h"

static size_t trimmed_length(const wchar16 *s, size_t capacity)
{
    size_t n = wstr_length(s, capacity);

    while (n > 0 && s[n - 1] == ' ')
        n--;
    return n;
}

static wchar16 upper(wchar16 c)
{
    return c >= 'a' && c <= 'z' ? (wchar16)(c - 32) : c;
}

static bool same_barcode(const wchar16 *a, const wchar16 *b)
{
    size_t n = trimmed_length(a, RSM_BARCODE_LENGTH);

    if (!n || n != trimmed_length(b, RSM_BARCODE_LENGTH))
        return false;
    for (size_t i = 0; i < n; i++)
        if (upper(a[i]) != upper(b[i]))
            return false;
    return true;
}

struct barcode_search {
    const wchar16    *barcode;
    struct rsm_object media;
    bool              found;
};

static bool match_barcode(const struct rsm_object *o, void *context)
{
    struct barcode_search *s = context;

    if (!same_barcode(o->info.media.barcode, s->barcode))
        return true;
    s->media = *o;
    s->found = true;
    return false;
}

ntms_err media_find_by_barcode(struct objdb *db, const wchar16 *barcode, struct rsm_object *media)
{
    struct barcode_search s = { .barcode = barcode };
    ntms_err status = objdb_for_each(db, RSM_PHYSICAL_MEDIA, match_barcode, &s);

    if (status != NTMS_OK)
        return status;
    if (!s.found)
        return NTMS_E_OBJECT_NOT_FOUND;
    *media = s.media;
    return NTMS_OK;
}

struct side_search {
    const ntms_guid    *media;
    struct media_sides *sides;
};

static bool collect_side(const struct rsm_object *o, void *context)
{
    struct side_search *s = context;

    if (ntms_guid_equal(&o->info.partition.physical_media, s->media) && s->sides->count < MEDIA_SIDES_MAX)
        s->sides->side[s->sides->count++] = *o;
    return true;
}

ntms_err media_sides_of(struct objdb *db, const ntms_guid *media, struct media_sides *sides)
{
    struct side_search s = { media, sides };

    sides->count = 0;
    ntms_err status = objdb_for_each(db, RSM_PARTITION, collect_side, &s);
    if (sides->count == 2 && sides->side[0].info.partition.side > sides->side[1].info.partition.side) {
        struct rsm_object first = sides->side[0];
        sides->side[0] = sides->side[1];
        sides->side[1] = first;
    }
    return status;
}

static bool highest_sequence(const struct rsm_object *o, void *context)
{
    unsigned long *highest = context, value = 0;

    for (size_t i = 0; i < RSM_SEQUENCE_LENGTH && o->info.media.sequence_number[i]; i++) {
        wchar16 c = o->info.media.sequence_number[i];
        if (c < '0' || c > '9' || value > 99999999ul)
            return true;
        value = value * 10 + (unsigned long)(c - '0');
    }
    if (value > *highest)
        *highest = value;
    return true;
}

ntms_err media_next_sequence_number(struct objdb *db, wchar16 *text, size_t capacity)
{
    unsigned long highest = 0;
    char digits[16];
    ntms_err status = objdb_for_each(db, RSM_PHYSICAL_MEDIA, highest_sequence, &highest);

    if (status != NTMS_OK)
        return status;
    snprintf(digits, sizeof(digits), "%lu", highest + 1);
    wstr_from_utf8(text, capacity, digits);
    return NTMS_OK;
}

bool media_side_in_use(uint32_t state)
{
    return state == RSM_PARTSTATE_ALLOCATED || state == RSM_PARTSTATE_COMPLETE || state == RSM_PARTSTATE_RESERVED;
}

struct omid_search {
    const struct rsm_partition *omid;
    struct rsm_object           side;
    bool                        found;
};

static bool match_omid(const struct rsm_object *o, void *context)
{
    struct omid_search *s = context;
    const struct rsm_partition *p = &o->info.partition;

    if (p->omid_label_id_length != s->omid->omid_label_id_length
        || memcmp(p->omid_label_id, s->omid->omid_label_id, p->omid_label_id_length)
        || memcmp(p->omid_label_type, s->omid->omid_label_type, sizeof(p->omid_label_type)))
        return true;
    s->side = *o;
    s->found = true;
    return false;
}

ntms_err media_find_by_omid(struct objdb *db, const struct rsm_partition *omid, struct rsm_object *side)
{
    struct omid_search s = { .omid = omid };

    if (!omid->omid_label_id_length)
        return NTMS_E_OBJECT_NOT_FOUND;
    ntms_err status = objdb_for_each(db, RSM_PARTITION, match_omid, &s);
    if (status == NTMS_OK && !s.found)
        status = NTMS_E_OBJECT_NOT_FOUND;
    if (status == NTMS_OK)
        *side = s.side;
    return status;
}

struct home_search {
    const ntms_guid  *slot;
    struct rsm_object media;
    bool              found;
};

static bool match_home(const struct rsm_object *o, void *context)
{
    struct home_search *s = context;

    if (!ntms_guid_equal(&o->info.media.home_slot, s->slot))
        return true;
    s->media = *o;
    s->found = true;
    return false;
}

ntms_err media_find_by_home(struct objdb *db, const ntms_guid *slot, struct rsm_object *media)
{
    struct home_search s = { .slot = slot };
    ntms_err status = objdb_for_each(db, RSM_PHYSICAL_MEDIA, match_home, &s);

    if (status == NTMS_OK && !s.found)
        status = NTMS_E_OBJECT_NOT_FOUND;
    if (status == NTMS_OK)
        *media = s.media;
    return status;
}

ntms_err media_move_offline(struct objdb *db, const ntms_guid *id)
{
    struct rsm_object media;
    ntms_guid offline;
    ntms_err status = system_offline_library(db, &offline);

    if (status == NTMS_OK)
        status = objdb_get(db, id, &media);
    if (status != NTMS_OK)
        return status;
    struct rsm_physical_media *m = &media.info.media;
    m->current_library = offline;
    m->location = m->home_slot = m->mounted_partition = ntms_guid_null;
    m->location_type = RSM_LOCATION_STORAGESLOT;
    m->media_state = RSM_MEDIASTATE_IDLE;
    return objdb_put(db, &media);
}
