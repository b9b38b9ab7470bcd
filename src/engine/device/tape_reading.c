#include "engine/device/tape_reading.h"

#include <stdio.h>

#include "engine/device/tape_drive.h"

ntms_err media_identify_in_drive(struct scsi_transport *tape, label_offer offer, struct identified *found)
{
    /* Cartridge memory first: no tape motion. */
    found->has_mam = tape_read_mam(tape, &found->mam) == NTMS_OK;
    if (found->has_mam && !found->barcode[0])
        snprintf(found->barcode, sizeof(found->barcode), "%s", found->mam.barcode);
    return tape_read_label(tape, offer, &found->label);
}
