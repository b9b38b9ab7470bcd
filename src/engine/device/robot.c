#include "engine/device/robot.h"

#include <stdlib.h>
#include <string.h>

#include "platform/plat_time.h"
#include "scsi/scsi_mam.h"
#include "scsi/scsi_sense.h"
#include "scsi/scsi_spc.h"
#include "scsi/scsi_ssc.h"

#define RETRIES 5
#define WAIT_STEP_MS 500
#define CHUNK_ELEMENTS 256
#define LABEL_BLOCK (256 * 1024)

ntms_err robot_run(struct scsi_transport *t, struct scsi_request *req)
{
    for (int attempt = 0;; attempt++) {
        ntms_err status = scsi_transport_execute(t, req);
        if (status != NTMS_OK)
            return status;
        /* Never believe a transport that claims more bytes than the buffer holds. */
        if (req->transferred > req->data_len)
            req->transferred = req->data_len;
        struct scsi_sense sense;
        scsi_sense_decode(req->sense, req->sense_len, &sense);
        struct scsi_outcome outcome = scsi_interpret(req->status, &sense);
        if (outcome.next == SCSI_STEP_DONE || attempt == RETRIES)
            return outcome.error;
        if (outcome.next == SCSI_STEP_WAIT)
            plat_sleep_ms(WAIT_STEP_MS);
    }
}

ntms_err robot_element_map(struct scsi_transport *changer, struct smc_element_map *map)
{
    uint8_t data[255];
    struct scsi_request req;
    size_t length;

    scsi_build_mode_sense6(&req, data, sizeof(data), 0x1D, true);
    ntms_err status = robot_run(changer, &req);
    if (status != NTMS_OK)
        return status;
    const uint8_t *page = scsi_mode6_page(data, req.transferred, 0x1D, &length);
    return page && smc_parse_element_map(page, length, map) ? NTMS_OK : NTMS_E_IO_DEVICE;
}

/* One READ ELEMENT STATUS from `start`; keeps the descriptors of [start, end)
 * into elements[], at most `capacity`; *kept says how many. */
static ntms_err status_chunk(struct scsi_transport *changer, uint8_t *data, uint32_t allocation,
                             enum smc_element_type type, uint32_t start, uint32_t end, bool dvcid,
                             struct smc_element *elements, size_t capacity, size_t *kept)
{
    struct scsi_request req;
    struct smc_status_report report;
    uint32_t want = end - start < CHUNK_ELEMENTS ? end - start : CHUNK_ELEMENTS;

    *kept = 0;
    smc_build_read_element_status(&req, data, allocation, type, (uint16_t)start, (uint16_t)want, true,
                                  dvcid ? SMC_RES_DVCID : 0);
    ntms_err status = robot_run(changer, &req);
    if (status != NTMS_OK)
        return status;
    smc_parse_element_status(data, req.transferred, elements, capacity, &report);
    for (size_t i = 0; i < report.parsed; i++)   /* keep only the range asked for */
        if (elements[i].address >= start && elements[i].address < end)
            elements[(*kept)++] = elements[i];
    return NTMS_OK;
}

/* A descriptor cut short (tgt cuts the last one of every reply) is asked
 * for again from the element before it, so that it is no longer last;
 * when that does not bring it whole, what arrived stands. */
static void complete_last(struct scsi_transport *changer, uint8_t *data, uint32_t allocation,
                          enum smc_element_type type, bool dvcid, struct smc_element *element)
{
    struct smc_element again[2];
    size_t kept = 0;

    if (element->address == 0
        || status_chunk(changer, data, allocation, type, element->address - 1u, element->address + 1u, dvcid,
                        again, 2, &kept) != NTMS_OK)
        return;
    for (size_t i = 0; i < kept; i++)
        if (again[i].address == element->address && !again[i].truncated)
            *element = again[i];
}

/* Devices may ignore the count or cut the reply: keep asking from the
 * address after the last whole descriptor that arrived, per element type. */
