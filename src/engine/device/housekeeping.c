#include "engine/device/housekeeping.h"

#include <stdlib.h>

#include "engine/device/drive_moves.h"
#include "engine/device/drive_reconcile.h"
#include "engine/core/owner.h"
#include "engine/core/record_lookup.h"
#include "engine/records/library_requests.h"

/* ---- requests whose process died ---- */

/* QUEUED or INPROCESS in this library, for an owner that is gone. */
static bool orphaned(const struct rsm_object *o, const void *library)
{
    const struct rsm_lib_request *r = &o->info.lib_request;

    return (r->state == RSM_LM_INPROCESS || r->state == RSM_LM_QUEUED) && ntms_guid_equal(&r->library, library)
        && !owner_alive(&r->requested_by);
}

static void fail_orphaned_requests(struct library_access *a)
{
    struct objdb *db = a->engine->db;
    struct record_list orphans = { 0 };

    if (objdb_begin_write(db) != NTMS_OK)
        return;
    ntms_err status = records_collect(db, RSM_LIBREQUEST, orphaned, &a->library.id, &orphans);
    for (size_t i = 0; status == NTMS_OK && i < orphans.count; i++)
        status = lib_request_finish(db, &orphans.items[i], RSM_LM_FAILED, NTMS_E_OPERATION_ABORTED);
    objdb_end(db, status);
    record_list_free(&orphans);
}

/* ---- deferred dismounts that fell due, whoever deferred them ---- */

static void dismount_due_drives(struct library_access *a)
{
    uint64_t now = objdb_now();
    struct drive_list list;

    if (library_drives(a, &list) != NTMS_OK)
        return;
    for (size_t i = 0; i < list.count; i++) {
        struct rsm_object *drive = &list.drives[i];
        const struct rsm_drive *d = &drive->info.drive;
        if (d->state == RSM_DRIVESTATE_DISMOUNTABLE && d->dismount_due && d->dismount_due <= now
            && !library_drive_taken(drive) && engine_get_object(a->engine, &drive->id, drive) == NTMS_OK
            && drive->info.drive.state == RSM_DRIVESTATE_DISMOUNTABLE)
            library_dismount(a, drive);
    }
    drive_list_free(&list);
}

/* A stand-alone drive's mount whose owner is gone becomes dismountable. */
static void release_standalone_mounts(struct library_access *a)
{
    struct drive_list list;

    if (library_drives(a, &list) != NTMS_OK)
        return;
    for (size_t i = 0; i < list.count; i++) {
        struct rsm_object *drive = &list.drives[i];
        if (!owner_is_nobody(&drive->info.drive.holder) && !library_drive_taken(drive)
            && !ntms_guid_is_null(&drive->info.drive.loaded_media))
            library_dismount(a, drive);
    }
    drive_list_free(&list);
}

void housekeeping_run(struct library_access *a)
{
    if (a->changer)
        reconcile_drives(a);
    else
        release_standalone_mounts(a);
    fail_orphaned_requests(a);
    if (a->changer)
        dismount_due_drives(a);
}

ntms_err library_open(struct engine *engine, const ntms_guid *library, const struct rsm_owner *owner,
                      struct library_access *access)
{
    ntms_err status = library_access_open(engine, library, owner, access);

    if (status == NTMS_OK)
        housekeeping_run(access);
    return status;
}
