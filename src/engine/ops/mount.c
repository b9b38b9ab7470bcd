/* MountNtmsMedia, DismountNtmsMedia, DismountNtmsDrive: sides (partition
 * ids) into drives and back. A mounted drive belongs to the session that
 * mounted it until that session dismounts, closes, or its process ends;
 * no other call moves its tape. */
#include "engine/core/engine.h"

#include <stdlib.h>
#include <string.h>

#include "engine/ops/busy_wait.h"
#include "engine/device/dismount_timer.h"
#include "engine/device/drive_moves.h"
#include "engine/device/library_access.h"
#include "engine/core/owner.h"
#include "engine/device/robot.h"

enum { MOUNT_ERROR_NOT_AVAILABLE = 0x04, MOUNT_SPECIFIC_DRIVE = 0x10, MOUNT_NOWAIT = 0x20 };
enum { DISMOUNT_DEFERRED = 0x01 };

struct side {
    struct rsm_object partition, media;
};

static struct rsm_owner owner_of(const struct ntms_session *session)
{
    return owner_self(session ? session->serial : 0);
}

static bool same_owner(const struct rsm_owner *a, const struct rsm_owner *b)
{
    return a->process == b->process && a->process_started == b->process_started && a->session == b->session;
}

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

static ntms_err check_in_a_library(struct engine *engine, const struct side *side)
{
    struct rsm_object library;

    if (ntms_guid_is_null(&side->media.info.media.current_library)
        || engine_get_object(engine, &side->media.info.media.current_library, &library) != NTMS_OK
        || library.info.library.library_type == RSM_LIBRARYTYPE_OFFLINE)
        return NTMS_E_MEDIA_OFFLINE;
    return NTMS_OK;
}

static ntms_err check_mountable(struct engine *engine, const struct side *side)
{
    if (!side->media.enabled || !side->partition.enabled)
        return NTMS_E_RESOURCE_DISABLED;
    return check_in_a_library(engine, side);
}

/* ---- mounting ---- */

static ntms_err record_mounted(struct library_access *a, struct rsm_object *drive, struct side *side)
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
    d->holder = a->owner;
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

