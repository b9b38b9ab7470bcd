#include "engine/device/housekeeping.h"

#include <stdlib.h>
#include <string.h>

#include "engine/device/drive_moves.h"
#include "engine/records/media_records.h"
#include "engine/core/owner.h"
#include "engine/core/record_lookup.h"
#include "engine/device/robot.h"
#include "engine/core/wstr.h"

static const struct rsm_owner nobody = { 0, 0, 0 };

/* ---- the changer's view ---- */

struct element_view {
    struct smc_element *elements;
    size_t              count;
    uint16_t            first;
};

static ntms_err read_elements(struct library_access *a, enum smc_element_type type, struct element_view *view)
{
    struct smc_element_map map;
    ntms_err status = robot_element_map(a->changer, &map);

    memset(view, 0, sizeof(*view));
    if (status != NTMS_OK)
        return status;
    view->first = map.first[type];
    view->elements = calloc(map.count[type] ? map.count[type] : 1, sizeof(*view->elements));
    if (!view->elements)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    if (!map.count[type])
        return NTMS_OK;
    status = robot_element_status(a->changer, type, map.first[type], map.count[type], false, view->elements,
                                  &view->count);
    if (status != NTMS_OK) {
        free(view->elements);
        view->elements = NULL;
        view->count = 0;
    }
    return status;
}

static const struct smc_element *element_at(const struct element_view *view, uint16_t address)
{
    for (size_t i = 0; i < view->count; i++)
        if (view->elements[i].address == address)
            return &view->elements[i];
    return NULL;
}

uint16_t housekeeping_find_in_slots(struct library_access *a, const char *barcode)
{
    struct element_view slots;
    uint16_t found = 0;

    if (!barcode[0] || read_elements(a, SMC_STORAGE, &slots) != NTMS_OK)
        return 0;
    for (size_t i = 0; i < slots.count && !found; i++)
        if (slots.elements[i].full && !strcmp(slots.elements[i].primary_tag, barcode))
            found = slots.elements[i].address;
    free(slots.elements);
    return found;
}

/* ---- records ---- */

struct slot_address {
    const ntms_guid *library;
    uint16_t         address;
};

static bool slot_at(const struct rsm_object *o, const void *key)
{
    const struct slot_address *k = key;

    return ntms_guid_equal(&o->info.slot.library, k->library) && o->info.slot.element_address == k->address;
}

/* The slot record of an element address, inside the caller's transaction. */
static bool find_slot(struct objdb *db, const ntms_guid *library, uint16_t address, struct rsm_object *slot)
{
    struct slot_address key = { library, address };

    return records_find(db, RSM_STORAGESLOT, slot_at, &key, slot) == NTMS_OK;
}

static void set_drive_empty(struct rsm_drive *d)
{
    d->state = RSM_DRIVESTATE_DISMOUNTED;
    d->loaded_media = d->saved_partition = ntms_guid_null;
    d->dismount_due = 0;
    d->tape_source = 0;
    d->holder = nobody;
}

/* The drive is empty although the records put a medium in it (a process
 * died between its MOVE and recording it, or the tape was taken out by
 * hand): the medium is where the changer has it. */
static void medium_left_drive(struct library_access *a, struct rsm_object *drive)
{
    struct objdb *db = a->engine->db;
    struct rsm_object media, slot;
    char barcode[RSM_BARCODE_LENGTH * 3] = "";

    if (engine_get_object(a->engine, &drive->info.drive.loaded_media, &media) == NTMS_OK)
        wstr_to_utf8(barcode, sizeof(barcode), media.info.media.barcode, RSM_BARCODE_LENGTH);
    uint16_t address = housekeeping_find_in_slots(a, barcode);
    if (objdb_begin_write(db) != NTMS_OK)
        return;
    ntms_err status = objdb_get(db, &drive->id, drive);
    if (status == NTMS_OK && objdb_get(db, &drive->info.drive.loaded_media, &media) == NTMS_OK) {
        struct rsm_physical_media *m = &media.info.media;
        bool in_a_slot = address && find_slot(db, &a->library.id, address, &slot);
        if (in_a_slot) {
            m->location = m->home_slot = slot.id;
            m->location_type = RSM_LOCATION_STORAGESLOT;
            m->media_state = RSM_MEDIASTATE_IDLE;
            m->mounted_partition = ntms_guid_null;
            slot.info.slot.state = RSM_SLOTSTATE_FULL;
            if ((status = objdb_put(db, &media)) == NTMS_OK)
                status = objdb_put(db, &slot);
        } else if (!barcode[0] && !ntms_guid_is_null(&m->home_slot)) {
            /* Without a barcode only its home can be presumed. */
            m->location = m->home_slot;
            m->location_type = RSM_LOCATION_STORAGESLOT;
            m->media_state = RSM_MEDIASTATE_IDLE;
            m->mounted_partition = ntms_guid_null;
            status = objdb_put(db, &media);
        } else {
            status = media_move_offline(db, &media.id);   /* not in the library any more */
        }
    }
    if (status == NTMS_OK) {
        set_drive_empty(&drive->info.drive);
        status = objdb_put(db, drive);
    }
    objdb_end(db, status);
}

