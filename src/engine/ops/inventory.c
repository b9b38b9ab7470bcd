/* InventoryNtmsLibrary. Synchronous: the call returns when the work is
 * done (RSM queued it and returned). FAST reads every slot's barcode and
 * identifies only slots whose tape it does not know; OMID identifies every
 * full slot; SLOT only records which slots are full; NONE and STOP (no
 * inventory is ever running in the background) do nothing.
 *
 * What the changer says wins: under the robot lock (the drives are
 * reconciled by the housekeeping of opening the library), every slot's
 * state is recorded from its element status, and a known barcode seen in
 * a slot puts its medium there. */
#include "engine/ops/inventory.h"
#include "engine/ops/identify.h"

#include <stdlib.h>
#include <string.h>

#include "engine/device/library_access.h"
#include "engine/ops/library_presence.h"
#include "engine/records/media_records.h"
#include "engine/device/robot.h"
#include "engine/ops/standalone_inventory.h"
#include "engine/core/wstr.h"

enum { INVENTORY_NONE, INVENTORY_FAST, INVENTORY_OMID, INVENTORY_DEFAULT, INVENTORY_SLOT, INVENTORY_STOP };

struct slot_records {
    const ntms_guid   *library;
    struct rsm_object *slots;
    size_t             count, capacity;
    bool               out_of_memory;
};

static bool collect_slot(const struct rsm_object *o, void *context)
{
    struct slot_records *r = context;

    if (!ntms_guid_equal(&o->info.slot.library, r->library))
        return true;
    if (r->count == r->capacity) {
        size_t capacity = r->capacity ? r->capacity * 2 : 64;
        struct rsm_object *grown = realloc(r->slots, capacity * sizeof(*grown));
        if (!grown) {
            r->out_of_memory = true;
            return false;
        }
        r->slots = grown;
        r->capacity = capacity;
    }
    r->slots[r->count++] = *o;
    return true;
}

static const struct smc_element *seen_at(const struct smc_element *seen, size_t count, uint16_t address)
{
    for (size_t k = 0; k < count; k++)
        if (seen[k].address == address)
            return &seen[k];
    return NULL;
}

/* A known barcode in this slot: its medium is here (unless in a drive,
 * where the housekeeping has the last word). */
static ntms_err place_known(struct objdb *db, const struct rsm_object *slot, const char *barcode, bool *known)
{
    wchar16 wide[RSM_BARCODE_LENGTH];
    struct rsm_object media;

    *known = false;
    if (!barcode[0])
        return NTMS_OK;
    WSTR_SET(wide, barcode);
    if (media_find_by_barcode(db, wide, &media) != NTMS_OK)
        return NTMS_OK;
    *known = true;
    struct rsm_physical_media *m = &media.info.media;
    if (m->location_type == RSM_LOCATION_DRIVE || ntms_guid_equal(&m->location, &slot->id))
        return NTMS_OK;
    m->current_library = slot->info.slot.library;
    m->location = m->home_slot = slot->id;
    m->location_type = RSM_LOCATION_STORAGESLOT;
    m->media_state = RSM_MEDIASTATE_IDLE;
    return objdb_put(db, &media);
}

/* Slot states from the changer into the records; which slots need identifying. */
static ntms_err record_states(struct engine *engine, const struct smc_element *seen, size_t seen_count,
                              struct slot_records *records, bool **identify, int method)
{
    struct objdb *db = engine->db;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    if ((status = objdb_for_each(db, RSM_STORAGESLOT, collect_slot, records)) == NTMS_OK && records->out_of_memory)
        status = NTMS_E_NOT_ENOUGH_MEMORY;
    if (status == NTMS_OK && !(*identify = calloc(records->count ? records->count : 1, sizeof(**identify))))
        status = NTMS_E_NOT_ENOUGH_MEMORY;
    for (size_t i = 0; status == NTMS_OK && i < records->count; i++) {
        struct rsm_object *slot = &records->slots[i];
        const struct smc_element *e = seen_at(seen, seen_count, slot->info.slot.element_address);
        if (!e)
            continue;
        bool known = false;
        slot->info.slot.state = e->full ? RSM_SLOTSTATE_FULL : RSM_SLOTSTATE_EMPTY;
        if (e->full)
            status = place_known(db, slot, e->primary_tag, &known);
        (*identify)[i] = e->full && (method == INVENTORY_OMID || (method == INVENTORY_FAST && !known));
        if (status == NTMS_OK)
            status = objdb_put(db, slot);
    }
    return objdb_end(db, status);
}

/* Every slot's element status, recorded while the lock is held. */
static ntms_err scan_slots(struct engine *engine, const ntms_guid *library_id, struct slot_records *records,
                           bool **identify, int method)
{
    struct library_access access;
    struct smc_element_map map;
    struct smc_element *seen = NULL;
    size_t seen_count = 0;
    ntms_err status = library_open_present(engine, library_id, NULL, &access);

    if (status != NTMS_OK)
        return status;
    if ((status = robot_element_map(access.changer, &map)) == NTMS_OK) {
        seen = calloc(map.count[SMC_STORAGE] ? map.count[SMC_STORAGE] : 1, sizeof(*seen));
        status = seen ? robot_element_status(access.changer, SMC_STORAGE, map.first[SMC_STORAGE],
                                             map.count[SMC_STORAGE], false, seen, &seen_count)
                      : NTMS_E_NOT_ENOUGH_MEMORY;
    }
    if (status == NTMS_OK)
        status = record_states(engine, seen, seen_count, records, identify, method);
    library_access_close(&access);   /* identification takes the lock itself */
    free(seen);
    return status;
}

ntms_err engine_inventory(struct engine *engine, const ntms_guid *library_id, uint32_t method)
{
    struct rsm_object library;

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
    struct slot_records records = { .library = library_id };
    bool *identify = NULL;
    ntms_err status = scan_slots(engine, library_id, &records, &identify, (int)method);
    for (size_t i = 0; status == NTMS_OK && i < records.count; i++)
        if (identify[i])
            status = engine_identify_slot(engine, NULL, &records.slots[i].id, IDENTIFY_IMMEDIATE);
    free(records.slots);
    free(identify);
    return status;
}
