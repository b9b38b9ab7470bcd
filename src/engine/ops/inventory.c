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

#include "engine/core/record_lookup.h"
#include "engine/device/library_access.h"
#include "engine/ops/library_presence.h"
#include "engine/records/media_records.h"
#include "engine/device/robot.h"
#include "engine/ops/standalone_inventory.h"
#include "engine/core/wstr.h"

static const struct smc_element *seen_at(const struct smc_element *seen, size_t count, uint16_t address)
{
    for (size_t k = 0; k < count; k++)
        if (seen[k].address == address)
            return &seen[k];
    return NULL;
}

/* A known barcode in this slot: its medium is here (unless in a drive,
 * where the housekeeping has the last word). `media` is every medium,
 * sorted by barcode. */
static ntms_err place_known(struct objdb *db, const struct record_list *media_list, const struct rsm_object *slot,
                            const char *barcode, bool *known)
{
    struct rsm_object probe, media;

    *known = false;
    if (!barcode[0])
        return NTMS_OK;
    WSTR_SET(probe.info.media.barcode, barcode);
    const struct rsm_object *hit = record_list_search(media_list, media_barcode_order, &probe);
    if (!hit || objdb_get(db, &hit->id, &media) != NTMS_OK)
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
static ntms_err record_states(struct engine *engine, const ntms_guid *library, const struct smc_element *seen,
                              size_t seen_count, struct record_list *slots, bool **identify, int method)
{
    struct objdb *db = engine->db;
    struct record_list media = { 0 };
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    if ((status = records_collect(db, RSM_STORAGESLOT, record_in_library, library, slots)) == NTMS_OK)
        status = records_collect(db, RSM_PHYSICAL_MEDIA, NULL, NULL, &media);
    record_list_sort(&media, media_barcode_order);
    if (status == NTMS_OK && !(*identify = calloc(slots->count ? slots->count : 1, sizeof(**identify))))
        status = NTMS_E_NOT_ENOUGH_MEMORY;
    for (size_t i = 0; status == NTMS_OK && i < slots->count; i++) {
        struct rsm_object *slot = &slots->items[i];
        const struct smc_element *e = seen_at(seen, seen_count, slot->info.slot.element_address);
        if (!e)
            continue;
        bool known = false;
        slot->info.slot.state = e->full ? RSM_SLOTSTATE_FULL : RSM_SLOTSTATE_EMPTY;
        if (e->full)
            status = place_known(db, &media, slot, e->primary_tag, &known);
        (*identify)[i] = e->full && (method == RSM_INVENTORY_OMID || (method == RSM_INVENTORY_FAST && !known));
        if (status == NTMS_OK)
            status = objdb_put(db, slot);
    }
    record_list_free(&media);
    return objdb_end(db, status);
}

/* Every slot's element status, recorded while the lock is held. */
static ntms_err scan_slots(struct engine *engine, const ntms_guid *library_id, struct record_list *slots,
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
        status = record_states(engine, library_id, seen, seen_count, slots, identify, method);
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
    if (method == RSM_INVENTORY_DEFAULT)
        method = library.info.library.inventory_method;
    if (method == RSM_INVENTORY_NONE || method == RSM_INVENTORY_STOP || method == RSM_INVENTORY_DEFAULT)
        return NTMS_OK;
    if (library.info.library.library_type == RSM_LIBRARYTYPE_STANDALONE)
        return standalone_inventory(engine, library_id);   /* one drive: every method looks at it */
    struct record_list slots = { 0 };
    bool *identify = NULL;
    objdb_defer_flush();   /* one flush for the whole inventory */
    ntms_err status = scan_slots(engine, library_id, &slots, &identify, (int)method);
    for (size_t i = 0; status == NTMS_OK && i < slots.count; i++)
        if (identify[i])
            status = engine_identify_slot(engine, NULL, &slots.items[i].id, IDENTIFY_IMMEDIATE);
    ntms_err flushed = objdb_flush_deferred(engine->db);
    record_list_free(&slots);
    free(identify);
    return status != NTMS_OK ? status : flushed;
}
