/* What the changer says about the drives wins over the records. Runs
 * under the robot lock; a step that unloads a drive lets go of the lock
 * meanwhile, so that what was read before it (the changer's view, the
 * drives' records) is read again before the next drive is judged. */
#include "engine/device/drive_reconcile.h"

#include <stdlib.h>
#include <string.h>

#include "engine/core/owner.h"
#include "engine/core/record_lookup.h"
#include "engine/core/wstr.h"
#include "engine/device/drive_moves.h"
#include "engine/device/robot.h"
#include "engine/records/media_records.h"

static const struct rsm_owner nobody = { 0, 0, 0 };

/* ---- the changer's view ---- */

struct element_view {
    struct smc_element *elements;
    size_t              count;
};

static ntms_err read_elements(struct library_access *a, enum smc_element_type type, struct element_view *view)
{
    struct smc_element_map map;
    ntms_err status = robot_element_map(a->changer, &map);

    memset(view, 0, sizeof(*view));
    if (status != NTMS_OK)
        return status;
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

static const struct smc_element *element_holding(const struct element_view *view, const char *barcode)
{
    for (size_t i = 0; i < view->count; i++)
        if (view->elements[i].full && !strcmp(view->elements[i].primary_tag, barcode))
            return &view->elements[i];
    return NULL;
}

/* Where the changer has the tape with this barcode. */
enum tape_place { TAPE_UNKNOWN, TAPE_NOWHERE, TAPE_IN_SLOT, TAPE_IN_DRIVE };

static enum tape_place find_tape(struct library_access *a, const char *barcode, uint16_t *address)
{
    static const enum smc_element_type kinds[] = { SMC_STORAGE, SMC_DATA_TRANSFER };
    static const enum tape_place places[] = { TAPE_IN_SLOT, TAPE_IN_DRIVE };

    if (!barcode[0])
        return TAPE_UNKNOWN;
    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        struct element_view view;
        if (read_elements(a, kinds[k], &view) != NTMS_OK)
            return TAPE_UNKNOWN;   /* a changer not read is no proof of absence */
        const struct smc_element *e = element_holding(&view, barcode);
        if (e)
            *address = e->address;
        free(view.elements);
        if (e)
            return places[k];
    }
    return TAPE_NOWHERE;
}

/* ---- records ---- */

struct element_key {
    const ntms_guid *library;
    uint16_t         address;
};

static bool slot_at(const struct rsm_object *o, const void *key)
{
    const struct element_key *k = key;

    return ntms_guid_equal(&o->info.slot.library, k->library) && o->info.slot.element_address == k->address;
}

static bool drive_at(const struct rsm_object *o, const void *key)
{
    const struct element_key *k = key;

    return ntms_guid_equal(&o->info.drive.library, k->library) && o->info.drive.element_address == k->address;
}

static void set_drive_empty(struct rsm_drive *d)
{
    d->state = RSM_DRIVESTATE_DISMOUNTED;
    d->loaded_media = d->saved_partition = ntms_guid_null;
    d->dismount_due = 0;
    d->tape_source = 0;
    d->holder = nobody;
}

static void place_in_slot(struct rsm_object *media, struct rsm_object *slot)
{
    struct rsm_physical_media *m = &media->info.media;

    m->current_library = slot->info.slot.library;
    m->location = m->home_slot = slot->id;
    m->location_type = RSM_LOCATION_STORAGESLOT;
    m->media_state = RSM_MEDIASTATE_IDLE;
    m->mounted_partition = ntms_guid_null;
    slot->info.slot.state = RSM_SLOTSTATE_FULL;
}

/* The medium is in the slot at `address`: recorded there. */
static ntms_err record_in_slot(struct library_access *a, struct rsm_object *media, uint16_t address)
{
    struct element_key key = { &a->library.id, address };
    struct rsm_object slot;
    ntms_err status = records_find(a->engine->db, RSM_STORAGESLOT, slot_at, &key, &slot);

    if (status != NTMS_OK)
        return status;
    place_in_slot(media, &slot);
    if ((status = objdb_put(a->engine->db, media)) != NTMS_OK)
        return status;
    return objdb_put(a->engine->db, &slot);
}

/* The medium is in the drive at `address`, which the records call empty
 * and nobody alive holds: recorded there under a dismount due at once, so
 * that the rest of the housekeeping sends it home. */
static ntms_err record_in_other_drive(struct library_access *a, struct rsm_object *media, uint16_t address,
                                      const struct rsm_object *partition)
{
    struct element_key key = { &a->library.id, address };
    struct rsm_object drive;
    ntms_err status = records_find(a->engine->db, RSM_DRIVE, drive_at, &key, &drive);

    if (status != NTMS_OK)
        return status;
    struct rsm_drive *d = &drive.info.drive;
    if (!ntms_guid_is_null(&d->loaded_media) || owner_alive(&d->holder))
        return NTMS_OK;   /* that drive's own reconciling, or its holder, has the last word */
    d->state = RSM_DRIVESTATE_DISMOUNTABLE;
    d->loaded_media = media->id;
    d->saved_partition = partition ? partition->id : ntms_guid_null;
    d->dismount_due = objdb_now();
    d->holder = nobody;
    media->info.media.location = drive.id;
    media->info.media.location_type = RSM_LOCATION_DRIVE;
    media->info.media.media_state = RSM_MEDIASTATE_LOADED;
    if ((status = objdb_put(a->engine->db, media)) != NTMS_OK)
        return status;
    return objdb_put(a->engine->db, &drive);
}

