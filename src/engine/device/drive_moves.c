#include "engine/device/drive_moves.h"

#include <string.h>

#include "engine/core/owner.h"
#include "engine/device/robot.h"
#include "engine/device/tape_drive.h"

#define FILETIME_PER_SECOND 10000000ull

static const struct rsm_owner nobody = { 0, 0, 0 };

void library_unload_unlocked(struct library_access *a, const struct rsm_object *drive)
{
    struct scsi_transport *tape;

    library_access_release(a);
    if (library_open_drive(a, drive, &tape) == NTMS_OK) {
        tape_unload(tape);
        scsi_transport_close(tape);
    }
    library_access_reacquire(a);
}

static void set_empty(struct rsm_object *drive)
{
    struct rsm_drive *d = &drive->info.drive;

    d->state = RSM_DRIVESTATE_DISMOUNTED;
    d->loaded_media = d->saved_partition = ntms_guid_null;
    d->dismount_due = 0;
    d->tape_source = 0;
    d->holder = nobody;
}

/* ---- dismounting ---- */

static ntms_err record_dismount(struct library_access *a, struct rsm_object *drive, struct rsm_object *media,
                                struct rsm_object *home, bool keep)
{
    struct objdb *db = a->engine->db;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    /* Afresh: the lock was let go while the drive unloaded, and others may
     * have changed the medium (its pool, its name) meanwhile. */
    if ((status = objdb_get(db, &media->id, media)) != NTMS_OK || (status = objdb_get(db, &home->id, home)) != NTMS_OK)
        return objdb_end(db, status);
    media->info.media.location = home->id;
    media->info.media.location_type = RSM_LOCATION_STORAGESLOT;
    media->info.media.media_state = RSM_MEDIASTATE_IDLE;
    media->info.media.mounted_partition = ntms_guid_null;
    home->info.slot.state = RSM_SLOTSTATE_FULL;
    set_empty(drive);
    if (keep)
        drive->info.drive.holder = a->owner;   /* emptied for our own use: nobody else may take it */
    if ((status = objdb_put(db, media)) == NTMS_OK && (status = objdb_put(db, home)) == NTMS_OK)
        status = objdb_put(db, drive);
    return objdb_end(db, status);
}

/* A stand-alone drive's medium has nowhere to go: it stays, dismountable. */
static ntms_err dismount_in_place(struct library_access *a, struct rsm_object *drive, struct rsm_object *media)
{
    struct objdb *db = a->engine->db;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    media->info.media.media_state = RSM_MEDIASTATE_IDLE;
    media->info.media.mounted_partition = ntms_guid_null;
    drive->info.drive.state = RSM_DRIVESTATE_DISMOUNTABLE;
    drive->info.drive.dismount_due = 0;
    drive->info.drive.holder = nobody;
    if ((status = objdb_put(db, media)) == NTMS_OK)
        status = objdb_put(db, drive);
    return objdb_end(db, status);
}

/* Writes the drive (taken, being unloaded) in a transaction of its own. */
static ntms_err put_drive(struct library_access *a, struct rsm_object *drive)
{
    struct objdb *db = a->engine->db;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(db, objdb_put(db, drive));
}

/* The MOVE home failed: the medium is still in the drive as far as anyone
 * knows, due at once: the next housekeeping of any process tries again,
 * as for any stranded tape (operations also arm their dismount timer). */
static void record_failed_move(struct library_access *a, struct rsm_object *drive)
{
    drive->info.drive.state = RSM_DRIVESTATE_DISMOUNTABLE;
    drive->info.drive.dismount_due = objdb_now();
    drive->info.drive.holder = nobody;
    put_drive(a, drive);
}

