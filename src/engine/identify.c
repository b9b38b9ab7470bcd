/* IdentifyNtmsSlot: read the slot, mount its medium in a drive, read the
 * label, record what was found as RSM media, then dismount at once or
 * leave it loaded for the deferred-dismount delay. The robot is used under
 * a machine-wide lock per library; the database changes in transactions,
 * and an in-process request record says what was in flight if the process
 * dies half way (repaired by the next identification of the library). */
#include "engine/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/media_catalog.h"
#include "engine/robot.h"
#include "engine/system_objects.h"
#include "engine/wstr.h"
#include "platform/plat_file.h"
#include "platform/plat_process.h"

#define READY_TIMEOUT_MS (120 * 1000)
#define FILETIME_PER_SECOND 10000000ull

struct job {
    struct engine        *engine;
    struct rsm_object     slot, library, drive, request;
    struct scsi_transport *changer, *tape;
    uint16_t              transport;
    char                  barcode[SMC_VOLTAG_LENGTH + 1];
    struct label_info     label;
    uint32_t              option;
    bool                  in_place;      /* the medium was already in the drive (deferred) */
};

/* ---- reading the database ---- */

struct drive_search {
    const ntms_guid *library;
    uint16_t         home;          /* a drive holding the medium of this slot, deferred */
    struct rsm_object found, idle, deferred;
    bool             has_found, has_idle, has_deferred;
};

static bool consider_drive(const struct rsm_object *o, void *context)
{
    struct drive_search *s = context;
    const struct rsm_drive *d = &o->info.drive;

    if (!ntms_guid_equal(&d->library, s->library) || o->operational_state != RSM_READY || !o->enabled)
        return true;
    /* The lowest-numbered drive of each kind, whatever order the store keeps. */
    if (!ntms_guid_is_null(&d->loaded_media)) {
        if (d->state == RSM_DRIVESTATE_DISMOUNTABLE
            && (!s->has_deferred || d->number < s->deferred.info.drive.number)) {
            s->deferred = *o;
            s->has_deferred = true;
        }
    } else if (!s->has_idle || d->number < s->idle.info.drive.number) {
        s->idle = *o;
        s->has_idle = true;
    }
    return true;
}

static ntms_err load_objects(struct job *job, const ntms_guid *slot_id)
{
    struct objdb *db = job->engine->db;
    ntms_err status = objdb_begin_read(db);

    if (status != NTMS_OK)
        return status;
    if (objdb_get(db, slot_id, &job->slot) != NTMS_OK || job->slot.type != RSM_STORAGESLOT)
        status = NTMS_E_INVALID_PARAMETER;
    else if (objdb_get(db, &job->slot.info.slot.library, &job->library) != NTMS_OK)
        status = NTMS_E_OBJECT_NOT_FOUND;
    else if (!job->library.enabled)
        status = NTMS_E_RESOURCE_DISABLED;
    else if (job->library.info.library.library_type != RSM_LIBRARYTYPE_ONLINE
             || job->library.operational_state != RSM_READY)
        status = NTMS_E_LIBRARY_OFFLINE;
    objdb_abort(db);
    return status;
}

/* ---- the medium's records ---- */

struct media_search {
    const char              *barcode;
    const struct label_info *label;
    struct rsm_object        media;
    bool                     found;
};

static bool find_by_barcode(const struct rsm_object *o, void *context)
{
    struct media_search *s = context;

    if (!s->barcode[0] || !wstr_equal_ascii_nocase(o->info.media.barcode, RSM_BARCODE_LENGTH, s->barcode))
        return true;
    s->media = *o;
    s->found = true;
    return false;
}

struct partition_search {
    const ntms_guid  *media;
    struct rsm_object partition;
    bool              found;
};

static bool find_partition_of(const struct rsm_object *o, void *context)
{
    struct partition_search *s = context;

    if (!ntms_guid_equal(&o->info.partition.physical_media, s->media))
        return true;
    s->partition = *o;
    s->found = true;
    return false;
}

static const struct media_kind *kind_of(const struct job *job)
{
    const struct media_kind *kind = media_kind_from_barcode(job->barcode);
    return kind ? kind : media_kind_by_name("Unknown Tape");
}

static void fill_omid(struct rsm_partition *p, const struct label_info *label)
{
    p->omid_label_id_length = (uint32_t)label->label_id_length;
    memset(p->omid_label_id, 0, sizeof(p->omid_label_id));
    memcpy(p->omid_label_id, label->label_id, label->label_id_length);
    WSTR_SET(p->omid_label_type, label->type_name);
    WSTR_SET(p->omid_label_info, label->info);
}

