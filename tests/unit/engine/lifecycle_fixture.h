/* For the media life cycle tests: the engine on the simulated library,
 * every tape identified (blank, so Unrecognized) and the first ones moved
 * to Free (their free labels written), application pools made to order,
 * and what the checks share: records by barcode, a side's state, and a
 * fingerprint of the whole database (a call that fails must leave it as
 * it was). */
#ifndef NTMSAPI_TESTS_LIFECYCLE_FIXTURE_H
#define NTMSAPI_TESTS_LIFECYCLE_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "engine_fixture.h"
#include "engine/core/record_lookup.h"
#include "engine/core/rsm_codec.h"
#include "engine/core/wstr.h"
#include "engine/ops/allocate.h"
#include "engine/ops/pool_moves.h"
#include "engine/records/logical_media.h"
#include "engine/records/media_records.h"
#include "engine/records/object_changes.h"
#include "engine/records/pools.h"
#include "engine/records/system_objects.h"
#include "sim_library.h"

static struct engine *engine;
static struct sim_library sim;
static ntms_guid library, slots[SIM_SLOTS], drives[SIM_DRIVES];

static bool lc_online_library(const struct rsm_object *o, void *context)
{
    if (o->info.library.library_type != RSM_LIBRARYTYPE_ONLINE)
        return true;
    *(ntms_guid *)context = o->id;
    return false;
}

static inline bool lc_same(ntms_guid a, ntms_guid b)
{
    return ntms_guid_equal(&a, &b);
}

/* The record with this id; a zeroed one of type RSM_UNKNOWN when none. */
static inline struct rsm_object lc_get(const ntms_guid *id)
{
    struct rsm_object o;

    if (engine_get_object(engine, id, &o) != NTMS_OK)
        memset(&o, 0, sizeof(o));
    return o;
}

static inline struct rsm_object lc_media(const char *barcode)
{
    struct rsm_object media;
    wchar16 wide[RSM_BARCODE_LENGTH];

    WSTR_SET(wide, barcode);
    memset(&media, 0, sizeof(media));
    objdb_begin_read(engine->db);
    media_find_by_barcode(engine->db, wide, &media);
    objdb_abort(engine->db);
    return media;
}

/* A medium's side `index` (side order). */
static inline struct rsm_object lc_side_of(const ntms_guid *media, size_t index)
{
    struct media_sides sides;

    memset(&sides, 0, sizeof(sides));
    objdb_begin_read(engine->db);
    media_sides_of(engine->db, media, &sides);
    objdb_abort(engine->db);
    if (index >= sides.count)
        memset(&sides.side[0], 0, sizeof(sides.side[0]));
    return sides.side[index < sides.count ? index : 0];
}

static inline struct rsm_object lc_side(const char *barcode)
{
    struct rsm_object media = lc_media(barcode);
    return lc_side_of(&media.id, 0);
}

static inline uint32_t lc_state(const char *barcode)
{
    return lc_side(barcode).info.partition.state;
}

static inline ntms_guid lc_pool_of(const char *barcode)
{
    return lc_media(barcode).info.media.media_pool;
}

static inline ntms_guid lc_type_named(const char *name)
{
    ntms_guid type = ntms_guid_null;

    objdb_begin_read(engine->db);
    system_media_type_by_name(engine->db, name, &type);
    objdb_abort(engine->db);
    return type;
}

static inline ntms_guid lc_system_pool(uint32_t kind, const char *type_name)
{
    ntms_guid type = lc_type_named(type_name), pool = ntms_guid_null;

    objdb_begin_read(engine->db);
    system_pool(engine->db, kind, &type, &pool);
    objdb_abort(engine->db);
    return pool;
}

