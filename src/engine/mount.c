/* MountNtmsMedia, DismountNtmsMedia, DismountNtmsDrive: sides (partition
 * ids) into drives and back, through library_access. */
#include "engine/engine.h"

#include <string.h>

#include "engine/busy_wait.h"
#include "engine/dismount_timer.h"
#include "engine/library_access.h"
#include "engine/robot.h"

#define READY_TIMEOUT_MS (120 * 1000)

struct side {
    struct rsm_object partition, media;
};

/* A side id (or a physical medium with one side) and its medium. */
static ntms_err resolve(struct engine *engine, const ntms_guid *id, struct side *side)
{
    struct rsm_object o;

    if (engine_get_object(engine, id, &o) != NTMS_OK)
        return NTMS_E_INVALID_MEDIA;
    if (o.type == RSM_PARTITION) {
        side->partition = o;
        return engine_get_object(engine, &o.info.partition.physical_media, &side->media) == NTMS_OK
            ? NTMS_OK : NTMS_E_INVALID_MEDIA;
    }
    return NTMS_E_INVALID_MEDIA;   /* logical media need AllocateNtmsMedia (not yet) */
}

static ntms_err check_online(struct engine *engine, const struct side *side)
{
    struct rsm_object library;

    if (!side->media.enabled || !side->partition.enabled)
        return NTMS_E_RESOURCE_DISABLED;
    if (ntms_guid_is_null(&side->media.info.media.current_library)
        || engine_get_object(engine, &side->media.info.media.current_library, &library) != NTMS_OK
        || library.info.library.library_type == RSM_LIBRARYTYPE_OFFLINE)
        return NTMS_E_MEDIA_OFFLINE;
    return NTMS_OK;
}

static ntms_err record_mount(struct library_access *a, struct rsm_object *drive, struct side *side)
{
    struct objdb *db = a->engine->db;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    struct rsm_drive *d = &drive->info.drive;
    d->state = RSM_DRIVESTATE_LOADED;
    d->loaded_media = side->media.id;
    d->saved_partition = side->partition.id;
    d->dismount_due = 0;
    d->mount_count++;
    side->media.info.media.location = drive->id;
    side->media.info.media.location_type = RSM_LOCATION_DRIVE;
    side->media.info.media.media_state = RSM_MEDIASTATE_MOUNTED;
    side->media.info.media.mounted_partition = side->partition.id;
    side->partition.info.partition.mount_count++;
    if ((status = objdb_put(db, drive)) == NTMS_OK && (status = objdb_put(db, &side->media)) == NTMS_OK)
        status = objdb_put(db, &side->partition);
    return objdb_end(db, status);
}

/* Into the drive (already there under a deferred dismount: used in place). */
static ntms_err mount_one(struct library_access *a, struct side *side, const ntms_guid *specific,
                          struct rsm_object *drive)
{
    struct rsm_object home;
    struct scsi_transport *tape;
    ntms_err status;

    if (library_drive_holding(a, &side->media.id, drive)) {
        if (drive->info.drive.state != RSM_DRIVESTATE_DISMOUNTABLE)
            return NTMS_E_BUSY;            /* mounted by someone else */
        return record_mount(a, drive, side);
    }
    if (specific) {
        if (engine_get_object(a->engine, specific, drive) != NTMS_OK || drive->type != RSM_DRIVE
            || !ntms_guid_equal(&drive->info.drive.library, &a->library.id))
            return NTMS_E_INVALID_DRIVE;
        if (!ntms_guid_is_null(&drive->info.drive.loaded_media)
            && (status = library_dismount(a, drive)) != NTMS_OK)
            return NTMS_E_BUSY;
    } else if ((status = library_choose_drive(a, true, NULL, 0, drive)) != NTMS_OK) {
        return status;
    }
    if ((status = engine_get_object(a->engine, &side->media.info.media.home_slot, &home)) != NTMS_OK)
        return NTMS_E_INVALID_MEDIA;
    status = robot_move(a->changer, a->transport, home.info.slot.element_address, drive->info.drive.element_address);
    if (status != NTMS_OK)
        return status;
    if ((status = library_open_drive(a, drive, &tape)) == NTMS_OK) {
        status = robot_wait_ready(tape, READY_TIMEOUT_MS);
        scsi_transport_close(tape);
    }
    if (status == NTMS_OK)
        status = record_mount(a, drive, side);
    if (status != NTMS_OK)   /* never leave a tape where the database does not know it */
        robot_move(a->changer, a->transport, drive->info.drive.element_address, home.info.slot.element_address);
    return status;
}

/* The sides from `*done` on into drives, under the library's lock. */
static ntms_err mount_from(struct engine *engine, const ntms_guid *library, const ntms_guid *ids, ntms_guid *drives,
                           uint32_t count, uint32_t options, uint32_t *done)
{
    struct library_access access;
    struct side side;
    ntms_err status = library_access_open(engine, library, &access);

    while (status == NTMS_OK && *done < count) {
        struct rsm_object drive;
        uint32_t i = *done;
        if ((status = resolve(engine, &ids[i], &side)) == NTMS_OK
            && (status = mount_one(&access, &side, (options & 0x10) ? &drives[i] : NULL, &drive)) == NTMS_OK) {
            drives[i] = drive.id;
            (*done)++;
        }
    }
    if (access.lock)
        library_access_close(&access);
    return status;
}

