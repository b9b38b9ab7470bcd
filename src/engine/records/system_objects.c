#include "engine/records/system_objects.h"

#include <string.h>

#include "engine/core/record_lookup.h"
#include "engine/records/media_catalog.h"
#include "engine/core/wstr.h"
#include "platform/plat_random.h"

static bool offline_library(const struct rsm_object *o, const void *key)
{
    (void)key;
    return o->info.library.library_type == RSM_LIBRARYTYPE_OFFLINE;
}

static bool named(const struct rsm_object *o, const void *name)
{
    return wstr_equal_ascii_nocase(o->name, RSM_NAME_LENGTH, name);
}

/* A system pool: its kind and media type; a top-level one has none. */
struct system_pool_key {
    uint32_t         kind;
    const ntms_guid *media_type;
};

static bool system_pool_of(const struct rsm_object *o, const void *key)
{
    const struct system_pool_key *k = key;
    const struct rsm_media_pool *p = &o->info.pool;
    bool top = ntms_guid_is_null(k->media_type);

    return p->pool_type == k->kind && ntms_guid_equal(&p->media_type, k->media_type)
        && ntms_guid_is_null(&p->parent) == top;
}

/* The id of the first record that passes. */
static ntms_err find_id(struct objdb *db, uint32_t type, record_test test, const void *key, ntms_guid *id)
{
    struct rsm_object found;
    ntms_err status = records_find(db, type, test, key, &found);

    if (status == NTMS_OK)
        *id = found.id;
    return status;
}

ntms_err system_computer(struct objdb *db, ntms_guid *id)
{
    return find_id(db, RSM_COMPUTER, NULL, NULL, id);
}

ntms_err system_offline_library(struct objdb *db, ntms_guid *id)
{
    return find_id(db, RSM_LIBRARY, offline_library, NULL, id);
}

ntms_err system_media_type_by_name(struct objdb *db, const char *name, ntms_guid *id)
{
    return find_id(db, RSM_MEDIA_TYPE, named, name, id);
}

ntms_err system_pool(struct objdb *db, uint32_t pool_type, const ntms_guid *media_type, ntms_guid *id)
{
    struct system_pool_key key = { pool_type, media_type ? media_type : &ntms_guid_null };
    return find_id(db, RSM_MEDIA_POOL, system_pool_of, &key, id);
}

static ntms_err new_object(struct rsm_object *o, uint32_t type, const char *name)
{
    memset(o, 0, sizeof(*o));
    o->type = type;
    o->enabled = 1;
    o->operational_state = RSM_READY;
    WSTR_SET(o->name, name);
    return ntms_guid_generate(&o->id);
}

static ntms_err ensure_computer(struct objdb *db)
{
    struct rsm_object o;
    ntms_err status = records_find(db, RSM_COMPUTER, NULL, NULL, &o);

    if (status != NTMS_E_OBJECT_NOT_FOUND)
        return status;
    if ((status = new_object(&o, RSM_COMPUTER, "Computer")) != NTMS_OK)
        return status;
    o.info.computer.lib_request_purge_time = RSM_PURGE_TIME_SECONDS;
    o.info.computer.op_request_purge_time = RSM_PURGE_TIME_SECONDS;
    return objdb_put(db, &o);
}

static ntms_err ensure_offline_library(struct objdb *db)
{
    ntms_guid id;
    struct rsm_object o;
    ntms_err status = system_offline_library(db, &id);

    if (status != NTMS_E_OBJECT_NOT_FOUND)
        return status;
    if ((status = new_object(&o, RSM_LIBRARY, "Offline Media")) != NTMS_OK)
        return status;
    o.info.library.library_type = RSM_LIBRARYTYPE_OFFLINE;
    o.info.library.flags = RSM_LIBRARYFLAG_FIXEDOFFLINE;
    return objdb_put(db, &o);
}

static ntms_err ensure_media_type(struct objdb *db, const struct media_kind *kind, ntms_guid *id)
{
    struct rsm_object o;
    ntms_err status = system_media_type_by_name(db, kind->name, id);

    if (status != NTMS_E_OBJECT_NOT_FOUND)
        return status;
    if ((status = new_object(&o, RSM_MEDIA_TYPE, kind->name)) != NTMS_OK)
        return status;
    o.info.media_type.media_type = kind->storage_media_type;
    o.info.media_type.number_of_sides = kind->sides ? kind->sides : 1;
    o.info.media_type.read_write_characteristics = kind->read_write;
    o.info.media_type.device_type = kind->device_type ? kind->device_type : FILE_DEVICE_TAPE_TYPE;
    *id = o.id;
    return objdb_put(db, &o);
}

static const char *pool_kind_name(uint32_t pool_type)
{
    return pool_type == RSM_POOLTYPE_SCRATCH ? "Free" : pool_type == RSM_POOLTYPE_IMPORT ? "Import" : "Unrecognized";
}

/* A system pool (top-level when media_type is null), under `parent`. */
static ntms_err ensure_pool(struct objdb *db, uint32_t pool_type, const ntms_guid *media_type, const char *name,
                            const ntms_guid *parent, ntms_guid *id)
{
    struct rsm_object o;
    ntms_err status = system_pool(db, pool_type, media_type, id);

    if (status != NTMS_E_OBJECT_NOT_FOUND)
        return status;
    if ((status = new_object(&o, RSM_MEDIA_POOL, name)) != NTMS_OK)
        return status;
    o.info.pool.pool_type = pool_type;
    if (media_type)
        o.info.pool.media_type = *media_type;
    if (parent)
        o.info.pool.parent = *parent;
    *id = o.id;
    return objdb_put(db, &o);
}

static ntms_err ensure_pools_and_types(struct objdb *db)
{
    static const uint32_t kinds[] = { RSM_POOLTYPE_SCRATCH, RSM_POOLTYPE_IMPORT, RSM_POOLTYPE_FOREIGN };
    ntms_guid top[3], type_id, child, root;
    size_t count;
    const struct media_kind *catalog = media_catalog(&count);
    ntms_err status = ensure_pool(db, RSM_POOLTYPE_ROOT, NULL, "", NULL, &root);

    for (size_t k = 0; k < 3 && status == NTMS_OK; k++)
        status = ensure_pool(db, kinds[k], NULL, pool_kind_name(kinds[k]), NULL, &top[k]);
    for (size_t i = 0; i < count && status == NTMS_OK; i++) {
        status = ensure_media_type(db, &catalog[i], &type_id);
        for (size_t k = 0; k < 3 && status == NTMS_OK; k++)
            status = ensure_pool(db, kinds[k], &type_id, catalog[i].name, &top[k], &child);
    }
    return status;
}

ntms_err system_objects_ensure(struct objdb *db)
{
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    if ((status = ensure_computer(db)) == NTMS_OK && (status = ensure_offline_library(db)) == NTMS_OK)
        status = ensure_pools_and_types(db);
    return objdb_end(db, status);
}
