#include "engine/core/record_lookup.h"
#include "platform/plat_random.h"

#include <stdlib.h>
#include <string.h>

struct finding {
    record_test        test;
    const void        *key;
    struct rsm_object *found;
    bool               hit;
};

static bool first_that_passes(const struct rsm_object *o, void *context)
{
    struct finding *f = context;

    if (f->test && !f->test(o, f->key))
        return true;
    *f->found = *o;
    f->hit = true;
    return false;
}

ntms_err records_find(struct objdb *db, uint32_t type, record_test test, const void *key, struct rsm_object *found)
{
    struct finding f = { test, key, found, false };
    ntms_err status = objdb_for_each(db, type, first_that_passes, &f);

    return status == NTMS_OK && !f.hit ? NTMS_E_OBJECT_NOT_FOUND : status;
}

ntms_err records_find_or_new(struct objdb *db, uint32_t type, record_test test, const void *key,
                             struct rsm_object *record, bool *known)
{
    ntms_err status = records_find(db, type, test, key, record);

    *known = status == NTMS_OK;
    if (status != NTMS_E_OBJECT_NOT_FOUND)
        return status;
    memset(record, 0, sizeof(*record));
    record->type = type;
    record->enabled = 1;
    return ntms_guid_generate(&record->id);
}

struct collecting {
    record_test         test;
    const void         *key;
    struct record_list *list;
    bool                out_of_memory;
};

static bool append(struct record_list *list, const struct rsm_object *o)
{
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 16;
        struct rsm_object *grown = realloc(list->items, capacity * sizeof(*grown));
        if (!grown)
            return false;
        list->items = grown;
        list->capacity = capacity;
    }
    list->items[list->count++] = *o;
    return true;
}

static bool each_that_passes(const struct rsm_object *o, void *context)
{
    struct collecting *c = context;

    if (c->test && !c->test(o, c->key))
        return true;
    c->out_of_memory = !append(c->list, o);
    return !c->out_of_memory;
}

ntms_err records_collect(struct objdb *db, uint32_t type, record_test test, const void *key, struct record_list *list)
{
    struct collecting c = { test, key, list, false };
    ntms_err status = objdb_for_each(db, type, each_that_passes, &c);

    return status == NTMS_OK && c.out_of_memory ? NTMS_E_NOT_ENOUGH_MEMORY : status;
}

void record_list_free(struct record_list *list)
{
    free(list->items);
    memset(list, 0, sizeof(*list));
}

/* qsort and bsearch take no context: the order is handed over here, one
 * sort or search at a time per thread. */
static _Thread_local record_order current_order;

static int by_current_order(const void *a, const void *b)
{
    return current_order(a, b);
}

void record_list_sort(struct record_list *list, record_order order)
{
    current_order = order;
    if (list->count > 1)
        qsort(list->items, list->count, sizeof(*list->items), by_current_order);
}

const struct rsm_object *record_list_search(const struct record_list *list, record_order order,
                                            const struct rsm_object *probe)
{
    current_order = order;
    return list->count ? bsearch(probe, list->items, list->count, sizeof(*list->items), by_current_order) : NULL;
}

bool record_in_library(const struct rsm_object *o, const void *library)
{
    const ntms_guid *of;

    switch (o->type) {
    case RSM_STORAGESLOT: of = &o->info.slot.library; break;
    case RSM_DRIVE:       of = &o->info.drive.library; break;
    case RSM_IEPORT:      of = &o->info.ieport.library; break;
    case RSM_CHANGER:     of = &o->info.changer.library; break;
    case RSM_IEDOOR:      of = &o->info.iedoor.library; break;
    case RSM_LIBREQUEST:  of = &o->info.lib_request.library; break;
    default:              return false;
    }
    return ntms_guid_equal(of, library);
}

bool record_with_id(const struct rsm_object *o, const void *id)
{
    return ntms_guid_equal(&o->id, id);
}
