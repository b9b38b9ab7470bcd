#include "engine/records/device_admin.h"

#include <stdlib.h>
#include <string.h>

#include "engine/records/media_records.h"

/* The library a device object belongs to; null for other objects. */
static const ntms_guid *owner_library(const struct rsm_object *o)
{
    switch (o->type) {
    case RSM_CHANGER:     return &o->info.changer.library;
    case RSM_DRIVE:       return &o->info.drive.library;
    case RSM_STORAGESLOT: return &o->info.slot.library;
    case RSM_IEPORT:      return &o->info.ieport.library;
    case RSM_IEDOOR:      return &o->info.iedoor.library;
    case RSM_LIBREQUEST:  return &o->info.lib_request.library;
    default:              return NULL;
    }
}

struct id_list {
    ntms_guid *ids;
    size_t     count, capacity;
};

static bool push(struct id_list *l, const ntms_guid *id)
{
    if (l->count == l->capacity) {
        size_t capacity = l->capacity ? l->capacity * 2 : 64;
        ntms_guid *ids = realloc(l->ids, capacity * sizeof(*ids));
        if (!ids)
            return false;
        l->ids = ids;
        l->capacity = capacity;
    }
    l->ids[l->count++] = *id;
    return true;
}

struct doomed {
    const ntms_guid *library;
    struct id_list   devices, media;
    bool             out_of_memory;
};

/* Collected first, changed after: never while the store is being walked. */
static bool collect(const struct rsm_object *o, void *context)
{
    struct doomed *d = context;
    const ntms_guid *library = owner_library(o);

    if (library && ntms_guid_equal(library, d->library))
        d->out_of_memory |= !push(&d->devices, &o->id);
    else if (o->type == RSM_PHYSICAL_MEDIA && ntms_guid_equal(&o->info.media.current_library, d->library))
        d->out_of_memory |= !push(&d->media, &o->id);
    return !d->out_of_memory;
}

static ntms_err remove_library(struct objdb *db, const ntms_guid *library)
{
    struct doomed d = { .library = library };
    ntms_err status = objdb_for_each(db, RSM_UNKNOWN, collect, &d);

    if (status == NTMS_OK && d.out_of_memory)
        status = NTMS_E_NOT_ENOUGH_MEMORY;
    for (size_t i = 0; status == NTMS_OK && i < d.media.count; i++)
        status = media_move_offline(db, &d.media.ids[i]);
    for (size_t i = 0; status == NTMS_OK && i < d.devices.count; i++)
        status = objdb_delete(db, &d.devices.ids[i]);
    if (status == NTMS_OK)
        status = objdb_delete(db, library);
    free(d.devices.ids);
    free(d.media.ids);
    return status;
}

static ntms_err delete_library(struct objdb *db, const ntms_guid *id)
{
    struct rsm_object library;

    if (objdb_get(db, id, &library) != NTMS_OK || library.type != RSM_LIBRARY
        || library.info.library.library_type == RSM_LIBRARYTYPE_OFFLINE)
        return NTMS_E_INVALID_LIBRARY;
    if (library.operational_state != RSM_NOT_PRESENT)
        return NTMS_E_INVALID_STATE;   /* it is there: RSM deletes only what is gone */
    return remove_library(db, id);
}

ntms_err engine_delete_library(struct engine *engine, const ntms_guid *library)
{
    ntms_err status = objdb_begin_write(engine->db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(engine->db, delete_library(engine->db, library));
}

static ntms_err delete_drive(struct objdb *db, const ntms_guid *id)
{
    struct rsm_object drive, library;

    if (objdb_get(db, id, &drive) != NTMS_OK || drive.type != RSM_DRIVE)
        return NTMS_E_INVALID_DRIVE;
    if (drive.operational_state != RSM_NOT_PRESENT)
        return NTMS_E_INVALID_STATE;
    if (objdb_get(db, &drive.info.drive.library, &library) != NTMS_OK)
        return objdb_delete(db, id);   /* an orphan */
    if (library.info.library.number_of_slots == 0)
        return remove_library(db, &library.id);
    if (library.info.library.number_of_drives > 0)
        library.info.library.number_of_drives--;
    ntms_err status = objdb_put(db, &library);
    return status == NTMS_OK ? objdb_delete(db, id) : status;
}

ntms_err engine_delete_drive(struct engine *engine, const ntms_guid *drive)
{
    ntms_err status = objdb_begin_write(engine->db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(engine->db, delete_drive(engine->db, drive));
}
