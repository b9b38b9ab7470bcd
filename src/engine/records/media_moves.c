#include "engine/records/media_moves.h"

#include "engine/records/media_recording.h"
#include "engine/records/media_records.h"
#include "engine/records/media_types.h"
#include "engine/records/object_security.h"

struct move {
    struct rsm_object  media, from, to;
    struct media_sides sides;
};

/* RSM's rule for moves (Windows Server 2003): out of Free takes use of
 * Free and control of the destination; into Free, control of the source
 * and use of Free; otherwise control of both. */
static ntms_err may_move(struct objdb *db, const struct sec_caller *caller, const struct move *m)
{
    bool from_free = m->from.info.pool.pool_type == RSM_POOLTYPE_SCRATCH;
    bool to_free = m->to.info.pool.pool_type == RSM_POOLTYPE_SCRATCH;
    ntms_err status = object_access_check(db, caller, &m->from.id, from_free ? RSM_USE_ACCESS : RSM_CONTROL_ACCESS);

    if (status == NTMS_OK)
        status = object_access_check(db, caller, &m->to.id, to_free ? RSM_USE_ACCESS : RSM_CONTROL_ACCESS);
    return status;
}

/* ChangeNtmsMediaType: modify access to the computer or to the medium's pool. */
static ntms_err may_change_type(struct objdb *db, const struct sec_caller *caller, const struct move *m)
{
    if (object_access_check(db, caller, NULL, RSM_MODIFY_ACCESS) == NTMS_OK)
        return NTMS_OK;
    return object_access_check(db, caller, &m->from.id, RSM_MODIFY_ACCESS);
}

static bool every_side(const struct media_sides *sides, uint32_t state)
{
    for (size_t i = 0; i < sides->count; i++)
        if (sides->side[i].info.partition.state != state)
            return false;
    return sides->count > 0;
}

static bool any_side_in_use(const struct media_sides *sides)
{
    for (size_t i = 0; i < sides->count; i++)
        if (media_side_in_use(sides->side[i].info.partition.state))
            return true;
    return false;
}

/* Which pool kinds a medium may go between (media_moves.h). */
static ntms_err kinds_allowed(const struct move *m)
{
    uint32_t source = m->from.info.pool.pool_type, target = m->to.info.pool.pool_type;
    bool all_import = every_side(&m->sides, RSM_PARTSTATE_IMPORT);

    if (target == RSM_POOLTYPE_FOREIGN)
        return NTMS_E_INVALID_MEDIA_POOL;
    if (target == RSM_POOLTYPE_IMPORT)
        return source == RSM_POOLTYPE_APPLICATION && all_import ? NTMS_OK : NTMS_E_INVALID_MEDIA_POOL;
    if (source == RSM_POOLTYPE_FOREIGN && target != RSM_POOLTYPE_SCRATCH)
        return NTMS_E_INVALID_MEDIA_POOL;
    if (source == RSM_POOLTYPE_IMPORT && target != RSM_POOLTYPE_SCRATCH
        && !(target == RSM_POOLTYPE_APPLICATION && all_import))
        return NTMS_E_INVALID_MEDIA_POOL;
    if (target == RSM_POOLTYPE_SCRATCH && any_side_in_use(&m->sides))
        return NTMS_E_INVALID_STATE;
    return NTMS_OK;
}

/* A move needs the pool's media type; a change of type a pool with one,
 * whose media have as many sides as this one. */
static ntms_err type_fits(struct objdb *db, const struct move *m, bool change_type, struct rsm_object *type)
{
    const ntms_guid *wanted = &m->to.info.pool.media_type;

    if (!change_type)
        return ntms_guid_is_null(wanted) || ntms_guid_equal(wanted, &m->media.info.media.media_type)
            ? NTMS_OK : NTMS_E_MEDIA_INCOMPATIBLE;
    if (objdb_get(db, wanted, type) != NTMS_OK || type->type != RSM_MEDIA_TYPE
        || type->info.media_type.number_of_sides != m->sides.count)
        return NTMS_E_INVALID_MEDIA_POOL;
    return NTMS_OK;
}

