/* IdentifyNtmsSlot: read the slot, mount its medium in a drive, read the
 * label, record what was found as RSM media, then dismount at once or
 * leave it loaded for the deferred-dismount delay. A library request
 * record says what was in flight if the process dies half way; the
 * housekeeping of library_access_open repairs it on the next call. */
#include "engine/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/busy_wait.h"
#include "engine/dismount_timer.h"
#include "engine/library_access.h"
#include "engine/media_identified.h"
#include "engine/media_records.h"
#include "engine/request_purge.h"
#include "engine/robot.h"
#include "engine/wstr.h"
#include "platform/plat_process.h"

#define READY_TIMEOUT_MS (120 * 1000)
#define MAX_REFUSING_DRIVES 64

struct job {
    struct engine        *engine;
    struct ntms_session  *session;       /* NULL for the engine's own work (inventory) */
    struct library_access lib;
    struct rsm_object     slot, library, drive, request;
    struct scsi_transport *tape;
    struct identified     found;         /* barcode, cartridge memory, label */
    ntms_guid             refused[MAX_REFUSING_DRIVES];   /* drives that could not take the medium */
    size_t                refused_count;
    bool                  home_already;  /* the last drive refused it: it went home */
    uint32_t              option;
    bool                  in_place;      /* the medium was already in the drive (deferred) */
};

/* ---- the medium's records ---- */

static ntms_err record_media(struct job *job, struct rsm_object *media)
{
    struct objdb *db = job->engine->db;
    struct rsm_object partition, at_home;
    /* A tape told apart by nothing is the medium recorded here: the one
     * whose home this slot is, in it (or in the drive, deferred). */
    bool home_known = media_find_by_home(db, &job->slot.id, &at_home) == NTMS_OK
                   && (ntms_guid_equal(&at_home.info.media.location, &job->slot.id)
                       || (job->in_place && ntms_guid_equal(&at_home.info.media.location, &job->drive.id)));
    ntms_err status = media_identified_record(db, &job->found, &job->library.id, home_known ? &at_home.id : NULL,
                                              media, &partition);

    if (status != NTMS_OK)
        return status;
    struct rsm_physical_media *m = &media->info.media;
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
        /* RSM names its own work "Removable Storage"; a caller's by its application. */
        WSTR_SET(r->application, job->session ? job->session->application : "Removable Storage");
        if (job->session) {
            WSTR_SET(r->user, job->session->user);
            WSTR_SET(r->computer, job->session->computer);
        }
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
    /* A new request is the moment to let go of old ones. */
    if (ntms_guid_is_null(&job->request.id))
        status = requests_purge(job->engine->db);
    if (status == NTMS_OK)
        status = write_request(job, state, error);
    return objdb_end(job->engine->db, status);
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

static ntms_err element_state(struct job *job, uint16_t address, struct smc_element *e)
{
    size_t found = 0;
    ntms_err status = robot_element_status(job->lib.changer, SMC_STORAGE, address, 1, false, e, &found);

    return status == NTMS_OK && found != 1 ? NTMS_E_IO_DEVICE : status;
}

static ntms_err mount_and_read(struct job *job)
{
    ntms_err status = library_open_drive(&job->lib, &job->drive, &job->tape);

    if (status != NTMS_OK)
        return status;
    if (!job->in_place) {
        status = robot_move(job->lib.changer, job->lib.transport, job->slot.info.slot.element_address,
                            job->drive.info.drive.element_address);
        if (status != NTMS_OK)
            return status;
        crash_point("after-move");
    }
    status = robot_wait_ready(job->tape, READY_TIMEOUT_MS);
    if (status != NTMS_OK)
        return status;
    return media_identify_in_drive(job->tape, job->engine->offer_label, &job->found);
}

static ntms_err return_home(struct job *job)
{
    if (job->tape)
        robot_unload(job->tape);
    ntms_err status = robot_move(job->lib.changer, job->lib.transport, job->drive.info.drive.element_address,
                                 job->slot.info.slot.element_address);
    return status == NTMS_E_SOURCE_ELEMENT_EMPTY ? NTMS_OK : status;   /* the move in never happened */
}

/* ---- recording ---- */

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
            library_defer_dismount(&job->lib, &job->drive, &media.id, &media.info.media.mounted_partition);
        } else {
            d->state = RSM_DRIVESTATE_DISMOUNTED;
            d->loaded_media = d->saved_partition = ntms_guid_null;
            d->dismount_due = 0;
        }
        job->request.info.lib_request.physical_media = media.id;
        job->request.info.lib_request.partition = media.info.media.mounted_partition;
        if ((status = objdb_put(db, &job->drive)) == NTMS_OK && (status = objdb_put(db, &job->slot)) == NTMS_OK)
            status = write_request(job, 2 /* NTMS_LM_PASSED */, NTMS_OK);
    }
    return objdb_end(db, status);
}

static ntms_err record_empty_slot(struct job *job)
{
    ntms_err status = objdb_begin_write(job->engine->db);

    if (status != NTMS_OK)
        return status;
    job->slot.info.slot.state = RSM_SLOTSTATE_EMPTY;
    return objdb_end(job->engine->db, objdb_put(job->engine->db, &job->slot));
}

/* The medium whose home this slot is, if it sits in a drive (deferred). */
struct home_search {
    const ntms_guid  *slot;
    struct rsm_object media;
    bool              found;
};

