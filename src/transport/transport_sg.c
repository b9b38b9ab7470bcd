#include "transport/transport_sg.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <scsi/sg.h>

#define SG_MAX_TRANSFER (512u * 1024)   /* a safe default; the sg driver may allow more */

struct sg_transport {
    struct scsi_transport base;
    int fd;
};

static ntms_err from_errno(int error)
{
    switch (error) {
    case ENOMEM: return NTMS_E_NOT_ENOUGH_MEMORY;
    case EACCES:
    case EPERM: return NTMS_E_ACCESS_DENIED;
    case ENODEV:
    case ENXIO: return NTMS_E_DEVICE_NOT_CONNECTED;
    case ETIMEDOUT: return NTMS_E_TIMEOUT;
    default: return NTMS_E_IO_DEVICE;
    }
}

static ntms_err sg_execute(struct scsi_transport *base, struct scsi_request *req)
{
    struct sg_transport *t = (struct sg_transport *)base;
    sg_io_hdr_t h;

    memset(&h, 0, sizeof(h));
    req->status = 0;
    req->sense_len = 0;
    req->transferred = 0;
    h.interface_id = 'S';
    h.cmdp = req->cdb;
    h.cmd_len = req->cdb_len;
    h.sbp = req->sense;
    h.mx_sb_len = sizeof(req->sense);
    h.dxfer_direction = req->dir == SCSI_DIR_IN ? SG_DXFER_FROM_DEV
                      : req->dir == SCSI_DIR_OUT ? SG_DXFER_TO_DEV : SG_DXFER_NONE;
    h.dxferp = req->dir == SCSI_DIR_NONE ? NULL : req->data;
    h.dxfer_len = req->dir == SCSI_DIR_NONE ? 0 : req->data_len;
    h.timeout = req->timeout_ms;
    if (ioctl(t->fd, SG_IO, &h) < 0)
        return from_errno(errno);
    if (h.host_status || (h.driver_status & 0x07))   /* transport failures, not SCSI status */
        return h.host_status == 0x03 /* DID_TIME_OUT */ ? NTMS_E_TIMEOUT : NTMS_E_IO_DEVICE;
    req->status = h.status;
    req->sense_len = h.sb_len_wr < sizeof(req->sense) ? h.sb_len_wr : sizeof(req->sense);
    if (h.dxfer_len && h.resid >= 0 && (unsigned)h.resid <= h.dxfer_len)
        req->transferred = h.dxfer_len - (unsigned)h.resid;
    return NTMS_OK;
}

static uint32_t sg_max_transfer(struct scsi_transport *base)
{
    (void)base;
    return SG_MAX_TRANSFER;
}

static void sg_close(struct scsi_transport *base)
{
    struct sg_transport *t = (struct sg_transport *)base;

    close(t->fd);
    free(t);
}

static const struct scsi_transport_ops sg_ops = { sg_execute, sg_max_transfer, sg_close };

ntms_err transport_sg_open(const char *path, struct scsi_transport **transport)
{
    int version = 0;

    *transport = NULL;
    /* Read-write: the sg driver allows only a few commands on read-only fds. */
    int fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? NTMS_E_OBJECT_NOT_FOUND : from_errno(errno);
    if (ioctl(fd, SG_GET_VERSION_NUM, &version) < 0 || version < 30000) {
        close(fd);
        return NTMS_E_NOT_SUPPORTED;   /* not an sg node */
    }
    struct sg_transport *t = calloc(1, sizeof(*t));
    if (!t) {
        close(fd);
        return NTMS_E_NOT_ENOUGH_MEMORY;
    }
    t->base.ops = &sg_ops;
    snprintf(t->base.name, sizeof(t->base.name), "%s", path);
    t->fd = fd;
    *transport = &t->base;
    return NTMS_OK;
}
