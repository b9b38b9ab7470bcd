#include "engine/device/tape_drive.h"

#include <stdlib.h>
#include <string.h>

#include "engine/device/robot.h"
#include "engine/labels/cartridge_memory.h"
#include "engine/labels/label_recognise.h"
#include "platform/plat_time.h"
#include "scsi/scsi_mam.h"
#include "scsi/scsi_sense.h"
#include "scsi/scsi_spc.h"
#include "scsi/scsi_ssc.h"

#define WAIT_STEP_MS 500
#define LABEL_BLOCK (256 * 1024)

#define DEFAULT_READY_WAIT_SECONDS 7200   /* a new LTO-9 cartridge calibrates for up to two hours */
#define MAX_READY_WAIT_SECONDS 86400
#define NO_MEDIUM_GRACE_MS 60000           /* some drives see a tape a while after the robot put it in */

uint32_t tape_ready_wait_ms(void)
{
    const char *value = getenv("NTMSAPI_READY_WAIT_SECONDS");
    char *end;
    unsigned long seconds = value ? strtoul(value, &end, 10) : DEFAULT_READY_WAIT_SECONDS;

    if (!value || !*value || *end || seconds == 0 || seconds > MAX_READY_WAIT_SECONDS)
        seconds = DEFAULT_READY_WAIT_SECONDS;
    return (uint32_t)seconds * 1000u;
}

enum ready_answer { READY, KEEP_WAITING, NEEDS_LOAD, NO_MEDIUM_YET, GIVE_UP };

/* What a TEST UNIT READY said: the drive's own words decide whether
 * waiting can change it (SPC-4 02/04/xx, 06/xx; SSC 02/3A). */
static enum ready_answer ready_answer(const struct scsi_request *req, ntms_err *error)
{
    struct scsi_sense sense;

    scsi_sense_decode(req->sense, req->sense_len, &sense);
    struct scsi_outcome outcome = scsi_interpret(req->status, &sense);
    *error = outcome.error;
    if (outcome.error == NTMS_OK)
        return READY;
    if (outcome.next != SCSI_STEP_DONE)
        return KEEP_WAITING;                     /* becoming ready, in progress, unit attention, busy */
    if (sense.key == SENSE_NOT_READY && sense.asc == 0x04 && sense.ascq == 0x02)
        return NEEDS_LOAD;                       /* initializing command required */
    if (sense.key == SENSE_NOT_READY && sense.asc == 0x04 && sense.ascq != 0x03)
        return KEEP_WAITING;                     /* not ready for a reason that passes (not 04/03: manual) */
    if (outcome.error == NTMS_E_NO_MEDIA_IN_DRIVE)
        return NO_MEDIUM_YET;
    return GIVE_UP;                              /* incompatible, hardware fault, manual intervention ... */
}

ntms_err tape_wait_ready(struct scsi_transport *drive, uint32_t timeout_ms)
{
    uint64_t start = plat_monotonic_ns();
    ntms_err status = NTMS_E_NOT_READY;
    bool load_sent = false;

    for (;;) {
        struct scsi_request req;
        scsi_build_test_unit_ready(&req);
        if ((status = scsi_transport_execute(drive, &req)) != NTMS_OK)
            return status;
        uint64_t waited_ms = (plat_monotonic_ns() - start) / 1000000u;
        switch (ready_answer(&req, &status)) {
        case READY:
            return NTMS_OK;
        case GIVE_UP:
            return status;
        case NO_MEDIUM_YET:
            if (waited_ms >= NO_MEDIUM_GRACE_MS)
                return status;
            break;
        case NEEDS_LOAD:
            if (load_sent)
                return status;
            ssc_build_load_unload(&req, true);
            scsi_transport_execute(drive, &req);
            load_sent = true;
            break;
        case KEEP_WAITING:
            break;
        }
        if (waited_ms >= timeout_ms)
            return status;
        plat_sleep_ms(WAIT_STEP_MS);
    }
}

ntms_err tape_read_label(struct scsi_transport *drive, label_offer offer, struct label_info *label)
{
    struct scsi_request req;
    uint8_t *block = malloc(LABEL_BLOCK);

    if (!block)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    ssc_build_rewind(&req);
    ntms_err status = robot_run(drive, &req);
    if (status == NTMS_OK) {
        ssc_build_read6(&req, block, LABEL_BLOCK, true);
        status = scsi_transport_execute(drive, &req);
    }
    if (status == NTMS_OK) {
        struct ssc_read read = ssc_interpret_read(&req);
        enum first_read outcome = read.result == SSC_READ_BLANK ? FIRST_READ_BLANK
                                : read.result == SSC_READ_FILEMARK ? FIRST_READ_FILEMARK : FIRST_READ_DATA;
        if (read.result == SSC_READ_ERROR)
            status = read.error;
        else
            label_recognise(outcome, block, read.length, offer, label);
        ssc_build_rewind(&req);
        robot_run(drive, &req);
    }
    free(block);
    return status;
}

ntms_err tape_write_label(struct scsi_transport *drive, const uint8_t *block, size_t length)
{
    struct scsi_request req;

    ssc_build_rewind(&req);
    ntms_err status = robot_run(drive, &req);
    if (status == NTMS_OK) {
        ssc_build_write6(&req, block, (uint32_t)length);
        status = robot_run(drive, &req);
    }
    if (status == NTMS_OK) {
        ssc_build_write_filemarks(&req, 1);
        status = robot_run(drive, &req);
    }
    ssc_build_rewind(&req);
    robot_run(drive, &req);
    return status;
}

bool tape_write_protected(struct scsi_transport *drive)
{
    enum { MODE_HEADER_WP = 0x80, ALL_PAGES = 0x3F };
    uint8_t data[252];
    struct scsi_request req;

    scsi_build_mode_sense6(&req, data, sizeof(data), ALL_PAGES, true);
    return robot_run(drive, &req) == NTMS_OK && req.transferred >= 4 && (data[2] & MODE_HEADER_WP);
}

ntms_err tape_unload(struct scsi_transport *drive)
{
    struct scsi_request req;

    ssc_build_load_unload(&req, false);
    ntms_err status = robot_run(drive, &req);
    /* Drives without LOAD UNLOAD (or that do it on the move) are fine. */
    return status == NTMS_E_INVALID_FUNCTION ? NTMS_OK : status;
}

ntms_err tape_read_mam(struct scsi_transport *drive, struct mam_summary *mam)
{
    enum { MAM_BUFFER = 4096 };
    uint8_t *data = malloc(MAM_BUFFER);
    struct scsi_request req;

    memset(mam, 0, sizeof(*mam));
    if (!data)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    mam_build_read_attribute(&req, data, MAM_BUFFER, 0);
    ntms_err status = robot_run(drive, &req);
    if (status == NTMS_OK)
        cartridge_memory_summarise(data, req.transferred, mam);
    free(data);
    /* No READ ATTRIBUTE (tgt, DLT, most DDS), or no MAM on this medium. */
    if (status == NTMS_E_INVALID_FUNCTION || status == NTMS_E_NOT_READY || status == NTMS_E_INVALID_PARAMETER)
        return NTMS_E_NOT_SUPPORTED;
    return status;
}
