/* Who says what a first block is: an installed media label library
 * (`offer`, may be NULL) first, for it knows its own format best; the
 * built-in recognisers (label_detect) after. Its answer is held to RSM's
 * field sizes, whatever it returned. */
#ifndef NTMSAPI_ENGINE_LABELS_LABEL_RECOGNISE_H
#define NTMSAPI_ENGINE_LABELS_LABEL_RECOGNISE_H

#include "engine/labels/label_detect.h"

void label_recognise(enum first_read outcome, const uint8_t *block, size_t length, label_offer offer,
                     struct label_info *label);

#endif
