/* MountNtmsMedia: sides (partition or logical media ids) into drives. A mounted drive
 * belongs to the session that mounted it until that session dismounts,
 * closes, or its process ends; no other call moves its tape. */
#include "engine/ops/mount.h"

#include <stdlib.h>
#include <string.h>

#include "engine/ops/busy_wait.h"
#include "engine/device/dismount_timer.h"
#include "engine/device/drive_moves.h"
#include "engine/device/drive_choice.h"
#include "engine/device/library_access.h"
#include "engine/core/owner.h"
#include "engine/ops/dismount.h"
#include "engine/ops/library_presence.h"
#include "engine/ops/media_sides.h"
#include "engine/device/robot.h"
#include "engine/device/tape_drive.h"

/* A COMPLETE side is written for good: no WRITE mount ([MS-RSMP]; MountNtmsMedia's docs). */
static bool write_refused(const struct rsm_object *partition, uint32_t options)
{
    return (options & RSM_MOUNT_WRITE) && partition->info.partition.state == RSM_PARTSTATE_COMPLETE;
}

static ntms_err check_mountable(struct engine *engine, const struct media_side *side, uint32_t options)
{
    if (!side->media.enabled || !side->partition.enabled)
        return NTMS_E_RESOURCE_DISABLED;
    if (write_refused(&side->partition, options))
        return NTMS_E_WRITE_PROTECT;
    return media_side_in_a_library(engine, side);
}

/* ---- mounting ---- */

/* The mount recorded on fresh copies of the medium and side (another
 * process may have changed them since they were read), refused when the
 * side was completed meanwhile and the mount is for writing. */
static ntms_err mounted_in_records(struct objdb *db, struct rsm_object *drive, struct media_side *side,
                                   const struct rsm_owner *owner, uint32_t options)
{
    ntms_guid media_id = side->media.id, partition_id = side->partition.id;
    ntms_err status;

    if ((status = objdb_get(db, &media_id, &side->media)) != NTMS_OK
        || (status = objdb_get(db, &partition_id, &side->partition)) != NTMS_OK)
        return status;
    if (write_refused(&side->partition, options))
        return NTMS_E_WRITE_PROTECT;
    struct rsm_drive *d = &drive->info.drive;
    d->state = RSM_DRIVESTATE_LOADED;
    d->loaded_media = side->media.id;
    d->saved_partition = side->partition.id;
    d->dismount_due = 0;
    d->holder = *owner;
    d->mount_count++;
    side->media.info.media.location = drive->id;
    side->media.info.media.location_type = RSM_LOCATION_DRIVE;
    side->media.info.media.media_state = RSM_MEDIASTATE_MOUNTED;
    side->media.info.media.mounted_partition = side->partition.id;
    side->partition.info.partition.mount_count++;
    if ((status = objdb_put(db, drive)) == NTMS_OK && (status = objdb_put(db, &side->media)) == NTMS_OK)
        status = objdb_put(db, &side->partition);
    return status;
}

static ntms_err record_mounted(struct library_access *a, struct rsm_object *drive, struct media_side *side,
                               uint32_t options)
{
    struct objdb *db = a->engine->db;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(db, mounted_in_records(db, drive, side, &a->owner, options));
}

/* Waits for the drive, with the robot lock released; a mount for
 * writing also asks whether the tape is write-protected. */
static ntms_err wait_ready_unlocked(struct library_access *a, const struct rsm_object *drive, uint32_t options)
{
    struct scsi_transport *tape;

    library_access_release(a);
    ntms_err status = library_open_drive(a, drive, &tape);
    if (status == NTMS_OK) {
        status = tape_wait_ready(tape, tape_ready_wait_ms());
        if (status == NTMS_OK && (options & RSM_MOUNT_WRITE) && tape_write_protected(tape))
            status = NTMS_E_WRITE_PROTECT;
        scsi_transport_close(tape);
    }
    ntms_err locked = library_access_reacquire(a);
    return status != NTMS_OK ? status : locked;
}

static ntms_err choose_drive(struct library_access *a, const ntms_guid *specific, struct rsm_object *drive)
{
    if (!specific)
        return library_take_drive(a, true, NULL, 0, drive);
    if (engine_get_object(a->engine, specific, drive) != NTMS_OK || drive->type != RSM_DRIVE
        || !ntms_guid_equal(&drive->info.drive.library, &a->library.id))
        return NTMS_E_INVALID_DRIVE;
    return library_take_this_drive(a, drive);
}

/* Choosing a drive may let go of the robot lock (to empty one): has the
 * medium moved meanwhile (another process put it in a drive)? */
static bool moved_meanwhile(struct library_access *a, const struct media_side *side)
{
    struct rsm_object now;

    return engine_get_object(a->engine, &side->media.id, &now) != NTMS_OK
        || !ntms_guid_equal(&now.info.media.location, &side->media.info.media.location)
        || now.info.media.location_type != side->media.info.media.location_type;
}

/* From its home slot into a drive; ready, or back home. *look_again: the
 * medium moved while the lock was let go; nothing was done. */
