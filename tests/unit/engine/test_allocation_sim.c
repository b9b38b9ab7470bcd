/* AllocateNtmsMedia on the engine against the simulated library: RSM's
 * search order (the pool, then Free with FROMSCRATCH), a named side moved
 * and allocated in one step (from Free, from Import), the import of a
 * medium into an application pool, NEW and NEXT on two-sided media,
 * dwMaxAllocates, threads allocating at once, and an allocation that
 * waits for a medium another caller frees. Every refusal leaves the
 * database as it was. The tests run in order on one library. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include "lifecycle_fixture.h"
#include "engine/ops/deallocate.h"
#include "engine/records/media_admin.h"
#include "platform/plat_time.h"

/* A00001L6 .. A00005L6 go to Free; A00006L6 and A00007L6 carry VOL1
 * labels: Import; A00008L6 is blank: Unrecognized. */
static const char *const barcodes[SIM_SLOTS] = { "A00001L6", "A00002L6", "A00003L6", "A00004L6", "A00005L6",
                                                 "A00006L6", "A00007L6", "A00008L6" };
static ntms_guid backup_pool, backup_first;

static void labelled_tapes(void)
{
    lc_ansi_label(sim.tapes[5].block, "IMP006");
    sim.tapes[5].length = 80;
    lc_ansi_label(sim.tapes[6].block, "IMP007");
    sim.tapes[6].length = 80;
}

static int setup(void **state)
{
    (void)state;
    return lc_setup(barcodes, 5, labelled_tapes);
}

static int teardown(void **state)
{
    (void)state;
    return lc_teardown();
}

/* A medium made with CreateNtmsMedia in `pool` (offline), its sides in these states. */
static ntms_guid created_medium(const ntms_guid *pool, uint32_t count, const uint32_t *states, const ntms_guid *lmid0)
{
    struct rsm_object media, sides[2];

    memset(&media, 0, sizeof(media));
    memset(sides, 0, sizeof(sides));
    media.type = RSM_PHYSICAL_MEDIA;
    media.enabled = 1;
    media.info.media.media_pool = *pool;
    media.info.media.number_of_partitions = count;
    for (uint32_t i = 0; i < count; i++) {
        sides[i].type = RSM_PARTITION;
        sides[i].enabled = 1;
        sides[i].info.partition.state = states[i];
        sides[i].info.partition.omid_label_id_length = 4;
        memcpy(sides[i].info.partition.omid_label_id, i ? "SIDB" : "SIDA", 4);
        WSTR_SET(sides[i].info.partition.omid_label_type, "test");
    }
    if (lmid0)
        sides[0].info.partition.logical_media = *lmid0;
    assert_int_equal(engine_create_media(engine, NULL, &media, sides, count, 0), NTMS_OK);
    return media.id;
}

/* Into the online library (as if it had been inserted). */
static void bring_online(const ntms_guid *media)
{
    struct rsm_object record;

    assert_int_equal(objdb_begin_write(engine->db), NTMS_OK);
    assert_int_equal(objdb_get(engine->db, media, &record), NTMS_OK);
    record.info.media.current_library = library;
    assert_int_equal(objdb_end(engine->db, objdb_put(engine->db, &record)), NTMS_OK);
}

static uint32_t enumerated(const ntms_guid *container, uint32_t type, ntms_guid *list, uint32_t capacity)
{
    uint32_t count = capacity;
    assert_int_equal(engine_enumerate(engine, container, type, 0, list, &count), NTMS_OK);
    return count;
}

