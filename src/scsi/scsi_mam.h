/* READ ATTRIBUTE (8Ch): medium auxiliary memory (MAM) attributes, with a
 * table naming every standard attribute (SPC-4 / SSC-4 attribute lists). */
#ifndef NTMSAPI_SCSI_SCSI_MAM_H
#define NTMSAPI_SCSI_SCSI_MAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "transport/scsi_transport.h"

enum mam_format { MAM_BINARY = 0, MAM_ASCII = 1, MAM_TEXT = 2 };

/* Well-known ids used by the engine. */
enum {
    MAM_REMAINING_CAPACITY = 0x0000, MAM_MAXIMUM_CAPACITY = 0x0001, MAM_LOAD_COUNT = 0x0003,
    MAM_MEDIUM_MANUFACTURER = 0x0400, MAM_MEDIUM_SERIAL_NUMBER = 0x0401, MAM_MEDIUM_DENSITY_CODE = 0x0405,
    MAM_MEDIUM_TYPE = 0x0408, MAM_APPLICATION_VENDOR = 0x0800, MAM_APPLICATION_NAME = 0x0801,
    MAM_APPLICATION_VERSION = 0x0802, MAM_USER_MEDIUM_TEXT_LABEL = 0x0803, MAM_BARCODE = 0x0806,
    MAM_VOLUME_IDENTIFIER = 0x0008,
};

struct mam_attribute_info {
    uint16_t        id, last_id;      /* a range for the 020A-020D family */
    const char     *name;
    enum mam_format format;
    uint16_t        standard_length;  /* 0: variable */
};

/* The table entry for an id, or NULL for vendor-specific and unknown ids. */
const struct mam_attribute_info *mam_attribute_info(uint16_t id);

/* Service action 00h (attribute values) from `first_id`; element 0 and
 * partition 0: the medium in the drive the CDB goes to. */
void mam_build_read_attribute(struct scsi_request *req, void *buffer, uint32_t length, uint16_t first_id);

struct mam_attribute {
    uint16_t       id;
    bool           read_only;
    uint8_t        format;
    uint16_t       length;            /* as received (clamped to what arrived) */
    const uint8_t *value;             /* points into the reply buffer */
};

/* Walks the attribute list, clamped to the bytes received. */
typedef bool (*mam_visitor)(const struct mam_attribute *attribute, void *context);
size_t mam_parse(const uint8_t *data, size_t received, mam_visitor visit, void *context);

/* An ASCII/text attribute as a printable, trimmed C string. */
void mam_text(const struct mam_attribute *attribute, char *out, size_t capacity);
/* A binary attribute as an unsigned integer (big-endian, up to 8 bytes). */
uint64_t mam_number(const struct mam_attribute *attribute);

#endif
