#include "engine/records/mount_queue.h"

#include <stdlib.h>

#include "engine/core/owner.h"
#include "engine/core/record_lookup.h"

static bool queued_in(const struct rsm_object *o, const void *library)
{
    return mount_queued(o) && ntms_guid_equal(&o->info.lib_request.library, library);
}

static int by_order(const struct rsm_object *a, const struct rsm_object *b)
{
    uint32_t x = a->info.lib_request.order, y = b->info.lib_request.order;

    /* 0 (not placed yet, from an older engine) last; then by when they were queued */
    if (x != y)
        return x == 0 ? 1 : y == 0 ? -1 : x < y ? -1 : 1;
    return a->info.lib_request.time_queued < b->info.lib_request.time_queued ? -1
         : a->info.lib_request.time_queued > b->info.lib_request.time_queued;
}

/* The library's waiting mounts in order, without `except` and without
 * those whose process died (FAILED on the way). */
static ntms_err waiting_mounts(struct objdb *db, const ntms_guid *library, const ntms_guid *except,
                               struct record_list *list)
{
    ntms_err status = records_collect(db, RSM_LIBREQUEST, queued_in, library, list);
    size_t kept = 0;

    record_list_sort(list, by_order);
    for (size_t i = 0; status == NTMS_OK && i < list->count; i++) {
        struct rsm_object *r = &list->items[i];
        if (except && ntms_guid_equal(&r->id, except))
            continue;
        if (owner_alive(&r->info.lib_request.requested_by)) {
            list->items[kept++] = *r;
            continue;
        }
        r->info.lib_request.state = RSM_LM_FAILED;
        r->info.lib_request.error_code = NTMS_E_OPERATION_ABORTED;
        r->info.lib_request.time_completed = objdb_now();
        r->info.lib_request.order = 0;
        status = objdb_put(db, r);
    }
    list->count = kept;
    return status;
}

/* Orders 1..n as listed, `request` at index `at` among them (none: NULL). */
static ntms_err renumber(struct objdb *db, struct record_list *list, struct rsm_object *request, size_t at)
{
    ntms_err status = NTMS_OK;
    uint32_t order = 1;

    for (size_t i = 0; status == NTMS_OK && i <= list->count; i++) {
        if (request && i == at) {
            request->info.lib_request.order = order++;
            status = objdb_put(db, request);
        }
        if (i == list->count || status != NTMS_OK)
            break;
        struct rsm_object *r = &list->items[i];
        if (r->info.lib_request.order != order) {
            r->info.lib_request.order = order;
            status = objdb_put(db, r);
        }
        order++;
    }
    return status;
}

static int32_t priority_of(const struct rsm_object *r)
{
    return (int32_t)r->info.lib_request.priority;
}

ntms_err mount_queue_insert(struct objdb *db, struct rsm_object *request)
{
    struct record_list list = { 0 };
    ntms_err status = waiting_mounts(db, &request->info.lib_request.library, &request->id, &list);
    size_t at = 0;

    while (at < list.count && priority_of(&list.items[at]) >= priority_of(request))
        at++;
    if (status == NTMS_OK)
        status = renumber(db, &list, request, at);
    record_list_free(&list);
    return status;
}

ntms_err mount_queue_place(struct objdb *db, struct rsm_object *request, uint32_t place)
{
    struct record_list list = { 0 };
    ntms_err status = waiting_mounts(db, &request->info.lib_request.library, &request->id, &list);
    size_t at = place - 1 < list.count ? place - 1 : list.count;

    if (status == NTMS_OK)
        status = renumber(db, &list, request, at);
    record_list_free(&list);
    return status;
}

ntms_err mount_queue_leave(struct objdb *db, struct rsm_object *request)
{
    struct record_list list = { 0 };
    ntms_err status = waiting_mounts(db, &request->info.lib_request.library, &request->id, &list);

    request->info.lib_request.order = 0;
    if (status == NTMS_OK)
        status = renumber(db, &list, NULL, 0);
    record_list_free(&list);
    return status;
}

struct ahead {
    const struct rsm_object *request;
};

/* A mount of the library that took its turn for a drive and has none yet. */
static bool turn_taken_for_a_drive(const struct rsm_object *o, const ntms_guid *library)
{
    const struct rsm_lib_request *r = &o->info.lib_request;

    return o->type == RSM_LIBREQUEST && r->operation_code == RSM_LM_MOUNT && r->state == RSM_LM_INPROCESS
        && r->waits_for_drive && ntms_guid_equal(&r->library, library);
}

static bool waits_for_a_drive_before(const struct rsm_object *o, const void *key)
{
    const struct rsm_object *me = ((const struct ahead *)key)->request;
    const struct rsm_lib_request *r = &o->info.lib_request;
    const ntms_guid *library = &me->info.lib_request.library;

    if (ntms_guid_equal(&o->id, &me->id) || !r->waits_for_drive || !owner_alive(&r->requested_by))
        return false;
    return turn_taken_for_a_drive(o, library) || (queued_in(o, library) && by_order(o, me) < 0);
}

bool mount_queue_blocked(struct objdb *db, const struct rsm_object *request)
{
    struct ahead key = { request };
    struct rsm_object found;

    return records_find(db, RSM_LIBREQUEST, waits_for_a_drive_before, &key, &found) == NTMS_OK;
}