static ntms_err dismount(struct library_access *a, struct rsm_object *drive, bool keep)
{
    struct rsm_object media, home;

    if (engine_get_object(a->engine, &drive->info.drive.loaded_media, &media) != NTMS_OK)
        return NTMS_E_INVALID_STATE;   /* nothing known in the drive */
    if (!a->changer)
        return dismount_in_place(a, drive, &media);
    ntms_err status = engine_get_object(a->engine, &media.info.media.home_slot, &home);
    if (status != NTMS_OK)
        return status;
    drive->info.drive.state = RSM_DRIVESTATE_UNLOADED;
    drive->info.drive.holder = a->owner;
    if ((status = put_drive(a, drive)) != NTMS_OK)
        return status;
    library_unload_unlocked(a, drive);
    status = robot_move(a->changer, a->transport, drive->info.drive.element_address, home.info.slot.element_address);
    /* Not in the drive any more (moved by a process that died before
     * recording it, or by hand): the records follow the changer. */
    if (status == NTMS_E_SOURCE_ELEMENT_EMPTY)
        status = NTMS_OK;
    if (status != NTMS_OK) {
        record_failed_move(a, drive);
        return status;
    }
    return record_dismount(a, drive, &media, &home, keep);
}

ntms_err library_dismount(struct library_access *a, struct rsm_object *drive)
{
    return dismount(a, drive, false);
}

ntms_err library_empty_for_use(struct library_access *a, struct rsm_object *drive)
{
    return dismount(a, drive, true);
}

void library_defer_dismount(struct library_access *a, struct rsm_object *drive, const ntms_guid *media,
                            const ntms_guid *partition)
{
    struct rsm_drive *d = &drive->info.drive;

    d->state = RSM_DRIVESTATE_DISMOUNTABLE;
    d->loaded_media = *media;
    d->saved_partition = *partition;
    d->holder = nobody;
    /* A stand-alone drive keeps its medium: nothing will fall due. */
    d->dismount_due = a->changer ? objdb_now() + (uint64_t)d->defer_dismount_delay * FILETIME_PER_SECOND : 0;
}

/* ---- loading ---- */

static ntms_err record_load(struct library_access *a, struct rsm_object *drive, uint16_t from,
                            struct rsm_object *media, const ntms_guid *partition)
{
    struct objdb *db = a->engine->db;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    struct rsm_drive *d = &drive->info.drive;
    d->state = RSM_DRIVESTATE_MOUNTED;   /* in the drive, not ready yet */
    d->tape_source = from;
    d->dismount_due = 0;
    if (media) {
        ntms_guid side = *partition;   /* may point into *media, read again below */
        /* Afresh: the caller's copy may be older than others' changes. */
        if ((status = objdb_get(db, &media->id, media)) != NTMS_OK)
            return objdb_end(db, status);
        d->loaded_media = media->id;
        d->saved_partition = side;
        media->info.media.location = drive->id;
        media->info.media.location_type = RSM_LOCATION_DRIVE;
        media->info.media.media_state = RSM_MEDIASTATE_MOUNTED;
        media->info.media.mounted_partition = side;
        status = objdb_put(db, media);
    }
    if (status == NTMS_OK)
        status = objdb_put(db, drive);
    return objdb_end(db, status);
}

ntms_err library_load(struct library_access *a, struct rsm_object *drive, uint16_t from, struct rsm_object *media,
                      const ntms_guid *partition)
{
    ntms_err status = robot_move(a->changer, a->transport, from, drive->info.drive.element_address);

    if (status != NTMS_OK)
        return status;
    if ((status = record_load(a, drive, from, media, partition)) != NTMS_OK)
        library_return_tape(a, drive, from);   /* never a tape where the records do not say */
    return status;
}

/* ---- returning a tape the records do not place ---- */

ntms_err library_return_tape(struct library_access *a, struct rsm_object *drive, uint16_t to)
{
    library_unload_unlocked(a, drive);
    ntms_err status = robot_move(a->changer, a->transport, drive->info.drive.element_address, to);
    if (status == NTMS_E_SOURCE_ELEMENT_EMPTY)
        status = NTMS_OK;   /* it never arrived, or is gone already */
    set_empty(drive);
    ntms_err recorded = put_drive(a, drive);
    return status != NTMS_OK ? status : recorded;
}
