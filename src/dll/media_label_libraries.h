/* The media label libraries (MLLs) registered with Windows, loaded once
 * per process on the first identification that reads a label, and
 * offered each tape's first block as RSM did. */
#ifndef NTMSAPI_DLL_MEDIA_LABEL_LIBRARIES_H
#define NTMSAPI_DLL_MEDIA_LABEL_LIBRARIES_H

#include <stddef.h>
#include <stdint.h>

#include "engine/labels/label_detect.h"

/* A label_offer: asks each library in the order of its registry key's
 * name; 1 with the label filled when one claims the block. */
int media_label_libraries_offer(const uint8_t *block, size_t length, struct label_info *label);

#endif
