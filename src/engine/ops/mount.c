/* MountNtmsMedia: sides (partition or logical media ids) into drives. A mounted drive
 * belongs to the session that mounted it until that session dismounts,
 * closes, or its process ends; no other call moves its tape. */
#include "engine/ops/mount.h"

#include <stdlib.h>
#include <string.h>

#include "engine/ops/busy_wait.h"
#include "engine/ops/device_alerts.h"
#include "engine/ops/offline_media.h"
#include "engine/ops/request_queue.h"
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

/* Every side mountable, all in one library (*library; null while all are
 * offline); *offline: some are offline (an operator may bring them). */
static ntms_err check_sides(struct engine *engine, const ntms_guid *ids, uint32_t count, uint32_t options,
                            ntms_guid *library, bool *offline)
{
    struct media_side side;
    ntms_err status = NTMS_OK;

    *library = ntms_guid_null;
    *offline = false;
    for (uint32_t i = 0; i < count && status == NTMS_OK; i++) {
        if ((status = media_side_resolve(engine, &ids[i], &side)) == NTMS_OK)
            status = check_mountable(engine, &side, options);
        if (status == NTMS_E_MEDIA_OFFLINE) {
            *offline = true;
            status = NTMS_OK;
            continue;
        }
        const ntms_guid *in = &side.media.info.media.current_library;
        if (status == NTMS_OK && !ntms_guid_is_null(library) && !ntms_guid_equal(library, in))
            status = NTMS_E_DRIVE_MEDIA_MISMATCH;
        if (status == NTMS_OK)
            *library = *in;
    }
    return status;
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

/* One try of a mount call, under the library's lock. */
struct mount_try {
    struct library_access access;
    struct queued_mount  *call;
};

/* From its home slot into a drive; ready, or back home. *look_again: the
 * medium moved while the lock was let go; nothing was done. */
static ntms_err load_into_drive(struct mount_try *t, struct media_side *side, const ntms_guid *specific,
                                struct rsm_object *drive, bool *look_again)
{
    struct library_access *a = &t->access;
    uint32_t options = t->call->options;
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
    queued_mount_has_drive(t->call);
    status = library_load(a, drive, home.info.slot.element_address, &side->media, &side->partition.id);
    if (status != NTMS_OK) {
        device_alert(a->engine, &a->library.id, NULL, status);
        library_give_back(a, drive);
        /* Its slot empty: another process has it in a drive, identifying it. */
        if (status == NTMS_E_SOURCE_ELEMENT_EMPTY && library_source_taken(a, home.info.slot.element_address))
            status = NTMS_E_BUSY;
        return status;
    }
    if ((status = wait_ready_unlocked(a, drive, options)) == NTMS_OK)
        status = record_mounted(a, drive, side, options);
    else
        device_alert(a->engine, &a->library.id, &drive->id, status);
    if (status != NTMS_OK && library_dismount(a, drive) != NTMS_OK)   /* never a tape where the records do not say */
        dismount_timer_arm(a->engine);
    return status;
}

/* Into a drive (already there under a deferred dismount: used in place). */
static ntms_err mount_one(struct mount_try *t, struct media_side *side, const ntms_guid *specific,
                          struct rsm_object *drive, bool *look_again)
{
    struct library_access *a = &t->access;
    uint32_t options = t->call->options;

    if (!library_drive_holding(a, &side->media.id, drive))
        return load_into_drive(t, side, specific, drive, look_again);
    if (drive->info.drive.state != RSM_DRIVESTATE_DISMOUNTABLE || library_drive_taken(drive))
        return NTMS_E_BUSY;            /* mounted, or in use, by someone */
    if (specific && !ntms_guid_equal(specific, &drive->id))
        return NTMS_E_BUSY;            /* it waits in another drive: that one is busy with it */
    ntms_err status = library_claim_drive(a, drive);
    if (status != NTMS_OK)
        return status;
    queued_mount_has_drive(t->call);
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
static ntms_err mount_from(struct queued_mount *q, ntms_guid *drives, uint32_t *done)
{
    struct mount_try t = { .call = q };
    struct rsm_owner owner = owner_of_session(q->session);
    struct media_side side;
    ntms_err status = library_open_present(q->engine, &q->library, &owner, &t.access);

    unsigned looks = 0;
    while (status == NTMS_OK && *done < q->count && looks < MOUNT_LOOKS) {
        struct rsm_object drive;
        uint32_t i = *done;
        bool look_again = false;
        if ((status = media_side_resolve(q->engine, &q->ids[i], &side)) == NTMS_OK
            && (status = mount_one(&t, &side, (q->options & RSM_MOUNT_SPECIFIC_DRIVE) ? &drives[i] : NULL, &drive,
                                   &look_again)) == NTMS_OK) {
            if (look_again) {
                looks++;
                continue;
            }
            drives[i] = drive.id;
            (*done)++;
        }
    }
    if (status == NTMS_OK && *done < q->count)
        status = NTMS_E_BUSY;   /* it kept moving under us: wait, then try again */
    if (t.access.lock)
        library_access_close(&t.access);
    return status;
}

/* Offline media brought by an operator, one after the other; then their
 * library must still be the others'. */
static ntms_err bring_offline_media(struct offline_wait *w, const ntms_guid *ids, uint32_t count, uint32_t options,
                                    ntms_guid *library)
{
    bool offline = false;
    ntms_err status = NTMS_OK;

    for (uint32_t i = 0; i < count && status == NTMS_OK; i++)
        status = offline_medium_wait(w, &ids[i]);
    if (status == NTMS_OK)
        status = check_sides(w->engine, ids, count, options, library, &offline);
    return status == NTMS_OK && offline ? NTMS_E_MEDIA_OFFLINE : status;
}

/* Its turn in the library's queue, then tries until mounted, refused, cancelled or out of time. */
static ntms_err mount_in_turn(struct queued_mount *q, ntms_guid *drives, uint32_t *done)
{
    bool waited = false;
    ntms_err status;

    while ((status = queued_mount_turn(q)) == NTMS_OK) {
        status = mount_from(q, drives, done);
        if (status != NTMS_E_BUSY || !queued_mount_again(q))
            break;
        waited = true;
    }
    return status == NTMS_E_BUSY && waited ? NTMS_E_TIMEOUT : status;
}

ntms_err engine_mount_prioritized(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                                  ntms_guid *drives, uint32_t count, uint32_t options, int32_t priority,
                                  uint32_t timeout_ms)
{
    struct queued_mount q = { .engine = engine, .session = session, .ids = ids, .drives = drives, .count = count,
                              .options = options };
    struct busy_wait deadline;
    bool offline;
    uint32_t done = 0;
    ntms_err status = check_sides(engine, ids, count, options, &q.library, &offline);

    /* ERROR_NOT_AVAILABLE, NOWAIT and a timeout of 0 ask not to wait for
     * busy drives or media; ERROR_OFFLINE (or no wait at all) not to ask
     * an operator for offline media. */
    q.no_wait = (options & (RSM_MOUNT_ERROR_NOT_AVAILABLE | RSM_MOUNT_NOWAIT)) || timeout_ms == 0;
    if (status == NTMS_OK && offline && ((options & (RSM_MOUNT_ERROR_OFFLINE | RSM_MOUNT_NOWAIT)) || !timeout_ms))
        status = NTMS_E_MEDIA_OFFLINE;
    if (status == NTMS_OK && offline && ntms_guid_is_null(&q.library))
        status = offline_target_library(engine, ids, count, &q.library);
    if (status != NTMS_OK)
        return status;
    busy_wait_start(&deadline, timeout_ms);
    busy_wait_start(&q.wait, q.no_wait ? 0 : timeout_ms);
    struct offline_wait bringing = { engine, session, ntms_guid_null, q.library, ntms_guid_null, &deadline };
    status = queued_mount_open(&q, priority);
    bringing.call_request = q.request;
    if (status == NTMS_OK && offline)
        status = bring_offline_media(&bringing, ids, count, options, &q.library);
    if (status == NTMS_OK)
        status = mount_in_turn(&q, drives, &done);
    if (status != NTMS_OK && done > 0)
        engine_dismount(engine, session, ids, done, 0);   /* all of them or none */
    if (!ntms_guid_is_null(&q.request))
        queued_mount_close(&q, status, status == NTMS_OK ? &drives[0] : NULL);
    offline_wait_done(&bringing);
    return status;
}

ntms_err engine_mount(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                      ntms_guid *drives, uint32_t count, uint32_t options, uint32_t timeout_ms)
{
    return engine_mount_prioritized(engine, session, ids, drives, count, options, RSM_PRIORITY_NORMAL, timeout_ms);
}