/* RSM's classification: a known label type with an unknown id goes to the
 * Import pool of its media type; blank, unknown or unlabelled media to
 * Unrecognized (FOREIGN). A medium already known keeps pool and states. */
static ntms_err create_media(struct job *job, struct rsm_object *media, struct rsm_object *partition)
{
    struct objdb *db = job->engine->db;
    const struct media_kind *kind = kind_of(job);
    bool labelled = label_has_identity(&job->label);
    ntms_guid type_id, pool_id;
    ntms_err status = system_media_type_by_name(db, kind->name, &type_id);

    if (status == NTMS_OK)
        status = system_pool(db, labelled ? RSM_POOLTYPE_IMPORT : RSM_POOLTYPE_FOREIGN, &type_id, &pool_id);
    if (status != NTMS_OK)
        return status;
    memset(media, 0, sizeof(*media));
    memset(partition, 0, sizeof(*partition));
    if ((status = ntms_guid_generate(&media->id)) != NTMS_OK || (status = ntms_guid_generate(&partition->id)) != NTMS_OK)
        return status;
    media->type = RSM_PHYSICAL_MEDIA;
    media->enabled = partition->enabled = 1;
    WSTR_SET(media->name, job->barcode[0] ? job->barcode : job->label.volume_id);
    struct rsm_physical_media *m = &media->info.media;
    m->media_pool = pool_id;
    m->media_type = type_id;
    m->media_type_code = kind->storage_media_type;
    m->number_of_partitions = 1;
    WSTR_SET(m->barcode, job->barcode);
    m->barcode_state = job->barcode[0] ? RSM_BARCODESTATE_OK : RSM_BARCODESTATE_UNREADABLE;
    partition->type = RSM_PARTITION;
    WSTR_SET(partition->name, job->barcode[0] ? job->barcode : job->label.volume_id);
    partition->info.partition.physical_media = media->id;
    partition->info.partition.state = labelled ? RSM_PARTSTATE_IMPORT : RSM_PARTSTATE_FOREIGN;
    return NTMS_OK;
}

static ntms_err record_media(struct job *job, struct rsm_object *media)
{
    struct objdb *db = job->engine->db;
    struct media_search search = { .barcode = job->barcode, .label = &job->label };
    struct rsm_object partition;
    ntms_err status = objdb_for_each(db, RSM_PHYSICAL_MEDIA, find_by_barcode, &search);

    if (status != NTMS_OK)
        return status;
    if (search.found) {
        *media = search.media;
        struct partition_search side = { .media = &media->id };
        if ((status = objdb_for_each(db, RSM_PARTITION, find_partition_of, &side)) != NTMS_OK)
            return status;
        if (!side.found)
            return NTMS_E_DATABASE_FAILURE;
        partition = side.partition;
    } else if ((status = create_media(job, media, &partition)) != NTMS_OK) {
        return status;
    }
    fill_omid(&partition.info.partition, &job->label);
    partition.info.partition.mount_count++;
    struct rsm_physical_media *m = &media->info.media;
    m->current_library = job->library.id;
    m->home_slot = job->slot.id;
    bool deferred = job->option == IDENTIFY_DEFERRED;
    m->location = deferred ? job->drive.id : job->slot.id;
    m->location_type = deferred ? RSM_LOCATION_DRIVE : RSM_LOCATION_STORAGESLOT;
    m->media_state = deferred ? RSM_MEDIASTATE_LOADED : RSM_MEDIASTATE_IDLE;
    m->mounted_partition = deferred ? partition.id : ntms_guid_null;
    if ((status = objdb_put(db, media)) != NTMS_OK)
        return status;
    return objdb_put(db, &partition);
}

/* ---- the library request that documents the work ---- */

static ntms_err write_request(struct job *job, uint32_t state, ntms_err error)
{
    struct rsm_lib_request *r = &job->request.info.lib_request;

    if (ntms_guid_is_null(&job->request.id)) {
        job->request.type = RSM_LIBREQUEST;
        job->request.enabled = 1;
        ntms_err status = ntms_guid_generate(&job->request.id);
        if (status != NTMS_OK)
            return status;
        r->operation_code = 19;            /* NTMS_LM_CLASSIFY */
        r->operation_option = job->option;
        r->library = job->library.id;
        r->slot = job->slot.id;
        r->time_queued = objdb_now();
        ntms_guid_generate(&r->work_item);
    }
    r->state = state;
    r->error_code = error;
    r->drive = job->drive.id;
    if (state >= 2)
        r->time_completed = objdb_now();
    return objdb_put(job->engine->db, &job->request);
}