static ntms_err put_drive(struct library_access *a, struct rsm_object *drive)
{
    ntms_err status = objdb_begin_write(a->engine->db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(a->engine->db, objdb_put(a->engine->db, drive));
}

/* ---- one drive ---- */

/* Where the medium the records put in this drive really is. */
static ntms_err place_medium(struct library_access *a, struct rsm_object *media, enum tape_place place,
                             uint16_t address, const ntms_guid *partition_id)
{
    struct objdb *db = a->engine->db;
    struct rsm_physical_media *m = &media->info.media;
    struct rsm_object partition;

    switch (place) {
    case TAPE_IN_SLOT:
        return record_in_slot(a, media, address);
    case TAPE_IN_DRIVE:
        return record_in_other_drive(a, media, address,
                                     objdb_get(db, partition_id, &partition) == NTMS_OK ? &partition : NULL);
    case TAPE_NOWHERE:
        return media_move_offline(db, &media->id);   /* taken out of the library */
    case TAPE_UNKNOWN:
        break;
    }
    if (ntms_guid_is_null(&m->home_slot))
        return NTMS_OK;
    /* No barcode to look for (or the changer did not answer): its home is
     * the best guess, and the next inventory checks it. */
    m->location = m->home_slot;
    m->location_type = RSM_LOCATION_STORAGESLOT;
    m->media_state = RSM_MEDIASTATE_IDLE;
    m->mounted_partition = ntms_guid_null;
    return objdb_put(db, media);
}

/* The drive is empty although the records put a medium in it (a process
 * died between its MOVE and recording it, or the tape was taken out by
 * hand): the medium is where the changer has it. */
static void medium_left_drive(struct library_access *a, struct rsm_object *drive)
{
    struct objdb *db = a->engine->db;
    struct rsm_object media;
    char barcode[RSM_BARCODE_LENGTH * 3] = "";
    uint16_t address = 0;

    if (engine_get_object(a->engine, &drive->info.drive.loaded_media, &media) == NTMS_OK)
        wstr_to_utf8(barcode, sizeof(barcode), media.info.media.barcode, RSM_BARCODE_LENGTH);
    enum tape_place place = find_tape(a, barcode, &address);
    if (objdb_begin_write(db) != NTMS_OK)
        return;
    ntms_err status = objdb_get(db, &drive->id, drive);
    if (status == NTMS_OK && objdb_get(db, &drive->info.drive.loaded_media, &media) == NTMS_OK)
        status = place_medium(a, &media, place, address, &drive->info.drive.saved_partition);
    if (status == NTMS_OK) {
        set_drive_empty(&drive->info.drive);
        status = objdb_put(db, drive);
    }
    objdb_end(db, status);
}

/* After a stranded tape went back to slot `address`: a medium known by
 * the tape's barcode is recorded there, wherever the records had it. */
static void record_returned(struct library_access *a, const char *barcode, uint16_t address)
{
    struct objdb *db = a->engine->db;
    wchar16 wide[RSM_BARCODE_LENGTH];
    struct rsm_object media;

    if (!barcode[0] || objdb_begin_write(db) != NTMS_OK)
        return;
    WSTR_SET(wide, barcode);
    ntms_err status = media_find_by_barcode(db, wide, &media);
    if (status == NTMS_OK)
        status = record_in_slot(a, &media, address);
    objdb_end(db, status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_OK : status);
}

/* A full drive the records hold nothing in: its tape goes back where the
 * changer says it came from (else where the records say). */
static void return_stranded(struct library_access *a, struct rsm_object *drive, const struct smc_element *e)
{
    uint16_t to = e->source_valid ? e->source : drive->info.drive.tape_source;

    if (!to)
        return;   /* nowhere known: left for an inventory or an operator */
    drive->info.drive.holder = a->owner;
    if (put_drive(a, drive) == NTMS_OK && library_return_tape(a, drive, to) == NTMS_OK)
        record_returned(a, e->primary_tag, to);
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

void reconcile_drives(struct library_access *a)
{
    struct element_view view = { 0 };
    struct drive_list list;
    unsigned view_taken = 0;

    if (library_drives(a, &list) != NTMS_OK)
        return;
    for (size_t i = 0; i < list.count; i++) {
        struct rsm_object drive;
        if (!view.elements || view_taken != a->lock_takes) {
            free(view.elements);   /* read again: the lock was let go since */
            if (read_elements(a, SMC_DATA_TRANSFER, &view) != NTMS_OK)
                break;
            view_taken = a->lock_takes;
        }
        const struct smc_element *e = element_at(&view, list.drives[i].info.drive.element_address);
        if (e && engine_get_object(a->engine, &list.drives[i].id, &drive) == NTMS_OK)
            reconcile_drive(a, &drive, e);
    }
    free(view.elements);
    drive_list_free(&list);
}