static bool find_by_home(const struct rsm_object *o, void *context)
{
    struct home_search *s = context;

    if (!ntms_guid_equal(&o->info.media.home_slot, s->slot) || o->info.media.location_type != RSM_LOCATION_DRIVE)
        return true;
    s->media = *o;
    s->found = true;
    return false;
}

static bool deferred_in_drive(struct job *job)
{
    struct home_search s = { .slot = &job->slot.id };

    if (objdb_begin_read(job->engine->db) != NTMS_OK)
        return false;
    objdb_for_each(job->engine->db, RSM_PHYSICAL_MEDIA, find_by_home, &s);
    objdb_abort(job->engine->db);
    if (!s.found || !library_drive_holding(&job->lib, &s.media.id, &job->drive))
        return false;
    wstr_to_utf8(job->found.barcode, sizeof(job->found.barcode), s.media.info.media.barcode, RSM_BARCODE_LENGTH);
    return true;
}

static ntms_err load_slot(struct job *job, const ntms_guid *slot_id)
{
    if (engine_get_object(job->engine, slot_id, &job->slot) != NTMS_OK || job->slot.type != RSM_STORAGESLOT)
        return NTMS_E_INVALID_PARAMETER;
    return NTMS_OK;
}

/* A drive that cannot read the medium is no answer yet. */
static bool refused(ntms_err status)
{
    return status == NTMS_E_MEDIA_INCOMPATIBLE || status == NTMS_E_UNRECOGNIZED_MEDIA;
}

/* Each idle drive is tried until one reads the medium; when none can, it
 * is home again and recorded as incompatible (RSM: held in Unrecognized). */
static ntms_err mount_where_readable(struct job *job)
{
    ntms_err status;

    while (refused(status = mount_and_read(job)) && !job->in_place) {
        ntms_err home = return_home(job);
        scsi_transport_close(job->tape);
        job->tape = NULL;
        if (home != NTMS_OK)
            return home;
        if (job->refused_count < MAX_REFUSING_DRIVES)
            job->refused[job->refused_count++] = job->drive.id;
        if (job->refused_count == MAX_REFUSING_DRIVES
            || library_choose_drive(&job->lib, false, job->refused, job->refused_count, &job->drive) != NTMS_OK) {
            memset(&job->found.label, 0, sizeof(job->found.label));
            snprintf(job->found.label.type_name, sizeof(job->found.label.type_name), "Incompatible");
            snprintf(job->found.label.info, sizeof(job->found.label.info), "no drive of the library can read it");
            job->found.incompatible = true;
            job->home_already = true;
            job->option = IDENTIFY_IMMEDIATE;   /* nothing to leave in a drive */
            return NTMS_OK;
        }
    }
    return status;
}

static ntms_err identify_locked(struct job *job)
{
    struct smc_element e;
    ntms_err status = element_state(job, job->slot.info.slot.element_address, &e);

    if (status != NTMS_OK)
        return status;
    if (!e.full) {
        job->in_place = deferred_in_drive(job);
        if (!job->in_place)
            return record_empty_slot(job);
    } else {
        snprintf(job->found.barcode, sizeof(job->found.barcode), "%s", e.primary_tag);
        if ((status = library_choose_drive(&job->lib, true, NULL, 0, &job->drive)) != NTMS_OK)
            return status;
    }
    if ((status = commit_request(job, 1 /* NTMS_LM_INPROCESS */, NTMS_OK)) != NTMS_OK)
        return status;
    status = mount_where_readable(job);
    if (status == NTMS_OK)
        status = record_result(job);
    /* Whatever failed, the tape goes home: no tape stranded in a drive the
     * database believes empty. */
    if ((job->option != IDENTIFY_DEFERRED || status != NTMS_OK) && !job->home_already) {
        ntms_err home = return_home(job);
        if (status == NTMS_OK)
            status = home;
    }
    if (status != NTMS_OK)
        commit_request(job, 3 /* NTMS_LM_FAILED */, status);
    else if (job->option == IDENTIFY_DEFERRED)
        dismount_timer_arm(job->engine);
    return status;
}

static ntms_err identify_once(struct job *job)
{
    ntms_err status = library_access_open(job->engine, &job->slot.info.slot.library, &job->lib);

    if (status == NTMS_E_OBJECT_NOT_FOUND)
        status = NTMS_E_INVALID_PARAMETER;   /* a slot of no library */
    if (status != NTMS_OK)
        return status;
    job->library = job->lib.library;
    job->in_place = job->home_already = false;
    job->refused_count = 0;
    status = identify_locked(job);
    scsi_transport_close(job->tape);
    job->tape = NULL;
    library_access_close(&job->lib);
    return status;
}

ntms_err engine_identify_slot(struct engine *engine, struct ntms_session *session, const ntms_guid *slot,
                              uint32_t option)
{
    struct job job;
    struct busy_wait wait;

    memset(&job, 0, sizeof(job));
    job.engine = engine;
    job.session = session;
    job.option = option == IDENTIFY_DEFERRED ? IDENTIFY_DEFERRED : IDENTIFY_IMMEDIATE;
    ntms_err status = load_slot(&job, slot);
    if (status != NTMS_OK)
        return status;
    /* Every drive in use: wait for one, outside the library's lock. */
    busy_wait_start(&wait, busy_wait_identify_ms());
    do
        status = identify_once(&job);
    while (status == NTMS_E_BUSY && job.lib.drives_busy && busy_wait_again(&wait));
    return status;
}
