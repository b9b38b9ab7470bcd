/* IdentifyNtmsSlot on the engine against the simulated library: what it
 * records, incompatible media, and faults injected at each step, after
 * which the library must be consistent (the tape where the database says
 * it is, nothing stranded in a drive). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine_fixture.h"

#include "engine/core/engine.h"
#include "engine/labels/free_label.h"
#include "engine/records/object_changes.h"
#include "engine/ops/pool_moves.h"
#include "engine/records/system_objects.h"
#include "engine/core/wstr.h"
#include "platform/plat_time.h"
#include "sim_library.h"
#include "platform/plat_random.h"

static struct engine *engine;
static struct sim_library sim;
static ntms_guid library, slots[SIM_SLOTS], drives[SIM_DRIVES];

static const char *const barcodes[SIM_SLOTS] = { "S00001L6", "S00002L6", "S00003L6", "S00004L6", "", "S00006L6",
                                                 "S00007L6", "S00008L6" };

static void ansi_label(struct sim_tape *tape, const char *volume)
{
    memset(tape->block, ' ', 80);
    memcpy(tape->block, "VOL1", 4);
    memcpy(tape->block + 4, volume, strlen(volume));
    tape->block[79] = '3';
    tape->length = 80;
}

static bool first_library(const struct rsm_object *o, void *context)
{
    if (o->info.library.library_type != RSM_LIBRARYTYPE_ONLINE)
        return true;
    *(ntms_guid *)context = o->id;
    return false;
}

static int setup(void **state)
{
    ntms_guid list[16];
    uint32_t count;

    (void)state;
    sim_library_init(&sim, barcodes);
    ansi_label(&sim.tapes[0], "SIM001");
    sim.tapes[2].readable_in[0] = sim.tapes[2].readable_in[1] = false;   /* S00003L6: no drive takes it */
    sim.tapes[3].readable_in[0] = false;                                 /* S00004L6: only drive 2 does */
    struct free_label free = { .written = 1 };                           /* S00007L6: freed elsewhere */
    ntms_guid_generate(&free.media);
    free_label_build(&free, sim.tapes[6].block);
    sim.tapes[6].length = FREE_LABEL_SIZE;
    sim_library_install(&sim);
    if (engine_fixture_open(&engine) || engine_discover(engine) != NTMS_OK)
        return -1;
    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_LIBRARY, first_library, &library);
    objdb_abort(engine->db);
    count = 16;
    if (engine_enumerate(engine, &library, RSM_STORAGESLOT, 0, list, &count) != NTMS_OK || count != SIM_SLOTS)
        return -1;
    memcpy(slots, list, sizeof(slots));
    count = 16;
    if (engine_enumerate(engine, &library, RSM_DRIVE, 0, list, &count) != NTMS_OK || count != SIM_DRIVES)
        return -1;
    memcpy(drives, list, sizeof(drives));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sim_library_free(&sim);
    return engine_fixture_remove();
}

struct media_search {
    const char       *barcode;
    struct rsm_object media, side;
    bool              found;
};

static bool by_barcode(const struct rsm_object *o, void *context)
{
    struct media_search *s = context;

    if (!wstr_equal_ascii_nocase(o->info.media.barcode, RSM_BARCODE_LENGTH, s->barcode))
        return true;
    s->media = *o;
    s->found = true;
    return false;
}

static bool side_of(const struct rsm_object *o, void *context)
{
    struct media_search *s = context;

    if (!ntms_guid_equal(&o->info.partition.physical_media, &s->media.id))
        return true;
    s->side = *o;
    return false;
}

static struct media_search record_of(const char *barcode)
{
    struct media_search s = { .barcode = barcode };

    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_PHYSICAL_MEDIA, by_barcode, &s);
    if (s.found)
        objdb_for_each(engine->db, RSM_PARTITION, side_of, &s);
    objdb_abort(engine->db);
    return s;
}

static uint32_t pool_type_of(const struct rsm_object *media)
{
    struct rsm_object pool;
    return engine_get_object(engine, &media->info.media.media_pool, &pool) == NTMS_OK ? pool.info.pool.pool_type : 0;
}