#define MOUNT_ERROR_NOT_AVAILABLE 0x04
#define MOUNT_NOWAIT 0x20

ntms_err engine_mount(struct engine *engine, const ntms_guid *ids, ntms_guid *drives, uint32_t count,
                      uint32_t options, uint32_t timeout_ms)
{
    struct side side;
    struct busy_wait wait;
    ntms_guid library = ntms_guid_null;
    ntms_err status = NTMS_OK;
    uint32_t done = 0;
    bool waited = false;

    for (uint32_t i = 0; i < count && status == NTMS_OK; i++) {
        if ((status = resolve(engine, &ids[i], &side)) == NTMS_OK && (status = check_online(engine, &side)) == NTMS_OK
            && i > 0 && !ntms_guid_equal(&library, &side.media.info.media.current_library))
            status = NTMS_E_DRIVE_MEDIA_MISMATCH;
        library = side.media.info.media.current_library;
    }
    if (status != NTMS_OK)
        return status;
    /* A busy drive or medium is waited for, outside the lock, up to the
     * caller's timeout; ERROR_NOT_AVAILABLE and NOWAIT ask not to wait. */
    busy_wait_start(&wait, (options & (MOUNT_ERROR_NOT_AVAILABLE | MOUNT_NOWAIT)) ? 0 : timeout_ms);
    while ((status = mount_from(engine, &library, ids, drives, count, options, &done)) == NTMS_E_BUSY
           && busy_wait_again(&wait))
        waited = true;
    if (status != NTMS_OK && done > 0)
        engine_dismount(engine, ids, done, 0);   /* all of them or none */
    return status == NTMS_E_BUSY && waited ? NTMS_E_TIMEOUT : status;
}

static ntms_err dismount_one(struct library_access *a, struct side *side, uint32_t options)
{
    struct rsm_object drive;

    if (!library_drive_holding(a, &side->media.id, &drive))
        return NTMS_E_INVALID_STATE;
    if (!(options & 1))   /* NTMS_DISMOUNT_DEFERRED */
        return library_dismount(a, &drive);
    ntms_err status = objdb_begin_write(a->engine->db);
    if (status != NTMS_OK)
        return status;
    library_defer_dismount(a, &drive, &side->media.id, &side->partition.id);
    side->media.info.media.media_state = RSM_MEDIASTATE_LOADED;
    if ((status = objdb_put(a->engine->db, &drive)) == NTMS_OK)
        status = objdb_put(a->engine->db, &side->media);
    if ((status = objdb_end(a->engine->db, status)) == NTMS_OK)
        dismount_timer_arm(a->engine);
    return status;
}

ntms_err engine_dismount(struct engine *engine, const ntms_guid *ids, uint32_t count, uint32_t options)
{
    ntms_err status = NTMS_OK;

    for (uint32_t i = 0; i < count && status == NTMS_OK; i++) {
        struct library_access access;
        struct side side;
        if ((status = resolve(engine, &ids[i], &side)) != NTMS_OK || (status = check_online(engine, &side)) != NTMS_OK)
            break;
        if ((status = library_access_open(engine, &side.media.info.media.current_library, &access)) != NTMS_OK)
            break;
        status = dismount_one(&access, &side, options);
        library_access_close(&access);
    }
    return status;
}

ntms_err engine_dismount_drive(struct engine *engine, const ntms_guid *drive_id)
{
    struct rsm_object drive;
    struct library_access access;

    if (engine_get_object(engine, drive_id, &drive) != NTMS_OK || drive.type != RSM_DRIVE)
        return NTMS_E_INVALID_DRIVE;
    if (!drive.enabled)
        return NTMS_E_DEVICE_NOT_AVAILABLE;
    ntms_err status = library_access_open(engine, &drive.info.drive.library, &access);
    if (status != NTMS_OK)
        return status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_E_INVALID_LIBRARY : status;
    engine_get_object(engine, drive_id, &drive);   /* housekeeping may have changed it */
    status = ntms_guid_is_null(&drive.info.drive.loaded_media) ? NTMS_E_INVALID_STATE
                                                                : library_dismount(&access, &drive);
    library_access_close(&access);
    return status;
}

void engine_send_deferred_home(struct engine *engine, const ntms_guid *drive_id)
{
    struct rsm_object drive;
    struct library_access access;

    if (engine_get_object(engine, drive_id, &drive) != NTMS_OK || drive.info.drive.state != RSM_DRIVESTATE_DISMOUNTABLE
        || library_access_open(engine, &drive.info.drive.library, &access) != NTMS_OK)
        return;
    if (engine_get_object(engine, drive_id, &drive) == NTMS_OK && drive.info.drive.state == RSM_DRIVESTATE_DISMOUNTABLE)
        library_dismount(&access, &drive);
    library_access_close(&access);
}
