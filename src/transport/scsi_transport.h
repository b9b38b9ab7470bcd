/* One interface for every way a CDB reaches a device: Windows pass-through,
 * libiscsi, Linux SG_IO, and the scripted fake device of the unit tests.
 *
 * A transport delivers the CDB and reports what happened; it never
 * interprets sense data (src/scsi/ does that) and never retries. */
#ifndef NTMSAPI_TRANSPORT_SCSI_TRANSPORT_H
#define NTMSAPI_TRANSPORT_SCSI_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

#include "common/ntms_error.h"

enum scsi_dir {
    SCSI_DIR_NONE = 0,
    SCSI_DIR_IN   = 1,  /* device to host */
    SCSI_DIR_OUT  = 2,  /* host to device */
};

#define SCSI_CDB_MAX   16
#define SCSI_SENSE_MAX 96

struct scsi_request {
    /* filled by the caller */
    uint8_t       cdb[SCSI_CDB_MAX];
    uint8_t       cdb_len;
    enum scsi_dir dir;
    void         *data;         /* NULL when data_len is 0 */
    uint32_t      data_len;     /* bytes the buffer holds / the CDB asks for */
    uint32_t      timeout_ms;

    /* filled by the transport */
    uint8_t       status;       /* SCSI status byte: 0 GOOD, 2 CHECK CONDITION ... */
    uint8_t       sense[SCSI_SENSE_MAX];
    uint32_t      sense_len;    /* valid bytes in sense[] */
    uint32_t      transferred;  /* bytes actually moved, never more than data_len */
};

struct scsi_transport;

struct scsi_transport_ops {
    /* NTMS_OK when the command reached the device and a status came back
     * (GOOD or not); a transport error code otherwise (timeout, link down). */
    ntms_err (*execute)(struct scsi_transport *t, struct scsi_request *req);
    /* Largest data transfer one command may carry; 0 means no known limit. */
    uint32_t (*max_transfer)(struct scsi_transport *t);
    void     (*close)(struct scsi_transport *t);
};

struct scsi_transport {
    const struct scsi_transport_ops *ops;
    char name[128];             /* for logs: "\\.\Changer0", "iscsi://..." */
};

static inline ntms_err scsi_transport_execute(struct scsi_transport *t, struct scsi_request *req)
{
    return t->ops->execute(t, req);
}

static inline void scsi_transport_close(struct scsi_transport *t)
{
    if (t)
        t->ops->close(t);
}

#endif
