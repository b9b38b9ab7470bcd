/* A tape drive's own commands: waiting until it is ready, unloading,
 * reading and writing the first block, the cartridge memory. None of
 * these needs the changer: they run without the library's robot lock. */
#ifndef NTMSAPI_ENGINE_DEVICE_TAPE_DRIVE_H
#define NTMSAPI_ENGINE_DEVICE_TAPE_DRIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/labels/cartridge_memory.h"
#include "engine/labels/label_detect.h"
#include "transport/scsi_transport.h"

/* TEST UNIT READY until the drive is ready or `timeout_ms` passes. The
 * drive's answers decide: becoming ready, operation in progress and other
 * passing not-ready states are waited out (a load is sent when the drive
 * asks for one); an answer that waiting cannot change (an incompatible
 * medium, a hardware fault, manual intervention required) returns at once. */
ntms_err tape_wait_ready(struct scsi_transport *drive, uint32_t timeout_ms);
/* How long a drive may take to become ready after a load:
 * NTMSAPI_READY_WAIT_SECONDS, default 7200 (LTO-9 calibration). */
uint32_t tape_ready_wait_ms(void);
/* Rewinds and reads the first block; the label it carries, as a media
 * label library (`offer`, may be NULL) or the built-in recognisers say. */
ntms_err tape_read_label(struct scsi_transport *drive, label_offer offer, struct label_info *label);
/* Rewinds, writes `block` as the first block and a filemark, rewinds. */
ntms_err tape_write_label(struct scsi_transport *drive, const uint8_t *block, size_t length);
/* The write-protect bit of MODE SENSE's header (SSC device-specific
 * parameter): true when the loaded medium cannot be written. A drive that
 * does not answer counts as writable: its writes will say otherwise. */
bool tape_write_protected(struct scsi_transport *drive);
/* LOAD UNLOAD; drives without it (or that unload on the move) are fine. */
ntms_err tape_unload(struct scsi_transport *drive);

/* What the cartridge memory says, where the drive has READ ATTRIBUTE;
 * NTMS_E_NOT_SUPPORTED when the drive or medium has no MAM. */
ntms_err tape_read_mam(struct scsi_transport *drive, struct mam_summary *mam);

#endif
