#include "engine/records/pool_names.h"

#include <string.h>

#include "engine/core/wstr.h"

/* Walks up the parents, writing names right to left; depth-limited in case
 * a damaged database ever held a loop. */
ntms_err pool_full_name(struct objdb *db, const ntms_guid *pool, wchar16 *name, uint32_t *length)
{
    wchar16 path[1024];
    size_t start = sizeof(path) / sizeof(path[0]) - 1;
    struct rsm_object o;
    ntms_guid at = *pool;

    path[start] = 0;
    if (objdb_get(db, &at, &o) != NTMS_OK || o.type != RSM_MEDIA_POOL)
        return NTMS_E_INVALID_MEDIA_POOL;
    for (int depth = 0; depth < 32; depth++) {
        size_t n = wstr_length(o.name, RSM_NAME_LENGTH);
        if (start < n + 1)
            return NTMS_E_INVALID_MEDIA_POOL;
        start -= n;
        memcpy(path + start, o.name, n * sizeof(wchar16));
        path[--start] = '\\';
        if (ntms_guid_is_null(&o.info.pool.parent))
            break;
        at = o.info.pool.parent;
        if (objdb_get(db, &at, &o) != NTMS_OK)
            return NTMS_E_DATABASE_FAILURE;
    }
    uint32_t needed = (uint32_t)(sizeof(path) / sizeof(path[0]) - start);   /* with the NUL */
    uint32_t capacity = *length;
    *length = needed;
    if (capacity < needed)
        return NTMS_E_INSUFFICIENT_BUFFER;
    memcpy(name, path + start, needed * sizeof(wchar16));
    return NTMS_OK;
}

ntms_err engine_pool_name(struct engine *engine, const ntms_guid *pool, wchar16 *name, uint32_t *length)
{
    OBJDB_TRANSACTION(engine->db, 0, pool_full_name(engine->db, pool, name, length));
}