static ntms_err commit_request(struct job *job, uint32_t state, ntms_err error)
{
    ntms_err status = objdb_begin_write(job->engine->db);

    if (status != NTMS_OK)
        return status;
    if ((status = write_request(job, state, error)) != NTMS_OK) {
        objdb_abort(job->engine->db);
        return status;
    }
    return objdb_commit(job->engine->db);
}

/* Fault injection for the crash tests: NTMSAPI_TEST_CRASH=<point> ends the
 * process at that point, as a kill would. */
static void crash_point(const char *point)
{
    const char *wanted = getenv("NTMSAPI_TEST_CRASH");

    if (wanted && !strcmp(wanted, point))
        plat_process_die();
}

/* ---- the robot ---- */

static ntms_err element_state(struct job *job, enum smc_element_type type, uint16_t address, struct smc_element *e)
{
    size_t found = 0;
    ntms_err status = robot_element_status(job->changer, type, address, 1, false, e, &found);

    return status == NTMS_OK && found != 1 ? NTMS_E_IO_DEVICE : status;
}

static ntms_err choose_drive(struct job *job)
{
    struct drive_search s = { .library = &job->library.id };
    ntms_err status = objdb_begin_read(job->engine->db);

    if (status != NTMS_OK)
        return status;
    status = objdb_for_each(job->engine->db, RSM_DRIVE, consider_drive, &s);
    objdb_abort(job->engine->db);
    if (status != NTMS_OK)
        return status;
    if (s.has_idle) {
        job->drive = s.idle;
        return NTMS_OK;
    }
    /* No idle drive. Documented limit: we do not wait for a busy drive;
     * a deferred one is emptied first. */
    if (!s.has_deferred)
        return NTMS_E_BUSY;
    job->drive = s.deferred;
    return NTMS_E_INVALID_STATE;   /* the caller dismounts it, then uses it */
}

static ntms_err dismount_deferred(struct job *job, struct rsm_object *drive);

static ntms_err open_drive(struct job *job)
{
    char name[RSM_DEVICENAME_LENGTH * 3];

    wstr_to_utf8(name, sizeof(name), job->drive.info.drive.device_name, RSM_DEVICENAME_LENGTH);
    if (!name[0])
        return NTMS_E_DEVICE_NOT_AVAILABLE;
    return job->engine->open_device(name, &job->tape);
}

static ntms_err mount_and_read(struct job *job)
{
    ntms_err status = open_drive(job);

    if (status != NTMS_OK)
        return status;
    if (!job->in_place) {
        status = robot_move(job->changer, job->transport, job->slot.info.slot.element_address,
                            job->drive.info.drive.element_address);
        if (status != NTMS_OK)
            return status;
        crash_point("after-move");
    }
    status = robot_wait_ready(job->tape, READY_TIMEOUT_MS);
    if (status == NTMS_OK)
        status = robot_read_label(job->tape, &job->label);
    return status;
}

static ntms_err return_home(struct job *job, struct scsi_transport *tape, const struct rsm_drive *drive,
                            uint16_t slot_address)
{
    if (tape)
        robot_unload(tape);
    return robot_move(job->changer, job->transport, drive->element_address, slot_address);
}

/* ---- putting it together ---- */

static ntms_err record_result(struct job *job)
{
    struct objdb *db = job->engine->db;
    struct rsm_object media;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    /* Also under a deferred dismount: the slot stays the medium's home. */
    job->slot.info.slot.state = RSM_SLOTSTATE_FULL;
    struct rsm_drive *d = &job->drive.info.drive;
    if ((status = record_media(job, &media)) == NTMS_OK) {
        d->mount_count++;
        if (job->option == IDENTIFY_DEFERRED) {
            d->state = RSM_DRIVESTATE_DISMOUNTABLE;
            d->loaded_media = media.id;
            d->saved_partition = media.info.media.mounted_partition;
            d->dismount_due = objdb_now() + (uint64_t)d->defer_dismount_delay * FILETIME_PER_SECOND;
        } else {
            d->state = RSM_DRIVESTATE_DISMOUNTED;
            d->loaded_media = d->saved_partition = ntms_guid_null;
            d->dismount_due = 0;
        }
        if ((status = objdb_put(db, &job->drive)) == NTMS_OK && (status = objdb_put(db, &job->slot)) == NTMS_OK)
            status = write_request(job, 2 /* NTMS_LM_PASSED */, NTMS_OK);
    }
    if (status != NTMS_OK) {
        objdb_abort(db);
        return status;
    }
    return objdb_commit(db);
}

