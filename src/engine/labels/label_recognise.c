#include "engine/labels/label_recognise.h"

#include <string.h>

/* An installed media label library knows its own format best: it is
 * asked first, the built-in recognisers after. */
void label_recognise(enum first_read outcome, const uint8_t *block, size_t length, label_offer offer,
                      struct label_info *label)
{
    memset(label, 0, sizeof(*label));
    if (outcome == FIRST_READ_DATA && offer && offer(block, length, label)) {
        label->format = LABEL_CLAIMED;
        label->type_name[sizeof(label->type_name) - 1] = '\0';
        label->info[sizeof(label->info) - 1] = '\0';
        if (label->label_id_length > sizeof(label->label_id))
            label->label_id_length = sizeof(label->label_id);
        return;
    }
    label_detect(outcome, block, length, label);
}
