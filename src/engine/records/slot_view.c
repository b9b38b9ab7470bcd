#include "engine/records/slot_view.h"

#include <stdlib.h>
#include <string.h>

/* One view per process: an inventory asks for it inside a transaction,
 * which the database's lock gives to one thread at a time. */
static struct {
    struct slot_view view;
    size_t           capacity;
    struct objdb    *db;
    ntms_guid        library;
    uint64_t         version;
    bool             valid;
} kept;

struct building {
    const ntms_guid *library;
    ntms_err         status;
};

static ntms_err grow(void)
{
    if (kept.view.count < kept.capacity)
        return NTMS_OK;
    size_t capacity = kept.capacity ? kept.capacity * 2 : 256;
    struct slot_view_entry *grown = realloc(kept.view.entries, capacity * sizeof(*grown));
    if (!grown)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    kept.view.entries = grown;
    kept.capacity = capacity;
    return NTMS_OK;
}

static bool add_slot(const struct rsm_object *o, void *context)
{
    struct building *b = context;

    if (!ntms_guid_equal(&o->info.slot.library, b->library))
        return true;
    if ((b->status = grow()) != NTMS_OK)
        return false;
    struct slot_view_entry *e = &kept.view.entries[kept.view.count++];
    memset(e, 0, sizeof(*e));
    e->address = o->info.slot.element_address;
    e->slot = o->id;
    e->full = o->info.slot.state == RSM_SLOTSTATE_FULL;
    return true;
}

static int by_address(const void *a, const void *b)
{
    const struct slot_view_entry *x = a, *y = b;
    return (x->address > y->address) - (x->address < y->address);
}

/* Trailing spaces trimmed; false when it is not plain ASCII. */
static bool plain_barcode(const wchar16 *wide, char *out)
{
    size_t n = 0;

    while (n < RSM_BARCODE_LENGTH && wide[n])
        n++;
    while (n > 0 && wide[n - 1] == ' ')
        n--;
    if (n >= SLOT_VIEW_BARCODE)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (wide[i] < 0x21 || wide[i] > 0x7E)
            return false;
        out[i] = (char)wide[i];
    }
    out[n] = '\0';
    return true;
}

/* The slots by id, for the media to find the slot they are recorded in. */
struct slot_by_id {
    ntms_guid id;
    size_t    entry;
};

static int by_id(const void *a, const void *b)
{
    return memcmp(&((const struct slot_by_id *)a)->id, &((const struct slot_by_id *)b)->id, sizeof(ntms_guid));
}

struct placing {
    const struct slot_by_id *ids;
    size_t                   count;
};

static bool add_medium(const struct rsm_object *o, void *context)
{
    const struct placing *p = context;
    const struct rsm_physical_media *m = &o->info.media;

    if (m->location_type != RSM_LOCATION_STORAGESLOT)
        return true;
    struct slot_by_id key = { m->location, 0 };
    const struct slot_by_id *hit = p->count ? bsearch(&key, p->ids, p->count, sizeof(key), by_id) : NULL;
    if (!hit)
        return true;
    struct slot_view_entry *e = &kept.view.entries[hit->entry];
    char barcode[SLOT_VIEW_BARCODE];
    /* Two media recorded in one slot, or a barcode not plain: never "as recorded". */
    if (e->barcode[0] || !plain_barcode(m->barcode, barcode) || !barcode[0])
        strcpy(e->barcode, "\x01");
    else
        strcpy(e->barcode, barcode);
    return true;
}

static ntms_err place_media(struct objdb *db)
{
    struct slot_by_id *ids = malloc((kept.view.count ? kept.view.count : 1) * sizeof(*ids));

    if (!ids)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    for (size_t i = 0; i < kept.view.count; i++)
        ids[i] = (struct slot_by_id){ kept.view.entries[i].slot, i };
    qsort(ids, kept.view.count, sizeof(*ids), by_id);
    struct placing placing = { ids, kept.view.count };
    ntms_err status = objdb_for_each(db, RSM_PHYSICAL_MEDIA, add_medium, &placing);
    free(ids);
    return status;
}

static ntms_err build(struct objdb *db, const ntms_guid *library)
{
    struct building b = { library, NTMS_OK };

    kept.valid = false;
    kept.view.count = 0;
    ntms_err status = objdb_for_each(db, RSM_STORAGESLOT, add_slot, &b);
    if (status == NTMS_OK)
        status = b.status;
    if (status == NTMS_OK)
        status = place_media(db);
    if (status != NTMS_OK)
        return status;
    if (kept.view.count > 1)
        qsort(kept.view.entries, kept.view.count, sizeof(*kept.view.entries), by_address);
    kept.db = db;
    kept.library = *library;
    kept.version = objdb_version(db);
    kept.valid = true;
    return NTMS_OK;
}

ntms_err slot_view_of(struct objdb *db, const ntms_guid *library, const struct slot_view **view)
{
    bool current = kept.valid && kept.db == db && ntms_guid_equal(&kept.library, library)
                && kept.version == objdb_version(db);
    ntms_err status = current ? NTMS_OK : build(db, library);

    *view = status == NTMS_OK ? &kept.view : NULL;
    return status;
}

const struct slot_view_entry *slot_view_at(const struct slot_view *view, uint16_t address)
{
    size_t low = 0, high = view->count;

    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (view->entries[mid].address == address)
            return &view->entries[mid];
        if (view->entries[mid].address < address)
            low = mid + 1;
        else
            high = mid;
    }
    return NULL;
}