/* The database and the simulated robot agree: both drives empty. */
static void assert_drives_empty(void)
{
    struct rsm_object drive;

    for (int d = 0; d < SIM_DRIVES; d++) {
        assert_int_equal(sim.drives[d].tape, -1);
        assert_int_equal(engine_get_object(engine, &drives[d], &drive), NTMS_OK);
        assert_true(ntms_guid_is_null(&drive.info.drive.loaded_media));
    }
}

static void drives_are_mapped_by_their_identifiers(void **state)
{
    struct rsm_object drive;

    (void)state;
    assert_int_equal(engine_get_object(engine, &drives[0], &drive), NTMS_OK);
    assert_true(wstr_equal_ascii_nocase(drive.info.drive.device_name, RSM_DEVICENAME_LENGTH, "\\\\.\\Tape0"));
    assert_int_equal(drive.operational_state, RSM_READY);
    assert_int_equal(engine_get_object(engine, &drives[1], &drive), NTMS_OK);
    assert_true(wstr_equal_ascii_nocase(drive.info.drive.device_name, RSM_DEVICENAME_LENGTH, "\\\\.\\Tape1"));
}

static void models_and_the_door_are_objects_too(void **state)
{
    ntms_guid list[8];
    uint32_t count = 8;
    struct rsm_object drive, type;

    (void)state;
    assert_int_equal(engine_enumerate(engine, NULL, RSM_DRIVE_TYPE, 0, list, &count), NTMS_OK);
    assert_int_equal(count, 1);   /* both drives are one model */
    assert_int_equal(engine_get_object(engine, &drives[0], &drive), NTMS_OK);
    assert_true(ntms_guid_equal(&drive.info.drive.drive_type, &list[0]));
    assert_int_equal(engine_get_object(engine, &list[0], &type), NTMS_OK);
    assert_true(wstr_equal_ascii_nocase(type.info.device_type.product, RSM_PRODUCT_LENGTH, "SIMULATED DRIVE"));
    assert_int_equal(type.info.device_type.device_type, 0x1F);
    count = 8;
    assert_int_equal(engine_enumerate(engine, NULL, RSM_CHANGER_TYPE, 0, list, &count), NTMS_OK);
    assert_int_equal(count, 1);
    count = 8;
    assert_int_equal(engine_enumerate(engine, &library, RSM_IEDOOR, 0, list, &count), NTMS_OK);
    assert_int_equal(count, 1);
    /* A second scan finds the same objects again. */
    assert_int_equal(engine_discover(engine), NTMS_OK);
    count = 8;
    assert_int_equal(engine_enumerate(engine, NULL, RSM_DRIVE_TYPE, 0, list, &count), NTMS_OK);
    assert_int_equal(count, 1);
    count = 8;
    assert_int_equal(engine_enumerate(engine, &library, RSM_IEDOOR, 0, list, &count), NTMS_OK);
    assert_int_equal(count, 1);
}

static void a_labelled_tape_goes_to_import(void **state)
{
    (void)state;
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[0], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "S00001L6"), 1);
    struct media_search r = record_of("S00001L6");
    assert_true(r.found);
    assert_int_equal(r.side.info.partition.state, RSM_PARTSTATE_IMPORT);
    assert_true(wstr_equal_ascii_nocase(r.side.info.partition.omid_label_type, RSM_OMID_TYPE_LENGTH, "ANSI VOL1"));
    assert_int_equal(pool_type_of(&r.media), RSM_POOLTYPE_IMPORT);
    assert_drives_empty();
}

static void a_tape_no_drive_reads_is_incompatible(void **state)
{
    (void)state;
    sim.drives[0].turs = sim.drives[1].turs = 0;
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[2], IDENTIFY_DEFERRED), NTMS_OK);
    assert_true(sim.drives[0].turs > 0 && sim.drives[1].turs > 0);       /* both drives were tried */
    assert_int_equal(sim_library_where(&sim, "S00003L6"), 3);  /* and it is home, deferred or not */
    struct media_search r = record_of("S00003L6");
    assert_true(r.found);
    assert_int_equal(r.side.info.partition.state, RSM_PARTSTATE_INCOMPATIBLE);
    assert_int_equal(pool_type_of(&r.media), RSM_POOLTYPE_FOREIGN);
    assert_int_equal(r.media.info.media.location_type, RSM_LOCATION_STORAGESLOT);
    assert_drives_empty();
}

