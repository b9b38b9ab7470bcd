/* The common start of every builder: a cleared request with its CDB
 * length, direction, data buffer and timeout. */
#ifndef NTMSAPI_SCSI_SCSI_REQUEST_H
#define NTMSAPI_SCSI_SCSI_REQUEST_H

#include <string.h>

#include "transport/scsi_transport.h"

static inline void scsi_request_init(struct scsi_request *req, uint8_t cdb_length, enum scsi_dir dir, void *data,
                                     uint32_t length, uint32_t timeout_ms)
{
    memset(req, 0, sizeof(*req));
    req->cdb_len = cdb_length;
    req->dir = length ? dir : SCSI_DIR_NONE;
    req->data = data;
    req->data_len = length;
    req->timeout_ms = timeout_ms;
}

#endif
