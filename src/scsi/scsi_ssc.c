#include "scsi/scsi_ssc.h"

#include <string.h>

#include "scsi/be.h"
#include "scsi/scsi_request.h"
#include "scsi/scsi_timeout.h"

void ssc_build_rewind(struct scsi_request *req)
{
    scsi_request_init(req, 6, SCSI_DIR_NONE, NULL, 0, SCSI_TIMEOUT_TAPE_MS);
    req->cdb[0] = 0x01;
}

void ssc_build_load_unload(struct scsi_request *req, bool load)
{
    scsi_request_init(req, 6, SCSI_DIR_NONE, NULL, 0, SCSI_TIMEOUT_TAPE_MS);
    req->cdb[0] = 0x1B;
    req->cdb[4] = load ? 0x01 : 0x00;
}

void ssc_build_read6(struct scsi_request *req, void *buffer, uint32_t length, bool sili)
{
    scsi_request_init(req, 6, SCSI_DIR_IN, buffer, length, SCSI_TIMEOUT_IO_MS);
    req->cdb[0] = 0x08;
    req->cdb[1] = sili ? 0x02 : 0x00;   /* FIXED = 0: variable-block mode */
    put_be24(req->cdb + 2, length);
}

void ssc_build_write6(struct scsi_request *req, const void *buffer, uint32_t length)
{
    scsi_request_init(req, 6, SCSI_DIR_OUT, (void *)buffer, length, SCSI_TIMEOUT_IO_MS);
    req->cdb[0] = 0x0A;
    put_be24(req->cdb + 2, length);
}

void ssc_build_write_filemarks(struct scsi_request *req, uint32_t count)
{
    scsi_request_init(req, 6, SCSI_DIR_NONE, NULL, 0, SCSI_TIMEOUT_IO_MS);
    req->cdb[0] = 0x10;
    put_be24(req->cdb + 2, count);
}

void ssc_build_read_block_limits(struct scsi_request *req, void *buffer)
{
    scsi_request_init(req, 6, SCSI_DIR_IN, buffer, 6, SCSI_TIMEOUT_QUICK_MS);
    req->cdb[0] = 0x05;
}

void ssc_build_read_position(struct scsi_request *req, void *buffer)
{
    scsi_request_init(req, 6, SCSI_DIR_IN, buffer, 20, SCSI_TIMEOUT_QUICK_MS);
    req->cdb[0] = 0x34;
    req->cdb_len = 10;
}

bool ssc_parse_block_limits(const uint8_t *data, size_t received, struct ssc_block_limits *limits)
{
    memset(limits, 0, sizeof(*limits));
    if (received < 6)
        return false;
    limits->granularity = data[0] & 0x1F;
    limits->maximum = be24(data + 1);
    limits->minimum = be16(data + 4);
    return true;
}

bool ssc_parse_position(const uint8_t *data, size_t received, struct ssc_position *position)
{
    memset(position, 0, sizeof(*position));
    if (received < 12)
        return false;
    position->beginning = data[0] & 0x80;
    position->end = data[0] & 0x40;
    position->unknown = data[0] & 0x04;
    position->partition = data[1];
    position->first_block = be32(data + 4);
    position->last_block = be32(data + 8);
    return true;
}

struct ssc_read ssc_interpret_read(const struct scsi_request *req)
{
    struct ssc_read read = { SSC_READ_DATA, req->transferred, NTMS_OK };
    struct scsi_sense sense;

    if (read.length > req->data_len)
        read.length = req->data_len;
    if (req->status == 0x00)
        return read;
    if (req->status != 0x02 || !scsi_sense_decode(req->sense, req->sense_len, &sense)) {
        read.result = SSC_READ_ERROR;
        read.error = NTMS_E_IO_DEVICE;
        read.length = 0;
        return read;
    }
    if (sense.key == SENSE_BLANK_CHECK || (sense.asc == 0x00 && sense.ascq == 0x05)) {
        read.result = SSC_READ_BLANK;
        read.length = 0;
    } else if (sense.filemark) {
        read.result = SSC_READ_FILEMARK;
        read.length = 0;
    } else if (sense.ili && sense.information_valid) {
        /* INFORMATION = requested - actual block length (SSC-4 4.2.22);
         * held to the bytes that really arrived, whatever the device says. */
        int64_t actual = (int64_t)req->data_len - sense.information;
        if (sense.information < 0) {
            read.result = SSC_READ_TOO_LONG;
        } else if ((size_t)(actual > 0 ? actual : 0) < read.length) {
            read.length = actual > 0 ? (size_t)actual : 0;
        }
    } else {
        read.result = SSC_READ_ERROR;
        read.error = scsi_interpret(req->status, &sense).error;
        read.length = 0;
    }
    return read;
}