static void a_drive_that_cannot_read_it_gives_way_to_one_that_can(void **state)
{
    (void)state;
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[3], IDENTIFY_IMMEDIATE), NTMS_OK);
    struct media_search r = record_of("S00004L6");
    assert_true(r.found);
    assert_int_equal(r.side.info.partition.state, RSM_PARTSTATE_FOREIGN);   /* blank, read by drive 2 */
    assert_int_equal(sim_library_where(&sim, "S00004L6"), 4);
    assert_drives_empty();
}

static void fault(uint8_t opcode, int drive, int after, uint8_t key, uint8_t asc, uint8_t ascq)
{
    sim.fault = (struct sim_fault){ opcode, drive, after, key, asc, ascq, true };
}

static void a_failed_move_in_leaves_everything_as_it_was(void **state)
{
    (void)state;
    fault(0xA5, -1, 0, 4, 0x15, 0x01);   /* mechanical positioning error */
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[5], IDENTIFY_IMMEDIATE), NTMS_E_IO_DEVICE);
    assert_int_equal(sim_library_where(&sim, "S00006L6"), 6);
    assert_false(record_of("S00006L6").found);
    assert_drives_empty();
}

static void a_failed_read_sends_the_tape_home(void **state)
{
    (void)state;
    fault(0x08, -1, 0, 3, 0x11, 0x00);   /* unrecovered read error */
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[5], IDENTIFY_IMMEDIATE), NTMS_E_CRC);
    assert_int_equal(sim_library_where(&sim, "S00006L6"), 6);
    assert_false(record_of("S00006L6").found);
    assert_drives_empty();
}

/* The housekeeping of the next call, or the dismount timer's if it came
 * first (then the call finds the drive taken and uses the other one). */
static bool drives_recorded_empty(void)
{
    struct rsm_object drive;

    for (int d = 0; d < SIM_DRIVES; d++)
        if (engine_get_object(engine, &drives[d], &drive) != NTMS_OK || !ntms_guid_is_null(&drive.info.drive.loaded_media))
            return false;
    return true;
}

static void wait_until_in_slot(const char *barcode, int slot)
{
    for (int waited = 0; waited < 100 && (sim_library_where(&sim, barcode) != slot || !drives_recorded_empty()); waited++)
        plat_sleep_ms(50);
    assert_int_equal(sim_library_where(&sim, barcode), slot);
}

static void a_tape_stranded_by_a_failed_move_home_is_repaired(void **state)
{
    (void)state;
    fault(0xA5, -1, 1, 4, 0x15, 0x01);   /* in works, home fails */
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[5], IDENTIFY_IMMEDIATE), NTMS_E_IO_DEVICE);
    assert_true(sim_library_where(&sim, "S00006L6") < 0);      /* left in a drive */
    /* The next operation on the library puts it back where it came from. */
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[4], IDENTIFY_IMMEDIATE), NTMS_OK);
    wait_until_in_slot("S00006L6", 6);
    assert_drives_empty();
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[5], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_true(record_of("S00006L6").found);
}

static void the_same_tape_twice_is_one_record(void **state)
{
    ntms_guid list[32];
    uint32_t before = 32, after = 32;

    (void)state;
    engine_enumerate(engine, NULL, RSM_PHYSICAL_MEDIA, 0, list, &before);
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[0], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[2], IDENTIFY_IMMEDIATE), NTMS_OK);
    engine_enumerate(engine, NULL, RSM_PHYSICAL_MEDIA, 0, list, &after);
    assert_int_equal(before, after);
}

static uint32_t media_count(void)
{
    ntms_guid list[32];
    uint32_t count = 32;

    assert_int_equal(engine_enumerate(engine, NULL, RSM_PHYSICAL_MEDIA, 0, list, &count), NTMS_OK);
    return count;
}

