#include "transport/transport_counting.h"

#include <stdio.h>

#include "platform/plat_time.h"

static ntms_err counting_execute(struct scsi_transport *base, struct scsi_request *req)
{
    struct counting_transport *t = (struct counting_transport *)base;
    uint64_t start = plat_monotonic_ns();
    ntms_err status = scsi_transport_execute(t->inner, req);

    t->counts->device_ns += plat_monotonic_ns() - start;
    t->counts->commands++;
    t->counts->bytes += req->transferred;
    return status;
}

static uint32_t counting_max_transfer(struct scsi_transport *base)
{
    struct counting_transport *t = (struct counting_transport *)base;
    return t->inner->ops->max_transfer(t->inner);
}

static void counting_close(struct scsi_transport *base)
{
    scsi_transport_close(((struct counting_transport *)base)->inner);
}

static const struct scsi_transport_ops counting_ops = { counting_execute, counting_max_transfer, counting_close };

void counting_transport_wrap(struct counting_transport *wrapper, struct scsi_transport *inner,
                             struct transport_counts *counts)
{
    wrapper->base.ops = &counting_ops;
    snprintf(wrapper->base.name, sizeof(wrapper->base.name), "%s", inner->name);
    wrapper->inner = inner;
    wrapper->counts = counts;
}
