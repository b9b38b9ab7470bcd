/* Application media pools: CreateNtmsMediaPool and DeleteNtmsMediaPool
 * ([MS-RSMP] 3.2.5.2.2.x). System pools (Free, Import, Unrecognized and
 * their children) are RSM's alone. Moving media between pools:
 * records/media_moves.c. */
#include "engine/records/pools.h"

#include <string.h>

#include "engine/core/record_lookup.h"
#include "engine/records/object_security.h"
#include "engine/records/system_objects.h"
#include "engine/core/wstr.h"
#include "platform/plat_random.h"

/* A pool's child by name (not terminated: a part of a path). */
struct child_name {
    const ntms_guid *parent;
    const wchar16   *name;
    size_t           name_length;
};

static bool same_name(const wchar16 *a, const wchar16 *b, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        wchar16 x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z') x = (wchar16)(x - 32);
        if (y >= 'a' && y <= 'z') y = (wchar16)(y - 32);
        if (x != y)
            return false;
    }
    return a[length] == 0;
}

static bool child_named(const struct rsm_object *o, const void *key)
{
    const struct child_name *c = key;

    return ntms_guid_equal(&o->info.pool.parent, c->parent) && same_name(o->name, c->name, c->name_length);
}

/* What a new pool starts with: its record and its descriptor. */
struct new_pool {
    const struct sec_caller *caller;
    const ntms_guid         *media_type;
    const uint8_t           *descriptor;     /* self-relative, or NULL */
    size_t                   descriptor_length;
};

static ntms_err create_leaf(struct objdb *db, const struct child_name *at, const struct new_pool *np,
                            ntms_guid *pool)
{
    const ntms_guid *media_type = np->media_type;
    struct rsm_object o, type;

    if (media_type && !ntms_guid_is_null(media_type)
        && (objdb_get(db, media_type, &type) != NTMS_OK || type.type != RSM_MEDIA_TYPE))
        return NTMS_E_INVALID_MEDIA;
    memset(&o, 0, sizeof(o));
    o.type = RSM_MEDIA_POOL;
    o.enabled = 1;
    memcpy(o.name, at->name, at->name_length * sizeof(wchar16));
    o.info.pool.pool_type = RSM_POOLTYPE_APPLICATION;
    o.info.pool.parent = *at->parent;
    if (media_type)
        o.info.pool.media_type = *media_type;
    ntms_err status = ntms_guid_generate(&o.id);
    if (status == NTMS_OK)
        status = objdb_put(db, &o);
    if (status == NTMS_OK)
        status = object_security_new_pool(db, np->caller, &o.id, at->parent, np->descriptor, np->descriptor_length);
    *pool = o.id;
    return status;
}

/* Creating a pool takes control of the root pool and of its parent. */
static ntms_err may_create_under(struct objdb *db, const struct sec_caller *caller, const ntms_guid *parent)
{
    ntms_guid root;
    ntms_err status = system_pool(db, RSM_POOLTYPE_ROOT, NULL, &root);

    if (status == NTMS_OK)
        status = object_access_check(db, caller, &root, RSM_CONTROL_ACCESS);
    if (status == NTMS_OK && !ntms_guid_is_null(parent))
        status = object_access_check(db, caller, parent, RSM_CONTROL_ACCESS);
    return status;
}

/* Walks "\A\B\C" one level at a time; every level but the last must exist
 * and be an application pool. */
static ntms_err create(struct objdb *db, const wchar16 *path, const struct new_pool *np, uint32_t action,
                       ntms_guid *pool)
{
    ntms_guid parent = ntms_guid_null;
    size_t at = 0;

    while (path[at] == '\\')
        at++;
    if (!path[at])
        return NTMS_E_INVALID_NAME;
    for (;;) {
        size_t end = at;
        while (path[end] && path[end] != '\\')
            end++;
        if (end == at || end - at >= RSM_NAME_LENGTH)
            return NTMS_E_INVALID_NAME;
        struct child_name child = { &parent, path + at, end - at };
        struct rsm_object found;
        ntms_err status = records_find(db, RSM_MEDIA_POOL, child_named, &child, &found);
        if (status != NTMS_OK && status != NTMS_E_OBJECT_NOT_FOUND)
            return status;
        bool last = !path[end], exists = status == NTMS_OK;
        if (!last) {
            if (!exists)
                return NTMS_E_OBJECT_NOT_FOUND;
            parent = found.id;
            at = end + 1;
            continue;
        }
        if (exists) {
            if (action == RSM_CREATE_NEW)
                return NTMS_E_ALREADY_EXISTS;
            *pool = found.id;
            return NTMS_OK;
        }
        if (action == RSM_OPEN_EXISTING)
            return NTMS_E_OBJECT_NOT_FOUND;
        struct rsm_object up;
        if (!ntms_guid_is_null(&parent) && objdb_get(db, &parent, &up) == NTMS_OK
            && up.info.pool.pool_type != RSM_POOLTYPE_APPLICATION)
            return NTMS_E_INVALID_MEDIA_POOL;   /* system pools have no application children */
        if ((status = may_create_under(db, np->caller, &parent)) != NTMS_OK)
            return status;
        return create_leaf(db, &child, np, pool);
    }
}

ntms_err engine_create_pool(struct engine *engine, const struct sec_caller *caller, const wchar16 *path,
                            const ntms_guid *media_type, uint32_t action, const uint8_t *descriptor,
                            size_t descriptor_length, ntms_guid *pool)
{
    struct new_pool np = { caller, media_type, descriptor, descriptor_length };
    ntms_err status = objdb_begin_write(engine->db);

    if (status != NTMS_OK)
        return status;
    status = create(engine->db, path, &np, action, pool);
    return objdb_end(engine->db, status);
}


static bool in_pool(const struct rsm_object *o, const void *pool)
{
    return (o->type == RSM_MEDIA_POOL && ntms_guid_equal(&o->info.pool.parent, pool))
        || (o->type == RSM_PHYSICAL_MEDIA && ntms_guid_equal(&o->info.media.media_pool, pool))
        || (o->type == RSM_LOGICAL_MEDIA && ntms_guid_equal(&o->info.logical_media.media_pool, pool));
}

static ntms_err delete(struct objdb *db, const ntms_guid *pool)
{
    struct rsm_object o, member;

    if (objdb_get(db, pool, &o) != NTMS_OK || o.type != RSM_MEDIA_POOL
        || o.info.pool.pool_type != RSM_POOLTYPE_APPLICATION)
        return NTMS_E_INVALID_MEDIA_POOL;
    ntms_err status = records_find(db, RSM_UNKNOWN, in_pool, pool, &member);
    if (status == NTMS_OK)
        return NTMS_E_NOT_EMPTY;
    return status == NTMS_E_OBJECT_NOT_FOUND ? objdb_delete(db, pool) : status;
}

ntms_err engine_delete_pool(struct engine *engine, const ntms_guid *pool)
{
    ntms_err status = objdb_begin_write(engine->db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(engine->db, delete(engine->db, pool));
}
