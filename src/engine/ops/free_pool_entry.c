#include "engine/ops/free_pool_entry.h"

#include <stdio.h>
#include <string.h>

#include "engine/device/drive_moves.h"
#include "engine/labels/free_label.h"
#include "engine/device/dismount_timer.h"
#include "engine/device/drive_choice.h"
#include "engine/device/library_access.h"
#include "engine/ops/library_presence.h"
#include "engine/device/robot.h"
#include "engine/device/tape_drive.h"
#include "engine/core/wstr.h"
#include "engine/records/media_recording.h"
#include "engine/records/media_records.h"

struct placement {
    struct rsm_object drive, home;
    bool              moved_in;     /* we brought it from its slot */
    bool              claimed;      /* we took the drive */
};

/* The medium in a drive: where it waits (deferred, or in its stand-alone
 * drive), or from its home slot into an idle one. */
static ntms_err into_a_drive(struct library_access *a, struct rsm_object *media, struct placement *p)
{
    ntms_err status;

    if (library_drive_holding(a, &media->id, &p->drive)) {
        if (p->drive.info.drive.state != RSM_DRIVESTATE_DISMOUNTABLE || library_drive_taken(&p->drive))
            return NTMS_E_BUSY;   /* mounted: in use */
        status = library_claim_drive(a, &p->drive);
        p->claimed = status == NTMS_OK;
        return status;
    }
    if (!a->changer)
        return NTMS_E_MEDIA_OFFLINE;   /* a stand-alone drive without it */
    if ((status = engine_get_object(a->engine, &media->info.media.home_slot, &p->home)) != NTMS_OK
        || (status = library_take_drive(a, true, NULL, 0, &p->drive)) != NTMS_OK)
        return status;
    p->claimed = true;
    status = library_load(a, &p->drive, p->home.info.slot.element_address, media,
                          &media->info.media.mounted_partition);
    p->moved_in = status == NTMS_OK;
    return status;
}

/* Waits for the drive and writes, with the robot lock released. */
static ntms_err write_on(struct library_access *a, const struct rsm_object *media, struct placement *p,
                         struct label_info *written)
{
    struct scsi_transport *tape;
    uint8_t block[FREE_LABEL_SIZE];
    struct free_label free = { .media = media->id, .written = objdb_now() };

    wstr_to_utf8(free.barcode, sizeof(free.barcode), media->info.media.barcode, RSM_BARCODE_LENGTH);
    free_label_build(&free, block);
    library_access_release(a);
    ntms_err status = library_open_drive(a, &p->drive, &tape);
    if (status == NTMS_OK) {
        if ((status = tape_wait_ready(tape, tape_ready_wait_ms())) == NTMS_OK)
            status = tape_write_label(tape, block, sizeof(block));
        scsi_transport_close(tape);
    }
    ntms_err locked = library_access_reacquire(a);
    label_detect(FIRST_READ_DATA, block, sizeof(block), written);
    return status != NTMS_OK ? status : locked;
}

ntms_err free_pool_write_label(struct engine *engine, const struct rsm_object *media, struct label_info *written)
{
    struct library_access access;
    struct placement placement;
    struct rsm_object record = *media;
    ntms_err status = library_open_present(engine, &media->info.media.current_library, NULL, &access);

    if (status != NTMS_OK)
        return status;
    memset(&placement, 0, sizeof(placement));
    status = into_a_drive(&access, &record, &placement);
    if (status == NTMS_OK)
        status = write_on(&access, &record, &placement, written);
    /* Whatever happened, it goes home if we brought it, else stays as it was. */
    if (placement.moved_in) {
        ntms_err home = library_dismount(&access, &placement.drive);
        if (home != NTMS_OK)
            dismount_timer_arm(engine);
        if (status == NTMS_OK)
            status = home;
    } else if (placement.claimed) {
        library_give_back(&access, &placement.drive);
    }
    library_access_close(&access);
    return status;
}

/* Still in Free and unprepared: AVAILABLE, the first side recording the label. */
static ntms_err record_prepared(struct objdb *db, const ntms_guid *media_id, const struct label_info *label)
{
    struct rsm_object media, pool;
    struct media_sides sides;
    ntms_err status;

    if ((status = objdb_get(db, media_id, &media)) != NTMS_OK
        || (status = objdb_get(db, &media.info.media.media_pool, &pool)) != NTMS_OK
        || (status = media_sides_of(db, media_id, &sides)) != NTMS_OK)
        return status;
    if (pool.info.pool.pool_type != RSM_POOLTYPE_SCRATCH)
        return NTMS_OK;
    for (size_t i = 0; i < sides.count && status == NTMS_OK; i++) {
        struct rsm_partition *p = &sides.side[i].info.partition;
        if (p->state != RSM_PARTSTATE_UNPREPARED)
            continue;
        p->state = RSM_PARTSTATE_AVAILABLE;
        if (i == 0)
            media_set_omid(p, label);
        status = objdb_put(db, &sides.side[i]);
    }
    return status;
}

ntms_err free_pool_prepare(struct engine *engine, const ntms_guid *media_id)
{
    struct rsm_object media;
    struct label_info written;
    ntms_err status = engine_get_object(engine, media_id, &media);

    if (status == NTMS_OK)
        status = free_pool_write_label(engine, &media, &written);
    if (status != NTMS_OK)
        return status;
    OBJDB_TRANSACTION(engine->db, true, record_prepared(engine->db, media_id, &written));
}
