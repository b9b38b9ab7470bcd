/* InventoryNtmsLibrary. Synchronous: the call returns when the work is
 * done (RSM queued it and returned). FAST reads every slot's barcode and
 * identifies only slots whose tape it does not know; OMID identifies every
 * full slot; SLOT only records which slots are full; NONE and STOP (no
 * inventory is ever running in the background) do nothing. */
#include "engine/engine.h"

#include <stdlib.h>
#include <string.h>

#include "engine/library_access.h"
#include "engine/robot.h"
#include "engine/standalone.h"
#include "engine/wstr.h"

enum { INVENTORY_NONE, INVENTORY_FAST, INVENTORY_OMID, INVENTORY_DEFAULT, INVENTORY_SLOT, INVENTORY_STOP };

struct slot_state {
    uint16_t address;
    bool     full;
    char     barcode[SMC_VOLTAG_LENGTH + 1];
};

struct barcode_search {
    const char *barcode;
    bool        found;
};

static bool known_barcode(const struct rsm_object *o, void *context)
{
    struct barcode_search *s = context;

    if (s->barcode[0] && wstr_equal_ascii_nocase(o->info.media.barcode, RSM_BARCODE_LENGTH, s->barcode))
        s->found = true;
    return !s->found;
}

struct slot_records {
    const ntms_guid  *library;
    struct rsm_object *slots;
    size_t            count, capacity;
};

static bool collect_slot(const struct rsm_object *o, void *context)
{
    struct slot_records *r = context;

    if (ntms_guid_equal(&o->info.slot.library, r->library) && r->count < r->capacity)
        r->slots[r->count++] = *o;
    return true;
}

/* Slot states from the changer into the records; which slots need identifying. */
static ntms_err record_states(struct engine *engine, const struct smc_element *seen, size_t seen_count,
                              struct slot_records *records, bool *identify, int method)
{
    struct objdb *db = engine->db;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    if ((status = objdb_for_each(db, RSM_STORAGESLOT, collect_slot, records)) != NTMS_OK) {
        objdb_abort(db);
        return status;
    }
    for (size_t i = 0; i < records->count && status == NTMS_OK; i++) {
        struct rsm_object *slot = &records->slots[i];
        identify[i] = false;
        for (size_t k = 0; k < seen_count; k++) {
            if (seen[k].address != slot->info.slot.element_address)
                continue;
            slot->info.slot.state = seen[k].full ? RSM_SLOTSTATE_FULL : RSM_SLOTSTATE_EMPTY;
            struct barcode_search known = { .barcode = seen[k].primary_tag };
            objdb_for_each(db, RSM_PHYSICAL_MEDIA, known_barcode, &known);
            identify[i] = seen[k].full && (method == INVENTORY_OMID || (method == INVENTORY_FAST && !known.found));
        }
        status = objdb_put(db, slot);
    }
    return objdb_end(db, status);
}

ntms_err engine_inventory(struct engine *engine, const ntms_guid *library_id, uint32_t method)
{
    struct library_access access;
    struct rsm_object library;
    struct smc_element_map map;

    if (engine_get_object(engine, library_id, &library) != NTMS_OK || library.type != RSM_LIBRARY)
        return NTMS_E_INVALID_LIBRARY;
    if (library.info.library.library_type == RSM_LIBRARYTYPE_OFFLINE)
        return NTMS_E_INVALID_LIBRARY;
    if (method == INVENTORY_DEFAULT)
        method = library.info.library.inventory_method;
    if (method == INVENTORY_NONE || method == INVENTORY_STOP || method == INVENTORY_DEFAULT)
        return NTMS_OK;
    if (library.info.library.library_type == RSM_LIBRARYTYPE_STANDALONE)
        return standalone_inventory(engine, library_id);   /* one drive: every method looks at it */
    ntms_err status = library_access_open(engine, library_id, &access);
    if (status != NTMS_OK)
        return status;
    uint16_t count = 0;
    struct smc_element *seen = NULL;
    size_t seen_count = 0;
    if ((status = robot_element_map(access.changer, &map)) == NTMS_OK) {
        count = map.count[SMC_STORAGE];
        seen = calloc(count ? count : 1, sizeof(*seen));
        status = seen ? robot_element_status(access.changer, SMC_STORAGE, map.first[SMC_STORAGE], count, false, seen,
                                             &seen_count)
                      : NTMS_E_NOT_ENOUGH_MEMORY;
    }
    library_access_close(&access);   /* identification takes the lock itself */
    struct slot_records records = { .library = library_id, .capacity = count };
    records.slots = calloc(count ? count : 1, sizeof(*records.slots));
    bool *identify = calloc(count ? count : 1, sizeof(*identify));
    if (status == NTMS_OK && (!records.slots || !identify))
        status = NTMS_E_NOT_ENOUGH_MEMORY;
    if (status == NTMS_OK)
        status = record_states(engine, seen, seen_count, &records, identify, (int)method);
    for (size_t i = 0; status == NTMS_OK && i < records.count; i++)
        if (identify[i])
            status = engine_identify_slot(engine, NULL, &records.slots[i].id, IDENTIFY_IMMEDIATE);
    free(seen);
    free(records.slots);
    free(identify);
    return status;
}
