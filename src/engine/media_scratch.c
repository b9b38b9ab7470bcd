#include "engine/media_scratch.h"

#include <stdio.h>
#include <string.h>

#include "engine/free_label.h"
#include "engine/library_access.h"
#include "engine/robot.h"
#include "engine/wstr.h"

#define READY_TIMEOUT_MS (120 * 1000)

bool scratch_can_write(struct objdb *db, const struct rsm_object *media)
{
    struct rsm_object library;

    if (objdb_get(db, &media->info.media.current_library, &library) != NTMS_OK)
        return false;
    uint32_t type = library.info.library.library_type;
    return type == RSM_LIBRARYTYPE_STANDALONE || (type == RSM_LIBRARYTYPE_ONLINE
                                                  && !ntms_guid_is_null(&media->info.media.home_slot));
}

struct placement {
    struct rsm_object drive, home;
    bool              moved_in;     /* we brought it from its slot */
};

/* The medium in a drive: where it is, or from its home slot into an idle one. */
static ntms_err into_a_drive(struct library_access *a, const struct rsm_object *media, struct placement *p)
{
    if (library_drive_holding(a, &media->id, &p->drive))
        return p->drive.info.drive.state == RSM_DRIVESTATE_LOADED ? NTMS_E_BUSY : NTMS_OK;   /* mounted: in use */
    if (!a->changer)
        return NTMS_E_MEDIA_OFFLINE;   /* a stand-alone drive without it */
    ntms_err status = engine_get_object(a->engine, &media->info.media.home_slot, &p->home);
    if (status == NTMS_OK)
        status = library_choose_drive(a, true, NULL, 0, &p->drive);
    if (status == NTMS_OK)
        status = robot_move(a->changer, a->transport, p->home.info.slot.element_address,
                            p->drive.info.drive.element_address);
    p->moved_in = status == NTMS_OK;
    return status;
}

static ntms_err write_on(struct library_access *a, const struct rsm_object *media, struct placement *p,
                         struct label_info *written)
{
    struct scsi_transport *tape;
    uint8_t block[FREE_LABEL_SIZE];
    struct free_label free = { .media = media->id, .written = objdb_now() };
    ntms_err status = library_open_drive(a, &p->drive, &tape);

    if (status != NTMS_OK)
        return status;
    wstr_to_utf8(free.barcode, sizeof(free.barcode), media->info.media.barcode, RSM_BARCODE_LENGTH);
    free_label_build(&free, block);
    if ((status = robot_wait_ready(tape, READY_TIMEOUT_MS)) == NTMS_OK)
        status = robot_write_label(tape, block, sizeof(block));
    if (p->moved_in)
        robot_unload(tape);
    scsi_transport_close(tape);
    label_detect(FIRST_READ_DATA, block, sizeof(block), written);
    return status;
}

ntms_err scratch_write_label(struct engine *engine, const struct rsm_object *media, struct label_info *written)
{
    struct library_access access;
    struct placement placement;
    ntms_err status = library_access_open(engine, &media->info.media.current_library, &access);

    if (status != NTMS_OK)
        return status;
    memset(&placement, 0, sizeof(placement));
    status = into_a_drive(&access, media, &placement);
    if (status == NTMS_OK)
        status = write_on(&access, media, &placement, written);
    if (placement.moved_in) {   /* whatever happened, it goes home */
        ntms_err home = robot_move(access.changer, access.transport, placement.drive.info.drive.element_address,
                                   placement.home.info.slot.element_address);
        if (status == NTMS_OK)
            status = home;
    }
    library_access_close(&access);
    return status;
}
