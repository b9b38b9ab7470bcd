/* InventoryNtmsLibrary of a stand-alone library: the one drive is looked
 * at; what is in it is identified as IdentifyNtmsSlot would (a blank tape
 * without barcode stays one record), a medium no longer there goes to the
 * offline library. */
#include "engine/ops/standalone_inventory.h"
#include "engine/core/record_lookup.h"

#include <string.h>

#include "engine/device/library_access.h"
#include "engine/ops/library_presence.h"
#include "engine/device/tape_drive.h"
#include "engine/device/tape_reading.h"
#include "engine/records/media_recording.h"
#include "engine/records/media_records.h"

#define PRESENT_TIMEOUT_MS 1000   /* nothing is being loaded: "no medium" is the answer */

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
    ntms_err ready = tape_wait_ready(tape, PRESENT_TIMEOUT_MS);
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
    struct rsm_object drive;
    ntms_err status = library_open_present(engine, library, NULL, &access);

    if (status != NTMS_OK)
        return status;
    if ((status = objdb_begin_read(engine->db)) == NTMS_OK) {
        status = records_find(engine->db, RSM_DRIVE, record_in_library, library, &drive);
        objdb_abort(engine->db);
    }
    if (status == NTMS_E_OBJECT_NOT_FOUND)
        status = NTMS_E_DEVICE_NOT_AVAILABLE;
    if (status == NTMS_OK && drive.info.drive.state == RSM_DRIVESTATE_LOADED)
        status = NTMS_E_BUSY;   /* mounted: the application has it */
    if (status == NTMS_OK)
        status = look(&access, &drive);
    library_access_close(&access);
    return status;
}
