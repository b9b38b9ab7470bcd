#include "engine/library_access.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/robot.h"
#include "engine/wstr.h"

#define FILETIME_PER_SECOND 10000000ull
#define MAX_DRIVES 64

/* ---- finding drives in the database ---- */

struct drive_list {
    const ntms_guid  *library;
    struct rsm_object drives[MAX_DRIVES];
    size_t            count;
};

static bool collect_drive(const struct rsm_object *o, void *context)
{
    struct drive_list *l = context;

    if (ntms_guid_equal(&o->info.drive.library, l->library) && l->count < MAX_DRIVES)
        l->drives[l->count++] = *o;
    return true;
}

static ntms_err list_drives(struct library_access *a, struct drive_list *list)
{
    list->library = &a->library.id;
    list->count = 0;
    ntms_err status = objdb_begin_read(a->engine->db);
    if (status != NTMS_OK)
        return status;
    status = objdb_for_each(a->engine->db, RSM_DRIVE, collect_drive, list);
    objdb_abort(a->engine->db);
    return status;
}

static bool usable(const struct rsm_object *d)
{
    return d->enabled && d->operational_state == RSM_READY;
}

/* Drive lists are large (a record per drive): on the heap, not the stack. */
static struct drive_list *new_list(struct library_access *a)
{
    struct drive_list *list = malloc(sizeof(*list));

    if (list && list_drives(a, list) != NTMS_OK) {
        free(list);
        list = NULL;
    }
    return list;
}

bool library_drive_holding(struct library_access *a, const ntms_guid *media, struct rsm_object *drive)
{
    struct drive_list *list = new_list(a);
    bool found = false;

    for (size_t i = 0; list && i < list->count && !found; i++) {
        if (ntms_guid_equal(&list->drives[i].info.drive.loaded_media, media)) {
            *drive = list->drives[i];
            found = true;
        }
    }
    free(list);
    return found;
}

static bool excluded(const struct rsm_object *d, const ntms_guid *exclude, size_t exclude_count)
{
    for (size_t i = 0; i < exclude_count; i++)
        if (ntms_guid_equal(&d->id, &exclude[i]))
            return true;
    return false;
}

