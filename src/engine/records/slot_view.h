/* A library's slots as an inventory compares them with the changer: by
 * element address, each slot's recorded state and the barcode of the
 * medium recorded in it. Built from the records once and kept while the
 * objects in memory do not change (objdb_version), so that an inventory
 * that finds everything as recorded decodes nothing. Inside a transaction. */
#ifndef NTMSAPI_ENGINE_SLOT_VIEW_H
#define NTMSAPI_ENGINE_SLOT_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/core/objdb.h"

#define SLOT_VIEW_BARCODE 65   /* ASCII barcodes; others are not kept (never "as recorded") */

struct slot_view_entry {
    uint16_t  address;
    ntms_guid slot;
    bool      full;
    char      barcode[SLOT_VIEW_BARCODE];   /* "" when no medium with a plain barcode is recorded there */
};

struct slot_view {
    struct slot_view_entry *entries;   /* sorted by address */
    size_t                  count;
};

/* Valid until the objects change or the next call. */
ntms_err slot_view_of(struct objdb *db, const ntms_guid *library, const struct slot_view **view);
const struct slot_view_entry *slot_view_at(const struct slot_view *view, uint16_t address);

#endif
