/* No silent caps: a library of 10,000 slots (libraries in service have
 * 10,000 to 50,000) is seen whole, scanned in chunks, inventoried, and
 * found again without duplicates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine_fixture.h"
#include "sim_library.h"

enum { SLOTS = 10000, DRIVES = 4, PORTS = 4, TAPES = 60 };

static struct engine *engine;
static struct sim_library sim;
static ntms_guid library;

static bool the_library(const struct rsm_object *o, void *context)
{
    if (o->info.library.library_type != RSM_LIBRARYTYPE_ONLINE)
        return true;
    *(ntms_guid *)context = o->id;
    return false;
}

static int setup(void **state)
{
    (void)state;
    sim_library_init_sized(&sim, SLOTS, DRIVES, PORTS, TAPES);
    sim.cut_reply_tail = 8;   /* as tgt */
    sim.slot_tape[SLOTS - 1] = sim.slot_tape[TAPES - 1];   /* and the last slot full */
    sim.slot_tape[TAPES - 1] = -1;
    sim_library_install(&sim);
    if (engine_fixture_open(&engine) || engine_discover(engine) != NTMS_OK)
        return -1;
    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_LIBRARY, the_library, &library);
    objdb_abort(engine->db);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sim_library_free(&sim);
    return engine_fixture_remove();
}

static uint32_t count_of(uint32_t type, const ntms_guid *container)
{
    static ntms_guid list[SLOTS + 16];
    uint32_t count = SLOTS + 16;

    assert_int_equal(engine_enumerate(engine, container, type, 0, list, &count), NTMS_OK);
    return count;
}

static void every_element_is_seen(void **state)
{
    struct rsm_object record;

    (void)state;
    assert_int_equal(engine_get_object(engine, &library, &record), NTMS_OK);
    assert_int_equal(record.info.library.number_of_slots, SLOTS);
    assert_int_equal(record.info.library.number_of_drives, DRIVES);
    assert_int_equal(record.info.library.number_of_ports, PORTS);
    assert_int_equal(count_of(RSM_STORAGESLOT, &library), SLOTS);
    assert_int_equal(count_of(RSM_DRIVE, &library), DRIVES);
    assert_int_equal(count_of(RSM_IEPORT, &library), PORTS);
    assert_true(sim.element_status_commands > SLOTS / 256);   /* in chunks */
}

static void a_second_scan_duplicates_nothing(void **state)
{
    (void)state;
    assert_int_equal(engine_discover(engine), NTMS_OK);
    assert_int_equal(count_of(RSM_STORAGESLOT, &library), SLOTS);
    assert_int_equal(count_of(RSM_DRIVE, &library), DRIVES);
}

static void a_fast_inventory_finds_every_tape(void **state)
{
    (void)state;
    assert_int_equal(engine_inventory(engine, &library, 1 /* FAST */), NTMS_OK);
    assert_int_equal(count_of(RSM_PHYSICAL_MEDIA, NULL), TAPES);
    assert_int_equal(sim_library_where(&sim, "T00060L6"), SLOTS);
    unsigned reads = sim.reads;
    assert_int_equal(engine_inventory(engine, &library, 1 /* FAST */), NTMS_OK);
    assert_int_equal(sim.reads, reads);   /* nothing new: nothing mounted */
    assert_int_equal(count_of(RSM_PHYSICAL_MEDIA, NULL), TAPES);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_element_is_seen),
        cmocka_unit_test(a_second_scan_duplicates_nothing),
        cmocka_unit_test(a_fast_inventory_finds_every_tape),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
