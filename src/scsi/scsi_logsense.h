/* LOG SENSE page 2Eh, TapeAlert: 64 flags a drive raises about itself and
 * its medium (SSC-4 annex; flag numbers as there). */
#ifndef NTMSAPI_SCSI_SCSI_LOGSENSE_H
#define NTMSAPI_SCSI_SCSI_LOGSENSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "transport/scsi_transport.h"

enum {
    TAPEALERT_READ_WARNING = 1, TAPEALERT_WRITE_WARNING = 2, TAPEALERT_HARD_ERROR = 3, TAPEALERT_MEDIA = 4,
    TAPEALERT_READ_FAILURE = 5, TAPEALERT_WRITE_FAILURE = 6, TAPEALERT_MEDIA_LIFE = 7,
    TAPEALERT_WRITE_PROTECT = 9, TAPEALERT_CLEANING_MEDIA = 14, TAPEALERT_UNSUPPORTED_FORMAT = 15,
    TAPEALERT_CLEAN_NOW = 20, TAPEALERT_CLEAN_PERIODIC = 21, TAPEALERT_EXPIRED_CLEANING_MEDIA = 22,
    TAPEALERT_INVALID_CLEANING_TAPE = 23, TAPEALERT_HARDWARE_A = 30, TAPEALERT_HARDWARE_B = 31,
};

void tapealert_build_log_sense(struct scsi_request *req, void *buffer, uint16_t length);

struct tapealert {
    uint64_t flags;          /* bit (n - 1) set: flag n raised */
    unsigned parameters;     /* flags the reply actually carried */
};

/* Parameters 0001h-0040h, one byte each; everything clamped to what arrived. */
bool tapealert_parse(const uint8_t *data, size_t received, struct tapealert *alerts);
static inline bool tapealert_raised(const struct tapealert *a, unsigned flag)
{
    return flag >= 1 && flag <= 64 && (a->flags >> (flag - 1)) & 1;
}
/* Flags 20 (clean now), 21 (clean periodic). */
bool tapealert_needs_cleaning(const struct tapealert *alerts);

#endif
