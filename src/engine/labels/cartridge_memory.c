#include "engine/labels/cartridge_memory.h"

#include <string.h>

static bool keep_attribute(const struct mam_attribute *a, void *context)
{
    struct mam_summary *m = context;

    switch (a->id) {
    case MAM_MEDIUM_SERIAL_NUMBER: mam_text(a, m->serial_number, sizeof(m->serial_number)); break;
    case MAM_BARCODE: mam_text(a, m->barcode, sizeof(m->barcode)); break;
    case MAM_APPLICATION_NAME: mam_text(a, m->application, sizeof(m->application)); break;
    case MAM_USER_MEDIUM_TEXT_LABEL: mam_text(a, m->user_label, sizeof(m->user_label)); break;
    case MAM_MEDIUM_DENSITY_CODE: m->density_code = (uint8_t)mam_number(a); break;
    default: break;
    }
    return true;
}

void cartridge_memory_summarise(const uint8_t *data, size_t length, struct mam_summary *mam)
{
    memset(mam, 0, sizeof(*mam));
    mam_parse(data, length, keep_attribute, mam);
}
