/* Sense data, fixed (70h/71h) and descriptor (72h/73h) formats, folded
 * into one structure; and the one table from sense to Win32 error code
 * and to what a caller should do next. */
#ifndef NTMSAPI_SCSI_SCSI_SENSE_H
#define NTMSAPI_SCSI_SCSI_SENSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/ntms_error.h"

enum { SENSE_NO_SENSE = 0, SENSE_RECOVERED = 1, SENSE_NOT_READY = 2, SENSE_MEDIUM_ERROR = 3,
       SENSE_HARDWARE_ERROR = 4, SENSE_ILLEGAL_REQUEST = 5, SENSE_UNIT_ATTENTION = 6,
       SENSE_DATA_PROTECT = 7, SENSE_BLANK_CHECK = 8, SENSE_ABORTED = 0x0B, SENSE_VOLUME_OVERFLOW = 0x0D };

struct scsi_sense {
    bool     valid;            /* a response code 70h-73h was found */
    bool     descriptor;       /* 72h/73h */
    uint8_t  key, asc, ascq;
    bool     filemark, eom, ili;
    bool     information_valid;
    int64_t  information;      /* residue for tape reads (signed) */
    bool     field_pointer_valid;
    uint16_t field_pointer;
};

/* Decodes `length` bytes; never reads past them. Returns false (and a
 * zeroed result) when the bytes are not sense data. */
bool scsi_sense_decode(const uint8_t *sense, size_t length, struct scsi_sense *out);

enum scsi_next_step {
    SCSI_STEP_DONE,     /* success, or a failure retrying cannot cure */
    SCSI_STEP_RETRY,    /* unit attention, aborted command: send it again */
    SCSI_STEP_WAIT,     /* becoming ready / operation in progress: wait, then retry */
};

struct scsi_outcome {
    ntms_err            error;   /* NTMS_OK when the command succeeded */
    enum scsi_next_step next;
};

/* What a SCSI status plus sense mean (SPC-4 / SMC-3 / SSC-4 sense tables,
 * Windows classpnp for the Win32 codes; see scsi_sense.c). */
struct scsi_outcome scsi_interpret(uint8_t status, const struct scsi_sense *sense);

#endif