/* Waits for the drive, with the robot lock released. */
static ntms_err wait_ready_unlocked(struct library_access *a, const struct rsm_object *drive)
{
    struct scsi_transport *tape;

    library_access_release(a);
    ntms_err status = library_open_drive(a, drive, &tape);
    if (status == NTMS_OK) {
        status = robot_wait_ready(tape, robot_ready_wait_ms());
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

/* From its home slot into a drive; ready, or back home. */
static ntms_err load_into_drive(struct library_access *a, struct side *side, const ntms_guid *specific,
                                struct rsm_object *drive)
{
    struct rsm_object home;
    ntms_err status;

    if (!a->changer)
        return NTMS_E_MEDIA_OFFLINE;   /* a stand-alone drive without it */
    if (engine_get_object(a->engine, &side->media.info.media.home_slot, &home) != NTMS_OK)
        return NTMS_E_INVALID_MEDIA;
    if ((status = choose_drive(a, specific, drive)) != NTMS_OK)
        return status;
    status = library_load(a, drive, home.info.slot.element_address, &side->media, &side->partition.id);
    if (status != NTMS_OK) {
        library_give_back(a, drive);
        /* Its slot empty: another process has it in a drive, identifying it. */
        if (status == NTMS_E_SOURCE_ELEMENT_EMPTY && library_source_taken(a, home.info.slot.element_address))
            status = NTMS_E_BUSY;
        return status;
    }
    if ((status = wait_ready_unlocked(a, drive)) == NTMS_OK)
        status = record_mounted(a, drive, side);
    if (status != NTMS_OK)   /* never leave a tape where the records do not say */
        library_dismount(a, drive);
    return status;
}

/* Into a drive (already there under a deferred dismount: used in place). */
static ntms_err mount_one(struct library_access *a, struct side *side, const ntms_guid *specific,
                          struct rsm_object *drive)
{
    if (!library_drive_holding(a, &side->media.id, drive))
        return load_into_drive(a, side, specific, drive);
    if (drive->info.drive.state != RSM_DRIVESTATE_DISMOUNTABLE || library_drive_taken(drive))
        return NTMS_E_BUSY;            /* mounted, or in use, by someone */
    if (specific && !ntms_guid_equal(specific, &drive->id))
        return NTMS_E_BUSY;            /* it waits in another drive: that one is busy with it */
    ntms_err status = library_claim_drive(a, drive);
    if (status == NTMS_OK && (status = record_mounted(a, drive, side)) != NTMS_OK)
        library_give_back(a, drive);
    return status;
}

/* The sides from `*done` on into drives, under the library's lock. */
static ntms_err mount_from(struct engine *engine, const struct rsm_owner *owner, const ntms_guid *library,
                           const ntms_guid *ids, ntms_guid *drives, uint32_t count, uint32_t options, uint32_t *done)
{
    struct library_access access;
    struct side side;
    ntms_err status = library_access_open(engine, library, owner, &access);

    while (status == NTMS_OK && *done < count) {
        struct rsm_object drive;
        uint32_t i = *done;
        if ((status = resolve(engine, &ids[i], &side)) == NTMS_OK
            && (status = mount_one(&access, &side, (options & MOUNT_SPECIFIC_DRIVE) ? &drives[i] : NULL, &drive))
                   == NTMS_OK) {
            drives[i] = drive.id;
            (*done)++;
        }
    }
    if (access.lock)
        library_access_close(&access);
    return status;
}

ntms_err engine_mount(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                      ntms_guid *drives, uint32_t count, uint32_t options, uint32_t timeout_ms)
{
    struct side side;
    struct busy_wait wait;
    struct rsm_owner owner = owner_of(session);
    ntms_guid library = ntms_guid_null;
    ntms_err status = NTMS_OK;
    uint32_t done = 0;
    bool waited = false;

    for (uint32_t i = 0; i < count && status == NTMS_OK; i++) {
        if ((status = resolve(engine, &ids[i], &side)) == NTMS_OK
            && (status = check_mountable(engine, &side)) == NTMS_OK && i > 0
            && !ntms_guid_equal(&library, &side.media.info.media.current_library))
            status = NTMS_E_DRIVE_MEDIA_MISMATCH;
        library = side.media.info.media.current_library;
    }
    if (status != NTMS_OK)
        return status;
    /* A busy drive or medium is waited for, outside the lock, up to the
     * caller's timeout; ERROR_NOT_AVAILABLE and NOWAIT ask not to wait. */
    busy_wait_start(&wait, (options & (MOUNT_ERROR_NOT_AVAILABLE | MOUNT_NOWAIT)) ? 0 : timeout_ms);
    while ((status = mount_from(engine, &owner, &library, ids, drives, count, options, &done)) == NTMS_E_BUSY
           && busy_wait_again(&wait))
        waited = true;
    if (status != NTMS_OK && done > 0)
        engine_dismount(engine, session, ids, done, 0);   /* all of them or none */
    return status == NTMS_E_BUSY && waited ? NTMS_E_TIMEOUT : status;
}

/* ---- dismounting ---- */

static ntms_err defer(struct library_access *a, struct rsm_object *drive, struct side *side)
{
    ntms_err status = objdb_begin_write(a->engine->db);

    if (status != NTMS_OK)
        return status;
    library_defer_dismount(a, drive, &side->media.id, &side->partition.id);
    side->media.info.media.media_state = RSM_MEDIASTATE_LOADED;
    if ((status = objdb_put(a->engine->db, drive)) == NTMS_OK)
        status = objdb_put(a->engine->db, &side->media);
    if ((status = objdb_end(a->engine->db, status)) == NTMS_OK)
        dismount_timer_arm(a->engine);
    return status;
}

/* Only the owner of a mount dismounts it; a medium waiting under a
 * deferred dismount anybody may send home. */
static ntms_err dismount_one(struct library_access *a, struct side *side, uint32_t options)
{
    struct rsm_object drive;

    if (!library_drive_holding(a, &side->media.id, &drive))
        return NTMS_E_INVALID_STATE;
    bool mounted = drive.info.drive.state != RSM_DRIVESTATE_DISMOUNTABLE;
    if (mounted && library_drive_taken(&drive) && !same_owner(&drive.info.drive.holder, &a->owner))
        return NTMS_E_BUSY;
    if (options & DISMOUNT_DEFERRED)
        return defer(a, &drive, side);
    return library_dismount(a, &drive);
}

/* A dismount is always possible: a disabled medium or side still goes home. */
ntms_err engine_dismount(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                         uint32_t count, uint32_t options)
{
    struct rsm_owner owner = owner_of(session);
    ntms_err status = NTMS_OK;

    for (uint32_t i = 0; i < count && status == NTMS_OK; i++) {
        struct library_access access;
        struct side side;
        if ((status = resolve(engine, &ids[i], &side)) != NTMS_OK || (status = check_in_a_library(engine, &side)) != NTMS_OK)
            break;
        if ((status = library_access_open(engine, &side.media.info.media.current_library, &owner, &access)) != NTMS_OK)
            break;
        status = dismount_one(&access, &side, options);
        library_access_close(&access);
    }
    return status;
}

ntms_err engine_dismount_drive(struct engine *engine, const struct ntms_session *session, const ntms_guid *drive_id)
{
    struct rsm_object drive;
    struct library_access access;
    struct rsm_owner owner = owner_of(session);

    if (engine_get_object(engine, drive_id, &drive) != NTMS_OK || drive.type != RSM_DRIVE)
        return NTMS_E_INVALID_DRIVE;
    if (!drive.enabled)
        return NTMS_E_DEVICE_NOT_AVAILABLE;
    ntms_err status = library_access_open(engine, &drive.info.drive.library, &owner, &access);
    if (status != NTMS_OK)
        return status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_E_INVALID_LIBRARY : status;
    engine_get_object(engine, drive_id, &drive);   /* housekeeping may have changed it */
    if (ntms_guid_is_null(&drive.info.drive.loaded_media))
        status = NTMS_E_INVALID_STATE;
    else if (library_drive_taken(&drive) && !same_owner(&drive.info.drive.holder, &owner))
        status = NTMS_E_BUSY;          /* a session's mount: only it dismounts it */
    else
        status = library_dismount(&access, &drive);
    library_access_close(&access);
    return status;
}

void engine_send_deferred_home(struct engine *engine, const ntms_guid *drive_id)
{
    struct rsm_object drive;
    struct library_access access;

    if (engine_get_object(engine, drive_id, &drive) != NTMS_OK || drive.info.drive.state != RSM_DRIVESTATE_DISMOUNTABLE
        || library_access_open(engine, &drive.info.drive.library, NULL, &access) != NTMS_OK)
        return;
    if (engine_get_object(engine, drive_id, &drive) == NTMS_OK && drive.info.drive.state == RSM_DRIVESTATE_DISMOUNTABLE
        && !library_drive_taken(&drive))
        library_dismount(&access, &drive);
    library_access_close(&access);
}

struct held_mounts {
    struct rsm_owner   owner;
    struct rsm_object *drives;
    size_t             count;
};

static bool collect_held(const struct rsm_object *o, void *context)
{
    struct held_mounts *h = context;

    if (!same_owner(&o->info.drive.holder, &h->owner) || o->info.drive.state != RSM_DRIVESTATE_LOADED)
        return true;
    struct rsm_object *grown = realloc(h->drives, (h->count + 1) * sizeof(*grown));
    if (!grown)
        return false;
    h->drives = grown;
    h->drives[h->count++] = *o;
    return true;
}

/* CloseNtmsSession: what the session holds is released. Its mounts become
 * dismounts that fall due now; the dismount timer carries them out (or
 * the next process that uses the library, if this one ends first). */
void engine_session_closed(struct engine *engine, uint32_t session_serial)
{
    struct held_mounts held = { owner_self(session_serial), NULL, 0 };
    struct objdb *db = engine->db;
    ntms_err status;

    if (!db || objdb_begin_write(db) != NTMS_OK)
        return;
    status = objdb_for_each(db, RSM_DRIVE, collect_held, &held);
    for (size_t i = 0; status == NTMS_OK && i < held.count; i++) {
        struct rsm_drive *d = &held.drives[i].info.drive;
        d->state = RSM_DRIVESTATE_DISMOUNTABLE;
        d->dismount_due = objdb_now();
        d->holder = (struct rsm_owner){ 0, 0, 0 };
        status = objdb_put(db, &held.drives[i]);
    }
    if (objdb_end(db, status) == NTMS_OK && held.count)
        dismount_timer_arm(engine);
    free(held.drives);
}