ntms_err library_choose_drive(struct library_access *a, bool may_empty, const ntms_guid *exclude,
                              size_t exclude_count, struct rsm_object *drive)
{
    struct drive_list *list = new_list(a);
    const struct rsm_object *idle = NULL, *deferred = NULL;
    size_t in_use = 0;

    if (!list)
        return NTMS_E_DATABASE_FAILURE;
    for (size_t i = 0; i < list->count; i++) {
        const struct rsm_object *d = &list->drives[i];
        if (!usable(d) || excluded(d, exclude, exclude_count))
            continue;
        if (ntms_guid_is_null(&d->info.drive.loaded_media)) {
            if (!idle || d->info.drive.number < idle->info.drive.number)
                idle = d;
        } else if (d->info.drive.state == RSM_DRIVESTATE_DISMOUNTABLE) {
            if (!deferred || d->info.drive.number < deferred->info.drive.number)
                deferred = d;
        } else {
            in_use++;
        }
    }
    ntms_err status = NTMS_E_BUSY;
    a->drives_busy = false;
    if (idle) {
        *drive = *idle;
        status = NTMS_OK;
    } else if (deferred && may_empty) {
        *drive = *deferred;
        status = library_dismount(a, drive);
    } else {
        a->drives_busy = in_use > 0;   /* without drives in use, waiting frees none */
    }
    free(list);
    return status;
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

/* ---- dismounting ---- */

static ntms_err record_dismount(struct library_access *a, struct rsm_object *drive, struct rsm_object *media,
                                const struct rsm_object *home)
{
    struct objdb *db = a->engine->db;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    media->info.media.location = home->id;
    media->info.media.location_type = RSM_LOCATION_STORAGESLOT;
    media->info.media.media_state = RSM_MEDIASTATE_IDLE;
    media->info.media.mounted_partition = ntms_guid_null;
    drive->info.drive.state = RSM_DRIVESTATE_DISMOUNTED;
    drive->info.drive.loaded_media = drive->info.drive.saved_partition = ntms_guid_null;
    drive->info.drive.dismount_due = 0;
    if ((status = objdb_put(db, media)) == NTMS_OK)
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
    if ((status = objdb_put(db, media)) == NTMS_OK)
        status = objdb_put(db, drive);
    return objdb_end(db, status);
}

ntms_err library_dismount(struct library_access *a, struct rsm_object *drive)
{
    struct rsm_object media, home;
    struct scsi_transport *tape = NULL;
    ntms_err status = engine_get_object(a->engine, &drive->info.drive.loaded_media, &media);

    if (status != NTMS_OK)
        return NTMS_E_INVALID_STATE;   /* nothing known in the drive */
    if (!a->changer)
        return dismount_in_place(a, drive, &media);
    if ((status = engine_get_object(a->engine, &media.info.media.home_slot, &home)) != NTMS_OK)
        return status;
    if (library_open_drive(a, drive, &tape) == NTMS_OK) {
        robot_unload(tape);
        scsi_transport_close(tape);
    }
    status = robot_move(a->changer, a->transport, drive->info.drive.element_address, home.info.slot.element_address);
    if (status != NTMS_OK)
        return status;
    return record_dismount(a, drive, &media, &home);
}

ntms_err library_defer_dismount(struct library_access *a, struct rsm_object *drive, const ntms_guid *media,
                                const ntms_guid *partition)
{
    struct rsm_drive *d = &drive->info.drive;

    d->state = RSM_DRIVESTATE_DISMOUNTABLE;
    d->loaded_media = *media;
    d->saved_partition = *partition;
    /* A stand-alone drive keeps its medium: nothing will fall due. */
    d->dismount_due = a->changer ? objdb_now() + (uint64_t)d->defer_dismount_delay * FILETIME_PER_SECOND : 0;
    return NTMS_OK;   /* the caller writes the drive in its own transaction */
}

/* ---- housekeeping ---- */

/* A process that died between its move into a drive and recording the
 * result leaves a tape in a drive the database believes empty: it goes
 * back where the changer says it came from. */
static void repair_stranded_tapes(struct library_access *a)
{
    struct smc_element drives[MAX_DRIVES];
    struct smc_element_map map;
    size_t found = 0;
    struct drive_list *list = new_list(a);

    if (!list || robot_element_map(a->changer, &map) != NTMS_OK
        || robot_element_status(a->changer, SMC_DATA_TRANSFER, map.first[SMC_DATA_TRANSFER],
                                map.count[SMC_DATA_TRANSFER] < MAX_DRIVES ? map.count[SMC_DATA_TRANSFER] : MAX_DRIVES,
                                false, drives, &found) != NTMS_OK) {
        free(list);
        return;
    }
    for (size_t i = 0; i < found; i++) {
        if (!drives[i].full || !drives[i].source_valid)
            continue;
        for (size_t k = 0; k < list->count; k++)
            if (list->drives[k].info.drive.element_address == drives[i].address
                && ntms_guid_is_null(&list->drives[k].info.drive.loaded_media))
                robot_move(a->changer, a->transport, drives[i].address, drives[i].source);
    }
    free(list);
}

/* A request is INPROCESS only while its process holds this library's
 * lock: one found by the next holder belongs to a process that died. */
struct orphans {
    const ntms_guid *library;
    ntms_guid        ids[64];
    size_t           count;
};

static bool collect_orphan(const struct rsm_object *o, void *context)
{
    struct orphans *s = context;

    if (o->info.lib_request.state == 1 /* NTMS_LM_INPROCESS */ && ntms_guid_equal(&o->info.lib_request.library, s->library)
        && s->count < sizeof(s->ids) / sizeof(s->ids[0]))
        s->ids[s->count++] = o->id;
    return true;
}

static void fail_orphaned_requests(struct library_access *a)
{
    struct objdb *db = a->engine->db;
    struct orphans s = { .library = &a->library.id };
    struct rsm_object request;

    if (objdb_begin_write(db) != NTMS_OK)
        return;
    ntms_err status = objdb_for_each(db, RSM_LIBREQUEST, collect_orphan, &s);
    for (size_t i = 0; status == NTMS_OK && i < s.count; i++) {
        if ((status = objdb_get(db, &s.ids[i], &request)) != NTMS_OK)
            break;
        request.info.lib_request.state = 3;   /* NTMS_LM_FAILED */
        request.info.lib_request.error_code = NTMS_E_OPERATION_ABORTED;
        request.info.lib_request.time_completed = objdb_now();
        status = objdb_put(db, &request);
    }
    objdb_end(db, status);
}

/* Deferred dismounts whose delay has passed, whichever process deferred
 * them (it may have ended). */
static void dismount_due_drives(struct library_access *a)
{
    uint64_t now = objdb_now();
    struct drive_list *list = new_list(a);

    for (size_t i = 0; list && i < list->count; i++) {
        struct rsm_drive *d = &list->drives[i].info.drive;
        if (d->state == RSM_DRIVESTATE_DISMOUNTABLE && d->dismount_due && d->dismount_due <= now)
            library_dismount(a, &list->drives[i]);
    }
    free(list);
}

#define REDISCOVERY_SECONDS 10

static ntms_err check_library(struct library_access *a, const ntms_guid *library)
{
    if (engine_get_object(a->engine, library, &a->library) != NTMS_OK || a->library.type != RSM_LIBRARY)
        return NTMS_E_OBJECT_NOT_FOUND;
    uint32_t type = a->library.info.library.library_type;
    bool present_kind = type == RSM_LIBRARYTYPE_ONLINE || type == RSM_LIBRARYTYPE_STANDALONE;
    /* Absent at the last scan: it may be back (scans are rate-limited). */
    if (present_kind && a->library.operational_state != RSM_READY
        && engine_rediscover(a->engine, REDISCOVERY_SECONDS) == NTMS_OK)
        engine_get_object(a->engine, library, &a->library);
    if (!a->library.enabled)
        return NTMS_E_RESOURCE_DISABLED;
    if (!present_kind || a->library.operational_state != RSM_READY)
        return NTMS_E_LIBRARY_OFFLINE;
    return NTMS_OK;
}

ntms_err library_access_open(struct engine *engine, const ntms_guid *library, struct library_access *a)
{
    char path[1200], guid[NTMS_GUID_STRING_LENGTH], changer[RSM_DEVICE_PATH_LENGTH * 3];
    struct smc_element_map map;

    memset(a, 0, sizeof(*a));
    a->engine = engine;
    ntms_err status = check_library(a, library);
    if (status != NTMS_OK)
        return status;
    ntms_guid_format(&a->library.id, guid);
    snprintf(path, sizeof(path), "%s/robot-%s.lock", engine->data_directory, guid);
    if ((status = plat_file->lock(path, &a->lock)) != NTMS_OK)
        return status;
    if (a->library.info.library.library_type == RSM_LIBRARYTYPE_STANDALONE)
        return NTMS_OK;   /* no changer, no housekeeping: the lock is all it needs */
    wstr_to_utf8(changer, sizeof(changer), a->library.info.library.device_path, RSM_DEVICE_PATH_LENGTH);
    if (!engine->open_device || engine->open_device(changer, &a->changer) != NTMS_OK) {
        plat_file->unlock(a->lock);
        a->lock = NULL;
        return NTMS_E_LIBRARY_OFFLINE;
    }
    if (robot_element_map(a->changer, &map) == NTMS_OK && map.count[SMC_TRANSPORT])
        a->transport = map.first[SMC_TRANSPORT];
    repair_stranded_tapes(a);
    fail_orphaned_requests(a);
    dismount_due_drives(a);
    return NTMS_OK;
}

void library_access_close(struct library_access *a)
{
    scsi_transport_close(a->changer);
    a->changer = NULL;
    if (a->lock)
        plat_file->unlock(a->lock);
    a->lock = NULL;
}