static void refusals_change_nothing(void **state)
{
    ntms_guid lmid, unknown = { { 0x12, 0x34, 5, 6, 7 } }, free_lto6 = lc_system_pool(RSM_POOLTYPE_SCRATCH, "LTO-6");
    ntms_guid empty = lc_app_pool("Empty", "LTO-6", 0, 0, 0), dlt = lc_app_pool("Dlt", "DLT", 0, 0, 0);
    ntms_guid offline_pool = lc_app_pool("Offline", "LTO-6", 0, 0, 0);
    uint32_t available = RSM_PARTSTATE_AVAILABLE;
    ntms_guid offline = created_medium(&offline_pool, 1, &available, NULL);
    struct rsm_object offline_side = lc_side_of(&offline, 0), foreign_side = lc_side("A00008L6");
    struct rsm_object free_side = lc_side("A00005L6"), medium = lc_media("A00005L6");

    (void)state;
    uint64_t before = lc_fingerprint();
    assert_int_equal(lc_allocate(&unknown, NULL, 0, 0, &lmid, NULL), NTMS_E_INVALID_MEDIA_POOL);
    assert_int_equal(lc_allocate(&free_lto6, NULL, 0, 0, &lmid, NULL), NTMS_E_INVALID_MEDIA_POOL);   /* a system pool */
    assert_int_equal(lc_allocate(&medium.id, NULL, 0, 0, &lmid, NULL), NTMS_E_INVALID_MEDIA_POOL);
    assert_int_equal(lc_allocate(&empty, NULL, RSM_ALLOCATE_ERROR_IF_UNAVAILABLE, 60000, &lmid, NULL),
                     NTMS_E_MEDIA_UNAVAILABLE);
    assert_int_equal(lc_allocate(&empty, NULL, 0, 0, &lmid, NULL), NTMS_E_TIMEOUT);
    uint64_t start = plat_monotonic_ns();
    assert_int_equal(lc_allocate(&empty, NULL, 0, 300, &lmid, NULL), NTMS_E_TIMEOUT);
    assert_true(plat_monotonic_ns() - start >= 300000000ull);
    assert_int_equal(lc_allocate(&empty, &unknown, 0, 0, &lmid, NULL), NTMS_E_INVALID_MEDIA);
    assert_int_equal(lc_allocate(&empty, &empty, 0, 0, &lmid, NULL), NTMS_E_INVALID_MEDIA);      /* a pool is no side */
    assert_int_equal(lc_allocate(&empty, &foreign_side.id, 0, 0, &lmid, NULL), NTMS_E_INVALID_STATE);
    assert_int_equal(foreign_side.info.partition.state, RSM_PARTSTATE_FOREIGN);
    assert_int_equal(lc_allocate(&dlt, &free_side.id, 0, 0, &lmid, NULL), NTMS_E_MEDIA_INCOMPATIBLE);
    lmid = unknown;
    assert_int_equal(lc_allocate(&empty, NULL, RSM_ALLOCATE_NEXT, 0, &lmid, NULL), NTMS_E_INVALID_MEDIA);
    lmid = free_side.id;                                                   /* a side of a medium in Free */
    assert_int_equal(lc_allocate(&empty, NULL, RSM_ALLOCATE_NEXT, 0, &lmid, NULL), NTMS_E_INVALID_MEDIA);
    assert_int_equal(lc_allocate(&offline_pool, NULL, 0, 0, &lmid, NULL), NTMS_E_MEDIA_OFFLINE);
    assert_int_equal(lc_allocate(&offline_pool, &offline_side.id, 0, 0, &lmid, NULL), NTMS_E_MEDIA_OFFLINE);
    assert_true(lc_fingerprint() == before);
}