ntms_err robot_element_status(struct scsi_transport *changer, enum smc_element_type type, uint16_t first,
                              uint16_t count, bool dvcid, struct smc_element *elements, size_t *found)
{
    uint32_t max = changer->ops->max_transfer(changer);
    uint32_t allocation = smc_status_allocation(CHUNK_ELEMENTS, max ? max : 65536);
    uint8_t *data = malloc(allocation);
    uint32_t next = first, end = (uint32_t)first + count;
    ntms_err status = NTMS_OK;

    *found = 0;
    if (!data)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    while (next < end && *found < count) {
        size_t kept;
        struct smc_element *at = elements + *found;
        if ((status = status_chunk(changer, data, allocation, type, next, end, dvcid, at, count - *found, &kept))
            != NTMS_OK || kept == 0)
            break;
        if (kept > 1 && at[kept - 1].truncated)
            kept--;                     /* the next chunk starts with it, whole */
        else if (at[kept - 1].truncated)
            complete_last(changer, data, allocation, type, dvcid, &at[kept - 1]);
        next = at[kept - 1].address + 1u;
        *found += kept;
    }
    free(data);
    return status;
}

ntms_err robot_move(struct scsi_transport *changer, uint16_t transport, uint16_t from, uint16_t to)
{
    struct scsi_request req;

    smc_build_move_medium(&req, transport, from, to);
    return robot_run(changer, &req);
}

#define DEFAULT_READY_WAIT_SECONDS 7200   /* a new LTO-9 cartridge calibrates for up to two hours */
#define MAX_READY_WAIT_SECONDS 86400
#define NO_MEDIUM_GRACE_MS 60000           /* some drives see a tape a while after the robot put it in */

uint32_t robot_ready_wait_ms(void)
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

ntms_err robot_wait_ready(struct scsi_transport *drive, uint32_t timeout_ms)
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

/* An installed media label library knows its own format best: it is
 * asked first, the built-in recognisers after. */
static void recognise(enum first_read outcome, const uint8_t *block, size_t length, label_offer offer,
                      struct label_info *label)
{
    memset(label, 0, sizeof(*label));
    if (outcome == FIRST_READ_DATA && offer && offer(block, length, label)) {
        label->format = LABEL_CLAIMED;
        label->type_name[sizeof(label->type_name) - 1] = '\0';
        label->info[sizeof(label->info) - 1] = '\0';
        if (label->label_id_length > sizeof(label->label_id))
            label->label_id_length = sizeof(label->label_id);
        return;
    }
    label_detect(outcome, block, length, label);
}

ntms_err robot_read_label(struct scsi_transport *drive, label_offer offer, struct label_info *label)
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
            recognise(outcome, block, read.length, offer, label);
        ssc_build_rewind(&req);
        robot_run(drive, &req);
    }
    free(block);
    return status;
}

ntms_err robot_write_label(struct scsi_transport *drive, const uint8_t *block, size_t length)
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

ntms_err robot_unload(struct scsi_transport *drive)
{
    struct scsi_request req;

    ssc_build_load_unload(&req, false);
    ntms_err status = robot_run(drive, &req);
    /* Drives without LOAD UNLOAD (or that do it on the move) are fine. */
    return status == NTMS_E_INVALID_FUNCTION ? NTMS_OK : status;
}

ntms_err robot_serial(struct scsi_transport *device, char *serial, size_t capacity)
{
    uint8_t data[255];
    struct scsi_request req;

    scsi_build_inquiry(&req, data, sizeof(data), true, 0x80);
    ntms_err status = robot_run(device, &req);
    if (status == NTMS_OK && !scsi_parse_serial_vpd(data, req.transferred, serial, capacity))
        status = NTMS_E_IO_DEVICE;
    return status;
}

static bool keep_attribute(const struct mam_attribute *a, void *context)
{
    struct mam_summary *m = context;

    switch (a->id) {
    case MAM_MEDIUM_SERIAL_NUMBER: mam_text(a, m->serial_number, sizeof(m->serial_number)); break;
    case MAM_BARCODE: mam_text(a, m->barcode, sizeof(m->barcode)); break;
    case MAM_APPLICATION_NAME: mam_text(a, m->application, sizeof(m->application)); break;
    case MAM_USER_MEDIUM_TEXT_LABEL: mam_text(a, m->user_label, sizeof(m->user_label)); break;
    case MAM_MEDIUM_DENSITY_CODE: m->density_code = (uint8_t)mam_number(a); break;
    default: break;
    }
    return true;
}

ntms_err robot_read_mam(struct scsi_transport *drive, struct mam_summary *mam)
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
        mam_parse(data, req.transferred, keep_attribute, mam);
    free(data);
    /* No READ ATTRIBUTE (tgt, DLT, most DDS), or no MAM on this medium. */
    if (status == NTMS_E_INVALID_FUNCTION || status == NTMS_E_NOT_READY || status == NTMS_E_INVALID_PARAMETER)
        return NTMS_E_NOT_SUPPORTED;
    return status;
}
