#define _GNU_SOURCE
#include "sg_passthrough.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <scsi/sg.h>
#include <scsi/scsi.h>

#include "bridge_client.h"

#define SG_VERSION_REPORTED 30536

static int sg_timeout_jiffies = 6000;

static unsigned elapsed_ms(const struct timespec *start)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (unsigned)((now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000);
}

static int sg_io(const struct mapping *m, sg_io_hdr_t *h)
{
    struct sgbridge_request rq = { .magic = SGBRIDGE_MAGIC, .url_length = (uint32_t)strlen(m->url),
                                   .cdb_length = h->cmd_len, .timeout_ms = h->timeout ? h->timeout : 60000 };
    struct sgbridge_response rs;
    struct timespec start;

    if (h->interface_id != 'S' || h->iovec_count || !h->cmdp || h->cmd_len == 0 || h->cmd_len > SGBRIDGE_CDB_MAX
        || (h->dxfer_len && !h->dxferp) || h->dxfer_len > SGBRIDGE_DATA_MAX) {
        errno = EINVAL;
        return -1;
    }
    if (h->dxfer_direction == SG_DXFER_FROM_DEV || h->dxfer_direction == SG_DXFER_TO_FROM_DEV) {
        rq.direction = SGBRIDGE_DIR_IN;
        rq.data_in_length = h->dxfer_len;
    } else if (h->dxfer_direction == SG_DXFER_TO_DEV) {
        rq.direction = SGBRIDGE_DIR_OUT;
        rq.data_out_length = h->dxfer_len;
    }
    clock_gettime(CLOCK_MONOTONIC, &start);
    if (bridge_call(&rq, m->url, h->cmdp, h->dxferp, &rs, h->sbp, h->sbp ? h->mx_sb_len : 0, h->dxferp)
        || rs.transport_error) {
        errno = EIO;
        return -1;
    }
    h->status = (unsigned char)rs.status;
    h->masked_status = (unsigned char)((rs.status >> 1) & 0x7F);
    h->msg_status = 0;
    h->sb_len_wr = (unsigned char)rs.sense_length;
    h->host_status = 0;
    h->driver_status = rs.sense_length ? 0x08 : 0;   /* DRIVER_SENSE */
    h->resid = (int)(h->dxfer_len - rs.data_in_length);
    if (rq.direction != SGBRIDGE_DIR_IN)
        h->resid = 0;
    h->duration = elapsed_ms(&start);
    h->info = (rs.status || rs.sense_length) ? SG_INFO_CHECK : SG_INFO_OK;
    return 0;
}

/* The sg driver's identity queries, answered the way a real sg node would. */
static int identity_ioctl(const struct mapping *m, unsigned long request, void *arg)
{
    switch (request) {
    case SG_GET_VERSION_NUM:
        *(int *)arg = SG_VERSION_REPORTED;
        return 0;
    case SG_GET_TIMEOUT:
        return sg_timeout_jiffies;
    case SG_SET_TIMEOUT:
        sg_timeout_jiffies = *(int *)arg;
        return 0;
    case SG_EMULATED_HOST:
        *(int *)arg = 0;
        return 0;
    case SG_GET_RESERVED_SIZE:
        *(int *)arg = 1 << 20;
        return 0;
    case SG_SET_RESERVED_SIZE:
    case SG_SET_FORCE_PACK_ID:
        return 0;
    case SG_GET_SCSI_ID: {
        struct sg_scsi_id *id = arg;
        memset(id, 0, sizeof(*id));
        id->scsi_type = m->device_type;
        id->h_cmd_per_lun = 1;
        id->d_queue_depth = 1;
        return 0;
    }
    case SCSI_IOCTL_GET_IDLUN:
        ((int *)arg)[0] = 0;
        ((int *)arg)[1] = 0;
        return 0;
    case SCSI_IOCTL_GET_BUS_NUMBER:
        *(int *)arg = 0;
        return 0;
    default:
        errno = ENOTTY;   /* what ioctl says of a request a file does not know */
        return -1;
    }
}

bool sg_is_request(unsigned long request)
{
    return request == SG_IO || (request >> 8) == 0x22 || (request >> 8) == 0x53;
}

int sg_ioctl(const struct mapping *m, unsigned long request, void *arg)
{
    return request == SG_IO ? sg_io(m, arg) : identity_ioctl(m, request, arg);
}