/* Where the lifecycle test program starts: FROMSCRATCH, ALLOCATE_NEW. */
static void from_scratch_takes_a_free_medium_in_one_step(void **state)
{
    ntms_guid lmid, from, list[64], free_lto6 = lc_system_pool(RSM_POOLTYPE_SCRATCH, "LTO-6");

    (void)state;
    backup_pool = lc_app_pool("Backup", "LTO-6", RSM_ALLOCATE_FROMSCRATCH, RSM_DEALLOCATE_TOSCRATCH, 0);
    assert_int_equal(lc_allocate(&backup_pool, NULL, RSM_ALLOCATE_NEW, 0, &lmid, &from), NTMS_OK);
    assert_true(ntms_guid_equal(&from, &free_lto6));
    struct rsm_object side = lc_side("A00001L6"), record = lc_get(&lmid);   /* the lowest barcode first */
    assert_int_equal(record.type, RSM_LOGICAL_MEDIA);
    assert_true(ntms_guid_equal(&record.info.logical_media.media_pool, &backup_pool));
    assert_int_equal(record.info.logical_media.number_of_partitions, 1);
    assert_int_equal(side.info.partition.state, RSM_PARTSTATE_ALLOCATED);
    assert_true(ntms_guid_equal(&side.info.partition.logical_media, &lmid));
    assert_int_equal(side.info.partition.allocate_count, 1);
    assert_true(lc_same(lc_pool_of("A00001L6"), backup_pool));
    backup_first = lmid;

    assert_int_equal(enumerated(&backup_pool, RSM_LOGICAL_MEDIA, list, 64), 1);
    assert_true(ntms_guid_equal(&list[0], &lmid));
    assert_int_equal(enumerated(&side.id, RSM_LOGICAL_MEDIA, list, 64), 1);
    assert_true(ntms_guid_equal(&list[0], &lmid));
    assert_int_equal(enumerated(&lmid, RSM_PARTITION, list, 64), 1);
    assert_true(ntms_guid_equal(&list[0], &side.id));
    assert_int_equal(enumerated(&backup_pool, RSM_PARTITION, list, 64), 1);
    assert_true(enumerated(NULL, RSM_LOGICAL_MEDIA, list, 64) >= 1);
    uint32_t count = 64;
    assert_int_equal(engine_enumerate(engine, &library, RSM_LOGICAL_MEDIA, 0, list, &count), NTMS_E_INVALID_PARAMETER);

    /* The pool has no available side left: Free again. */
    assert_int_equal(lc_allocate(&backup_pool, NULL, 0, 0, &lmid, &from), NTMS_OK);
    assert_int_equal(lc_state("A00002L6"), RSM_PARTSTATE_ALLOCATED);
    assert_true(ntms_guid_equal(&from, &free_lto6));
}

/* Microsoft's remarks: an IMPORT side named is moved and allocated in one
 * step; an AVAILABLE one from Free as well. */
static void a_named_side_is_moved_and_allocated(void **state)
{
    ntms_guid lmid, from, import_lto6 = lc_system_pool(RSM_POOLTYPE_IMPORT, "LTO-6");
    ntms_guid free_lto6 = lc_system_pool(RSM_POOLTYPE_SCRATCH, "LTO-6");
    ntms_guid imports = lc_app_pool("Imports", "LTO-6", 0, 0, 0);
    struct rsm_object imported = lc_side("A00007L6"), available = lc_side("A00003L6");

    (void)state;
    assert_true(lc_same(lc_pool_of("A00007L6"), import_lto6));
    assert_int_equal(lc_allocate(&imports, &imported.id, 0, 0, &lmid, &from), NTMS_OK);
    assert_true(ntms_guid_equal(&from, &import_lto6));
    assert_true(lc_same(lc_pool_of("A00007L6"), imports));
    assert_int_equal(lc_state("A00007L6"), RSM_PARTSTATE_ALLOCATED);
    assert_int_equal(lc_allocate(&imports, &available.id, 0, 0, &lmid, &from), NTMS_OK);
    assert_true(ntms_guid_equal(&from, &free_lto6));
    assert_int_equal(lc_state("A00003L6"), RSM_PARTSTATE_ALLOCATED);
    uint64_t before = lc_fingerprint();
    assert_int_equal(lc_allocate(&imports, &available.id, 0, 0, &lmid, &from), NTMS_E_INVALID_STATE);   /* taken */
    assert_true(lc_fingerprint() == before);
}

/* Microsoft's RSM API sample moves media its label library claimed from
 * Import into its own pool: accepted when every side is IMPORT; the sides
 * stay IMPORT (they hold data), so only naming them allocates them. */
