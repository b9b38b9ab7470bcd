/* MountNtmsMedia, DismountNtmsMedia and the deferred-dismount timer on
 * the engine against the simulated library, with faults: after each the
 * database says where the tape really is. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "engine_fixture.h"
#include "engine/records/object_changes.h"
#include "platform/plat_time.h"
#include "sim_library.h"

static struct engine *engine;
static struct sim_library sim;
static const char *const barcodes[SIM_SLOTS] = { "M00001L6", "M00002L6" };
static ntms_guid library, slots[SIM_SLOTS], drives[SIM_DRIVES], side, media;

static bool the_library(const struct rsm_object *o, void *context)
{
    if (o->info.library.library_type != RSM_LIBRARYTYPE_ONLINE)
        return true;
    *(ntms_guid *)context = o->id;
    return false;
}

static bool first_side(const struct rsm_object *o, void *context)
{
    (void)context;
    side = o->id;
    media = o->info.partition.physical_media;
    return false;
}

static int setup(void **state)
{
    uint32_t count = SIM_SLOTS, drive_count = SIM_DRIVES;

    (void)state;
    sim_library_init(&sim, barcodes);
    sim_library_install(&sim);
    if (engine_fixture_open(&engine) || engine_discover(engine) != NTMS_OK)
        return -1;
    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_LIBRARY, the_library, &library);
    objdb_abort(engine->db);
    engine_enumerate(engine, &library, RSM_STORAGESLOT, 0, slots, &count);
    engine_enumerate(engine, &library, RSM_DRIVE, 0, drives, &drive_count);
    if (engine_identify_slot(engine, NULL, &slots[0], IDENTIFY_IMMEDIATE) != NTMS_OK)
        return -1;
    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_PARTITION, first_side, NULL);
    objdb_abort(engine->db);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sim_library_free(&sim);
    return engine_fixture_remove();
}

static void fault(uint8_t opcode, int after, uint8_t key, uint8_t asc, uint8_t ascq)
{
    sim.fault = (struct sim_fault){ opcode, -1, after, key, asc, ascq, true };
}

/* Which drive the database says holds the medium, -1 none; checked against the robot. */
static int drive_in_database(void)
{
    struct rsm_object drive;
    int holder = -1;

    for (int d = 0; d < SIM_DRIVES; d++)
        if (engine_get_object(engine, &drives[d], &drive) == NTMS_OK
            && ntms_guid_equal(&drive.info.drive.loaded_media, &media))
            holder = d;
    return holder;
}

static void assert_consistent(void)
{
    int where = sim_library_where(&sim, "M00001L6");
    int holder = drive_in_database();
    if (where > 0)
        assert_int_equal(holder, -1);
    else
        assert_int_equal(holder, -1 - where);
}

static void a_failed_move_in_mounts_nothing(void **state)
{
    ntms_guid drive;

    (void)state;
    fault(0xA5, 0, 4, 0x15, 0x01);
    assert_int_equal(engine_mount(engine, NULL, &side, &drive, 1, 0, 0), NTMS_E_IO_DEVICE);
    assert_int_equal(sim_library_where(&sim, "M00001L6"), 1);
    assert_consistent();
}

static void a_drive_that_never_gets_ready_sends_it_home(void **state)
{
    ntms_guid drive;

    (void)state;
    fault(0x00, 0, 4, 0x44, 0x00);   /* internal target failure on the first TEST UNIT READY */
    assert_int_equal(engine_mount(engine, NULL, &side, &drive, 1, 0, 0), NTMS_E_IO_DEVICE);
    assert_int_equal(sim_library_where(&sim, "M00001L6"), 1);
    assert_consistent();
}

/* A failed move home is recorded (the tape is in the drive, due to go
 * home) and repaired like a stranded tape: by the dismount timer here, or
 * by the next process's housekeeping. */
static void a_failed_move_home_is_repaired(void **state)
{
    ntms_guid drive;

    (void)state;
    assert_int_equal(engine_mount(engine, NULL, &side, &drive, 1, 0, 0), NTMS_OK);
    assert_true(sim_library_where(&sim, "M00001L6") < 0);
    assert_consistent();
    fault(0xA5, 0, 4, 0x15, 0x01);
    assert_int_equal(engine_dismount(engine, NULL, &side, 1, 0), NTMS_E_IO_DEVICE);
    for (int waited = 0; waited < 50 && sim_library_where(&sim, "M00001L6") < 0; waited++)
        plat_sleep_ms(100);
    assert_int_equal(sim_library_where(&sim, "M00001L6"), 1);
    for (int waited = 0; waited < 50 && drive_in_database() >= 0; waited++)
        plat_sleep_ms(100);                                     /* recorded just after the move */
    assert_consistent();
    assert_int_equal(engine_dismount(engine, NULL, &side, 1, 0), NTMS_E_INVALID_STATE);   /* home: not mounted */
}

static void a_deferred_dismount_is_done_on_time_by_the_timer(void **state)
{
    ntms_guid drive;
    struct rsm_object record;

    (void)state;
    for (int d = 0; d < SIM_DRIVES; d++) {   /* a 1 s delay on both drives */
        assert_int_equal(engine_get_object(engine, &drives[d], &record), NTMS_OK);
        record.info.drive.defer_dismount_delay = 1;
        assert_int_equal(engine_set_information(engine, &record), NTMS_OK);
    }
    assert_int_equal(engine_mount(engine, NULL, &side, &drive, 1, 0, 0), NTMS_OK);
    assert_int_equal(engine_dismount(engine, NULL, &side, 1, 1 /* deferred */), NTMS_OK);
    assert_true(sim_library_where(&sim, "M00001L6") < 0);   /* still in the drive */
    for (int waited = 0; waited < 50 && sim_library_where(&sim, "M00001L6") < 0; waited++)
        plat_sleep_ms(100);
    assert_int_equal(sim_library_where(&sim, "M00001L6"), 1);   /* home, with no call made */
    for (int waited = 0; waited < 50 && drive_in_database() >= 0; waited++)
        plat_sleep_ms(100);                                     /* recorded just after the move */
    assert_consistent();
    assert_int_equal(engine_get_object(engine, &drive, &record), NTMS_OK);
    assert_int_equal(record.info.drive.state, RSM_DRIVESTATE_DISMOUNTED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_failed_move_in_mounts_nothing),
        cmocka_unit_test(a_drive_that_never_gets_ready_sends_it_home),
        cmocka_unit_test(a_failed_move_home_is_repaired),
        cmocka_unit_test(a_deferred_dismount_is_done_on_time_by_the_timer),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
