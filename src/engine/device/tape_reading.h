/* Reading what a loaded tape says about itself, for an identification:
 * the cartridge memory (which also gives a barcode where the library has
 * no reader), then the label on its first block. Drive commands only. */
#ifndef NTMSAPI_ENGINE_DEVICE_TAPE_READING_H
#define NTMSAPI_ENGINE_DEVICE_TAPE_READING_H

#include "engine/records/media_recording.h"
#include "transport/scsi_transport.h"

ntms_err media_identify_in_drive(struct scsi_transport *tape, label_offer offer, struct identified *found);

#endif
