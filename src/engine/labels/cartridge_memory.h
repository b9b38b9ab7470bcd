/* What a cartridge memory (MAM, READ ATTRIBUTE) says about its medium:
 * the attributes RSM's records use, from a READ ATTRIBUTE reply. */
#ifndef NTMSAPI_ENGINE_LABELS_CARTRIDGE_MEMORY_H
#define NTMSAPI_ENGINE_LABELS_CARTRIDGE_MEMORY_H

#include <stddef.h>
#include <stdint.h>

#include "scsi/scsi_mam.h"

struct mam_summary {
    char    serial_number[33], barcode[33], application[33], user_label[161];
    uint8_t density_code;
};

void cartridge_memory_summarise(const uint8_t *data, size_t length, struct mam_summary *mam);

#endif
