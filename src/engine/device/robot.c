#include "engine/device/robot.h"

#include <stdlib.h>
#include <string.h>

#include "platform/plat_time.h"
#include "scsi/scsi_sense.h"
#include "scsi/scsi_spc.h"

#define RETRIES 5
#define WAIT_STEP_MS 500
#define CHUNK_ELEMENTS 256

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
