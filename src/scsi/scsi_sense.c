#include "scsi/scsi_sense.h"

#include <string.h>

#include "scsi/be.h"

static void decode_fixed(const uint8_t *s, size_t length, struct scsi_sense *out)
{
    if (length > 2) {
        out->filemark = s[2] & 0x80;
        out->eom = s[2] & 0x40;
        out->ili = s[2] & 0x20;
        out->key = s[2] & 0x0F;
    }
    if (length > 6 && (s[0] & 0x80)) {
        out->information_valid = true;
        out->information = (int32_t)be32(s + 3);
    }
    /* The additional length (b7) may claim more than arrived: use the minimum. */
    size_t end = length > 7 ? 8 + (size_t)s[7] : length;
    if (end > length)
        end = length;
    if (end > 12)
        out->asc = s[12];
    if (end > 13)
        out->ascq = s[13];
    if (end > 17 && (s[15] & 0x80)) {
        out->field_pointer_valid = true;
        out->field_pointer = be16(s + 16);
    }
}

static void decode_descriptors(const uint8_t *s, size_t length, struct scsi_sense *out)
{
    if (length > 3) {
        out->key = s[1] & 0x0F;
        out->asc = s[2];
        out->ascq = s[3];
    }
    size_t end = length > 7 ? 8 + (size_t)s[7] : length;
    if (end > length)
        end = length;
    for (size_t at = 8; at + 2 <= end;) {
        const uint8_t *d = s + at;
        size_t size = 2 + (size_t)d[1];
        if (at + size > end)
            break;
        if (d[0] == 0x00 && size >= 12) {            /* information */
            out->information_valid = d[2] & 0x80;
            uint64_t value = (uint64_t)be32(d + 4) << 32 | be32(d + 8);
            out->information = (int64_t)value;
        } else if (d[0] == 0x02 && size >= 7 && (d[4] & 0x80)) {   /* sense-key specific */
            out->field_pointer_valid = true;
            out->field_pointer = be16(d + 5);
        } else if (d[0] == 0x04 && size >= 4) {     /* stream commands */
            out->filemark = d[3] & 0x80;
            out->eom = d[3] & 0x40;
            out->ili = d[3] & 0x20;
        }
        at += size;
    }
}

bool scsi_sense_decode(const uint8_t *sense, size_t length, struct scsi_sense *out)
{
    memset(out, 0, sizeof(*out));
    if (!sense || length < 1)
        return false;
    uint8_t code = sense[0] & 0x7F;
    if (code == 0x70 || code == 0x71)
        decode_fixed(sense, length, out);
    else if (code == 0x72 || code == 0x73)
        decode_descriptors(sense, length, out), out->descriptor = true;
    else
        return false;
    out->valid = true;
    return true;
}

/* One row: key (0xFF any), ASC (0xFF any), ASCQ (0xFF any) -> outcome. The
 * first matching row wins, so specific rows come before general ones.
 * Win32 codes follow Windows' classpnp and the changer IOCTL statuses. */
struct sense_row {
    uint8_t key, asc, ascq;
    ntms_err error;
    enum scsi_next_step next;
};

#define ANY 0xFF