/* tgt cuts 8 bytes off the last descriptor of every reply: for the last
 * slot that is its own descriptor, and the barcode must survive it. */
static void the_last_slot_keeps_its_barcode(void **state)
{
    (void)state;
    sim.cut_reply_tail = 8;
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[SIM_SLOTS - 1], IDENTIFY_IMMEDIATE), NTMS_OK);
    sim.cut_reply_tail = 0;
    struct media_search r = record_of("S00008L6");
    assert_true(r.found);
    assert_int_equal(r.media.info.media.barcode_state, RSM_BARCODESTATE_OK);
    struct rsm_object type;
    assert_int_equal(engine_get_object(engine, &r.media.info.media.media_type, &type), NTMS_OK);
    assert_true(wstr_equal_ascii_nocase(type.name, RSM_NAME_LENGTH, "LTO-6"));
    assert_int_equal(sim_library_where(&sim, "S00008L6"), SIM_SLOTS);
}

/* A blank tape whose barcode cannot be read is told apart by nothing but
 * its slot: identified twice there, it is one medium. */
static void a_blank_tape_without_barcode_twice_is_one_record(void **state)
{
    (void)state;
    int tape = sim.slot_tape[1];
    sim.tapes[tape].no_barcode = true;
    uint32_t before = media_count();
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[1], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_int_equal(media_count(), before + 1);
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[1], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[1], IDENTIFY_DEFERRED), NTMS_OK);
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[1], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_int_equal(media_count(), before + 1);
    assert_drives_empty();
    sim.tapes[tape].no_barcode = false;
}

static void a_free_label_means_free(void **state)
{
    (void)state;
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[6], IDENTIFY_IMMEDIATE), NTMS_OK);
    struct media_search r = record_of("S00007L6");
    assert_true(r.found);
    assert_int_equal(pool_type_of(&r.media), RSM_POOLTYPE_SCRATCH);
    assert_int_equal(r.side.info.partition.state, RSM_PARTSTATE_AVAILABLE);
    assert_true(wstr_equal_ascii_nocase(r.side.info.partition.omid_label_type, RSM_OMID_TYPE_LENGTH, "Free"));
}

static void free_pool_of_the_type(const struct rsm_object *media, ntms_guid *pool)
{
    objdb_begin_read(engine->db);
    system_pool(engine->db, RSM_POOLTYPE_SCRATCH, &media->info.media.media_type, pool);
    objdb_abort(engine->db);
}

static void entering_free_writes_the_free_label(void **state)
{
    ntms_guid free_pool;

    (void)state;
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[7], IDENTIFY_IMMEDIATE), NTMS_OK);
    struct media_search r = record_of("S00008L6");
    assert_int_equal(pool_type_of(&r.media), RSM_POOLTYPE_FOREIGN);   /* blank: Unrecognized */
    free_pool_of_the_type(&r.media, &free_pool);
    /* Write-protected: nothing changes, the tape is home. */
    fault(0x0A, -1, 0, 7, 0x27, 0x00);
    assert_int_equal(engine_move_to_pool(engine, NULL, &r.media.id, &free_pool), NTMS_E_WRITE_PROTECT);
    struct media_search unchanged = record_of("S00008L6");
    assert_int_equal(pool_type_of(&unchanged.media), RSM_POOLTYPE_FOREIGN);
    assert_int_equal(sim_library_where(&sim, "S00008L6"), 8);
    assert_drives_empty();
    unsigned writes = sim.writes;
    assert_int_equal(engine_move_to_pool(engine, NULL, &r.media.id, &free_pool), NTMS_OK);
    assert_int_equal(sim.writes, writes + 1);
    struct free_label on_tape;
    assert_true(free_label_parse(sim.tapes[7].block, sim.tapes[7].length, &on_tape));
    assert_true(ntms_guid_equal(&on_tape.media, &r.media.id));
    assert_string_equal(on_tape.barcode, "S00008L6");
    r = record_of("S00008L6");
    assert_int_equal(pool_type_of(&r.media), RSM_POOLTYPE_SCRATCH);
    assert_int_equal(r.side.info.partition.state, RSM_PARTSTATE_AVAILABLE);
    assert_true(wstr_equal_ascii_nocase(r.side.info.partition.omid_label_type, RSM_OMID_TYPE_LENGTH, "Free"));
    assert_int_equal(sim_library_where(&sim, "S00008L6"), 8);
    assert_drives_empty();
    /* Identified again: the same medium, still free. */
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[7], IDENTIFY_IMMEDIATE), NTMS_OK);
    struct media_search again = record_of("S00008L6");
    assert_true(ntms_guid_equal(&again.media.id, &r.media.id));
}

