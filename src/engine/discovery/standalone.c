#include "engine/discovery/standalone.h"

#include <stdio.h>
#include <string.h>

#include "engine/records/device_types.h"
#include "engine/device/library_access.h"
#include "engine/records/media_identified.h"
#include "engine/records/media_records.h"
#include "engine/device/robot.h"
#include "engine/core/wstr.h"

#define PRESENT_TIMEOUT_MS 1000   /* nothing is being loaded: "no medium" is the answer */

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

/* ---- inventory ---- */

struct drive_search {
    const ntms_guid  *library;
    struct rsm_object drive;
    bool              hit;
};

static bool drive_of(const struct rsm_object *o, void *context)
{
    struct drive_search *s = context;

    s->hit = ntms_guid_equal(&o->info.drive.library, s->library);
    if (s->hit)
        s->drive = *o;
    return !s->hit;
}

static ntms_err record_present(struct objdb *db, struct rsm_object *drive, const struct identified *found)
{
    struct rsm_object media, side;
    struct rsm_drive *d = &drive->info.drive;
    /* A blank tape without barcode is the one recorded in the drive. */
    ntms_err status = media_identified_record(db, found, &d->library, &d->loaded_media, &media, &side);

    if (status != NTMS_OK)
        return status;
    if (!ntms_guid_is_null(&d->loaded_media) && !ntms_guid_equal(&d->loaded_media, &media.id))
        media_move_offline(db, &d->loaded_media);   /* the tape that was there was taken out */
    struct rsm_physical_media *m = &media.info.media;
    m->current_library = d->library;
    m->location = drive->id;
    m->location_type = RSM_LOCATION_DRIVE;
    m->home_slot = m->mounted_partition = ntms_guid_null;
    m->media_state = RSM_MEDIASTATE_IDLE;
    d->loaded_media = media.id;
    d->saved_partition = side.id;
    d->state = RSM_DRIVESTATE_DISMOUNTABLE;   /* in the drive, not in use */
    d->dismount_due = 0;
    if ((status = objdb_put(db, &media)) == NTMS_OK && (status = objdb_put(db, &side)) == NTMS_OK)
        status = objdb_put(db, drive);
    return status;
}

static ntms_err record_absent(struct objdb *db, struct rsm_object *drive)
{
    struct rsm_drive *d = &drive->info.drive;

    if (!ntms_guid_is_null(&d->loaded_media))
        media_move_offline(db, &d->loaded_media);
    d->loaded_media = d->saved_partition = ntms_guid_null;
    d->state = RSM_DRIVESTATE_DISMOUNTED;
    return objdb_put(db, drive);
}

static ntms_err look(struct library_access *a, struct rsm_object *drive)
{
    struct scsi_transport *tape;
    struct identified found;
    ntms_err status = library_open_drive(a, drive, &tape);

    if (status != NTMS_OK)
        return status;
    memset(&found, 0, sizeof(found));
    ntms_err ready = robot_wait_ready(tape, PRESENT_TIMEOUT_MS);
    if (ready == NTMS_OK)
        status = media_identify_in_drive(tape, a->engine->offer_label, &found);
    scsi_transport_close(tape);
    if (status != NTMS_OK)
        return status;
    struct objdb *db = a->engine->db;
    if ((status = objdb_begin_write(db)) != NTMS_OK)
        return status;
    /* A drive that is not ready is one without a medium (a real error shows again on mount). */
    if (objdb_get(db, &drive->id, drive) == NTMS_OK)
        status = ready == NTMS_OK ? record_present(db, drive, &found) : record_absent(db, drive);
    return objdb_end(db, status);
}

ntms_err standalone_inventory(struct engine *engine, const ntms_guid *library)
{
    struct library_access access;
    struct drive_search s = { .library = library };
    ntms_err status = library_access_open(engine, library, NULL, &access);

    if (status != NTMS_OK)
        return status;
    if ((status = objdb_begin_read(engine->db)) == NTMS_OK) {
        status = objdb_for_each(engine->db, RSM_DRIVE, drive_of, &s);
        objdb_abort(engine->db);
    }
    if (status == NTMS_OK && !s.hit)
        status = NTMS_E_DEVICE_NOT_AVAILABLE;
    if (status == NTMS_OK && s.drive.info.drive.state == RSM_DRIVESTATE_LOADED)
        status = NTMS_E_BUSY;   /* mounted: the application has it */
    if (status == NTMS_OK)
        status = look(&access, &s.drive);
    library_access_close(&access);
    return status;
}