static ntms_err record_empty_slot(struct job *job)
{
    ntms_err status = objdb_begin_write(job->engine->db);

    if (status != NTMS_OK)
        return status;
    job->slot.info.slot.state = RSM_SLOTSTATE_EMPTY;
    if ((status = objdb_put(job->engine->db, &job->slot)) != NTMS_OK) {
        objdb_abort(job->engine->db);
        return status;
    }
    return objdb_commit(job->engine->db);
}

/* A deferred medium whose home is this slot is identified where it is. */
static bool deferred_in_drive(struct job *job)
{
    struct drive_search s = { .library = &job->library.id };
    struct rsm_object media;

    if (objdb_begin_read(job->engine->db) != NTMS_OK)
        return false;
    objdb_for_each(job->engine->db, RSM_DRIVE, consider_drive, &s);
    bool home = s.has_deferred && objdb_get(job->engine->db, &s.deferred.info.drive.loaded_media, &media) == NTMS_OK
             && ntms_guid_equal(&media.info.media.home_slot, &job->slot.id);
    objdb_abort(job->engine->db);
    if (home) {
        job->drive = s.deferred;
        wstr_to_utf8(job->barcode, sizeof(job->barcode), media.info.media.barcode, RSM_BARCODE_LENGTH);
    }
    return home;
}

static ntms_err dismount_deferred(struct job *job, struct rsm_object *drive)
{
    struct objdb *db = job->engine->db;
    struct rsm_object media;
    ntms_err status = objdb_begin_read(db);

    if (status != NTMS_OK)
        return status;
    status = objdb_get(db, &drive->info.drive.loaded_media, &media);
    objdb_abort(db);
    if (status != NTMS_OK)
        return status;
    struct rsm_object home;
    if ((status = engine_get_object(job->engine, &media.info.media.home_slot, &home)) != NTMS_OK)
        return status;
    if ((status = return_home(job, NULL, &drive->info.drive, home.info.slot.element_address)) != NTMS_OK)
        return status;
    if ((status = objdb_begin_write(db)) != NTMS_OK)
        return status;
    media.info.media.location = home.id;
    media.info.media.location_type = RSM_LOCATION_STORAGESLOT;
    media.info.media.media_state = RSM_MEDIASTATE_IDLE;
    media.info.media.mounted_partition = ntms_guid_null;
    drive->info.drive.state = RSM_DRIVESTATE_DISMOUNTED;
    drive->info.drive.loaded_media = drive->info.drive.saved_partition = ntms_guid_null;
    drive->info.drive.dismount_due = 0;
    if ((status = objdb_put(db, &media)) != NTMS_OK || (status = objdb_put(db, drive)) != NTMS_OK) {
        objdb_abort(db);
        return status;
    }
    return objdb_commit(db);
}

struct due_search {
    const ntms_guid  *library;
    uint64_t          now;
    struct rsm_object drives[16];
    size_t            count;
};

static bool collect_due(const struct rsm_object *o, void *context)
{
    struct due_search *s = context;
    const struct rsm_drive *d = &o->info.drive;

    if (ntms_guid_equal(&d->library, s->library) && d->state == RSM_DRIVESTATE_DISMOUNTABLE && d->dismount_due
        && d->dismount_due <= s->now && s->count < 16)
        s->drives[s->count++] = *o;
    return true;
}

/* Deferred dismounts whose delay has passed, whichever process deferred
 * them (it may have ended): done by the next operation on the library. */
static void dismount_due_drives(struct job *job)
{
    struct due_search s = { .library = &job->library.id, .now = objdb_now() };

    if (objdb_begin_read(job->engine->db) != NTMS_OK)
        return;
    objdb_for_each(job->engine->db, RSM_DRIVE, collect_due, &s);
    objdb_abort(job->engine->db);
    for (size_t i = 0; i < s.count; i++)
        dismount_deferred(job, &s.drives[i]);
}

/* A process that died between its move into a drive and recording the
 * result leaves a tape in a drive the database believes empty. The next
 * identification puts it back where the changer says it came from. */
struct drive_lookup {
    const ntms_guid  *library;
    uint16_t          address;
    struct rsm_object drive;
    bool              found;
};

static bool find_drive_at(const struct rsm_object *o, void *context)
{
    struct drive_lookup *l = context;

    if (!ntms_guid_equal(&o->info.drive.library, l->library) || o->info.drive.element_address != l->address)
        return true;
    l->drive = *o;
    l->found = true;
    return false;
}

