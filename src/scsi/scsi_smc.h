/* SMC media-changer commands: the element map (MODE SENSE page 1Dh), READ
 * ELEMENT STATUS and its reply, MOVE MEDIUM, and the other movement and
 * housekeeping commands. */
#ifndef NTMSAPI_SCSI_SCSI_SMC_H
#define NTMSAPI_SCSI_SCSI_SMC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "transport/scsi_transport.h"

enum smc_element_type {
    SMC_ALL = 0, SMC_TRANSPORT = 1, SMC_STORAGE = 2, SMC_IMPORT_EXPORT = 3, SMC_DATA_TRANSFER = 4
};

/* Page 1Dh: first address and count for each element type. */
struct smc_element_map {
    uint16_t first[5];   /* indexed by enum smc_element_type (0 unused) */
    uint16_t count[5];
};

bool smc_parse_element_map(const uint8_t *page, size_t length, struct smc_element_map *map);

/* Page 1Fh: what can be stored where, moved and exchanged from where to
 * where. Bits per destination type: 1 MT, 2 ST, 4 IE, 8 DT (the
 * CHANGER_TO_* values of Windows' GET_CHANGER_PARAMETERS). */
struct smc_capabilities {
    uint8_t storage;          /* element types that can hold media */
    uint8_t move_from[5];     /* indexed by source type */
    uint8_t exchange_from[5];
};
bool smc_parse_capabilities(const uint8_t *page, size_t length, struct smc_capabilities *caps);

/* Page 1Eh: whether each transport element can rotate (invert) media. */
size_t smc_parse_transport_geometry(const uint8_t *page, size_t length, bool *can_rotate, size_t capacity);

/* Options of READ ELEMENT STATUS beyond VolTag (CDB byte 6). */
enum { SMC_RES_DVCID = 0x01, SMC_RES_CURDATA = 0x02 };

/* `options`: SMC_RES_DVCID (identifiers), SMC_RES_CURDATA (answer from
 * current data, no robot motion). */
void smc_build_read_element_status(struct scsi_request *req, void *buffer, uint32_t length,
                                   enum smc_element_type type, uint16_t start, uint16_t count,
                                   bool voltag, uint8_t options);
void smc_build_move_medium(struct scsi_request *req, uint16_t transport, uint16_t source, uint16_t destination);
void smc_build_exchange_medium(struct scsi_request *req, uint16_t transport, uint16_t source,
                               uint16_t first_destination, uint16_t second_destination);
void smc_build_initialize_element_status(struct scsi_request *req);
void smc_build_initialize_element_status_range(struct scsi_request *req, uint16_t start, uint16_t count);
void smc_build_position_to_element(struct scsi_request *req, uint16_t transport, uint16_t destination);
void smc_build_prevent_allow(struct scsi_request *req, bool prevent);

#define SMC_VOLTAG_LENGTH 32
#define SMC_IDENTIFIER_MAX 64

struct smc_element {
    uint8_t  type;                          /* enum smc_element_type */
    uint16_t address;
    bool     full, except, access, impexp;
    uint8_t  asc, ascq;
    bool     source_valid;
    uint16_t source;                        /* where the medium came from */
    bool     has_primary_tag, has_alternate_tag;
    char     primary_tag[SMC_VOLTAG_LENGTH + 1];   /* printable, trimmed */
    char     alternate_tag[SMC_VOLTAG_LENGTH + 1];
    uint8_t  identifier_length;             /* DVCID, 0 when absent */
    uint8_t  identifier_code_set, identifier_type;
    uint8_t  identifier[SMC_IDENTIFIER_MAX];
    bool     truncated;                     /* its descriptor arrived cut short */
};

struct smc_status_report {
    uint16_t first_address;                 /* as the header says */
    uint16_t elements_available;            /* as the header says */
    uint32_t bytes_available;               /* report size the device could send */
    size_t   parsed;                        /* descriptors decoded into the array */
    bool     truncated;                     /* the reply ended inside a page or descriptor */
    bool     more;                          /* more descriptors than the array holds */
};

/* Decodes READ ELEMENT STATUS data: walks pages by their byte counts and
 * descriptors by the page's descriptor length, all clamped to `received`.
 * Returns false only when not even the 8-byte header arrived. */
bool smc_parse_element_status(const uint8_t *data, size_t received, struct smc_element *elements,
                              size_t capacity, struct smc_status_report *report);

/* Allocation length for a READ ELEMENT STATUS of `count` elements with
 * volume tags and identifiers, capped at `limit`. */
uint32_t smc_status_allocation(uint16_t count, uint32_t limit);

#endif