static void an_import_medium_moves_into_an_application_pool(void **state)
{
    ntms_guid lmid, import_lto6 = lc_system_pool(RSM_POOLTYPE_IMPORT, "LTO-6");
    ntms_guid own = lc_app_pool("OwnImports", "LTO-6", 0, 0, 0), dlt = lc_app_pool("DltImports", "DLT", 0, 0, 0);
    struct rsm_object medium = lc_media("A00006L6");

    (void)state;
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_move_to_pool(engine, NULL, &medium.id, &dlt), NTMS_E_MEDIA_INCOMPATIBLE);
    assert_true(lc_fingerprint() == before);
    assert_int_equal(engine_move_to_pool(engine, NULL, &medium.id, &own), NTMS_OK);
    assert_true(lc_same(lc_pool_of("A00006L6"), own));
    assert_int_equal(lc_state("A00006L6"), RSM_PARTSTATE_IMPORT);
    assert_int_equal(engine_move_to_pool(engine, NULL, &medium.id, &import_lto6), NTMS_OK);   /* and back */
    assert_int_equal(engine_move_to_pool(engine, NULL, &medium.id, &own), NTMS_OK);
    before = lc_fingerprint();
    assert_int_equal(lc_allocate(&own, NULL, RSM_ALLOCATE_ERROR_IF_UNAVAILABLE, 0, &lmid, NULL),
                     NTMS_E_MEDIA_UNAVAILABLE);
    assert_true(lc_fingerprint() == before);
    struct rsm_object side = lc_side("A00006L6");
    assert_int_equal(lc_allocate(&own, &side.id, 0, 0, &lmid, NULL), NTMS_OK);
    assert_int_equal(lc_state("A00006L6"), RSM_PARTSTATE_ALLOCATED);
    before = lc_fingerprint();
    assert_int_equal(engine_move_to_pool(engine, NULL, &medium.id, &import_lto6), NTMS_E_INVALID_MEDIA_POOL);
    assert_true(lc_fingerprint() == before);
}

/* NEW reserves the other side of a two-sided medium for NEXT. */
static void next_takes_the_side_new_reserved(void **state)
{
    ntms_guid first, second, lmid, optical = lc_app_pool("Optical", "MO 5.25", 0, 0, 0);
    uint32_t available[2] = { RSM_PARTSTATE_AVAILABLE, RSM_PARTSTATE_AVAILABLE };
    ntms_guid disk = created_medium(&optical, 2, available, NULL);

    (void)state;
    bring_online(&disk);
    assert_int_equal(lc_allocate(&optical, NULL, RSM_ALLOCATE_NEW, 0, &first, NULL), NTMS_OK);
    assert_int_equal(lc_side_of(&disk, 0).info.partition.state, RSM_PARTSTATE_ALLOCATED);
    assert_int_equal(lc_side_of(&disk, 1).info.partition.state, RSM_PARTSTATE_RESERVED);
    uint64_t before = lc_fingerprint();
    assert_int_equal(lc_allocate(&optical, NULL, RSM_ALLOCATE_ERROR_IF_UNAVAILABLE, 0, &lmid, NULL),
                     NTMS_E_MEDIA_UNAVAILABLE);                               /* the reserved side is not shared */
    assert_true(lc_fingerprint() == before);
    second = first;
    assert_int_equal(lc_allocate(&optical, NULL, RSM_ALLOCATE_NEXT, 0, &second, NULL), NTMS_OK);
    assert_false(ntms_guid_equal(&first, &second));
    struct rsm_object back = lc_side_of(&disk, 1);
    assert_int_equal(back.info.partition.state, RSM_PARTSTATE_ALLOCATED);
    assert_true(ntms_guid_equal(&back.info.partition.logical_media, &second));
    lmid = first;
    before = lc_fingerprint();
    assert_int_equal(lc_allocate(&optical, NULL, RSM_ALLOCATE_NEXT, 0, &lmid, NULL), NTMS_E_MEDIA_UNAVAILABLE);
    assert_true(lc_fingerprint() == before);

    assert_int_equal(engine_deallocate(engine, NULL, &first), NTMS_OK);
    assert_int_equal(lc_side_of(&disk, 0).info.partition.state, RSM_PARTSTATE_AVAILABLE);
    assert_int_equal(lc_side_of(&disk, 1).info.partition.state, RSM_PARTSTATE_ALLOCATED);
    assert_int_equal(engine_deallocate(engine, NULL, &second), NTMS_OK);
    /* Without NEW each side goes its own way. */
    assert_int_equal(lc_allocate(&optical, NULL, 0, 0, &first, NULL), NTMS_OK);
    assert_int_equal(lc_side_of(&disk, 1).info.partition.state, RSM_PARTSTATE_AVAILABLE);
    assert_int_equal(lc_allocate(&optical, NULL, 0, 0, &second, NULL), NTMS_OK);
    assert_int_equal(lc_side_of(&disk, 1).info.partition.state, RSM_PARTSTATE_ALLOCATED);
}