/* An application pool \name of a media type (NULL: none) with these policies. */
static inline ntms_guid lc_app_pool(const char *name, const char *type_name, uint32_t allocation, uint32_t deallocation,
                                    uint32_t max_allocates)
{
    wchar16 path[64];
    char full[64];
    ntms_guid pool = ntms_guid_null, type = type_name ? lc_type_named(type_name) : ntms_guid_null;

    snprintf(full, sizeof(full), "\\%s", name);
    WSTR_SET(path, full);
    if (engine_create_pool(engine, NULL, path, type_name ? &type : NULL, RSM_CREATE_NEW, NULL, 0, &pool) != NTMS_OK)
        return ntms_guid_null;
    struct rsm_object record = lc_get(&pool);
    record.info.pool.allocation_policy = allocation;
    record.info.pool.deallocation_policy = deallocation;
    record.info.pool.max_allocates = max_allocates;
    engine_set_information(engine, &record);
    return pool;
}

static inline ntms_err lc_allocate(const ntms_guid *pool, const ntms_guid *partition, uint32_t options,
                                   uint32_t timeout_ms, ntms_guid *lmid, ntms_guid *from)
{
    struct allocate_request request = { *pool, partition, options, timeout_ms, NULL };
    ntms_guid ignored;

    return engine_allocate(engine, NULL, &request, lmid, from ? from : &ignored);
}

/* FNV-1a over every record's encoding, in the store's order. */
static bool lc_hash_record(const struct rsm_object *o, void *context)
{
    uint8_t bytes[8192];
    uint64_t *hash = context;
    size_t length = rsm_encode(o, bytes, sizeof(bytes));

    for (size_t i = 0; i < length; i++)
        *hash = (*hash ^ bytes[i]) * 1099511628211ull;
    return true;
}

static inline uint64_t lc_fingerprint(void)
{
    uint64_t hash = 14695981039346656037ull;

    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_UNKNOWN, lc_hash_record, &hash);
    objdb_abort(engine->db);
    return hash;
}

/* An ANSI VOL1 label as the first block of a simulated tape. */
static inline void lc_ansi_label(uint8_t *block, const char *volume)
{
    memset(block, ' ', 80);
    memcpy(block, "VOL1", 4);
    memcpy(block + 4, volume, strlen(volume));
    block[79] = '3';
}

/* The library up and discovered (`before`, when given, dresses its tapes
 * first): its slots and drives known, nothing identified. */
static inline int lc_library_up(const char *const barcodes[SIM_SLOTS], void (*before)(void))
{
    ntms_guid list[16];
    uint32_t count = 16;

    sim_library_init(&sim, barcodes);
    if (before)
        before();
    sim_library_install(&sim);
    if (engine_fixture_open(&engine) || engine_discover(engine) != NTMS_OK)
        return -1;
    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_LIBRARY, lc_online_library, &library);
    objdb_abort(engine->db);
    if (engine_enumerate(engine, &library, RSM_STORAGESLOT, 0, list, &count) != NTMS_OK || count != SIM_SLOTS)
        return -1;
    memcpy(slots, list, sizeof(slots));
    count = 16;
    if (engine_enumerate(engine, &library, RSM_DRIVE, 0, list, &count) != NTMS_OK || count != SIM_DRIVES)
        return -1;
    memcpy(drives, list, sizeof(drives));
    return 0;
}

/* The library up, every tape identified, the first `to_free` moved to Free. */
static inline int lc_setup(const char *const barcodes[SIM_SLOTS], size_t to_free, void (*before)(void))
{
    if (lc_library_up(barcodes, before))
        return -1;
    ntms_guid free_lto6 = lc_system_pool(RSM_POOLTYPE_SCRATCH, "LTO-6");
    for (size_t i = 0; i < SIM_SLOTS; i++) {
        if (!barcodes[i] || !barcodes[i][0])
            continue;
        if (engine_identify_slot(engine, NULL, &slots[i], IDENTIFY_IMMEDIATE) != NTMS_OK)
            return -1;
        struct rsm_object media = lc_media(barcodes[i]);
        if (i < to_free && engine_move_to_pool(engine, NULL, &media.id, &free_lto6) != NTMS_OK)
            return -1;
    }
    return 0;
}

static inline int lc_teardown(void)
{
    sim_library_free(&sim);
    return engine_fixture_remove();
}

#endif
