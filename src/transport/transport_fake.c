#include "transport/transport_fake.h"

#include <stdio.h>
#include <string.h>

static ntms_err fake_execute(struct scsi_transport *base, struct scsi_request *req)
{
    struct fake_device *d = (struct fake_device *)base;

    if (d->sent_count < FAKE_SCRIPT_MAX)
        memcpy(d->sent[d->sent_count++], req->cdb, SCSI_CDB_MAX);
    req->status = 0;
    req->sense_len = 0;
    req->transferred = 0;
    if (d->next_step >= d->step_count
        || memcmp(d->steps[d->next_step].cdb_prefix, req->cdb, d->steps[d->next_step].prefix_length)) {
        d->unexpected++;
        return NTMS_E_IO_DEVICE;
    }
    const struct fake_step *s = &d->steps[d->next_step++];
    if (s->transport_error)
        return s->transport_error;
    req->status = s->status;
    req->sense_len = s->sense_length < SCSI_SENSE_MAX ? s->sense_length : SCSI_SENSE_MAX;
    memcpy(req->sense, s->sense, req->sense_len);
    uint32_t moved = s->data_length < req->data_len ? s->data_length : req->data_len;
    if (req->dir == SCSI_DIR_IN && moved)
        memcpy(req->data, s->data, moved);
    /* A lying transport may claim more than it moved; callers must clamp. */
    req->transferred = s->claimed_transferred ? s->claimed_transferred : moved;
    return NTMS_OK;
}

static uint32_t fake_max_transfer(struct scsi_transport *base)
{
    (void)base;
    return FAKE_REPLY_MAX;
}

static void fake_close(struct scsi_transport *base)
{
    (void)base;   /* owned by the test */
}

static const struct scsi_transport_ops fake_ops = { fake_execute, fake_max_transfer, fake_close };

void fake_device_init(struct fake_device *device, const char *name)
{
    memset(device, 0, sizeof(*device));
    device->base.ops = &fake_ops;
    snprintf(device->base.name, sizeof(device->base.name), "%s", name);
}

struct fake_step *fake_device_expect(struct fake_device *device, const uint8_t *cdb_prefix, uint8_t prefix_length)
{
    if (device->step_count == FAKE_SCRIPT_MAX || prefix_length > SCSI_CDB_MAX)
        return NULL;
    struct fake_step *s = &device->steps[device->step_count++];
    memset(s, 0, sizeof(*s));
    memcpy(s->cdb_prefix, cdb_prefix, prefix_length);
    s->prefix_length = prefix_length;
    return s;
}
