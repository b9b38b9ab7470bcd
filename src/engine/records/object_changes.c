#include "engine/records/object_changes.h"

#include <string.h>

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
        /* IGNORECLEANERUSESREMAINING is the server's to set, FIXEDOFFLINE is identity. */
        o->info.library.flags = (c->info.library.flags & ~(uint32_t)(RSM_LIBRARYFLAG_FIXEDOFFLINE
                                                                     | RSM_LIBRARYFLAG_IGNORECLEANERUSESREMAINING))
                              | (o->info.library.flags & RSM_LIBRARYFLAG_FIXEDOFFLINE)
                              | (c->info.library.cleaner_uses_remaining == 0xFFFFFFFFu
                                     ? RSM_LIBRARYFLAG_IGNORECLEANERUSESREMAINING : 0);
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
    OBJDB_TRANSACTION(engine->db, 1, apply(engine->db, changes));
}
