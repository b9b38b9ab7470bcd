/* Discovery against the simulated library when the changer cannot tell
 * which tape device each drive is (no DVCID): no guessing beyond the one
 * certain case, no drive taken for stand-alone, and the configuration's
 * drive lines decide. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "engine_fixture.h"
#include "engine/core/wstr.h"
#include "sim_library.h"

static struct engine *engine;
static struct sim_library sim;
static const char *const barcodes[SIM_SLOTS] = { "D00001L6" };

static int setup(void **state)
{
    (void)state;
    sim_library_init(&sim, barcodes);
    sim.no_identifiers = true;
    sim_library_install(&sim);
    return engine_fixture_open(&engine);
}

static int teardown(void **state)
{
    (void)state;
    sim_library_free(&sim);
    return engine_fixture_remove();
}

struct drives {
    struct rsm_object drive[SIM_DRIVES + 1];
    size_t            count, standalone;
};

static bool collect(const struct rsm_object *o, void *context)
{
    struct drives *d = context;

    if (o->type == RSM_LIBRARY && o->info.library.library_type == RSM_LIBRARYTYPE_STANDALONE)
        d->standalone++;
    if (o->type == RSM_DRIVE && d->count <= SIM_DRIVES)
        d->drive[d->count++] = *o;
    return true;
}

static struct drives scan(void)
{
    struct drives d = { .count = 0 };

    assert_int_equal(engine_discover(engine), NTMS_OK);
    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_UNKNOWN, collect, &d);
    objdb_abort(engine->db);
    return d;
}

static const struct rsm_object *at(const struct drives *d, uint16_t address)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->drive[i].info.drive.element_address == address)
            return &d->drive[i];
    return NULL;
}

static bool is(const struct rsm_object *drive, const char *device)
{
    return drive && drive->operational_state == RSM_READY
        && wstr_equal_ascii_nocase(drive->info.drive.device_path, RSM_DEVICE_PATH_LENGTH, device);
}

static void configure(const char *text)
{
    char path[300];
    snprintf(path, sizeof(path), "%s/devices.conf", engine_fixture_directory);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void drives_without_identifiers_are_not_guessed(void **state)
{
    (void)state;
    struct drives d = scan();
    assert_int_equal(d.count, SIM_DRIVES);
    assert_int_equal(d.standalone, 0);   /* the tapes belong to a changer that could not say */
    for (size_t i = 0; i < d.count; i++)
        assert_int_equal(d.drive[i].operational_state, RSM_NOT_PRESENT);
}

static void drive_lines_decide_and_the_last_one_follows(void **state)
{
    (void)state;
    configure("drive \\\\.\\Changer0 256 \\\\.\\Tape1\n");
    struct drives d = scan();
    assert_true(is(at(&d, SIM_FIRST_DRIVE), "\\\\.\\Tape1"));       /* as configured */
    assert_true(is(at(&d, SIM_FIRST_DRIVE + 1), "\\\\.\\Tape0"));   /* the one left for the one left */
    configure("drive \\\\.\\Changer0 256 \\\\.\\Tape0\ndrive \\\\.\\Changer0 257 \\\\.\\Tape1\n");
    d = scan();
    assert_int_equal(d.count, SIM_DRIVES);   /* found again, not duplicated */
    assert_true(is(at(&d, SIM_FIRST_DRIVE), "\\\\.\\Tape0"));
    assert_true(is(at(&d, SIM_FIRST_DRIVE + 1), "\\\\.\\Tape1"));
}

static void the_mapped_drives_work(void **state)
{
    ntms_guid slots[SIM_SLOTS], libraries[4];
    uint32_t count = 4, slot_count = SIM_SLOTS;
    struct rsm_object library;

    (void)state;
    engine_enumerate(engine, NULL, RSM_LIBRARY, 0, libraries, &count);
    for (uint32_t i = 0; i < count; i++)
        if (engine_get_object(engine, &libraries[i], &library) == NTMS_OK
            && library.info.library.library_type == RSM_LIBRARYTYPE_ONLINE) {
            assert_true(wstr_equal_ascii_nocase(library.name, RSM_NAME_LENGTH, "SIMULATE SIMULATED LIB"));
            engine_enumerate(engine, &library.id, RSM_STORAGESLOT, 0, slots, &slot_count);
        }
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[0], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "D00001L6"), 1);
    assert_int_equal(sim.reads, 1);
}

/* A drive an application holds open (share mode 0) cannot be opened by a
 * scan: without identifiers, its device being there but busy keeps its
 * record; with them, the changer naming it does; gone is gone. */
static void a_busy_drive_keeps_its_record(void **state)
{
    (void)state;
    sim.drives[0].held_elsewhere = true;
    struct drives d = scan();
    assert_int_equal(d.count, SIM_DRIVES);
    assert_true(is(at(&d, SIM_FIRST_DRIVE), "\\\\.\\Tape0"));
    assert_int_equal(at(&d, SIM_FIRST_DRIVE)->operational_state, RSM_READY);
    assert_true(at(&d, SIM_FIRST_DRIVE)->info.drive.serial_number[0]);
    sim.no_identifiers = false;
    d = scan();
    assert_true(is(at(&d, SIM_FIRST_DRIVE), "\\\\.\\Tape0"));
    assert_int_equal(at(&d, SIM_FIRST_DRIVE)->operational_state, RSM_READY);
    sim.drives[0].held_elsewhere = false;
    sim.drives[0].gone = true;
    sim.no_identifiers = true;
    d = scan();
    assert_int_equal(at(&d, SIM_FIRST_DRIVE)->operational_state, RSM_NOT_PRESENT);
    sim.drives[0].gone = false;
    d = scan();
    assert_int_equal(at(&d, SIM_FIRST_DRIVE)->operational_state, RSM_READY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drives_without_identifiers_are_not_guessed),
        cmocka_unit_test(drive_lines_decide_and_the_last_one_follows),
        cmocka_unit_test(the_mapped_drives_work),
        cmocka_unit_test(a_busy_drive_keeps_its_record),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
