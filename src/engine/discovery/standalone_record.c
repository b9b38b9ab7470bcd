#include "engine/discovery/standalone_record.h"

#include <stdio.h>
#include <string.h>

#include "engine/records/device_types.h"
#include "engine/core/wstr.h"

struct serial_search {
    uint32_t          type;
    const char       *serial;
    const ntms_guid  *library;   /* drives: of this library */
    struct rsm_object found;
    bool              hit;
};

static bool match_standalone(const struct rsm_object *o, void *context)
{
    struct serial_search *s = context;

    s->hit = o->info.library.library_type == RSM_LIBRARYTYPE_STANDALONE
          && wstr_equal_ascii_nocase(o->info.library.serial_number, RSM_SERIALNUMBER_LENGTH, s->serial);
    if (s->hit)
        s->found = *o;
    return !s->hit;
}

static bool match_drive_of(const struct rsm_object *o, void *context)
{
    struct serial_search *s = context;

    s->hit = ntms_guid_equal(&o->info.drive.library, s->library);
    if (s->hit)
        s->found = *o;
    return !s->hit;
}

/* The object a lookup finds, or a new one of that type. */
static ntms_err found_or_new(struct objdb *db, uint32_t type, objdb_visitor match, struct serial_search *s,
                             struct rsm_object *o)
{
    s->hit = false;
    ntms_err status = objdb_for_each(db, type, match, s);
    if (status != NTMS_OK)
        return status;
    if (s->hit) {
        *o = s->found;
        return NTMS_OK;
    }
    memset(o, 0, sizeof(*o));
    o->type = type;
    o->enabled = 1;
    return ntms_guid_generate(&o->id);
}

static ntms_err record(struct objdb *db, const char *device, const char *serial, const char *vendor,
                       const char *product, uint32_t defer_seconds, ntms_guid *library_id)
{
    struct rsm_object library, drive;
    struct serial_search s = { .serial = serial };
    char name[RSM_NAME_LENGTH * 2];
    ntms_err status = found_or_new(db, RSM_LIBRARY, match_standalone, &s, &library);

    if (status != NTMS_OK)
        return status;
    bool known = s.hit;
    struct rsm_library *l = &library.info.library;
    if (!known) {
        snprintf(name, sizeof(name), "%s %s (stand-alone)", vendor, product[0] ? product : serial);
        WSTR_SET(library.name, name);
        l->inventory_method = 1;   /* NTMS_INVENTORY_FAST */
        l->library_type = RSM_LIBRARYTYPE_STANDALONE;
    }
    library.operational_state = RSM_READY;
    WSTR_SET(l->serial_number, serial);
    WSTR_SET(l->device_path, device);
    l->number_of_drives = l->first_drive_number = 1;
    if ((status = objdb_put(db, &library)) != NTMS_OK)
        return status;
    s.library = &library.id;
    if ((status = found_or_new(db, RSM_DRIVE, match_drive_of, &s, &drive)) != NTMS_OK)
        return status;
    struct rsm_drive *d = &drive.info.drive;
    if (!s.hit)
        d->defer_dismount_delay = defer_seconds;
    WSTR_SET(drive.name, "Drive 1");
    d->number = 1;
    d->library = library.id;
    WSTR_SET(d->device_name, device);
    WSTR_SET(d->device_path, device);
    WSTR_SET(d->serial_number, serial);
    if ((status = device_type_of(db, RSM_DRIVE_TYPE, vendor, product, &d->drive_type)) != NTMS_OK)
        return status;
    drive.operational_state = RSM_READY;
    *library_id = library.id;
    return objdb_put(db, &drive);
}

ntms_err standalone_record(struct objdb *db, const char *device, const char *serial, const char *vendor,
                           const char *product, uint32_t defer_dismount_seconds, ntms_guid *library)
{
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(db, record(db, device, serial, vendor, product, defer_dismount_seconds, library));
}
