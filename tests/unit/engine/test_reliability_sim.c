/* Who owns a drive, and what happens when owners go away or devices
 * disagree with the database, against the simulated library: a mounted
 * tape is its session's until it dismounts, closes or dies; the changer's
 * word wins over the records; busy is no incompatibility; a drive that
 * takes hours to become ready does not hold the robot. */
#define _GNU_SOURCE   /* F_OFD_SETLK */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine_fixture.h"
#include "engine/ops/enable.h"
#include "engine/ops/inventory.h"
#include "engine/core/owner.h"
#include "engine/records/media_records.h"
#include "engine/device/robot_lock.h"
#include "engine/core/wstr.h"
#include "platform/plat_process.h"
#include "platform/plat_time.h"
#include "sim_library.h"

static struct engine *engine;
static struct sim_library sim;
static const char *const barcodes[SIM_SLOTS] = { "R00001L6", "R00002L6", "R00003L6" };
static ntms_guid library, slots[SIM_SLOTS], drives[SIM_DRIVES], sides[3];
static uintptr_t handles[2];
static struct ntms_session *session, *other;

static bool the_library(const struct rsm_object *o, void *context)
{
    if (o->info.library.library_type != RSM_LIBRARYTYPE_ONLINE)
        return true;
    *(ntms_guid *)context = o->id;
    return false;
}

/* The side of the medium with this barcode. */
static ntms_guid side_of(const char *barcode)
{
    ntms_guid list[16];
    uint32_t count = 16;
    struct rsm_object side, media;

    engine_enumerate(engine, NULL, RSM_PARTITION, 0, list, &count);
    for (uint32_t i = 0; i < count; i++)
        if (engine_get_object(engine, &list[i], &side) == NTMS_OK
            && engine_get_object(engine, &side.info.partition.physical_media, &media) == NTMS_OK
            && wstr_equal_ascii_nocase(media.info.media.barcode, RSM_BARCODE_LENGTH, barcode))
            return side.id;
    return ntms_guid_null;
}

static int setup(void **state)
{
    uint32_t count = SIM_SLOTS, drive_count = SIM_DRIVES;

    (void)state;
    setenv("NTMSAPI_DRIVE_WAIT_SECONDS", "1", 1);
    sim_library_init(&sim, barcodes);
    sim.tapes[2].readable_in[0] = false;   /* R00003L6: only drive 2 reads it */
    sim_library_install(&sim);
    if (engine_fixture_open(&engine) || engine_discover(engine) != NTMS_OK)
        return -1;
    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_LIBRARY, the_library, &library);
    objdb_abort(engine->db);
    engine_enumerate(engine, &library, RSM_STORAGESLOT, 0, slots, &count);
    engine_enumerate(engine, &library, RSM_DRIVE, 0, drives, &drive_count);
    for (int s = 0; s < 2; s++)
        if (engine_identify_slot(engine, NULL, &slots[s], IDENTIFY_IMMEDIATE) != NTMS_OK)
            return -1;
    sides[0] = side_of("R00001L6");
    sides[1] = side_of("R00002L6");
    if (session_open("test", 0, &handles[0]) || session_open("other", 0, &handles[1]))
        return -1;
    session = session_acquire(handles[0]);
    other = session_acquire(handles[1]);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    session_release(session);
    session_release(other);
    sim_library_free(&sim);
    return engine_fixture_remove();
}

static struct rsm_object drive_record(int d)
{
    struct rsm_object drive;

    assert_int_equal(engine_get_object(engine, &drives[d], &drive), NTMS_OK);
    return drive;
}

/* The database and the robot agree about every drive. */
static void assert_drives_agree(void)
{
    for (int d = 0; d < SIM_DRIVES; d++) {
        struct rsm_object drive = drive_record(d), media;
        int tape = sim.drives[d].tape;
        if (tape < 0) {
            assert_true(ntms_guid_is_null(&drive.info.drive.loaded_media));
            continue;
        }
        assert_int_equal(engine_get_object(engine, &drive.info.drive.loaded_media, &media), NTMS_OK);
        assert_true(wstr_equal_ascii_nocase(media.info.media.barcode, RSM_BARCODE_LENGTH, sim.tapes[tape].barcode));
    }
}

