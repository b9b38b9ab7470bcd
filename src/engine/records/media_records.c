#include "engine/records/media_records.h"

#include <stdio.h>
#include <string.h>

#include "engine/core/owner.h"
#include "engine/core/record_lookup.h"
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

bool media_with_barcode(const struct rsm_object *o, const void *barcode)
{
    return same_barcode(o->info.media.barcode, barcode);
}

ntms_err media_find_by_barcode(struct objdb *db, const wchar16 *barcode, struct rsm_object *media)
{
    return records_find(db, RSM_PHYSICAL_MEDIA, media_with_barcode, barcode, media);
}

int media_barcode_order(const struct rsm_object *a, const struct rsm_object *b)
{
    const wchar16 *x = a->info.media.barcode, *y = b->info.media.barcode;
    size_t n = trimmed_length(x, RSM_BARCODE_LENGTH), m = trimmed_length(y, RSM_BARCODE_LENGTH);

    for (size_t i = 0; i < n && i < m; i++)
        if (upper(x[i]) != upper(y[i]))
            return upper(x[i]) < upper(y[i]) ? -1 : 1;
    return n < m ? -1 : n > m;
}

static bool side_of_media(const struct rsm_object *o, const void *media)
{
    return ntms_guid_equal(&o->info.partition.physical_media, media);
}

ntms_err media_sides_of(struct objdb *db, const ntms_guid *media, struct media_sides *sides)
{
    struct record_list found = { 0 };
    ntms_err status = records_collect(db, RSM_PARTITION, side_of_media, media, &found);

    sides->count = 0;
    for (size_t i = 0; status == NTMS_OK && i < found.count && sides->count < MEDIA_SIDES_MAX; i++)
        sides->side[sides->count++] = found.items[i];
    record_list_free(&found);
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

static bool holding_in_use(const struct rsm_object *o, const void *media)
{
    return ntms_guid_equal(&o->info.drive.loaded_media, media) && owner_alive(&o->info.drive.holder);
}

bool media_in_use(struct objdb *db, const ntms_guid *media)
{
    struct rsm_object drive;

    return records_find(db, RSM_DRIVE, holding_in_use, media, &drive) == NTMS_OK;
}

bool media_online(struct objdb *db, const struct rsm_object *media)
{
    struct rsm_object library;

    return !ntms_guid_is_null(&media->info.media.current_library)
        && objdb_get(db, &media->info.media.current_library, &library) == NTMS_OK
        && library.info.library.library_type != RSM_LIBRARYTYPE_OFFLINE;
}

bool media_label_writable(struct objdb *db, const struct rsm_object *media)
{
    struct rsm_object library;

    if (objdb_get(db, &media->info.media.current_library, &library) != NTMS_OK)
        return false;
    uint32_t type = library.info.library.library_type;
    return type == RSM_LIBRARYTYPE_STANDALONE || (type == RSM_LIBRARYTYPE_ONLINE
                                                  && !ntms_guid_is_null(&media->info.media.home_slot));
}

static bool side_with_omid(const struct rsm_object *o, const void *key)
{
    const struct rsm_partition *p = &o->info.partition, *omid = key;

    return p->omid_label_id_length == omid->omid_label_id_length
        && !memcmp(p->omid_label_id, omid->omid_label_id, p->omid_label_id_length)
        && !memcmp(p->omid_label_type, omid->omid_label_type, sizeof(p->omid_label_type));
}

ntms_err media_find_by_omid(struct objdb *db, const struct rsm_partition *omid, struct rsm_object *side)
{
    if (!omid->omid_label_id_length)
        return NTMS_E_OBJECT_NOT_FOUND;
    return records_find(db, RSM_PARTITION, side_with_omid, omid, side);
}

static bool media_with_home(const struct rsm_object *o, const void *slot)
{
    return ntms_guid_equal(&o->info.media.home_slot, slot);
}

ntms_err media_find_by_home(struct objdb *db, const ntms_guid *slot, struct rsm_object *media)
{
    return records_find(db, RSM_PHYSICAL_MEDIA, media_with_home, slot, media);
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
