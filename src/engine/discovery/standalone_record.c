#include "engine/discovery/standalone_record.h"

#include <stdio.h>
#include <string.h>

#include "engine/core/record_lookup.h"
#include "engine/records/device_types.h"
#include "engine/core/wstr.h"

static bool standalone_with_serial(const struct rsm_object *o, const void *serial)
{
    return o->info.library.library_type == RSM_LIBRARYTYPE_STANDALONE
        && wstr_equal_ascii_nocase(o->info.library.serial_number, RSM_SERIALNUMBER_LENGTH, serial);
}

static ntms_err record(struct objdb *db, const char *device, const char *serial, const char *vendor,
                       const char *product, uint32_t defer_seconds, ntms_guid *library_id)
{
    struct rsm_object library, drive;
    char name[RSM_NAME_LENGTH * 2];
    bool known;
    ntms_err status = records_find_or_new(db, RSM_LIBRARY, standalone_with_serial, serial, &library, &known);

    if (status != NTMS_OK)
        return status;
    struct rsm_library *l = &library.info.library;
    if (!known) {
        snprintf(name, sizeof(name), "%s %s (stand-alone)", vendor, product[0] ? product : serial);
        WSTR_SET(library.name, name);
        l->inventory_method = RSM_INVENTORY_FAST;
        l->library_type = RSM_LIBRARYTYPE_STANDALONE;
    }
    library.operational_state = RSM_READY;
    WSTR_SET(l->serial_number, serial);
    WSTR_SET(l->device_path, device);
    l->number_of_drives = l->first_drive_number = 1;
    if ((status = objdb_put(db, &library)) != NTMS_OK)
        return status;
    if ((status = records_find_or_new(db, RSM_DRIVE, record_in_library, &library.id, &drive, &known)) != NTMS_OK)
        return status;
    struct rsm_drive *d = &drive.info.drive;
    if (!known)
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
