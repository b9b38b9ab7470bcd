/* MoveToNtmsMediaPool and ChangeNtmsMediaType: by RSM's rules
 * (records/media_moves.c); a tape entering Free gets a free label first
 * (ops/free_pool_entry.c), so that it is known to be free wherever it is
 * identified next. */
#include "engine/ops/pool_moves.h"

#include "engine/ops/free_pool_entry.h"
#include "engine/records/media_moves.h"

static ntms_err plan_move(struct engine *engine, const struct sec_caller *caller, const ntms_guid *media,
                          const ntms_guid *pool, struct pool_move *plan)
{
    ntms_err status = objdb_begin_write(engine->db);

    if (status != NTMS_OK)
        return status;
    status = pool_move_apply(engine->db, caller, media, pool, plan);
    if (plan->needs_label) {
        objdb_abort(engine->db);   /* nothing changes before the label is on the tape */
        return status;
    }
    return objdb_end(engine->db, status);
}

static ntms_err move(struct engine *engine, const struct sec_caller *caller, const ntms_guid *media,
                     const ntms_guid *pool, bool change_type)
{
    struct pool_move plan = { .change_type = change_type };
    struct label_info written;
    struct rsm_object record;
    ntms_err status = plan_move(engine, caller, media, pool, &plan);

    if (status != NTMS_OK || !plan.needs_label)
        return status;
    if ((status = engine_get_object(engine, media, &record)) == NTMS_OK)
        status = free_pool_write_label(engine, &record, &written);
    if (status != NTMS_OK)
        return status;
    plan = (struct pool_move){ .change_type = change_type, .label = &written };
    return plan_move(engine, caller, media, pool, &plan);
}

ntms_err engine_move_to_pool(struct engine *engine, const struct sec_caller *caller, const ntms_guid *media,
                             const ntms_guid *pool)
{
    ntms_err status = move(engine, caller, media, pool, false);

    if (status == NTMS_OK)
        objdb_signal_completion(engine->db, RSM_MEDIA_POOL, pool);
    return status;
}

ntms_err engine_change_media_type(struct engine *engine, const struct sec_caller *caller, const ntms_guid *media,
                                  const ntms_guid *pool)
{
    ntms_err status = move(engine, caller, media, pool, true);

    if (status == NTMS_OK)
        objdb_signal_completion(engine->db, RSM_PHYSICAL_MEDIA, media);
    return status;
}
