/* DismountNtmsMedia, DismountNtmsDrive, and what a closing session
 * releases. Only the session that mounted a medium dismounts it; a medium
 * waiting under a deferred dismount anybody may send home. */
#include "engine/ops/dismount.h"

#include <stdlib.h>
#include <string.h>

#include "engine/core/owner.h"
#include "engine/core/record_lookup.h"
#include "engine/device/dismount_timer.h"
#include "engine/device/drive_moves.h"
#include "engine/device/library_access.h"
#include "engine/ops/library_presence.h"
#include "engine/ops/media_sides.h"

static ntms_err defer(struct library_access *a, struct rsm_object *drive, struct media_side *side)
{
    ntms_guid media_id = side->media.id;
    ntms_err status = objdb_begin_write(a->engine->db);

    if (status != NTMS_OK)
        return status;
    library_defer_dismount(a, drive, &media_id, &side->partition.id);
    if ((status = objdb_get(a->engine->db, &media_id, &side->media)) == NTMS_OK) {   /* a fresh copy */
        side->media.info.media.media_state = RSM_MEDIASTATE_LOADED;
        if ((status = objdb_put(a->engine->db, drive)) == NTMS_OK)
            status = objdb_put(a->engine->db, &side->media);
    }
    if ((status = objdb_end(a->engine->db, status)) == NTMS_OK)
        dismount_timer_arm(a->engine);
    return status;
}

/* A failed MOVE home leaves the medium due at once: this process's timer
 * tries again (as will any process's next housekeeping). */
static ntms_err dismount_now(struct library_access *a, struct rsm_object *drive)
{
    ntms_err status = library_dismount(a, drive);

    if (status != NTMS_OK)
        dismount_timer_arm(a->engine);
    return status;
}

/* Only the owner of a mount dismounts it; a medium waiting under a
 * deferred dismount anybody may send home. */
static ntms_err dismount_one(struct library_access *a, struct media_side *side, uint32_t options)
{
    struct rsm_object drive;

    if (!library_drive_holding(a, &side->media.id, &drive))
        return NTMS_E_INVALID_STATE;
    bool mounted = drive.info.drive.state != RSM_DRIVESTATE_DISMOUNTABLE;
    if (mounted && library_drive_taken(&drive) && !owner_equal(&drive.info.drive.holder, &a->owner))
        return NTMS_E_BUSY;
    if (options & RSM_DISMOUNT_DEFERRED)
        return defer(a, &drive, side);
    return dismount_now(a, &drive);
}

/* A dismount is always possible: a disabled medium or side still goes home. */
ntms_err engine_dismount(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                         uint32_t count, uint32_t options)
{
    struct rsm_owner owner = owner_of_session(session);
    ntms_err status = NTMS_OK;

    for (uint32_t i = 0; i < count && status == NTMS_OK; i++) {
        struct library_access access;
        struct media_side side;
        if ((status = media_side_resolve(engine, &ids[i], &side)) != NTMS_OK || (status = media_side_in_a_library(engine, &side)) != NTMS_OK)
            break;
        if ((status = library_open_present(engine, &side.media.info.media.current_library, &owner, &access)) != NTMS_OK)
            break;
        status = dismount_one(&access, &side, options);
        library_access_close(&access);
        if (status == NTMS_OK)
            objdb_signal_completion(engine->db, ntms_guid_equal(&ids[i], &side.partition.id) ? RSM_PARTITION : RSM_LOGICAL_MEDIA, &ids[i]);
    }
    return status;
}

ntms_err engine_dismount_drive(struct engine *engine, const struct ntms_session *session, const ntms_guid *drive_id)
{
    struct rsm_object drive;
    struct library_access access;
    struct rsm_owner owner = owner_of_session(session);

    if (engine_get_object(engine, drive_id, &drive) != NTMS_OK || drive.type != RSM_DRIVE)
        return NTMS_E_INVALID_DRIVE;
    if (!drive.enabled)
        return NTMS_E_DEVICE_NOT_AVAILABLE;
    ntms_err status = library_open_present(engine, &drive.info.drive.library, &owner, &access);
    if (status != NTMS_OK)
        return status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_E_INVALID_LIBRARY : status;
    engine_get_object(engine, drive_id, &drive);   /* housekeeping may have changed it */
    if (ntms_guid_is_null(&drive.info.drive.loaded_media))
        status = NTMS_E_INVALID_STATE;
    else if (library_drive_taken(&drive) && !owner_equal(&drive.info.drive.holder, &owner))
        status = NTMS_E_BUSY;          /* a session's mount: only it dismounts it */
    else
        status = dismount_now(&access, &drive);
    library_access_close(&access);
    if (status == NTMS_OK)
        objdb_signal_completion(engine->db, RSM_DRIVE, drive_id);
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

static bool mounted_by(const struct rsm_object *o, const void *owner)
{
    return owner_equal(&o->info.drive.holder, owner) && o->info.drive.state == RSM_DRIVESTATE_LOADED;
}

/* CloseNtmsSession: what the session holds is released. Its mounts become
 * dismounts that fall due now; the dismount timer carries them out (or
 * the next process that uses the library, if this one ends first). */
void engine_session_closed(struct engine *engine, uint32_t session_serial)
{
    struct rsm_owner owner = owner_self(session_serial);
    struct record_list held = { 0 };
    struct objdb *db = engine->db;
    ntms_err status;

    if (!db || objdb_begin_write(db) != NTMS_OK)
        return;
    status = records_collect(db, RSM_DRIVE, mounted_by, &owner, &held);
    for (size_t i = 0; status == NTMS_OK && i < held.count; i++) {
        struct rsm_drive *d = &held.items[i].info.drive;
        d->state = RSM_DRIVESTATE_DISMOUNTABLE;
        d->dismount_due = objdb_now();
        d->holder = (struct rsm_owner){ 0, 0, 0 };
        status = objdb_put(db, &held.items[i]);
    }
    if (objdb_end(db, status) == NTMS_OK && held.count)
        dismount_timer_arm(engine);
    record_list_free(&held);
}