static void wait_until_home(const char *barcode, int slot)
{
    for (int waited = 0; waited < 100 && sim_library_where(&sim, barcode) != slot; waited++)
        plat_sleep_ms(50);
    assert_int_equal(sim_library_where(&sim, barcode), slot);
    for (int waited = 0; waited < 100; waited++) {   /* recorded just after the move */
        struct rsm_object drive0 = drive_record(0), drive1 = drive_record(1);
        if (ntms_guid_is_null(&drive0.info.drive.loaded_media) && ntms_guid_is_null(&drive1.info.drive.loaded_media))
            break;
        plat_sleep_ms(50);
    }
    assert_drives_agree();
}

static void mount_first(struct ntms_session *by, ntms_guid *drive)
{
    assert_int_equal(engine_mount(engine, by, &sides[0], drive, 1, 0, 0), NTMS_OK);
    assert_true(sim_library_where(&sim, "R00001L6") < 0);
}

static void a_mounted_tape_is_its_sessions_alone(void **state)
{
    ntms_guid drive;

    (void)state;
    mount_first(session, &drive);
    /* IdentifyNtmsSlot of its slot: busy, the tape stays where it is. */
    assert_int_equal(engine_identify_slot(engine, other, &slots[0], IDENTIFY_IMMEDIATE), NTMS_E_BUSY);
    assert_true(sim_library_where(&sim, "R00001L6") < 0);
    assert_int_equal(drive_record(0).info.drive.state, RSM_DRIVESTATE_LOADED);
    /* Nor does another session dismount it, by medium or by drive. */
    assert_int_equal(engine_dismount(engine, other, &sides[0], 1, 0), NTMS_E_BUSY);
    assert_int_equal(engine_dismount_drive(engine, other, &drive), NTMS_E_BUSY);
    assert_int_equal(engine_mount(engine, other, &sides[0], &drive, 1, 0x20 /* NOWAIT */, 0), NTMS_E_BUSY);
    assert_drives_agree();
    assert_int_equal(engine_dismount(engine, session, &sides[0], 1, 0), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "R00001L6"), 1);
    assert_drives_agree();
}

static void a_disabled_medium_is_still_dismounted(void **state)
{
    ntms_guid drive;
    struct rsm_object side;

    (void)state;
    mount_first(session, &drive);
    assert_int_equal(engine_get_object(engine, &sides[0], &side), NTMS_OK);
    assert_int_equal(engine_set_enabled(engine, RSM_PHYSICAL_MEDIA, &side.info.partition.physical_media, 0), NTMS_OK);
    assert_int_equal(engine_dismount(engine, session, &sides[0], 1, 0), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "R00001L6"), 1);
    assert_int_equal(engine_set_enabled(engine, RSM_PHYSICAL_MEDIA, &side.info.partition.physical_media, 1), NTMS_OK);
    assert_drives_agree();
}

static void a_closed_session_releases_its_mounts(void **state)
{
    uintptr_t handle;
    ntms_guid drive;

    (void)state;
    assert_int_equal(session_open("closing", 0, &handle), NTMS_OK);
    struct ntms_session *closing = session_acquire(handle);
    uint32_t serial = closing->serial;
    mount_first(closing, &drive);
    session_release(closing);
    assert_int_equal(session_close(handle), NTMS_OK);
    engine_session_closed(engine, serial);
    wait_until_home("R00001L6", 1);   /* the dismount timer, with no other call */
}

/* A process that died with a tape mounted: its owner is a pid that ended. */
static struct rsm_owner dead_owner(void)
{
    struct plat_process_id id;
    int status;
    pid_t child = fork();

    if (child == 0)
        _exit(0);
    waitpid(child, &status, 0);
    id.pid = (uint32_t)child;
    id.started = 1;   /* whatever it was, the pid is free now */
    return (struct rsm_owner){ id.started, id.pid, 1 };
}

