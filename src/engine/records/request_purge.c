#include "engine/records/request_purge.h"

#include <stdlib.h>

#include "engine/core/owner.h"
#include "engine/core/record_lookup.h"

#define FILETIME_PER_SECOND 10000000ull

struct expiry {
    uint64_t now, keep_for;
    uint32_t flags;
};

static bool finished(uint32_t state)
{
    return state == RSM_LM_PASSED || state == RSM_LM_FAILED || state == RSM_LM_CANCELLED;
}

static bool expired(const struct rsm_object *o, const void *key)
{
    const struct expiry *e = key;
    const struct rsm_lib_request *r = &o->info.lib_request;

    if (!finished(r->state) || !r->time_completed || r->time_completed + e->keep_for > e->now)
        return false;
    return r->state != RSM_LM_FAILED || !(e->flags & RSM_LIBREQFLAGS_NOFAILEDPURGE);
}

/* A waiting allocation (no library: no housekeeping of a library sees it) whose process died. */
static bool abandoned(const struct rsm_object *o, const void *unused)
{
    const struct rsm_lib_request *r = &o->info.lib_request;

    (void)unused;
    return ntms_guid_is_null(&r->library) && !finished(r->state) && !owner_alive(&r->requested_by);
}

static ntms_err fail_abandoned(struct objdb *db)
{
    struct record_list gone = { 0 };
    ntms_err status = records_collect(db, RSM_LIBREQUEST, abandoned, NULL, &gone);

    for (size_t i = 0; status == NTMS_OK && i < gone.count; i++) {
        struct rsm_lib_request *r = &gone.items[i].info.lib_request;
        r->state = RSM_LM_FAILED;
        r->error_code = NTMS_E_OPERATION_ABORTED;
        r->time_completed = objdb_now();
        status = objdb_put(db, &gone.items[i]);
    }
    record_list_free(&gone);
    return status;
}

ntms_err requests_purge(struct objdb *db)
{
    struct rsm_object computer = { .info.computer.lib_request_purge_time = 259200 };
    struct record_list old = { 0 };
    ntms_err status = records_find(db, RSM_COMPUTER, NULL, NULL, &computer);
    const struct rsm_computer *c = &computer.info.computer;

    if (status == NTMS_E_OBJECT_NOT_FOUND)
        status = NTMS_OK;
    if (status == NTMS_OK && !(c->lib_request_flags & RSM_LIBREQFLAGS_NOAUTOPURGE)) {
        struct expiry e = { objdb_now(), (uint64_t)c->lib_request_purge_time * FILETIME_PER_SECOND,
                            c->lib_request_flags };
        status = records_collect(db, RSM_LIBREQUEST, expired, &e, &old);
        for (size_t i = 0; status == NTMS_OK && i < old.count; i++)
            status = objdb_delete(db, &old.items[i].id);
    }
    record_list_free(&old);
    return status == NTMS_OK ? fail_abandoned(db) : status;
}
