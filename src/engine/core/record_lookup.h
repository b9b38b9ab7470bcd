/* Questions to the object database, asked one way: a test on a record
 * with a key, and an answer: the first record that passes, all of them,
 * or (where a question is asked many times) a sorted list searched in
 * O(log n). All inside the caller's transaction. */
#ifndef NTMSAPI_ENGINE_CORE_RECORD_LOOKUP_H
#define NTMSAPI_ENGINE_CORE_RECORD_LOOKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/core/objdb.h"

/* Does this record answer the question `key` asks? */
typedef bool (*record_test)(const struct rsm_object *record, const void *key);

/* The first record of `type` (RSM_UNKNOWN: any) that passes `test` (NULL:
 * any record); NTMS_E_OBJECT_NOT_FOUND when none does. */
ntms_err records_find(struct objdb *db, uint32_t type, record_test test, const void *key, struct rsm_object *found);

/* The first record that passes, or (*known false) a new one of that
 * type: enabled, with a fresh id, nothing else set. */
ntms_err records_find_or_new(struct objdb *db, uint32_t type, record_test test, const void *key,
                             struct rsm_object *record, bool *known);

struct record_list {
    struct rsm_object *items;
    size_t             count, capacity;
};
/* Every record of `type` that passes, appended to `list` (which starts
 * zeroed); NTMS_E_NOT_ENOUGH_MEMORY when the list cannot grow. */
ntms_err records_collect(struct objdb *db, uint32_t type, record_test test, const void *key, struct record_list *list);
void record_list_free(struct record_list *list);

/* For a question asked once per element of something large: the list
 * sorted by `order`, then searched with a probe record that has the key. */
typedef int (*record_order)(const struct rsm_object *a, const struct rsm_object *b);
void record_list_sort(struct record_list *list, record_order order);
const struct rsm_object *record_list_search(const struct record_list *list, record_order order,
                                            const struct rsm_object *probe);

/* Tests many questions share. `key` is a const ntms_guid *. */
bool record_in_library(const struct rsm_object *record, const void *library);   /* slot, drive, port, changer, door, request */
bool record_with_id(const struct rsm_object *record, const void *id);

#endif