static ntms_err load_into_drive(struct library_access *a, struct media_side *side, const ntms_guid *specific,
                                uint32_t options, struct rsm_object *drive, bool *look_again)
{
    struct rsm_object home;
    ntms_err status;
    unsigned lock_takes = a->lock_takes;

    if (!a->changer)
        return NTMS_E_MEDIA_OFFLINE;   /* a stand-alone drive without it */
    if (engine_get_object(a->engine, &side->media.info.media.home_slot, &home) != NTMS_OK)
        return NTMS_E_INVALID_MEDIA;
    if ((status = choose_drive(a, specific, drive)) != NTMS_OK)
        return status;
    if (a->lock_takes != lock_takes && moved_meanwhile(a, side)) {
        library_give_back(a, drive);
        *look_again = true;
        return NTMS_OK;
    }
    status = library_load(a, drive, home.info.slot.element_address, &side->media, &side->partition.id);
    if (status != NTMS_OK) {
        library_give_back(a, drive);
        /* Its slot empty: another process has it in a drive, identifying it. */
        if (status == NTMS_E_SOURCE_ELEMENT_EMPTY && library_source_taken(a, home.info.slot.element_address))
            status = NTMS_E_BUSY;
        return status;
    }
    if ((status = wait_ready_unlocked(a, drive, options)) == NTMS_OK)
        status = record_mounted(a, drive, side, options);
    if (status != NTMS_OK && library_dismount(a, drive) != NTMS_OK)   /* never a tape where the records do not say */
        dismount_timer_arm(a->engine);
    return status;
}

/* Into a drive (already there under a deferred dismount: used in place). */
static ntms_err mount_one(struct library_access *a, struct media_side *side, const ntms_guid *specific,
                          uint32_t options, struct rsm_object *drive, bool *look_again)
{
    if (!library_drive_holding(a, &side->media.id, drive))
        return load_into_drive(a, side, specific, options, drive, look_again);
    if (drive->info.drive.state != RSM_DRIVESTATE_DISMOUNTABLE || library_drive_taken(drive))
        return NTMS_E_BUSY;            /* mounted, or in use, by someone */
    if (specific && !ntms_guid_equal(specific, &drive->id))
        return NTMS_E_BUSY;            /* it waits in another drive: that one is busy with it */
    ntms_err status = library_claim_drive(a, drive);
    if (status != NTMS_OK)
        return status;
    if (options & RSM_MOUNT_WRITE)
        status = wait_ready_unlocked(a, drive, options);
    if (status == NTMS_OK)
        status = record_mounted(a, drive, side, options);
    if (status != NTMS_OK)
        library_give_back(a, drive);   /* it waits there, deferred, as before */
    return status;
}

/* Looks at where a medium is, per mount call, before it waits as busy. */
#define MOUNT_LOOKS 16

/* The sides from `*done` on into drives, under the library's lock. */
static ntms_err mount_from(struct engine *engine, const struct rsm_owner *owner, const ntms_guid *library,
                           const ntms_guid *ids, ntms_guid *drives, uint32_t count, uint32_t options, uint32_t *done)
{
    struct library_access access;
    struct media_side side;
    ntms_err status = library_open_present(engine, library, owner, &access);

    unsigned looks = 0;
    while (status == NTMS_OK && *done < count && looks < MOUNT_LOOKS) {
        struct rsm_object drive;
        uint32_t i = *done;
        bool look_again = false;
        if ((status = media_side_resolve(engine, &ids[i], &side)) == NTMS_OK
            && (status = mount_one(&access, &side, (options & RSM_MOUNT_SPECIFIC_DRIVE) ? &drives[i] : NULL, options,
                                   &drive, &look_again)) == NTMS_OK) {
            if (look_again) {
                looks++;
                continue;
            }
            drives[i] = drive.id;
            (*done)++;
        }
    }
    if (status == NTMS_OK && *done < count)
        status = NTMS_E_BUSY;   /* it kept moving under us: wait, then try again */
    if (access.lock)
        library_access_close(&access);
    return status;
}

ntms_err engine_mount(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                      ntms_guid *drives, uint32_t count, uint32_t options, uint32_t timeout_ms)
{
    struct media_side side;
    struct busy_wait wait;
    struct rsm_owner owner = owner_of_session(session);
    ntms_guid library = ntms_guid_null;
    ntms_err status = NTMS_OK;
    uint32_t done = 0;
    bool waited = false;

    for (uint32_t i = 0; i < count && status == NTMS_OK; i++) {
        if ((status = media_side_resolve(engine, &ids[i], &side)) == NTMS_OK
            && (status = check_mountable(engine, &side, options)) == NTMS_OK && i > 0
            && !ntms_guid_equal(&library, &side.media.info.media.current_library))
            status = NTMS_E_DRIVE_MEDIA_MISMATCH;
        library = side.media.info.media.current_library;
    }
    if (status != NTMS_OK)
        return status;
    /* A busy drive or medium is waited for, outside the lock, up to the
     * caller's timeout; ERROR_NOT_AVAILABLE and NOWAIT ask not to wait. */
    busy_wait_start(&wait, (options & (RSM_MOUNT_ERROR_NOT_AVAILABLE | RSM_MOUNT_NOWAIT)) ? 0 : timeout_ms);
    while ((status = mount_from(engine, &owner, &library, ids, drives, count, options, &done)) == NTMS_E_BUSY
           && busy_wait_again(&wait))
        waited = true;
    if (status != NTMS_OK && done > 0)
        engine_dismount(engine, session, ids, done, 0);   /* all of them or none */
    return status == NTMS_E_BUSY && waited ? NTMS_E_TIMEOUT : status;
}
