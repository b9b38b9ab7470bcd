#include "engine/records/request_purge.h"

#include <stdlib.h>

enum { NOAUTOPURGE = 0x1, NOFAILEDPURGE = 0x2 };           /* NTMS_LIBREQFLAGS_* */
enum { REQUEST_PASSED = 2, REQUEST_FAILED = 3, REQUEST_CANCELLED = 7 };
#define FILETIME_PER_SECOND 10000000ull
#define PURGE_BATCH 256   /* per request; the rest go with the next ones */

struct expired {
    uint64_t  now, keep_for;
    uint32_t  flags;
    ntms_guid ids[PURGE_BATCH];
    size_t    count;
};

static bool finished(uint32_t state)
{
    return state == REQUEST_PASSED || state == REQUEST_FAILED || state == REQUEST_CANCELLED;
}

static bool collect(const struct rsm_object *o, void *context)
{
    struct expired *e = context;
    const struct rsm_lib_request *r = &o->info.lib_request;

    if (!finished(r->state) || !r->time_completed || r->time_completed + e->keep_for > e->now)
        return true;
    if (r->state == REQUEST_FAILED && (e->flags & NOFAILEDPURGE))
        return true;
    e->ids[e->count++] = o->id;
    return e->count < PURGE_BATCH;
}

static bool the_computer(const struct rsm_object *o, void *context)
{
    *(struct rsm_computer *)context = o->info.computer;
    return false;
}

ntms_err requests_purge(struct objdb *db)
{
    struct rsm_computer computer = { .lib_request_purge_time = 259200 };
    struct expired *e = malloc(sizeof(*e));
    ntms_err status = e ? objdb_for_each(db, RSM_COMPUTER, the_computer, &computer) : NTMS_E_NOT_ENOUGH_MEMORY;

    if (status == NTMS_OK && !(computer.lib_request_flags & NOAUTOPURGE)) {
        *e = (struct expired){ .now = objdb_now(), .flags = computer.lib_request_flags,
                               .keep_for = (uint64_t)computer.lib_request_purge_time * FILETIME_PER_SECOND };
        status = objdb_for_each(db, RSM_LIBREQUEST, collect, e);
        for (size_t i = 0; status == NTMS_OK && i < e->count; i++)
            status = objdb_delete(db, &e->ids[i]);
    }
    free(e);
    return status;
}