static ntms_err put_drive(struct library_access *a, struct rsm_object *drive)
{
    ntms_err status = objdb_begin_write(a->engine->db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(a->engine->db, objdb_put(a->engine->db, drive));
}

/* A full drive the records hold nothing in: its tape goes back where the
 * changer says it came from (else where the records say). */
static void return_stranded(struct library_access *a, struct rsm_object *drive, const struct smc_element *e)
{
    uint16_t to = e->source_valid ? e->source : drive->info.drive.tape_source;

    if (!to)
        return;   /* nowhere known: left for an inventory or an operator */
    drive->info.drive.holder = a->owner;
    if (put_drive(a, drive) == NTMS_OK)
        library_return_tape(a, drive, to);
}

static void reconcile_drive(struct library_access *a, struct rsm_object *drive, const struct smc_element *e)
{
    struct rsm_drive *d = &drive->info.drive;

    if (library_drive_taken(drive))
        return;   /* someone alive is working with it */
    if (e->full && ntms_guid_is_null(&d->loaded_media))
        return_stranded(a, drive, e);
    else if (e->full && (d->state != RSM_DRIVESTATE_DISMOUNTABLE || !owner_is_nobody(&d->holder)))
        library_dismount(a, drive);   /* a mount whose owner is gone, or a dismount it did not finish */
    else if (!e->full && !ntms_guid_is_null(&d->loaded_media))
        medium_left_drive(a, drive);
    else if (!e->full && (!owner_is_nobody(&d->holder) || d->state != RSM_DRIVESTATE_DISMOUNTED)) {
        set_drive_empty(d);
        put_drive(a, drive);
    }
}

static void reconcile_drives(struct library_access *a)
{
    struct element_view view;
    struct drive_list list;

    if (read_elements(a, SMC_DATA_TRANSFER, &view) != NTMS_OK)
        return;
    if (library_drives(a, &list) == NTMS_OK) {
        for (size_t i = 0; i < list.count; i++) {
            const struct smc_element *e = element_at(&view, list.drives[i].info.drive.element_address);
            if (e)
                reconcile_drive(a, &list.drives[i], e);
        }
        drive_list_free(&list);
    }
    free(view.elements);
}

/* ---- requests whose process died ---- */

/* INPROCESS in this library, for an owner that is gone. */
static bool orphaned(const struct rsm_object *o, const void *library)
{
    const struct rsm_lib_request *r = &o->info.lib_request;

    return r->state == RSM_LM_INPROCESS && ntms_guid_equal(&r->library, library)
        && !owner_alive(&r->requested_by);
}

static void fail_orphaned_requests(struct library_access *a)
{
    struct objdb *db = a->engine->db;
    struct record_list orphans = { 0 };

    if (objdb_begin_write(db) != NTMS_OK)
        return;
    ntms_err status = records_collect(db, RSM_LIBREQUEST, orphaned, &a->library.id, &orphans);
    for (size_t i = 0; status == NTMS_OK && i < orphans.count; i++) {
        struct rsm_lib_request *r = &orphans.items[i].info.lib_request;
        r->state = RSM_LM_FAILED;
        r->error_code = NTMS_E_OPERATION_ABORTED;
        r->time_completed = objdb_now();
        status = objdb_put(db, &orphans.items[i]);
    }
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
