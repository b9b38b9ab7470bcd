/* What every part of the engine that records media shares: finding a
 * medium by barcode, its sides, and the next sequence number. All run
 * inside the caller's transaction. */
#ifndef NTMSAPI_ENGINE_MEDIA_RECORDS_H
#define NTMSAPI_ENGINE_MEDIA_RECORDS_H

#include <stdbool.h>

#include "engine/core/objdb.h"

#define MEDIA_SIDES_MAX 2   /* RSM media have one or two sides */

/* The physical medium with this barcode (compared without case and
 * trailing spaces); NTMS_E_OBJECT_NOT_FOUND when none has it. */
ntms_err media_find_by_barcode(struct objdb *db, const wchar16 *barcode, struct rsm_object *media);
/* The same question as a record_test (key: const wchar16 *), and the
 * order that sorts media by barcode for many such questions. */
bool media_with_barcode(const struct rsm_object *record, const void *barcode);
int media_barcode_order(const struct rsm_object *a, const struct rsm_object *b);

struct media_sides {
    struct rsm_object side[MEDIA_SIDES_MAX];
    size_t            count;
};
/* A medium's sides in side order. */
ntms_err media_sides_of(struct objdb *db, const ntms_guid *media, struct media_sides *sides);

/* Allocated, complete or reserved: held by an application. */
bool media_side_in_use(uint32_t state);

/* In a drive someone works with (a mount, an identification, a move
 * under way): a deferred medium waiting in its drive is not in use. */
bool media_in_use(struct objdb *db, const ntms_guid *media);

/* In an online or stand-alone library, not in the offline one. */
bool media_online(struct objdb *db, const struct rsm_object *media);

/* Where a label can be written on it: in an online library with a home
 * slot, or in a stand-alone drive. */
bool media_label_writable(struct objdb *db, const struct rsm_object *media);

/* The side whose on-media identifier (label type and id) this is;
 * NTMS_E_OBJECT_NOT_FOUND when none. */
ntms_err media_find_by_omid(struct objdb *db, const struct rsm_partition *omid, struct rsm_object *side);

/* The physical medium whose home is this slot (the first one found);
 * NTMS_E_OBJECT_NOT_FOUND when none. */
ntms_err media_find_by_home(struct objdb *db, const ntms_guid *slot, struct rsm_object *media);

/* Into the offline library: no location, no home slot, idle. */
ntms_err media_move_offline(struct objdb *db, const ntms_guid *media);

/* One more than the highest sequence number any medium has, as text. */
ntms_err media_next_sequence_number(struct objdb *db, wchar16 *text, size_t capacity);

#endif
