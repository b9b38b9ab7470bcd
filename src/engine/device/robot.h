/* Sending commands to a library's devices, the one place where unit
 * attentions are retried and short waits made; and the changer's own
 * commands: its element map, element status read in chunks (devices cut
 * replies short and ignore counts), MOVE MEDIUM. */
#ifndef NTMSAPI_ENGINE_DEVICE_ROBOT_H
#define NTMSAPI_ENGINE_DEVICE_ROBOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scsi/scsi_smc.h"
#include "transport/scsi_transport.h"

/* Sends req; NTMS_OK on GOOD, else the Win32 code of the outcome. */
ntms_err robot_run(struct scsi_transport *t, struct scsi_request *req);
/* VPD page 80h: a changer's or a drive's serial number. */
ntms_err robot_serial(struct scsi_transport *device, char *serial, size_t capacity);

ntms_err robot_element_map(struct scsi_transport *changer, struct smc_element_map *map);
/* Status of `count` elements of one type from `first`, in chunks, into
 * elements[]; *found is how many came back. */
ntms_err robot_element_status(struct scsi_transport *changer, enum smc_element_type type, uint16_t first,
                              uint16_t count, bool dvcid, struct smc_element *elements, size_t *found);
ntms_err robot_move(struct scsi_transport *changer, uint16_t transport, uint16_t from, uint16_t to);

#endif
