/* InventoryNtmsLibrary. Synchronous: the call returns when the work is
 * done (RSM queued it and returned). FAST reads every slot's barcode and
 * identifies only slots whose tape it does not know; OMID identifies every
 * full slot; SLOT only records which slots are full; NONE and STOP (no
 * inventory is ever running in the background) do nothing.
 *
 * What the changer says wins: under the robot lock (the drives are
 * reconciled by the housekeeping of opening the library), every slot's
 * state is recorded from its element status, and a known barcode seen in
 * a slot puts its medium there. The comparison runs on the slot view
 * (records/slot_view.h): a library found as recorded costs no write. */
#include "engine/ops/inventory.h"
#include "engine/ops/identify.h"

#include <stdlib.h>
#include <string.h>

#include "engine/core/record_lookup.h"
#include "engine/device/library_access.h"
#include "engine/ops/library_presence.h"
#include "engine/records/media_records.h"
#include "engine/records/slot_view.h"
#include "engine/device/robot.h"
#include "engine/ops/standalone_inventory.h"
#include "engine/core/wstr.h"

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

/* The slots an inventory goes on to identify. */
struct slot_ids {
    ntms_guid *ids;
    size_t     count;
};

static bool known_here(const struct slot_view_entry *v, const struct smc_element *e)
{
    return e->full && e->primary_tag[0] && !strcmp(e->primary_tag, v->barcode);
}

/* As the records have it: empty and recorded empty, or full with the
 * barcode of the medium recorded in it. */
static bool as_recorded(const struct slot_view_entry *v, const struct smc_element *e)
{
    return e->full == v->full && (!e->full || known_here(v, e));
}

/* A slot the records have otherwise: its state, and a known barcode's
 * medium placed in it. `media` is every medium, sorted by barcode. */
static ntms_err record_slot(struct objdb *db, const struct record_list *media, const ntms_guid *slot_id,
                            const struct smc_element *e, bool *known)
{
    struct rsm_object slot;
    ntms_err status = objdb_get(db, slot_id, &slot);

    *known = false;
    if (status != NTMS_OK)
        return status;
    slot.info.slot.state = e->full ? RSM_SLOTSTATE_FULL : RSM_SLOTSTATE_EMPTY;
    if (e->full && (status = place_known(db, media, &slot, e->primary_tag, known)) != NTMS_OK)
        return status;
    return objdb_put(db, &slot);
}

static bool wants_identification(int method, const struct smc_element *e, bool known)
{
    return e->full && (method == RSM_INVENTORY_OMID || (method == RSM_INVENTORY_FAST && !known));
}

static ntms_err add_id(struct slot_ids *list, const ntms_guid *id)
{
    ntms_guid *grown = realloc(list->ids, (list->count + 1) * sizeof(*grown));

    if (!grown)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    list->ids = grown;
    list->ids[list->count++] = *id;
    return NTMS_OK;
}

/* The changer's elements that differ from the records: their index in `seen`. */
struct differing {
    size_t    *seen_index;
    ntms_guid *slot;
    size_t     count;
};

/* Read only: the view says which slots are as recorded (nothing to write)
 * and which to identify among them. */
static ntms_err compare_with_view(struct objdb *db, const ntms_guid *library, const struct smc_element *seen,
                                  size_t seen_count, int method, struct slot_ids *identify, struct differing *diff)
{
    const struct slot_view *view;
    ntms_err status = slot_view_of(db, library, &view);

    if (status == NTMS_OK) {
        diff->seen_index = malloc((seen_count ? seen_count : 1) * sizeof(*diff->seen_index));
        diff->slot = malloc((seen_count ? seen_count : 1) * sizeof(*diff->slot));
        if (!diff->seen_index || !diff->slot)
            status = NTMS_E_NOT_ENOUGH_MEMORY;
    }
    for (size_t i = 0; status == NTMS_OK && i < seen_count; i++) {
        const struct slot_view_entry *v = slot_view_at(view, seen[i].address);
        if (!v)
            continue;
        if (!as_recorded(v, &seen[i])) {
            diff->seen_index[diff->count] = i;
            diff->slot[diff->count++] = v->slot;
        } else if (wants_identification(method, &seen[i], known_here(v, &seen[i]))) {
            status = add_id(identify, &v->slot);
        }
    }
    return status;
}

/* Write: the slots that differ, as the changer says. */
static ntms_err record_differences(struct objdb *db, const struct smc_element *seen, const struct differing *diff,
                                   int method, struct slot_ids *identify)
{
    struct record_list media = { 0 };
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    status = records_collect(db, RSM_PHYSICAL_MEDIA, NULL, NULL, &media);
    record_list_sort(&media, media_barcode_order);
    for (size_t k = 0; status == NTMS_OK && k < diff->count; k++) {
        const struct smc_element *e = &seen[diff->seen_index[k]];
        bool known = false;
        status = record_slot(db, &media, &diff->slot[k], e, &known);
        if (status == NTMS_OK && wants_identification(method, e, known))
            status = add_id(identify, &diff->slot[k]);
    }
    record_list_free(&media);
    return objdb_end(db, status);
}

/* Slot states from the changer into the records; which slots need identifying. */
static ntms_err record_states(struct engine *engine, const ntms_guid *library, const struct smc_element *seen,
                              size_t seen_count, struct slot_ids *identify, int method)
{
    struct differing diff = { 0 };
    ntms_err status = objdb_begin_read(engine->db);

    if (status != NTMS_OK)
        return status;
    status = compare_with_view(engine->db, library, seen, seen_count, method, identify, &diff);
    objdb_abort(engine->db);
    if (status == NTMS_OK && diff.count)
        status = record_differences(engine->db, seen, &diff, method, identify);
    free(diff.seen_index);
    free(diff.slot);
    return status;
}

/* Every slot's element status, recorded while the lock is held. */
static ntms_err scan_slots(struct engine *engine, const ntms_guid *library_id, struct slot_ids *identify, int method)
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
        status = record_states(engine, library_id, seen, seen_count, identify, method);
    library_access_close(&access);   /* identification takes the lock itself */
    free(seen);
    return status;
}

static ntms_err inventory(struct engine *engine, const ntms_guid *library_id, uint32_t method)
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
    struct slot_ids identify = { 0 };
    objdb_defer_flush();   /* one flush for the whole inventory */
    ntms_err status = scan_slots(engine, library_id, &identify, (int)method);
    for (size_t i = 0; status == NTMS_OK && i < identify.count; i++)
        status = engine_identify_slot(engine, NULL, &identify.ids[i], IDENTIFY_IMMEDIATE);
    ntms_err flushed = objdb_flush_deferred(engine->db);
    free(identify.ids);
    return status != NTMS_OK ? status : flushed;
}

ntms_err engine_inventory(struct engine *engine, const ntms_guid *library_id, uint32_t method)
{
    ntms_err status = inventory(engine, library_id, method);

    if (status == NTMS_OK)
        objdb_signal_completion(engine->db, RSM_LIBRARY, library_id);
    return status;
}