/* The medium's type becomes the pool's, and its library knows the type. */
static ntms_err adopt_type(struct objdb *db, struct move *m, const struct rsm_object *type)
{
    struct rsm_object library;

    m->media.info.media.media_type = type->id;
    m->media.info.media.media_type_code = type->info.media_type.media_type;
    if (objdb_get(db, &m->media.info.media.current_library, &library) != NTMS_OK
        || library_has_media_type(&library, &type->id) || library_relate_media_type(&library, &type->id) != NTMS_OK)
        return NTMS_OK;
    return objdb_put(db, &library);
}

/* Its logical media follow it. */
static ntms_err logical_media_follow(struct objdb *db, const struct move *m)
{
    ntms_err status = NTMS_OK;
    struct rsm_object lmid;

    for (size_t i = 0; i < m->sides.count && status == NTMS_OK; i++) {
        const ntms_guid *named = &m->sides.side[i].info.partition.logical_media;
        if (ntms_guid_is_null(named) || objdb_get(db, named, &lmid) != NTMS_OK)
            continue;
        lmid.info.logical_media.media_pool = m->to.id;
        status = objdb_put(db, &lmid);
    }
    return status;
}

/* Into Free the sides become AVAILABLE, the first recording the free label. */
static ntms_err enter_free(struct objdb *db, struct move *m, const struct label_info *label)
{
    ntms_err status = NTMS_OK;

    for (size_t i = 0; i < m->sides.count && status == NTMS_OK; i++) {
        struct rsm_partition *p = &m->sides.side[i].info.partition;
        p->state = RSM_PARTSTATE_AVAILABLE;
        if (label && i == 0)
            media_set_omid(p, label);
        status = objdb_put(db, &m->sides.side[i]);
    }
    return status;
}

static ntms_err read_move(struct objdb *db, const ntms_guid *media, const ntms_guid *pool, struct move *m)
{
    if (objdb_get(db, media, &m->media) != NTMS_OK || m->media.type != RSM_PHYSICAL_MEDIA)
        return NTMS_E_INVALID_MEDIA;
    if (objdb_get(db, pool, &m->to) != NTMS_OK || m->to.type != RSM_MEDIA_POOL
        || m->to.info.pool.pool_type == RSM_POOLTYPE_ROOT
        || objdb_get(db, &m->media.info.media.media_pool, &m->from) != NTMS_OK)
        return NTMS_E_INVALID_MEDIA_POOL;
    return media_sides_of(db, media, &m->sides);
}

/* A move into Free writes a free label on a tape in a library first: the
 * first pass finds that out, the second records the move with the label. */
ntms_err pool_move_apply(struct objdb *db, const struct sec_caller *caller, const ntms_guid *media_id,
                         const ntms_guid *pool_id, struct pool_move *plan)
{
    struct move m;
    struct rsm_object type;
    ntms_err status = read_move(db, media_id, pool_id, &m);

    if (status == NTMS_OK)
        status = plan->change_type ? may_change_type(db, caller, &m) : may_move(db, caller, &m);
    if (status != NTMS_OK)
        return status;
    uint32_t state = m.media.info.media.media_state;
    if (state != RSM_MEDIASTATE_IDLE && state != RSM_MEDIASTATE_LOADED)
        return NTMS_E_BUSY;
    if ((status = type_fits(db, &m, plan->change_type, &type)) != NTMS_OK || (status = kinds_allowed(&m)) != NTMS_OK)
        return status;
    bool into_free = m.to.info.pool.pool_type == RSM_POOLTYPE_SCRATCH
                  && m.from.info.pool.pool_type != RSM_POOLTYPE_SCRATCH;
    if (into_free && !plan->label && media_label_writable(db, &m.media)) {
        plan->needs_label = true;
        return NTMS_OK;
    }
    if (into_free)
        status = enter_free(db, &m, plan->label);
    if (status == NTMS_OK && plan->change_type)
        status = adopt_type(db, &m, &type);
    if (status == NTMS_OK)
        status = logical_media_follow(db, &m);
    m.media.info.media.media_pool = m.to.id;
    return status == NTMS_OK ? objdb_put(db, &m.media) : status;
}
