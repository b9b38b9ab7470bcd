#include "engine/robot.h"

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

/* Answers that waiting may change: the drive is loading, busy, or was
 * just told about the change. Anything else (an incompatible medium, a
 * hardware fault) stays what it is. */
static bool worth_waiting(ntms_err status)
{
    return status == NTMS_E_NOT_READY || status == NTMS_E_NO_MEDIA_IN_DRIVE || status == NTMS_E_BUSY
        || status == NTMS_E_MEDIA_CHANGED || status == NTMS_E_BUS_RESET;
}

ntms_err robot_wait_ready(struct scsi_transport *drive, uint32_t timeout_ms)
{
    ntms_err status = NTMS_E_NOT_READY;

    for (uint32_t waited = 0; waited <= timeout_ms; waited += WAIT_STEP_MS) {
        struct scsi_request req;
        scsi_build_test_unit_ready(&req);
        status = robot_run(drive, &req);
        if (status == NTMS_OK || !worth_waiting(status))
            return status;
        plat_sleep_ms(WAIT_STEP_MS);
    }
    return status;
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
