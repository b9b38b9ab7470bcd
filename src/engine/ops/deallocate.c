#include "engine/ops/deallocate.h"

#include "engine/ops/free_pool_entry.h"
#include "engine/records/deallocation.h"

static ntms_err release(struct engine *engine, struct deallocation *d)
{
    OBJDB_TRANSACTION(engine->db, true, deallocation_apply(engine->db, d));
}

ntms_err engine_deallocate(struct engine *engine, const struct sec_caller *caller, const ntms_guid *lmid)
{
    struct deallocation d = { .caller = caller, .logical_media = *lmid };
    ntms_err status = release(engine, &d);

    if (status == NTMS_OK && d.needs_label)
        free_pool_prepare(engine, &d.media);   /* else it stays UNPREPARED: see the header */
    return status;
}
