/* A transport that counts what passes through another one: commands,
 * bytes moved, time spent waiting for the device (benchmarks, logs). */
#ifndef NTMSAPI_TRANSPORT_TRANSPORT_COUNTING_H
#define NTMSAPI_TRANSPORT_TRANSPORT_COUNTING_H

#include <stdint.h>

#include "transport/scsi_transport.h"

struct transport_counts {
    uint64_t commands, bytes, device_ns;
};

struct counting_transport {
    struct scsi_transport    base;
    struct scsi_transport   *inner;
    struct transport_counts *counts;   /* shared by several wrappers if wanted */
};

/* Wraps `inner`; closing the wrapper closes `inner`. */
void counting_transport_wrap(struct counting_transport *wrapper, struct scsi_transport *inner,
                             struct transport_counts *counts);

#endif
