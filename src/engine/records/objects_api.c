#include "engine/records/objects_api.h"

#include <stdio.h>
#include <string.h>

#include "platform/plat_file.h"

#include "engine/records/media_records.h"
#include "engine/core/wstr.h"

/* One read or write transaction around a single step. */
#define IN_TRANSACTION(db, write, step)                                         \
    do {                                                                        \
        ntms_err begun_ = (write) ? objdb_begin_write(db) : objdb_begin_read(db); \
        if (begun_ != NTMS_OK)                                                  \
            return begun_;                                                      \
        ntms_err result_ = (step);                                              \
        if (result_ == NTMS_OK && (write))                                      \
            return objdb_commit(db);                                            \
        objdb_abort(db);                                                        \
        return result_;                                                         \
    } while (0)

ntms_err engine_attribute_get(struct engine *engine, const ntms_guid *id, const char *name_utf8, void *buffer,
                              size_t *size)
{
    IN_TRANSACTION(engine->db, 0, objdb_attribute_get(engine->db, id, name_utf8, buffer, size));
}

ntms_err engine_attribute_set(struct engine *engine, const ntms_guid *id, const char *name_utf8, const void *data,
                              size_t size)
{
    IN_TRANSACTION(engine->db, 1, objdb_attribute_set(engine->db, id, name_utf8, data, size));
}

/* Walks up the parents, writing names right to left; depth-limited in case
 * a damaged database ever held a loop. */
static ntms_err build_pool_name(struct objdb *db, const ntms_guid *pool, wchar16 *name, uint32_t *length)
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
    IN_TRANSACTION(engine->db, 0, build_pool_name(engine->db, pool, name, length));
}

/* A medium's sides follow it: a disabled medium's sides cannot be used. */
static ntms_err toggle_sides(struct objdb *db, const ntms_guid *media, int enabled)
{
    struct media_sides sides;
    ntms_err status = media_sides_of(db, media, &sides);

    for (size_t i = 0; status == NTMS_OK && i < sides.count; i++) {
        sides.side[i].enabled = enabled ? 1 : 0;
        status = objdb_put(db, &sides.side[i]);
    }
    return status;
}

static ntms_err toggle(struct objdb *db, uint32_t type, const ntms_guid *id, int enabled)
{
    struct rsm_object o;

    if (objdb_get(db, id, &o) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;
    if (o.type != type)
        return NTMS_E_INVALID_PARAMETER;
    if (type == RSM_LIBRARY && o.info.library.library_type == RSM_LIBRARYTYPE_OFFLINE)
        return NTMS_E_LIBRARY_OFFLINE;   /* the offline library cannot be toggled */
    if (!o.enabled == !enabled)
        return NTMS_E_INVALID_STATE;
    o.enabled = enabled ? 1 : 0;
    ntms_err status = objdb_put(db, &o);
    if (status == NTMS_OK && type == RSM_PHYSICAL_MEDIA)
        status = toggle_sides(db, id, enabled);
    return status;
}

static ntms_err set_enabled(struct engine *engine, uint32_t type, const ntms_guid *id, int enabled)
{
    IN_TRANSACTION(engine->db, 1, toggle(engine->db, type, id, enabled));
}

ntms_err engine_set_enabled(struct engine *engine, uint32_t type, const ntms_guid *id, int enabled)
{
    ntms_err status = set_enabled(engine, type, id, enabled);

    /* RSM empties a disabled drive where it can: a medium waiting there
     * under a deferred dismount goes home; one in use stays. */
    if (status == NTMS_OK && type == RSM_DRIVE && !enabled)
        engine_send_deferred_home(engine, id);
    return status;
}

static void copy_writable(struct rsm_object *o, const struct rsm_object *c)
{
    memcpy(o->description, c->description, sizeof(o->description));
    switch (o->type) {
    case RSM_COMPUTER:
        o->info.computer = c->info.computer;
        break;
    case RSM_DRIVE:
        o->info.drive.defer_dismount_delay = c->info.drive.defer_dismount_delay;
        break;
    case RSM_IEDOOR:
        o->info.iedoor.max_open_secs = c->info.iedoor.max_open_secs;
        break;
    case RSM_IEPORT:
        o->info.ieport.max_extend_secs = c->info.ieport.max_extend_secs;
        break;
    case RSM_LIBRARY:
        memcpy(o->name, c->name, sizeof(o->name));
        o->info.library.auto_recovery = c->info.library.auto_recovery;
        o->info.library.cleaner_uses_remaining = c->info.library.cleaner_uses_remaining;
        o->info.library.inventory_method = c->info.library.inventory_method;
        /* IGNORECLEANERUSESREMAINING (8) is the server's to set, FIXEDOFFLINE (1) is identity. */
        o->info.library.flags = (c->info.library.flags & ~0x09u) | (o->info.library.flags & 0x01u)
                              | (c->info.library.cleaner_uses_remaining == 0xFFFFFFFFu ? 0x08u : 0);
        break;
    case RSM_MEDIA_POOL:
        memcpy(o->name, c->name, sizeof(o->name));
        o->info.pool.allocation_policy = c->info.pool.allocation_policy;
        o->info.pool.deallocation_policy = c->info.pool.deallocation_policy;
        o->info.pool.max_allocates = c->info.pool.max_allocates;
        break;
    case RSM_LOGICAL_MEDIA:
    case RSM_PARTITION:
    case RSM_PHYSICAL_MEDIA:
        memcpy(o->name, c->name, sizeof(o->name));
        break;
    default:
        break;
    }
}

static ntms_err apply(struct objdb *db, const struct rsm_object *changes)
{
    struct rsm_object o;

    if (objdb_get(db, &changes->id, &o) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;
    if (o.type != changes->type)
        return NTMS_E_INVALID_PARAMETER;
    if (o.type == RSM_MEDIA_POOL && o.info.pool.pool_type != RSM_POOLTYPE_APPLICATION
        && memcmp(o.name, changes->name, sizeof(o.name)))
        return NTMS_E_ACCESS_DENIED;   /* system pools keep their names */
    copy_writable(&o, changes);
    return objdb_put(db, &o);
}

ntms_err engine_set_information(struct engine *engine, const struct rsm_object *changes)
{
    IN_TRANSACTION(engine->db, 1, apply(engine->db, changes));
}

static void export_path(const struct engine *engine, char *directory, size_t dir_capacity, char *file,
                        size_t file_capacity)
{
    snprintf(directory, dir_capacity, "%s/Export", engine->data_directory);
    snprintf(file, file_capacity, "%s/ntmsapi.db", directory);
}

ntms_err engine_export_database(struct engine *engine)
{
    char directory[1100], file[1200];

    export_path(engine, directory, sizeof(directory), file, sizeof(file));
    ntms_err status = plat_file->make_directory(directory);
    return status == NTMS_OK ? objdb_export(engine->db, file) : status;
}

ntms_err engine_import_database(struct engine *engine)
{
    char directory[1100], file[1200];

    export_path(engine, directory, sizeof(directory), file, sizeof(file));
    return objdb_import(engine->db, file);
}