/* What a process killed mid-identification leaves: a request INPROCESS. */
static void a_dead_process_s_request_is_failed_by_the_next_one(void **state)
{
    struct rsm_object request, after;

    (void)state;
    memset(&request, 0, sizeof(request));
    request.type = RSM_LIBREQUEST;
    ntms_guid_generate(&request.id);
    request.info.lib_request.state = 1;   /* INPROCESS */
    request.info.lib_request.library = library;
    objdb_begin_write(engine->db);
    assert_int_equal(objdb_put(engine->db, &request), NTMS_OK);
    objdb_commit(engine->db);
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[0], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_int_equal(engine_get_object(engine, &request.id, &after), NTMS_OK);
    assert_int_equal(after.info.lib_request.state, 3);   /* FAILED */
    assert_int_equal(after.info.lib_request.error_code, NTMS_E_OPERATION_ABORTED);
    assert_true(after.info.lib_request.time_completed != 0);
}

static uint32_t request_count(void)
{
    ntms_guid list[64];
    uint32_t count = 64;

    assert_int_equal(engine_enumerate(engine, &library, RSM_LIBREQUEST, 0, list, &count), NTMS_OK);
    return count;
}

static bool the_computer(const struct rsm_object *o, void *context)
{
    *(struct rsm_object *)context = *o;
    return false;
}

static void set_purge(uint32_t seconds, uint32_t flags)
{
    struct rsm_object computer;

    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_COMPUTER, the_computer, &computer);
    objdb_abort(engine->db);
    computer.info.computer.lib_request_purge_time = seconds;
    computer.info.computer.lib_request_flags = flags;
    assert_int_equal(engine_set_information(engine, &computer), NTMS_OK);
}

static void finished_requests_are_purged_after_the_purge_time(void **state)
{
    (void)state;
    assert_true(request_count() > 5);
    set_purge(1, 0x2 /* NTMS_LIBREQFLAGS_NOFAILEDPURGE */);
    plat_sleep_ms(1200);
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[0], IDENTIFY_IMMEDIATE), NTMS_OK);
    uint32_t kept = request_count();
    assert_true(kept >= 5 && kept < 9);   /* the new one and the failed ones (three faults, one dead process) */
    set_purge(1, 0);
    plat_sleep_ms(1200);
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[0], IDENTIFY_IMMEDIATE), NTMS_OK);
    assert_int_equal(request_count(), 1);
    set_purge(259200, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drives_are_mapped_by_their_identifiers),
        cmocka_unit_test(models_and_the_door_are_objects_too),
        cmocka_unit_test(a_labelled_tape_goes_to_import),
        cmocka_unit_test(a_tape_no_drive_reads_is_incompatible),
        cmocka_unit_test(a_drive_that_cannot_read_it_gives_way_to_one_that_can),
        cmocka_unit_test(a_failed_move_in_leaves_everything_as_it_was),
        cmocka_unit_test(a_failed_read_sends_the_tape_home),
        cmocka_unit_test(a_tape_stranded_by_a_failed_move_home_is_repaired),
        cmocka_unit_test(the_same_tape_twice_is_one_record),
        cmocka_unit_test(the_last_slot_keeps_its_barcode),
        cmocka_unit_test(a_blank_tape_without_barcode_twice_is_one_record),
        cmocka_unit_test(a_free_label_means_free),
        cmocka_unit_test(entering_free_writes_the_free_label),
        cmocka_unit_test(a_dead_process_s_request_is_failed_by_the_next_one),
        cmocka_unit_test(finished_requests_are_purged_after_the_purge_time),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