static void give_drive_to(int d, struct rsm_owner owner)
{
    struct rsm_object drive = drive_record(d);

    drive.info.drive.holder = owner;
    assert_int_equal(objdb_begin_write(engine->db), NTMS_OK);
    assert_int_equal(objdb_put(engine->db, &drive), NTMS_OK);
    assert_int_equal(objdb_commit(engine->db), NTMS_OK);
}

static void a_dead_process_s_mount_is_released(void **state)
{
    ntms_guid drive;

    (void)state;
    mount_first(session, &drive);
    give_drive_to(0, dead_owner());
    /* The next operation on the library: the tape goes home first. */
    assert_int_equal(engine_identify_slot(engine, other, &slots[1], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "R00001L6"), 1);
    assert_drives_agree();
}

/* Killed between the robot's move home and recording it: the drive is
 * recorded loaded while the changer has it empty and the tape home. */
static void a_drive_recorded_loaded_while_empty_is_corrected(void **state)
{
    ntms_guid drive;
    struct rsm_object side, media;

    (void)state;
    mount_first(session, &drive);
    give_drive_to(0, dead_owner());
    sim.slot_tape[0] = sim.drives[0].tape;
    sim.drives[0].tape = -1;
    assert_int_equal(engine_identify_slot(engine, other, &slots[1], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_drives_agree();
    assert_int_equal(engine_get_object(engine, &sides[0], &side), NTMS_OK);
    assert_int_equal(engine_get_object(engine, &side.info.partition.physical_media, &media), NTMS_OK);
    assert_true(ntms_guid_equal(&media.info.media.location, &slots[0]));
    assert_int_equal(media.info.media.media_state, RSM_MEDIASTATE_IDLE);
    /* and it mounts again */
    mount_first(session, &drive);
    assert_int_equal(engine_dismount(engine, session, &sides[0], 1, 0), NTMS_OK);
}

static struct rsm_object media_of(const char *barcode)
{
    struct rsm_object side, media;

    assert_int_equal(engine_get_object(engine, &sides[0], &side), NTMS_OK);
    assert_true(!strcmp(barcode, "R00001L6"));
    assert_int_equal(engine_get_object(engine, &side.info.partition.physical_media, &media), NTMS_OK);
    return media;
}

/* Recorded in drive 1 by a process that died, found by the changer in
 * drive 2 (the records and the robot disagree about which drive): the tape
 * is still in the library, not offline; it goes home and is recorded there. */
static void a_tape_in_another_drive_is_not_taken_offline(void **state)
{
    ntms_guid drive;

    (void)state;
    mount_first(session, &drive);
    give_drive_to(0, dead_owner());
    sim.drives[1] = sim.drives[0];
    sim.drives[0].tape = -1;
    assert_int_equal(engine_identify_slot(engine, other, &slots[1], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "R00001L6"), 1);
    assert_drives_agree();
    struct rsm_object media = media_of("R00001L6");
    assert_true(ntms_guid_equal(&media.info.media.location, &slots[0]));
    assert_int_equal(media.info.media.location_type, RSM_LOCATION_STORAGESLOT);
    assert_int_equal(media.info.media.media_state, RSM_MEDIASTATE_IDLE);
}

/* The state a 300 s load run under Wine ended in: a drive the records
 * call empty holds a tape whose medium they had taken offline. An
 * inventory brings the tape home and the medium back into the library. */
static void a_stranded_tape_of_an_offline_medium_comes_home(void **state)
{
    ntms_guid drive;

    (void)state;
    mount_first(session, &drive);
    struct rsm_object media = media_of("R00001L6");
    struct rsm_object drive0 = drive_record(0);
    assert_int_equal(objdb_begin_write(engine->db), NTMS_OK);
    assert_int_equal(media_move_offline(engine->db, &media.id), NTMS_OK);
    memset(&drive0.info.drive.loaded_media, 0, sizeof(drive0.info.drive.loaded_media));
    memset(&drive0.info.drive.holder, 0, sizeof(drive0.info.drive.holder));
    drive0.info.drive.state = RSM_DRIVESTATE_DISMOUNTED;
    assert_int_equal(objdb_put(engine->db, &drive0), NTMS_OK);
    assert_int_equal(objdb_commit(engine->db), NTMS_OK);
    assert_int_equal(engine_inventory(engine, &library, RSM_INVENTORY_FAST), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "R00001L6"), 1);
    assert_drives_agree();
    media = media_of("R00001L6");
    assert_true(ntms_guid_equal(&media.info.media.location, &slots[0]));
    assert_true(ntms_guid_equal(&media.info.media.current_library, &library));
    assert_int_equal(media.info.media.media_state, RSM_MEDIASTATE_IDLE);
}

/* ---- another process acting while this one has let go of the robot lock ---- */

static struct rsm_owner others_owner;

/* While our mount empties drive 1 for its use, another process identifies
 * R00001 (deferred) into drive 2: it waits there when our mount goes on. */
static void another_process_identifies_r00001(struct sim_library *l, int drive)
{
    struct rsm_object media = media_of("R00001L6"), drive2 = drive_record(1);

    (void)drive;
    l->on_unload = NULL;
    l->drives[1].tape = l->slot_tape[0];
    l->drives[1].source = SIM_FIRST_SLOT;
    l->slot_tape[0] = -1;
    drive2.info.drive.state = RSM_DRIVESTATE_DISMOUNTABLE;
    drive2.info.drive.loaded_media = media.id;
    drive2.info.drive.saved_partition = sides[0];
    drive2.info.drive.tape_source = SIM_FIRST_SLOT;
    drive2.info.drive.holder = (struct rsm_owner){ 0, 0, 0 };
    drive2.info.drive.dismount_due = objdb_now() + 3600ull * 10000000ull;
    media.info.media.location = drive2.id;
    media.info.media.location_type = RSM_LOCATION_DRIVE;
    media.info.media.media_state = RSM_MEDIASTATE_LOADED;
    assert_int_equal(objdb_begin_write(engine->db), NTMS_OK);
    assert_int_equal(objdb_put(engine->db, &drive2), NTMS_OK);
    assert_int_equal(objdb_put(engine->db, &media), NTMS_OK);
    assert_int_equal(objdb_commit(engine->db), NTMS_OK);
}

/* Found under load (i686, 300 s): a mount read where its medium was, let
 * go of the lock to empty a drive, and moved from a slot the medium had
 * left meanwhile: ERROR_SOURCE_ELEMENT_EMPTY. It must look again. */
static void a_mount_looks_again_after_letting_go_of_the_lock(void **state)
{
    ntms_guid drive;

    (void)state;
    assert_int_equal(engine_identify_slot(engine, other, &slots[1], IDENTIFY_DEFERRED), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "R00002L6"), -1);   /* waits in drive 1 */
    others_owner = owner_of_session(other);
    give_drive_to(1, others_owner);                             /* drive 2 busy: drive 1 must be emptied */
    sim.on_unload = another_process_identifies_r00001;
    assert_int_equal(engine_mount(engine, session, &sides[0], &drive, 1, 0, 0), NTMS_OK);
    assert_true(sim.on_unload == NULL);                          /* it did happen */
    assert_int_equal(sim_library_where(&sim, "R00001L6"), -2);   /* mounted where it waited */
    assert_int_equal(sim_library_where(&sim, "R00002L6"), 2);
    assert_int_equal(engine_dismount(engine, session, &sides[0], 1, 0), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "R00001L6"), 1);
    assert_drives_agree();
}

