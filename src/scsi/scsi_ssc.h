/* SSC tape commands, and what a READ(6) in variable-block mode returned. */
#ifndef NTMSAPI_SCSI_SCSI_SSC_H
#define NTMSAPI_SCSI_SCSI_SSC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scsi/scsi_sense.h"
#include "transport/scsi_transport.h"

void ssc_build_rewind(struct scsi_request *req);
void ssc_build_load_unload(struct scsi_request *req, bool load);
/* Variable-block READ(6) of up to `length` bytes (one block); SILI
 * suppresses the check condition for a block shorter than asked. */
void ssc_build_read6(struct scsi_request *req, void *buffer, uint32_t length, bool sili);
void ssc_build_write6(struct scsi_request *req, const void *buffer, uint32_t length);
void ssc_build_write_filemarks(struct scsi_request *req, uint32_t count);
void ssc_build_read_block_limits(struct scsi_request *req, void *buffer /* 6 bytes */);
void ssc_build_read_position(struct scsi_request *req, void *buffer /* 20 bytes */);

struct ssc_block_limits {
    uint32_t maximum;   /* 0: no limit stated */
    uint16_t minimum;
    uint8_t  granularity;
};
bool ssc_parse_block_limits(const uint8_t *data, size_t received, struct ssc_block_limits *limits);

struct ssc_position {
    bool     beginning, end, unknown;   /* BOP, EOP, BPU (position unknown) */
    uint8_t  partition;
    uint32_t first_block, last_block;
};
/* READ POSITION, short form (20 bytes). */
bool ssc_parse_position(const uint8_t *data, size_t received, struct ssc_position *position);

enum ssc_read_result {
    SSC_READ_DATA,        /* a block of `length` bytes */
    SSC_READ_FILEMARK,    /* a filemark: an empty file */
    SSC_READ_BLANK,       /* blank tape or end of data */
    SSC_READ_TOO_LONG,    /* the block is larger than the buffer (ILI, negative residue) */
    SSC_READ_ERROR,
};

struct ssc_read {
    enum ssc_read_result result;
    size_t               length;     /* valid bytes in the buffer */
    ntms_err             error;      /* for SSC_READ_ERROR */
};

/* Decides what arrived from the status and sense, never from the transfer
 * count alone: tgt reports BLANK CHECK with a zero residual, and a short
 * block's true length is in the sense INFORMATION field. */
struct ssc_read ssc_interpret_read(const struct scsi_request *req);

#endif
