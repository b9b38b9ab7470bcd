#include "transport/transport_iscsi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <iscsi/iscsi.h>
#include <iscsi/scsi-lowlevel.h>

struct iscsi_transport {
    struct scsi_transport base;
    struct iscsi_context *iscsi;
    int lun;
};

/* libiscsi keeps CHECK CONDITION sense in the data-in segment behind a
 * 2-byte length. */
static void copy_sense(const struct scsi_task *task, struct scsi_request *req)
{
    if (task->datain.size < 2 || !task->datain.data)
        return;
    uint32_t length = (uint32_t)(task->datain.data[0] << 8 | task->datain.data[1]);
    if (length > (uint32_t)task->datain.size - 2)
        length = (uint32_t)task->datain.size - 2;
    req->sense_len = length < SCSI_SENSE_MAX ? length : SCSI_SENSE_MAX;
    memcpy(req->sense, task->datain.data + 2, req->sense_len);
}

static ntms_err iscsi_execute(struct scsi_transport *base, struct scsi_request *req)
{
    struct iscsi_transport *t = (struct iscsi_transport *)base;
    int dir = req->dir == SCSI_DIR_IN ? SCSI_XFER_READ : req->dir == SCSI_DIR_OUT ? SCSI_XFER_WRITE : SCSI_XFER_NONE;
    struct scsi_task *task = scsi_create_task(req->cdb_len, req->cdb, dir, (int)req->data_len);
    struct iscsi_data out = { .size = req->data_len, .data = req->data };

    req->status = 0;
    req->sense_len = 0;
    req->transferred = 0;
    if (!task)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    /* Data-in lands straight in the caller's buffer: with a CHECK CONDITION
     * (a short tape block, say) libiscsi would otherwise hand back only the
     * sense and drop the data that came before it. */
    struct scsi_iovec iov = { .iov_base = req->data, .iov_len = req->data_len };
    if (dir == SCSI_XFER_READ)
        scsi_task_set_iov_in(task, &iov, 1);
    iscsi_set_timeout(t->iscsi, (int)((req->timeout_ms + 999) / 1000));
    if (!iscsi_scsi_command_sync(t->iscsi, t->lun, task, dir == SCSI_XFER_WRITE ? &out : NULL)) {
        scsi_free_scsi_task(task);
        return NTMS_E_IO_DEVICE;
    }
    req->status = (uint8_t)task->status;
    if (task->status == SCSI_STATUS_CHECK_CONDITION)
        copy_sense(task, req);
    if (dir != SCSI_XFER_NONE) {
        size_t residual = task->residual_status == SCSI_RESIDUAL_UNDERFLOW ? task->residual : 0;
        req->transferred = residual < req->data_len ? req->data_len - (uint32_t)residual : 0;
    }
    scsi_free_scsi_task(task);
    return NTMS_OK;
}

static uint32_t iscsi_max_transfer(struct scsi_transport *base)
{
    (void)base;
    return 1u << 20;
}

static void iscsi_close(struct scsi_transport *base)
{
    struct iscsi_transport *t = (struct iscsi_transport *)base;

    iscsi_logout_sync(t->iscsi);
    iscsi_destroy_context(t->iscsi);
    free(t);
}

static const struct scsi_transport_ops iscsi_ops = { iscsi_execute, iscsi_max_transfer, iscsi_close };

ntms_err transport_iscsi_open(const char *url, struct scsi_transport **transport)
{
    struct iscsi_transport *t = calloc(1, sizeof(*t));

    *transport = NULL;
    if (!t)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    t->iscsi = iscsi_create_context("iqn.2026-11.org.ntmsapi:engine");
    struct iscsi_url *parsed = t->iscsi ? iscsi_parse_full_url(t->iscsi, url) : NULL;
    if (!parsed) {
        if (t->iscsi)
            iscsi_destroy_context(t->iscsi);
        free(t);
        return NTMS_E_INVALID_PARAMETER;
    }
    iscsi_set_targetname(t->iscsi, parsed->target);
    iscsi_set_session_type(t->iscsi, ISCSI_SESSION_NORMAL);
    iscsi_set_header_digest(t->iscsi, ISCSI_HEADER_DIGEST_NONE_CRC32C);
    t->lun = parsed->lun;
    int failed = iscsi_full_connect_sync(t->iscsi, parsed->portal, parsed->lun);
    iscsi_destroy_url(parsed);
    if (failed) {
        iscsi_destroy_context(t->iscsi);
        free(t);
        return NTMS_E_DEVICE_NOT_CONNECTED;
    }
    t->base.ops = &iscsi_ops;
    snprintf(t->base.name, sizeof(t->base.name), "%s", url);
    *transport = &t->base;
    return NTMS_OK;
}