/* Drive 1 refuses R00003L6 (30/00); drive 2, which would read it, is only
 * busy with another session's mount: that is a wait, not incompatibility. */
static void busy_is_not_incompatible(void **state)
{
    ntms_guid drive = drives[1], list[16];
    uint32_t count = 16;
    struct rsm_object side;

    (void)state;
    assert_int_equal(engine_mount(engine, session, &sides[1], &drive, 1, 0x10 /* SPECIFIC_DRIVE */, 0), NTMS_OK);
    assert_int_equal(engine_identify_slot(engine, other, &slots[2], IDENTIFY_IMMEDIATE), NTMS_E_BUSY);
    assert_int_equal(sim_library_where(&sim, "R00003L6"), 3);
    engine_enumerate(engine, NULL, RSM_PARTITION, 0, list, &count);
    for (uint32_t i = 0; i < count; i++)
        if (engine_get_object(engine, &list[i], &side) == NTMS_OK)
            assert_int_not_equal(side.info.partition.state, RSM_PARTSTATE_INCOMPATIBLE);
    assert_int_equal(engine_dismount(engine, session, &sides[1], 1, 0), NTMS_OK);
    assert_int_equal(engine_identify_slot(engine, other, &slots[2], IDENTIFY_IMMEDIATE), NTMS_OK);
    sides[2] = side_of("R00003L6");
    assert_int_equal(engine_get_object(engine, &sides[2], &side), NTMS_OK);
    assert_int_not_equal(side.info.partition.state, RSM_PARTSTATE_INCOMPATIBLE);
    assert_drives_agree();
}

