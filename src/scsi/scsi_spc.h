/* SPC commands: INQUIRY, TEST UNIT READY, REQUEST SENSE, MODE SENSE(6). */
#ifndef NTMSAPI_SCSI_SCSI_SPC_H
#define NTMSAPI_SCSI_SCSI_SPC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "transport/scsi_transport.h"

/* Builders: fill the CDB, direction, length and timeout of `req`, which
 * points at the caller's buffer. */
void scsi_build_inquiry(struct scsi_request *req, void *buffer, uint16_t length, bool vpd, uint8_t page);
void scsi_build_test_unit_ready(struct scsi_request *req);
void scsi_build_request_sense(struct scsi_request *req, void *buffer, uint8_t length);
void scsi_build_mode_sense6(struct scsi_request *req, void *buffer, uint8_t length, uint8_t page, bool dbd);

struct scsi_inquiry {
    uint8_t device_type;        /* peripheral device type: 1 tape, 8 changer */
    bool    removable;
    char    vendor[9], product[17], revision[5];   /* printable, trimmed */
};

/* Standard INQUIRY data; false when fewer than 36 bytes arrived. */
bool scsi_parse_inquiry(const uint8_t *data, size_t received, struct scsi_inquiry *out);
/* VPD page 80h (unit serial number), trimmed of spaces and NULs. */
bool scsi_parse_serial_vpd(const uint8_t *data, size_t received, char *serial, size_t capacity);

void scsi_build_mode_sense10(struct scsi_request *req, void *buffer, uint16_t length, uint8_t page, bool dbd);

/* VPD 00h: the supported page codes (up to `capacity`); returns how many. */
size_t scsi_parse_supported_vpd(const uint8_t *data, size_t received, uint8_t *pages, size_t capacity);

/* One designation descriptor of VPD 83h (the DVCID format too). */
struct scsi_designator {
    uint8_t        code_set;      /* 1 binary, 2 ASCII, 3 UTF-8 */
    uint8_t        association;   /* 0 logical unit, 1 target port, 2 target device */
    uint8_t        type;          /* 0 vendor, 1 T10 vendor id, 2 EUI-64, 3 NAA, 8 SCSI name ... */
    uint8_t        length;
    const uint8_t *value;         /* into the reply */
};
/* VPD 83h: walks the descriptors by their own lengths, clamped; returns how many were valid. */
size_t scsi_parse_designators(const uint8_t *data, size_t received, struct scsi_designator *out, size_t capacity);

/* The page `page_code` inside a MODE SENSE(10) reply, as for MODE SENSE(6). */
const uint8_t *scsi_mode10_page(const uint8_t *data, size_t received, uint8_t page_code, size_t *page_length);

/* The page `page_code` inside a MODE SENSE(6) reply: pointer and length,
 * checked against what arrived. NULL when absent or malformed. */
const uint8_t *scsi_mode6_page(const uint8_t *data, size_t received, uint8_t page_code, size_t *page_length);

/* Copies `length` bytes as printable ASCII (others '?'), trims trailing
 * spaces and NULs, always terminates. */
void scsi_copy_ascii(char *out, size_t capacity, const uint8_t *in, size_t length);

#endif
