/* Talking to one library's devices: the one place where commands are
 * sent, unit attentions retried and becoming-ready waited out. */
#ifndef NTMSAPI_ENGINE_ROBOT_H
#define NTMSAPI_ENGINE_ROBOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/labels/label_detect.h"
#include "scsi/scsi_smc.h"
#include "transport/scsi_transport.h"

/* Sends req; NTMS_OK on GOOD, else the Win32 code of the outcome. */
ntms_err robot_run(struct scsi_transport *t, struct scsi_request *req);

ntms_err robot_element_map(struct scsi_transport *changer, struct smc_element_map *map);
/* Status of `count` elements of one type from `first`, in chunks, into
 * elements[]; *found is how many came back. */
ntms_err robot_element_status(struct scsi_transport *changer, enum smc_element_type type, uint16_t first,
                              uint16_t count, bool dvcid, struct smc_element *elements, size_t *found);
ntms_err robot_move(struct scsi_transport *changer, uint16_t transport, uint16_t from, uint16_t to);
/* TEST UNIT READY until the drive is ready or `timeout_ms` passes. The
 * drive's answers decide: becoming ready, operation in progress and other
 * passing not-ready states are waited out (a load is sent when the drive
 * asks for one); an answer that waiting cannot change (an incompatible
 * medium, a hardware fault, manual intervention required) returns at once. */
ntms_err robot_wait_ready(struct scsi_transport *drive, uint32_t timeout_ms);
/* How long a drive may take to become ready after a load:
 * NTMSAPI_READY_WAIT_SECONDS, default 7200 (LTO-9 calibration). */
uint32_t robot_ready_wait_ms(void);
/* Rewinds and reads the first block; the label it carries, as a media
 * label library (`offer`, may be NULL) or the built-in recognisers say. */
ntms_err robot_read_label(struct scsi_transport *drive, label_offer offer, struct label_info *label);
ntms_err robot_unload(struct scsi_transport *drive);
/* Rewinds, writes `block` as the first block and a filemark, rewinds. */
ntms_err robot_write_label(struct scsi_transport *drive, const uint8_t *block, size_t length);

/* What the cartridge memory says, where the drive has READ ATTRIBUTE. */
struct mam_summary {
    char    serial_number[33], barcode[33], application[33], user_label[161];
    uint8_t density_code;
};
/* NTMS_E_NOT_SUPPORTED when the drive or medium has no MAM. */
ntms_err robot_read_mam(struct scsi_transport *drive, struct mam_summary *mam);
ntms_err robot_serial(struct scsi_transport *device, char *serial, size_t capacity);

#endif