/* ---- a drive that takes hours to become ready ---- */

static unsigned becoming_ready, robot_held_meanwhile;

/* Is anybody holding the library's robot lock right now? */
static void probe_robot_lock(struct sim_library *l, int drive)
{
    char path[1200];
    struct flock probe = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

    (void)l;
    (void)drive;
    becoming_ready++;
    robot_lock_path(engine, "SIMLIB01", path, sizeof(path));
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return;
    if (fcntl(fd, F_OFD_SETLK, &probe))
        robot_held_meanwhile++;
    close(fd);
}

static void a_long_load_does_not_hold_the_changer(void **state)
{
    ntms_guid drive;

    (void)state;
    sim_clock_install();
    sim.drives[0].load_ms = 2 * 3600 * 1000;   /* a new LTO-9 cartridge calibrating */
    sim.on_becoming_ready = probe_robot_lock;
    uint64_t before = sim_clock_ms();
    mount_first(session, &drive);
    assert_true(sim_clock_ms() - before >= 2 * 3600 * 1000);
    assert_true(becoming_ready > 1000);
    assert_int_equal(robot_held_meanwhile, 0);
    assert_int_equal(drive_record(0).info.drive.state, RSM_DRIVESTATE_LOADED);
    assert_int_equal(engine_dismount(engine, session, &sides[0], 1, 0), NTMS_OK);

    /* Longer than the configured limit: the mount fails and the tape goes home. */
    setenv("NTMSAPI_READY_WAIT_SECONDS", "3600", 1);
    assert_int_equal(engine_mount(engine, session, &sides[0], &drive, 1, 0, 0), NTMS_E_NOT_READY);
    unsetenv("NTMSAPI_READY_WAIT_SECONDS");
    assert_int_equal(sim_library_where(&sim, "R00001L6"), 1);
    sim.drives[0].load_ms = 0;
    sim.on_becoming_ready = NULL;
    sim_clock_uninstall();
    assert_drives_agree();
}

static void a_drive_that_needs_an_operator_is_not_waited_for(void **state)
{
    ntms_guid drive;

    (void)state;
    sim.fault = (struct sim_fault){ 0x00, -1, 0, 2, 0x04, 0x03, true };   /* manual intervention required */
    uint64_t before = plat_monotonic_ns();
    assert_int_equal(engine_mount(engine, session, &sides[0], &drive, 1, 0, 0), NTMS_E_NOT_READY);
    assert_true(plat_monotonic_ns() - before < 5000000000ull);
    assert_int_equal(sim_library_where(&sim, "R00001L6"), 1);
    assert_drives_agree();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_mounted_tape_is_its_sessions_alone),
        cmocka_unit_test(a_disabled_medium_is_still_dismounted),
        cmocka_unit_test(a_closed_session_releases_its_mounts),
        cmocka_unit_test(a_dead_process_s_mount_is_released),
        cmocka_unit_test(a_drive_recorded_loaded_while_empty_is_corrected),
        cmocka_unit_test(a_tape_in_another_drive_is_not_taken_offline),
        cmocka_unit_test(a_stranded_tape_of_an_offline_medium_comes_home),
        cmocka_unit_test(a_mount_looks_again_after_letting_go_of_the_lock),
        cmocka_unit_test(busy_is_not_incompatible),
        cmocka_unit_test(a_long_load_does_not_hold_the_changer),
        cmocka_unit_test(a_drive_that_needs_an_operator_is_not_waited_for),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