static void repair_stranded_tapes(struct job *job)
{
    struct smc_element drives[16];
    struct smc_element_map map;
    size_t found = 0;

    if (robot_element_map(job->changer, &map) != NTMS_OK
        || robot_element_status(job->changer, SMC_DATA_TRANSFER, map.first[SMC_DATA_TRANSFER],
                                map.count[SMC_DATA_TRANSFER] < 16 ? map.count[SMC_DATA_TRANSFER] : 16, false,
                                drives, &found) != NTMS_OK)
        return;
    for (size_t i = 0; i < found; i++) {
        struct drive_lookup l = { .library = &job->library.id, .address = drives[i].address };
        if (!drives[i].full || !drives[i].source_valid || objdb_begin_read(job->engine->db) != NTMS_OK)
            continue;
        objdb_for_each(job->engine->db, RSM_DRIVE, find_drive_at, &l);
        objdb_abort(job->engine->db);
        if (l.found && ntms_guid_is_null(&l.drive.info.drive.loaded_media))
            robot_move(job->changer, job->transport, drives[i].address, drives[i].source);
    }
}

static ntms_err identify_locked(struct job *job)
{
    struct smc_element e;

    repair_stranded_tapes(job);
    dismount_due_drives(job);
    ntms_err status = element_state(job, SMC_STORAGE, job->slot.info.slot.element_address, &e);

    if (status != NTMS_OK)
        return status;
    if (!e.full) {
        job->in_place = deferred_in_drive(job);
        if (!job->in_place)
            return record_empty_slot(job);
    } else {
        snprintf(job->barcode, sizeof(job->barcode), "%s", e.primary_tag);
        status = choose_drive(job);
        if (status == NTMS_E_INVALID_STATE)
            status = dismount_deferred(job, &job->drive);
        if (status != NTMS_OK)
            return status;
    }
    if ((status = commit_request(job, 1 /* NTMS_LM_INPROCESS */, NTMS_OK)) != NTMS_OK)
        return status;
    status = mount_and_read(job);
    bool loaded = status == NTMS_OK || !job->in_place;
    if (status == NTMS_OK)
        status = record_result(job);
    if (job->option != IDENTIFY_DEFERRED || status != NTMS_OK) {
        /* Whatever failed, the tape goes home: no tape stranded in a drive
         * the database believes empty. */
        ntms_err home = loaded ? return_home(job, job->tape, &job->drive.info.drive, job->slot.info.slot.element_address)
                               : NTMS_OK;
        if (home == NTMS_E_SOURCE_ELEMENT_EMPTY)   /* the move in never happened */
            home = NTMS_OK;
        if (status == NTMS_OK)
            status = home;
    }
    if (status != NTMS_OK)
        commit_request(job, 3 /* NTMS_LM_FAILED */, status);
    return status;
}

static ntms_err lock_robot(struct job *job, struct plat_lock **lock)
{
    char path[1200], guid[NTMS_GUID_STRING_LENGTH];

    ntms_guid_format(&job->library.id, guid);
    snprintf(path, sizeof(path), "%s/robot-%s.lock", job->engine->data_directory, guid);
    return plat_file->lock(path, lock);
}

ntms_err engine_identify_slot(struct engine *engine, struct ntms_session *session, const ntms_guid *slot,
                              uint32_t option)
{
    struct job job;
    struct plat_lock *lock;
    char changer_name[RSM_DEVICE_PATH_LENGTH * 3];

    (void)session;
    memset(&job, 0, sizeof(job));
    job.engine = engine;
    job.option = option == IDENTIFY_DEFERRED ? IDENTIFY_DEFERRED : IDENTIFY_IMMEDIATE;
    ntms_err status = load_objects(&job, slot);
    if (status != NTMS_OK)
        return status;
    wstr_to_utf8(changer_name, sizeof(changer_name), job.library.info.library.device_path, RSM_DEVICE_PATH_LENGTH);
    if ((status = lock_robot(&job, &lock)) != NTMS_OK)
        return status;
    status = engine->open_device ? engine->open_device(changer_name, &job.changer) : NTMS_E_DEVICE_NOT_AVAILABLE;
    if (status == NTMS_OK) {
        struct smc_element_map map;
        if (robot_element_map(job.changer, &map) == NTMS_OK && map.count[SMC_TRANSPORT])
            job.transport = map.first[SMC_TRANSPORT];
        status = identify_locked(&job);
        scsi_transport_close(job.tape);
        scsi_transport_close(job.changer);
    } else {
        status = NTMS_E_LIBRARY_OFFLINE;
    }
    plat_file->unlock(lock);
    return status;
}
