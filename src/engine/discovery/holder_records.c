#include "engine/discovery/holder_records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/crc32.h"
#include "engine/core/wstr.h"
#include "platform/plat_random.h"

/* What the scan decides about a holder, as one checksum: equal means
 * nothing to write. */
struct holder_entry {
    uint16_t  address;
    ntms_guid id;
    uint32_t  digest;
};

struct holder_index {
    struct holder_entry *entries;
    size_t               count, capacity;
    uint32_t             type;
    const ntms_guid     *library;
    ntms_err             status;
};

static uint16_t address_of(const struct rsm_object *o)
{
    return o->type == RSM_STORAGESLOT ? o->info.slot.element_address : o->info.ieport.element_address;
}

static const ntms_guid *library_of(const struct rsm_object *o)
{
    return o->type == RSM_STORAGESLOT ? &o->info.slot.library : &o->info.ieport.library;
}

/* The fields discovery sets, and the name. */
static uint32_t digest_of(const struct rsm_object *o)
{
    uint32_t fields[6] = { 0 };
    uint16_t address = address_of(o);

    if (o->type == RSM_STORAGESLOT) {
        fields[0] = o->info.slot.number;
        fields[1] = o->info.slot.state;
    } else {
        fields[0] = o->info.ieport.number;
        fields[1] = o->info.ieport.content;
        fields[2] = o->info.ieport.position;
        fields[3] = o->info.ieport.max_extend_secs;
    }
    fields[4] = address;
    uint32_t crc = crc32_update(crc32_of(fields, sizeof(fields)), library_of(o)->bytes, sizeof(ntms_guid));
    return crc32_update(crc, o->name, sizeof(o->name));
}

static bool add_holder(const struct rsm_object *o, void *context)
{
    struct holder_index *x = context;

    if (!ntms_guid_equal(library_of(o), x->library))
        return true;
    if (x->count == x->capacity) {
        size_t capacity = x->capacity ? x->capacity * 2 : 256;
        struct holder_entry *grown = realloc(x->entries, capacity * sizeof(*grown));
        if (!grown) {
            x->status = NTMS_E_NOT_ENOUGH_MEMORY;
            return false;
        }
        x->entries = grown;
        x->capacity = capacity;
    }
    x->entries[x->count++] = (struct holder_entry){ address_of(o), o->id, digest_of(o) };
    return true;
}

static int by_address(const void *a, const void *b)
{
    uint16_t x = ((const struct holder_entry *)a)->address, y = ((const struct holder_entry *)b)->address;
    return (x > y) - (x < y);
}

static ntms_err build_index(struct objdb *db, const ntms_guid *library, uint32_t type, struct holder_index *x)
{
    *x = (struct holder_index){ .type = type, .library = library, .status = NTMS_OK };
    ntms_err status = objdb_for_each(db, type, add_holder, x);
    if (status == NTMS_OK)
        status = x->status;
    if (x->count > 1)
        qsort(x->entries, x->count, sizeof(*x->entries), by_address);
    return status;
}

static const struct holder_entry *recorded_at(const struct holder_index *x, uint16_t address)
{
    struct holder_entry key = { .address = address };
    return x->count ? bsearch(&key, x->entries, x->count, sizeof(key), by_address) : NULL;
}

/* The holder as the scan says it is, on top of its record (or a new one). */
static void describe(struct rsm_object *o, const struct smc_element *e, uint32_t number, const ntms_guid *library)
{
    char name[32];

    if (o->type == RSM_STORAGESLOT) {
        snprintf(name, sizeof(name), "Slot %u", number);
        o->info.slot = (struct rsm_slot){ number, e->full ? RSM_SLOTSTATE_FULL : RSM_SLOTSTATE_EMPTY, *library,
                                          e->address };
    } else {
        snprintf(name, sizeof(name), "Port %u", number);
        o->info.ieport = (struct rsm_ieport){ number, e->full ? 1u : 2u, 0, 0, *library, e->address };
    }
    WSTR_SET(o->name, name);
}

static ntms_err record_holder(struct objdb *db, const struct holder_index *x, const struct smc_element *e,
                              uint32_t number, const ntms_guid *library)
{
    const struct holder_entry *known = recorded_at(x, e->address);
    struct rsm_object o;

    memset(&o, 0, sizeof(o));
    o.type = x->type;
    describe(&o, e, number, library);
    if (known && known->digest == digest_of(&o))
        return NTMS_OK;   /* as recorded */
    ntms_err status = known ? objdb_get(db, &known->id, &o) : ntms_guid_generate(&o.id);
    if (status != NTMS_OK)
        return status;
    if (!known) {
        o.type = x->type;
        o.enabled = 1;
    }
    describe(&o, e, number, library);
    return objdb_put(db, &o);
}

ntms_err record_holders(struct objdb *db, const struct changer_scan *scan, const struct rsm_object *library,
                        uint32_t object_type, enum smc_element_type element_type)
{
    struct holder_index x;
    ntms_err status = build_index(db, &library->id, object_type, &x);

    for (size_t i = 0; status == NTMS_OK && i < scan->counts[element_type]; i++)
        status = record_holder(db, &x, &scan->elements[element_type][i], (uint32_t)i + 1, &library->id);
    free(x.entries);
    return status;
}
