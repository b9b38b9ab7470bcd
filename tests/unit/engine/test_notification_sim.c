/* What the operations tell notification channels, on the simulated
 * library: identification inserts media and sides and completes on its
 * slot, an inventory on its library, a move on the destination pool, a
 * media type change on the medium, an allocation on its logical medium,
 * a dismount on the id named, DismountNtmsDrive on the drive; nothing is
 * written for a signal nobody can hear. The tests run in order on one
 * library. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "lifecycle_fixture.h"
#include "engine/core/notification.h"

static const char *const barcodes[SIM_SLOTS] = { "N00001L6", "N00002L6", "N00003L6", "", "", "", "", "" };

static int setup(void **state)
{
    (void)state;
    return lc_library_up(barcodes, NULL);
}

static int teardown(void **state)
{
    (void)state;
    return lc_teardown();
}

static uintptr_t channel(uint32_t type)
{
    uintptr_t h = 0;

    assert_int_equal(notification_open(engine->db, 1, type, &h), NTMS_OK);
    return h;
}

/* Everything the channel holds now, then closed. */
struct heard {
    struct notification items[256];
    size_t              count;
};

static struct heard drain(uintptr_t h)
{
    struct heard heard = { .count = 0 };

    while (heard.count < 256 && notification_wait(h, 0, &heard.items[heard.count]) == NTMS_OK)
        heard.count++;
    notification_close(h);
    return heard;
}

static size_t count_of(const struct heard *heard, uint32_t operation, const ntms_guid *id)
{
    size_t count = 0;

    for (size_t i = 0; i < heard->count; i++)
        count += heard->items[i].operation == operation && (!id || ntms_guid_equal(&heard->items[i].id, id));
    return count;
}

static bool last_is(const struct heard *heard, uint32_t operation, const ntms_guid *id)
{
    return heard->count && heard->items[heard->count - 1].operation == operation
        && ntms_guid_equal(&heard->items[heard->count - 1].id, id);
}

static void identification_inserts_media_and_completes_on_its_slot(void **state)
{
    (void)state;
    uintptr_t media = channel(RSM_PHYSICAL_MEDIA), sides = channel(RSM_PARTITION), slot = channel(RSM_STORAGESLOT);
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[0], IDENTIFY_IMMEDIATE), NTMS_OK);
    ntms_guid m = lc_media("N00001L6").id, side = lc_side("N00001L6").id;
    struct heard heard = drain(media);
    assert_int_equal(heard.items[0].operation, RSM_OBJ_INSERT);
    assert_true(ntms_guid_equal(&heard.items[0].id, &m));
    assert_int_equal(count_of(&heard, RSM_OBJ_INSERT, NULL), 1);
    assert_int_equal(count_of(&heard, RSM_OBJ_UPDATE, &m), heard.count - 1);   /* then its moves home */
    heard = drain(sides);
    assert_int_equal(count_of(&heard, RSM_OBJ_INSERT, &side), 1);
    heard = drain(slot);
    assert_true(last_is(&heard, RSM_EVENT_COMPLETE, &slots[0]));
    assert_int_equal(count_of(&heard, RSM_EVENT_COMPLETE, NULL), 1);
}

static void an_inventory_completes_on_its_library(void **state)
{
    (void)state;
    uintptr_t libraries = channel(RSM_LIBRARY), media = channel(RSM_PHYSICAL_MEDIA);
    assert_int_equal(engine_inventory(engine, &library, RSM_INVENTORY_FAST), NTMS_OK);   /* identifies 2 and 3 */
    struct heard heard = drain(libraries);
    assert_true(last_is(&heard, RSM_EVENT_COMPLETE, &library));
    heard = drain(media);
    assert_int_equal(count_of(&heard, RSM_OBJ_INSERT, NULL), 2);
    /* Unchanged: nothing to write but the completion. */
    libraries = channel(RSM_LIBRARY);
    assert_int_equal(engine_inventory(engine, &library, RSM_INVENTORY_FAST), NTMS_OK);
    heard = drain(libraries);
    assert_int_equal(heard.count, 1);
    assert_true(last_is(&heard, RSM_EVENT_COMPLETE, &library));
}

