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