/* A medium CreateNtmsMedia made with its first side allocated and the
 * other reserved: NEXT needs no library (the medium is the caller's). */
static void next_on_a_created_two_sided_medium(void **state)
{
    ntms_guid lmid = { { 'L', 'M', 'I', 'D', 1, 2, 3 } }, next, optical = lc_app_pool("Created", "MO 5.25", 0, 0, 0);
    uint32_t states[2] = { RSM_PARTSTATE_ALLOCATED, RSM_PARTSTATE_RESERVED };
    ntms_guid disk = created_medium(&optical, 2, states, &lmid);

    (void)state;
    assert_int_equal(lc_get(&lmid).type, RSM_LOGICAL_MEDIA);
    next = lmid;
    assert_int_equal(lc_allocate(&optical, NULL, RSM_ALLOCATE_NEXT, 0, &next, NULL), NTMS_OK);
    assert_true(lc_same(lc_side_of(&disk, 1).info.partition.logical_media, next));
    assert_int_equal(lc_side_of(&disk, 1).info.partition.allocate_count, 1);
}

/* dwMaxAllocates: the side that reached it is decommissioned when released. */
static void max_allocates_decommissions_the_side(void **state)
{
    ntms_guid lmid, limited = lc_app_pool("Limited", "LTO-6", RSM_ALLOCATE_FROMSCRATCH, 0, 2);

    (void)state;
    assert_int_equal(lc_allocate(&limited, NULL, 0, 0, &lmid, NULL), NTMS_OK);
    assert_int_equal(lc_state("A00004L6"), RSM_PARTSTATE_ALLOCATED);
    assert_int_equal(engine_deallocate(engine, NULL, &lmid), NTMS_OK);
    assert_int_equal(lc_state("A00004L6"), RSM_PARTSTATE_AVAILABLE);
    assert_int_equal(lc_allocate(&limited, NULL, 0, 0, &lmid, NULL), NTMS_OK);   /* the pool's own first */
    assert_int_equal(lc_side("A00004L6").info.partition.allocate_count, 2);
    assert_int_equal(engine_deallocate(engine, NULL, &lmid), NTMS_OK);
    assert_int_equal(lc_state("A00004L6"), RSM_PARTSTATE_DECOMMISSIONED);
    assert_int_equal(lc_allocate(&limited, NULL, 0, 0, &lmid, NULL), NTMS_OK);   /* never again: Free's */
    assert_int_equal(lc_state("A00005L6"), RSM_PARTSTATE_ALLOCATED);
    assert_int_equal(lc_state("A00004L6"), RSM_PARTSTATE_DECOMMISSIONED);
}

/* ---- callers at once ---- */

#define THREADS 4
#define EACH 4

struct allocator {
    ntms_guid pool, lmids[EACH];
    ntms_err  status[EACH];
};

static void *allocate_some(void *context)
{
    struct allocator *a = context;

    for (int i = 0; i < EACH; i++)
        a->status[i] = lc_allocate(&a->pool, NULL, RSM_ALLOCATE_ERROR_IF_UNAVAILABLE, 0, &a->lmids[i], NULL);
    return NULL;
}