static void moves_complete_on_the_pool_and_type_changes_on_the_medium(void **state)
{
    (void)state;
    ntms_guid free_pool = lc_system_pool(RSM_POOLTYPE_SCRATCH, "LTO-6"), m = lc_media("N00001L6").id;
    uintptr_t pools = channel(RSM_MEDIA_POOL), media = channel(RSM_PHYSICAL_MEDIA);
    assert_int_equal(engine_move_to_pool(engine, NULL, &m, &free_pool), NTMS_OK);
    struct heard heard = drain(pools);
    assert_true(last_is(&heard, RSM_EVENT_COMPLETE, &free_pool));
    heard = drain(media);
    assert_true(count_of(&heard, RSM_OBJ_UPDATE, &m) >= 1);
    assert_int_equal(count_of(&heard, RSM_EVENT_COMPLETE, NULL), 0);

    media = channel(RSM_PHYSICAL_MEDIA);
    assert_int_equal(engine_change_media_type(engine, NULL, &m, &free_pool), NTMS_OK);   /* its own type: allowed */
    heard = drain(media);
    assert_true(last_is(&heard, RSM_EVENT_COMPLETE, &m));
}

static void allocation_and_dismounts_complete_on_what_they_name(void **state)
{
    ntms_guid lmid, drive;

    (void)state;
    ntms_guid work = lc_app_pool("Notified", "LTO-6", RSM_ALLOCATE_FROMSCRATCH, 0, 0);
    uintptr_t logical = channel(RSM_LOGICAL_MEDIA), media = channel(RSM_PHYSICAL_MEDIA);
    assert_int_equal(lc_allocate(&work, NULL, 0, 0, &lmid, NULL), NTMS_OK);
    struct heard heard = drain(logical);
    assert_int_equal(count_of(&heard, RSM_OBJ_INSERT, &lmid), 1);
    assert_true(last_is(&heard, RSM_EVENT_COMPLETE, &lmid));
    heard = drain(media);
    assert_int_equal(count_of(&heard, RSM_OBJ_UPDATE, NULL), 1);   /* from Free into the pool */

    assert_int_equal(engine_mount(engine, NULL, &lmid, &drive, 1, RSM_MOUNT_READ, 0), NTMS_OK);
    logical = channel(RSM_LOGICAL_MEDIA);
    assert_int_equal(engine_dismount(engine, NULL, &lmid, 1, RSM_DISMOUNT_IMMEDIATE), NTMS_OK);
    heard = drain(logical);
    assert_true(last_is(&heard, RSM_EVENT_COMPLETE, &lmid));

    ntms_guid side = lc_side("N00002L6").id;
    assert_int_equal(engine_mount(engine, NULL, &side, &drive, 1, RSM_MOUNT_READ, 0), NTMS_OK);
    uintptr_t sides = channel(RSM_PARTITION);
    assert_int_equal(engine_dismount(engine, NULL, &side, 1, RSM_DISMOUNT_DEFERRED), NTMS_OK);
    heard = drain(sides);
    assert_true(last_is(&heard, RSM_EVENT_COMPLETE, &side));
    uintptr_t drives_channel = channel(RSM_DRIVE);
    assert_int_equal(engine_dismount_drive(engine, NULL, &drive), NTMS_OK);
    heard = drain(drives_channel);
    assert_true(last_is(&heard, RSM_EVENT_COMPLETE, &drive));
}

static void nothing_is_written_for_a_signal_nobody_hears(void **state)
{
    uint64_t before, after;

    (void)state;
    assert_int_equal(notification_count_open(), 0);
    assert_int_equal(objdb_generation(engine->db, &before), NTMS_OK);
    assert_int_equal(engine_inventory(engine, &library, RSM_INVENTORY_FAST), NTMS_OK);   /* unchanged */
    objdb_signal_completion(engine->db, RSM_DRIVE, &drives[0]);
    assert_int_equal(objdb_generation(engine->db, &after), NTMS_OK);
    assert_true(after == before);
    uintptr_t h = channel(RSM_DRIVE);
    objdb_signal_completion(engine->db, RSM_DRIVE, &drives[0]);
    assert_int_equal(objdb_generation(engine->db, &after), NTMS_OK);
    assert_true(after == before + 1);
    struct heard heard = drain(h);
    assert_int_equal(heard.count, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(identification_inserts_media_and_completes_on_its_slot),
        cmocka_unit_test(an_inventory_completes_on_its_library),
        cmocka_unit_test(moves_complete_on_the_pool_and_type_changes_on_the_medium),
        cmocka_unit_test(allocation_and_dismounts_complete_on_what_they_name),
        cmocka_unit_test(nothing_is_written_for_a_signal_nobody_hears),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
