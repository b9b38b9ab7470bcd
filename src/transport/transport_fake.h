/* A scripted device for unit tests: each expected command (matched by a
 * CDB prefix) answers with a status, sense, data-in bytes or a transport
 * error; every command sent is recorded. Lets tests inject truncated
 * replies, CHECK CONDITIONs, lying lengths and link failures. */
#ifndef NTMSAPI_TRANSPORT_TRANSPORT_FAKE_H
#define NTMSAPI_TRANSPORT_TRANSPORT_FAKE_H

#include <stddef.h>
#include <stdint.h>

#include "transport/scsi_transport.h"

#define FAKE_SCRIPT_MAX  256
#define FAKE_REPLY_MAX   (64 * 1024)

struct fake_step {
    uint8_t  cdb_prefix[SCSI_CDB_MAX];
    uint8_t  prefix_length;
    ntms_err transport_error;      /* non-zero: the command never completes */
    uint8_t  status;
    uint8_t  sense[SCSI_SENSE_MAX];
    uint32_t sense_length;
    uint8_t  data[FAKE_REPLY_MAX];
    uint32_t data_length;          /* bytes the device sends */
    uint32_t claimed_transferred;  /* if non-zero: what the transport claims moved (may lie) */
};

struct fake_device {
    struct scsi_transport base;
    struct fake_step      steps[FAKE_SCRIPT_MAX];
    size_t                step_count, next_step;
    uint8_t               sent[FAKE_SCRIPT_MAX][SCSI_CDB_MAX];
    size_t                sent_count;
    size_t                unexpected;   /* commands that matched no step */
};

void fake_device_init(struct fake_device *device, const char *name);
/* Appends a step; returns it for the test to fill (NULL when full). */
struct fake_step *fake_device_expect(struct fake_device *device, const uint8_t *cdb_prefix, uint8_t prefix_length);

#endif
