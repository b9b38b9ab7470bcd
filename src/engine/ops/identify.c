/* IdentifyNtmsSlot: read the slot, load its medium into a drive, read the
 * label, record what was found as RSM media, then dismount at once or
 * leave it loaded for the deferred-dismount delay.
 *
 * The robot lock is held only while the changer moves or is read; while
 * the drive becomes ready and is read, the lock is released and the drive
 * is taken in the database. A library request record says what was in
 * flight if the process dies half way; the next housekeeping repairs it. */
#include "engine/ops/identify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/ops/busy_wait.h"
#include "engine/device/dismount_timer.h"
#include "engine/device/drive_moves.h"
#include "engine/device/drive_choice.h"
#include "engine/device/library_access.h"
#include "engine/ops/library_presence.h"
#include "engine/device/tape_reading.h"
#include "engine/records/media_recording.h"
#include "engine/records/media_records.h"
#include "engine/core/owner.h"
#include "engine/records/request_purge.h"
#include "engine/device/robot.h"
#include "engine/device/tape_drive.h"
#include "engine/core/wstr.h"
#include "platform/plat_process.h"
#include "platform/plat_random.h"

struct job {
    struct engine        *engine;
    struct ntms_session  *session;       /* NULL for the engine's own work (inventory) */
    struct rsm_owner      owner;
    struct library_access lib;
    struct rsm_object     slot, library, drive, request;
    struct identified     found;         /* barcode, cartridge memory, label */
    ntms_guid            *refused;       /* drives that could not take the medium */
    size_t                refused_count;
    uint32_t              option;
    bool                  in_place;      /* the medium was already in the drive (deferred) */
    bool                  drive_taken;
    bool                  loaded;        /* our tape is in the drive */
    bool                  medium_busy;   /* its medium is in a drive someone uses: worth waiting */
};

/* ---- the library request that documents the work ---- */

static ntms_err new_request(struct job *job)
{
    struct rsm_lib_request *r = &job->request.info.lib_request;
    ntms_err status;

    job->request.type = RSM_LIBREQUEST;
    job->request.enabled = 1;
    if ((status = ntms_guid_generate(&job->request.id)) != NTMS_OK || (status = ntms_guid_generate(&r->work_item)))
        return status;
    r->operation_code = RSM_LM_CLASSIFY;
    r->operation_option = job->option;
    r->library = job->library.id;
    r->slot = job->slot.id;
    r->time_queued = objdb_now();
    r->requested_by = job->owner;
    /* RSM names its own work "Removable Storage"; a caller's by its application. */
    WSTR_SET(r->application, job->session ? job->session->application : "Removable Storage");
    if (job->session) {
        WSTR_SET(r->user, job->session->user);
        WSTR_SET(r->computer, job->session->computer);
    }
    return NTMS_OK;
}

static ntms_err write_request(struct job *job, uint32_t state, ntms_err error)
{
    struct rsm_lib_request *r = &job->request.info.lib_request;
    ntms_err status;

    if (ntms_guid_is_null(&job->request.id) && (status = new_request(job)) != NTMS_OK)
        return status;
    r->state = state;
    r->error_code = error;
    r->drive = job->drive.id;
    if (state == RSM_LM_PASSED || state == RSM_LM_FAILED)
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
    /* In the drive until it is sent home (at once, or after the delay). */
    struct rsm_physical_media *m = &media->info.media;
    bool home_already = job->found.incompatible;
    m->home_slot = job->slot.id;
    m->location = home_already ? job->slot.id : job->drive.id;
    m->location_type = home_already ? RSM_LOCATION_STORAGESLOT : RSM_LOCATION_DRIVE;
    m->media_state = home_already ? RSM_MEDIASTATE_IDLE : RSM_MEDIASTATE_LOADED;
    m->mounted_partition = home_already ? ntms_guid_null : partition.id;
    if ((status = objdb_put(db, media)) != NTMS_OK)
        return status;
    return objdb_put(db, &partition);
}

/* The drive keeps the medium: dismountable (deferred), or still ours, to
 * be sent home next (immediate). */
static ntms_err record_drive(struct job *job, const struct rsm_object *media)
{
    struct rsm_drive *d = &job->drive.info.drive;

    d->mount_count++;
    library_defer_dismount(&job->lib, &job->drive, &media->id, &media->info.media.mounted_partition);
    if (job->option != IDENTIFY_DEFERRED) {
        d->state = RSM_DRIVESTATE_UNLOADED;
        d->holder = job->owner;
        d->dismount_due = 0;
    }
    return objdb_put(job->engine->db, &job->drive);
}

/* The medium, the slot, the drive and the request, in one transaction. A
 * medium no drive could read is home already. */