static void callers_at_once_never_share_a_side(void **state)
{
    ntms_guid crowd = lc_app_pool("Crowd", "LTO-6", 0, 0, 0), sides[THREADS * EACH], lmid;
    uint32_t available = RSM_PARTSTATE_AVAILABLE;
    struct allocator allocators[THREADS];
    pthread_t threads[THREADS];

    (void)state;
    for (int i = 0; i < THREADS * EACH; i++) {
        ntms_guid medium = created_medium(&crowd, 1, &available, NULL);
        bring_online(&medium);
    }
    for (int t = 0; t < THREADS; t++) {
        allocators[t].pool = crowd;
        assert_int_equal(pthread_create(&threads[t], NULL, allocate_some, &allocators[t]), 0);
    }
    for (int t = 0; t < THREADS; t++)
        pthread_join(threads[t], NULL);
    for (int t = 0; t < THREADS; t++) {
        for (int i = 0; i < EACH; i++) {
            assert_int_equal(allocators[t].status[i], NTMS_OK);
            sides[t * EACH + i] = lc_get(&allocators[t].lmids[i]).info.logical_media.partition;
            assert_int_equal(lc_get(&sides[t * EACH + i]).info.partition.state, RSM_PARTSTATE_ALLOCATED);
        }
    }
    for (int i = 0; i < THREADS * EACH; i++)
        for (int k = 0; k < i; k++)
            assert_false(ntms_guid_equal(&sides[i], &sides[k]));
    assert_int_equal(lc_allocate(&crowd, NULL, RSM_ALLOCATE_ERROR_IF_UNAVAILABLE, 0, &lmid, NULL),
                     NTMS_E_MEDIA_UNAVAILABLE);
}

struct waiter {
    ntms_guid pool, lmid, from;
    ntms_err  status;
    uint64_t  waited_ms;
};

static void *allocate_waiting(void *context)
{
    struct waiter *w = context;
    uint64_t start = plat_monotonic_ns();

    w->status = lc_allocate(&w->pool, NULL, 0, 20000, &w->lmid, &w->from);
    w->waited_ms = (plat_monotonic_ns() - start) / 1000000u;
    return NULL;
}

/* Free is empty: the allocation waits until Backup (TOSCRATCH) gives one back. */
static void an_allocation_waits_for_a_medium_freed_meanwhile(void **state)
{
    struct waiter w = { .pool = lc_app_pool("Waiting", "LTO-6", RSM_ALLOCATE_FROMSCRATCH, 0, 0) };
    pthread_t thread;
    ntms_guid lmid;

    (void)state;
    assert_int_equal(lc_allocate(&w.pool, NULL, RSM_ALLOCATE_ERROR_IF_UNAVAILABLE, 0, &lmid, NULL),
                     NTMS_E_MEDIA_UNAVAILABLE);
    assert_int_equal(pthread_create(&thread, NULL, allocate_waiting, &w), 0);
    plat_sleep_ms(500);
    assert_int_equal(engine_deallocate(engine, NULL, &backup_first), NTMS_OK);   /* A00001L6 back to Free */
    pthread_join(thread, NULL);
    assert_int_equal(w.status, NTMS_OK);
    assert_true(w.waited_ms >= 400);
    assert_true(lc_same(w.from, lc_system_pool(RSM_POOLTYPE_SCRATCH, "LTO-6")));
    assert_true(lc_same(lc_side("A00001L6").info.partition.logical_media, w.lmid));
    assert_true(lc_same(lc_pool_of("A00001L6"), w.pool));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(refusals_change_nothing),
        cmocka_unit_test(from_scratch_takes_a_free_medium_in_one_step),
        cmocka_unit_test(a_named_side_is_moved_and_allocated),
        cmocka_unit_test(an_import_medium_moves_into_an_application_pool),
        cmocka_unit_test(next_takes_the_side_new_reserved),
        cmocka_unit_test(next_on_a_created_two_sided_medium),
        cmocka_unit_test(max_allocates_decommissions_the_side),
        cmocka_unit_test(callers_at_once_never_share_a_side),
        cmocka_unit_test(an_allocation_waits_for_a_medium_freed_meanwhile),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