static const struct sense_row sense_table[] = {
    /* cleaning (SSC TapeAlert / SPC 30h) */
    { ANY, 0x30, 0x03, NTMS_E_CLEANER_CARTRIDGE_INSTALLED, SCSI_STEP_DONE },
    { ANY, 0x30, 0x07, NTMS_E_UNABLE_TO_CLEAN, SCSI_STEP_DONE },
    { ANY, 0x82, 0x82, NTMS_E_DEVICE_REQUIRES_CLEANING, SCSI_STEP_DONE },
    /* SMC-3 movement (ILLEGAL REQUEST, 3Bh/21h) */
    { SENSE_ILLEGAL_REQUEST, 0x3B, 0x0E, NTMS_E_SOURCE_ELEMENT_EMPTY, SCSI_STEP_DONE },
    { SENSE_ILLEGAL_REQUEST, 0x3B, 0x0D, NTMS_E_DESTINATION_ELEMENT_FULL, SCSI_STEP_DONE },
    { SENSE_ILLEGAL_REQUEST, 0x21, 0x01, NTMS_E_ILLEGAL_ELEMENT_ADDRESS, SCSI_STEP_DONE },
    { ANY, 0x3B, 0x11, NTMS_E_MAGAZINE_NOT_PRESENT, SCSI_STEP_DONE },
    { SENSE_UNIT_ATTENTION, 0x3B, 0x12, NTMS_E_MAGAZINE_NOT_PRESENT, SCSI_STEP_DONE },
    /* SPC-4 not-ready family (02h) */
    { SENSE_NOT_READY, 0x04, 0x01, NTMS_E_NOT_READY, SCSI_STEP_WAIT },     /* becoming ready */
    { SENSE_NOT_READY, 0x04, 0x07, NTMS_E_NOT_READY, SCSI_STEP_WAIT },     /* operation in progress */
    { SENSE_NOT_READY, 0x04, 0x02, NTMS_E_DEVICE_REINITIALIZATION_NEEDED, SCSI_STEP_DONE },
    { SENSE_NOT_READY, 0x3E, 0x00, NTMS_E_DEVICE_REINITIALIZATION_NEEDED, SCSI_STEP_WAIT },
    { SENSE_NOT_READY, 0x3A, ANY, NTMS_E_NO_MEDIA_IN_DRIVE, SCSI_STEP_DONE },
    { SENSE_NOT_READY, 0x30, 0x00, NTMS_E_MEDIA_INCOMPATIBLE, SCSI_STEP_DONE },
    { SENSE_NOT_READY, ANY, ANY, NTMS_E_NOT_READY, SCSI_STEP_DONE },
    /* unit attention (06h): the event is reported, the command was not run */
    { SENSE_UNIT_ATTENTION, ANY, ANY, NTMS_E_MEDIA_CHANGED, SCSI_STEP_RETRY },
    /* removal and load failures (SSC/SMC 53h) */
    { ANY, 0x53, ANY, NTMS_E_UNABLE_TO_UNLOAD_MEDIA, SCSI_STEP_DONE },
    /* medium errors (03h) */
    { SENSE_MEDIUM_ERROR, 0x30, 0x01, NTMS_E_UNRECOGNIZED_MEDIA, SCSI_STEP_DONE },
    { SENSE_MEDIUM_ERROR, 0x30, 0x02, NTMS_E_UNRECOGNIZED_MEDIA, SCSI_STEP_DONE },
    { ANY, 0x30, 0x00, NTMS_E_MEDIA_INCOMPATIBLE, SCSI_STEP_DONE },
    { SENSE_MEDIUM_ERROR, ANY, ANY, NTMS_E_CRC, SCSI_STEP_DONE },
    /* illegal requests (05h) */
    { SENSE_ILLEGAL_REQUEST, 0x25, 0x00, NTMS_E_NO_SUCH_DEVICE, SCSI_STEP_DONE },
    { SENSE_ILLEGAL_REQUEST, 0x1A, ANY, NTMS_E_INVALID_PARAMETER, SCSI_STEP_DONE },
    { SENSE_ILLEGAL_REQUEST, 0x26, ANY, NTMS_E_INVALID_PARAMETER, SCSI_STEP_DONE },
    { SENSE_ILLEGAL_REQUEST, ANY, ANY, NTMS_E_INVALID_FUNCTION, SCSI_STEP_DONE },
    /* the rest by key */
    { SENSE_DATA_PROTECT, ANY, ANY, NTMS_E_WRITE_PROTECT, SCSI_STEP_DONE },
    { SENSE_BLANK_CHECK, ANY, ANY, NTMS_E_NO_DATA_DETECTED, SCSI_STEP_DONE },
    { SENSE_VOLUME_OVERFLOW, ANY, ANY, NTMS_E_EOM_OVERFLOW, SCSI_STEP_DONE },
    { SENSE_HARDWARE_ERROR, ANY, ANY, NTMS_E_IO_DEVICE, SCSI_STEP_DONE },
    { SENSE_ABORTED, ANY, ANY, NTMS_E_IO_DEVICE, SCSI_STEP_RETRY },
};

static bool row_matches(const struct sense_row *row, const struct scsi_sense *s)
{
    return (row->key == ANY || row->key == s->key) && (row->asc == ANY || row->asc == s->asc)
        && (row->ascq == ANY || row->ascq == s->ascq);
}

/* NO SENSE / RECOVERED with tape conditions (SSC-4 4.2.x). */
static struct scsi_outcome interpret_tape_conditions(const struct scsi_sense *s)
{
    struct scsi_outcome done = { NTMS_OK, SCSI_STEP_DONE };

    if (s->filemark)
        done.error = NTMS_E_FILEMARK_DETECTED;
    else if (s->eom)
        done.error = NTMS_E_END_OF_MEDIA;
    else if (s->ili)
        done.error = NTMS_E_INVALID_BLOCK_LENGTH;
    else if (s->asc == 0x00 && s->ascq == 0x04)
        done.error = NTMS_E_BEGINNING_OF_MEDIA;
    return done;
}

struct scsi_outcome scsi_interpret(uint8_t status, const struct scsi_sense *sense)
{
    struct scsi_outcome outcome = { NTMS_OK, SCSI_STEP_DONE };

    if (status == 0x00)
        return outcome;
    if (status == 0x08 || status == 0x28) {      /* BUSY, TASK SET FULL */
        outcome.error = NTMS_E_BUSY;
        outcome.next = SCSI_STEP_WAIT;
        return outcome;
    }
    if (status == 0x18) {                        /* RESERVATION CONFLICT */
        outcome.error = NTMS_E_BUSY;
        return outcome;
    }
    if (status != 0x02 || !sense || !sense->valid) {
        outcome.error = NTMS_E_IO_DEVICE;
        return outcome;
    }
    if (sense->key == SENSE_NO_SENSE || sense->key == SENSE_RECOVERED)
        return interpret_tape_conditions(sense);
    for (size_t i = 0; i < sizeof(sense_table) / sizeof(sense_table[0]); i++) {
        if (row_matches(&sense_table[i], sense)) {
            outcome.error = sense_table[i].error;
            outcome.next = sense_table[i].next;
            return outcome;
        }
    }
    outcome.error = NTMS_E_IO_DEVICE;
    return outcome;
}