static ntms_err record_result(struct job *job)
{
    struct objdb *db = job->engine->db;
    struct rsm_object media;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    /* Also under a deferred dismount: the slot stays the medium's home. */
    job->slot.info.slot.state = RSM_SLOTSTATE_FULL;
    if ((status = record_media(job, &media)) == NTMS_OK)
        status = job->found.incompatible ? NTMS_OK : record_drive(job, &media);
    if (status == NTMS_OK) {
        job->request.info.lib_request.physical_media = media.id;
        job->request.info.lib_request.partition = media.info.media.mounted_partition;
        if ((status = objdb_put(db, &job->slot)) == NTMS_OK)
            status = write_request(job, RSM_LM_PASSED, NTMS_OK);
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

/* ---- the robot ---- */

static ntms_err element_state(struct job *job, uint16_t address, struct smc_element *e)
{
    size_t found = 0;
    ntms_err status = robot_element_status(job->lib.changer, SMC_STORAGE, address, 1, false, e, &found);

    return status == NTMS_OK && found != 1 ? NTMS_E_IO_DEVICE : status;
}

/* The slot's medium waits in a drive: under a deferred dismount it is
 * identified there; in use by anyone else it is left alone (busy). */
static ntms_err find_deferred(struct job *job, bool *there)
{
    struct rsm_object media;

    *there = false;
    if (objdb_begin_read(job->engine->db) != NTMS_OK)
        return NTMS_E_DATABASE_FAILURE;
    bool known = media_find_by_home(job->engine->db, &job->slot.id, &media) == NTMS_OK
              && media.info.media.location_type == RSM_LOCATION_DRIVE;
    objdb_abort(job->engine->db);
    if (!known || !library_drive_holding(&job->lib, &media.id, &job->drive))
        return NTMS_OK;
    if (job->drive.info.drive.state != RSM_DRIVESTATE_DISMOUNTABLE || library_drive_taken(&job->drive)) {
        job->medium_busy = true;
        return NTMS_E_BUSY;
    }
    ntms_err status = library_claim_drive(&job->lib, &job->drive);
    job->drive_taken = *there = status == NTMS_OK;
    wstr_to_utf8(job->found.barcode, sizeof(job->found.barcode), media.info.media.barcode, RSM_BARCODE_LENGTH);
    return status;
}

/* Waits for the drive and reads the tape, with the robot lock released. */
static ntms_err read_unlocked(struct job *job)
{
    struct scsi_transport *tape;

    library_access_release(&job->lib);
    ntms_err status = library_open_drive(&job->lib, &job->drive, &tape);
    if (status == NTMS_OK) {
        if ((status = tape_wait_ready(tape, tape_ready_wait_ms())) == NTMS_OK)
            status = media_identify_in_drive(tape, job->engine->offer_label, &job->found);
        scsi_transport_close(tape);
    }
    ntms_err locked = library_access_reacquire(&job->lib);
    return status != NTMS_OK ? status : locked;
}

static ntms_err load_and_read(struct job *job)
{
    if (!job->in_place) {
        uint16_t slot = job->slot.info.slot.element_address;
        ntms_err status = library_load(&job->lib, &job->drive, slot, NULL, NULL);
        /* Gone from its slot since we looked (the lock was let go while a
         * drive was emptied for us): another process has it in a drive. */
        if (status == NTMS_E_SOURCE_ELEMENT_EMPTY && library_source_taken(&job->lib, slot)) {
            job->medium_busy = true;
            status = NTMS_E_BUSY;
        }
        if (status != NTMS_OK)
            return status;
        job->loaded = true;
        crash_point("after-move");
    }
    return read_unlocked(job);
}

/* Our tape goes back to its slot; the drive is given back. A medium found
 * waiting in the drive stays there, as it was. */
static ntms_err send_back(struct job *job)
{
    ntms_err status = NTMS_OK;

    if (job->loaded && !job->in_place)
        status = library_return_tape(&job->lib, &job->drive, job->slot.info.slot.element_address);
    else if (job->drive_taken)
        status = library_give_back(&job->lib, &job->drive);
    job->loaded = job->drive_taken = false;
    return status;
}

/* A drive that cannot read the medium is no answer yet. */
static bool refused(ntms_err status)
{
    return status == NTMS_E_MEDIA_INCOMPATIBLE || status == NTMS_E_UNRECOGNIZED_MEDIA;
}

static void remember_refusal(struct job *job)
{
    ntms_guid *grown = realloc(job->refused, (job->refused_count + 1) * sizeof(*grown));

    if (grown) {
        job->refused = grown;
        job->refused[job->refused_count++] = job->drive.id;
    }
}

static void record_incompatible(struct job *job)
{
    memset(&job->found.label, 0, sizeof(job->found.label));
    snprintf(job->found.label.type_name, sizeof(job->found.label.type_name), "Incompatible");
    snprintf(job->found.label.info, sizeof(job->found.label.info), "no drive of the library can read it");
    job->found.incompatible = true;
    job->option = IDENTIFY_IMMEDIATE;   /* nothing to leave in a drive */
}

/* Each drive is tried until one reads the medium. A refusing drive gives
 * way to the next idle one; when the others are only busy, they are
 * waited for (busy is no incompatibility); when none is left, the medium
 * is recorded incompatible (RSM: held in Unrecognized), read by nobody. */
static ntms_err load_where_readable(struct job *job)
{
    ntms_err status;

    while (refused(status = load_and_read(job)) && !job->in_place) {
        if ((status = send_back(job)) != NTMS_OK)
            return status;
        remember_refusal(job);
        status = library_take_drive(&job->lib, false, job->refused, job->refused_count, &job->drive);
        if (status == NTMS_E_BUSY && job->lib.drives_busy)
            return NTMS_E_BUSY;   /* another drive may read it: wait for one */
        if (status == NTMS_E_BUSY) {
            record_incompatible(job);
            return NTMS_OK;
        }
        if (status != NTMS_OK)
            return status;
        job->drive_taken = true;
    }
    return status;
}

/* Under the robot lock; returns with it held. */
static ntms_err identify_locked(struct job *job)
{
    struct smc_element e;
    ntms_err status = element_state(job, job->slot.info.slot.element_address, &e);

    if (status != NTMS_OK)
        return status;
    if (!e.full) {
        if ((status = find_deferred(job, &job->in_place)) != NTMS_OK || !job->in_place)
            return status == NTMS_OK ? record_empty_slot(job) : status;
    } else {
        snprintf(job->found.barcode, sizeof(job->found.barcode), "%s", e.primary_tag);
        if ((status = library_take_drive(&job->lib, true, job->refused, job->refused_count, &job->drive)) != NTMS_OK)
            return status;
        job->drive_taken = true;
    }
    if ((status = commit_request(job, RSM_LM_INPROCESS, NTMS_OK)) == NTMS_OK
        && (status = load_where_readable(job)) == NTMS_OK && job->found.incompatible)
        job->loaded = false;   /* it went home with the last refusal */
    if (status == NTMS_OK)
        status = record_result(job);
    if (status == NTMS_OK) {
        job->loaded = job->drive_taken = false;   /* the records hold it now */
        if (job->option != IDENTIFY_DEFERRED && !job->found.incompatible
            && (status = library_dismount(&job->lib, &job->drive)) != NTMS_OK)
            dismount_timer_arm(job->engine);   /* due at once: tried again */
    }
    return status;
}

static ntms_err identify_once(struct job *job)
{
    ntms_err status = library_open_present(job->engine, &job->slot.info.slot.library, &job->owner, &job->lib);

    if (status == NTMS_E_OBJECT_NOT_FOUND)
        status = NTMS_E_INVALID_PARAMETER;   /* a slot of no library */
    if (status != NTMS_OK)
        return status;
    job->library = job->lib.library;
    job->in_place = job->loaded = job->drive_taken = job->medium_busy = false;
    memset(&job->found, 0, sizeof(job->found));
    memset(&job->request, 0, sizeof(job->request));
    status = identify_locked(job);
    /* Whatever failed, the tape goes home: never a tape where the records
     * do not place it. */
    if (status != NTMS_OK) {
        send_back(job);
        /* Recorded FAILED, tried twice; left INPROCESS, the housekeeping
         * fails it once this owner is gone. */
        if (!ntms_guid_is_null(&job->request.id) && commit_request(job, RSM_LM_FAILED, status) != NTMS_OK)
            commit_request(job, RSM_LM_FAILED, status);
    } else if (job->option == IDENTIFY_DEFERRED) {
        dismount_timer_arm(job->engine);
    }
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
    job.owner = owner_self(session ? session->serial : 0);
    job.option = option == IDENTIFY_DEFERRED ? IDENTIFY_DEFERRED : IDENTIFY_IMMEDIATE;
    if (engine_get_object(engine, slot, &job.slot) != NTMS_OK || job.slot.type != RSM_STORAGESLOT)
        return NTMS_E_INVALID_PARAMETER;
    /* Every drive in use, or the medium itself: wait, outside the library's lock. */
    busy_wait_start(&wait, busy_wait_identify_ms());
    ntms_err status;
    objdb_defer_flush();   /* its commits reach the disk once, when it is done */
    do
        status = identify_once(&job);
    while (status == NTMS_E_BUSY && (job.lib.drives_busy || job.medium_busy) && busy_wait_again(&wait));
    if (status == NTMS_OK)
        objdb_signal_completion(engine->db, RSM_STORAGESLOT, slot);
    ntms_err flushed = objdb_flush_deferred(engine->db);
    free(job.refused);
    return status != NTMS_OK ? status : flushed;
}
