#include "engine/device/library_access.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/owner.h"
#include "engine/core/record_lookup.h"
#include "engine/device/robot.h"
#include "engine/device/robot_lock.h"
#include "engine/core/wstr.h"

/* ---- the library and its lock ---- */

/* The records decide (discovery keeps them; ops/library_presence.c rescans
 * a library that was absent before coming here). */
static ntms_err check_library(struct library_access *a, const ntms_guid *library)
{
    if (engine_get_object(a->engine, library, &a->library) != NTMS_OK || a->library.type != RSM_LIBRARY)
        return NTMS_E_OBJECT_NOT_FOUND;
    uint32_t type = a->library.info.library.library_type;
    bool present_kind = type == RSM_LIBRARYTYPE_ONLINE || type == RSM_LIBRARYTYPE_STANDALONE;
    if (!a->library.enabled)
        return NTMS_E_RESOURCE_DISABLED;
    if (!present_kind || a->library.operational_state != RSM_READY)
        return NTMS_E_LIBRARY_OFFLINE;
    return NTMS_OK;
}

static ntms_err open_changer(struct library_access *a)
{
    char changer[RSM_DEVICE_PATH_LENGTH * 3];
    struct smc_element_map map;

    if (a->library.info.library.library_type == RSM_LIBRARYTYPE_STANDALONE)
        return NTMS_OK;   /* no changer: the lock is all it needs */
    wstr_to_utf8(changer, sizeof(changer), a->library.info.library.device_path, RSM_DEVICE_PATH_LENGTH);
    if (!a->engine->open_device || a->engine->open_device(changer, &a->changer) != NTMS_OK)
        return NTMS_E_LIBRARY_OFFLINE;
    if (robot_element_map(a->changer, &map) == NTMS_OK && map.count[SMC_TRANSPORT])
        a->transport = map.first[SMC_TRANSPORT];
    return NTMS_OK;
}

ntms_err library_access_open(struct engine *engine, const ntms_guid *library, const struct rsm_owner *owner,
                             struct library_access *a)
{
    char serial[RSM_SERIALNUMBER_LENGTH * 3];

    memset(a, 0, sizeof(*a));
    a->engine = engine;
    a->owner = owner ? *owner : owner_self(0);
    ntms_err status = check_library(a, library);
    if (status != NTMS_OK)
        return status;
    wstr_to_utf8(serial, sizeof(serial), a->library.info.library.serial_number, RSM_SERIALNUMBER_LENGTH);
    robot_lock_path(engine, serial, a->lock_path, sizeof(a->lock_path));
    if ((status = library_access_reacquire(a)) != NTMS_OK)
        return status;
    if ((status = open_changer(a)) != NTMS_OK)
        library_access_close(a);
    return status;
}

void library_access_release(struct library_access *a)
{
    if (a->lock)
        plat_file->unlock(a->lock);
    a->lock = NULL;
}

ntms_err library_access_reacquire(struct library_access *a)
{
    if (a->lock)
        return NTMS_OK;
    a->lock_takes++;
    return plat_file->lock(a->lock_path, &a->lock);
}

void library_access_close(struct library_access *a)
{
    scsi_transport_close(a->changer);
    a->changer = NULL;
    library_access_release(a);
}

/* ---- the drives in the database ---- */

ntms_err library_drives(struct library_access *a, struct drive_list *list)
{
    struct record_list found = { 0 };
    ntms_err status = objdb_begin_read(a->engine->db);

    list->drives = NULL;
    list->count = 0;
    if (status != NTMS_OK)
        return status;
    status = records_collect(a->engine->db, RSM_DRIVE, record_in_library, &a->library.id, &found);
    objdb_abort(a->engine->db);
    if (status == NTMS_OK) {
        list->drives = found.items;
        list->count = found.count;
    } else {
        record_list_free(&found);
    }
    return status;
}

void drive_list_free(struct drive_list *list)
{
    free(list->drives);
    list->drives = NULL;
    list->count = 0;
}

bool library_drive_usable(const struct rsm_object *d)
{
    return d->enabled && d->operational_state == RSM_READY;
}

bool library_drive_taken(const struct rsm_object *d)
{
    return owner_alive(&d->info.drive.holder);
}

bool library_drive_idle(const struct rsm_object *d)
{
    return library_drive_usable(d) && ntms_guid_is_null(&d->info.drive.loaded_media) && !library_drive_taken(d);
}

bool library_drive_waits_deferred(const struct rsm_object *d)
{
    return library_drive_usable(d) && d->info.drive.state == RSM_DRIVESTATE_DISMOUNTABLE && !library_drive_taken(d);
}

bool library_drive_holding(struct library_access *a, const ntms_guid *media, struct rsm_object *drive)
{
    struct drive_list list;
    bool found = false;

    if (library_drives(a, &list) != NTMS_OK)
        return false;
    for (size_t i = 0; i < list.count && !found; i++) {
        if (ntms_guid_equal(&list.drives[i].info.drive.loaded_media, media)) {
            *drive = list.drives[i];
            found = true;
        }
    }
    drive_list_free(&list);
    return found;
}

bool library_source_taken(struct library_access *a, uint16_t address)
{
    struct drive_list list;
    bool taken = false;

    if (library_drives(a, &list) != NTMS_OK)
        return false;
    for (size_t i = 0; i < list.count && !taken; i++)
        taken = list.drives[i].info.drive.tape_source == address && library_drive_taken(&list.drives[i]);
    drive_list_free(&list);
    return taken;
}

/* The holder is written inside a transaction that checks the drive is
 * still free, so that two processes never take one drive. */
static ntms_err set_holder(struct library_access *a, struct rsm_object *drive, bool taking)
{
    struct objdb *db = a->engine->db;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    if ((status = objdb_get(db, &drive->id, drive)) == NTMS_OK) {
        if (taking && !library_drive_idle(drive) && !library_drive_waits_deferred(drive))
            status = NTMS_E_BUSY;
        else {
            drive->info.drive.holder = taking ? a->owner : (struct rsm_owner){ 0, 0, 0 };
            status = objdb_put(db, drive);
        }
    }
    return objdb_end(db, status);
}

ntms_err library_claim_drive(struct library_access *a, struct rsm_object *drive)
{
    return set_holder(a, drive, true);
}

ntms_err library_give_back(struct library_access *a, struct rsm_object *drive)
{
    return set_holder(a, drive, false);
}

ntms_err library_open_drive(struct library_access *a, const struct rsm_object *drive, struct scsi_transport **tape)
{
    char name[RSM_DEVICE_PATH_LENGTH * 3];
    const struct rsm_drive *d = &drive->info.drive;

    if (d->device_path[0])
        wstr_to_utf8(name, sizeof(name), d->device_path, RSM_DEVICE_PATH_LENGTH);
    else   /* recorded before device paths were kept */
        wstr_to_utf8(name, sizeof(name), d->device_name, RSM_DEVICENAME_LENGTH);
    if (!name[0] || !a->engine->open_device)
        return NTMS_E_DEVICE_NOT_AVAILABLE;
    return a->engine->open_device(name, tape);
}
