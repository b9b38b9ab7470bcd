/* The side life cycle after allocation, on the engine against the
 * simulated library: mounts by logical medium with NTMS_MOUNT_WRITE
 * (refused on COMPLETE sides and write-protected tapes),
 * SetNtmsMediaComplete, DeallocateNtmsMedia (back to Free with a free
 * label, or UNPREPARED until an allocation writes it), DecommissionNtmsMedia,
 * SwapNtmsMedia, UpdateNtmsOmidInfo (and an identification afterwards
 * that keeps the records) and ChangeNtmsMediaType. Every refusal leaves
 * the database as it was. The tests run in order on one library. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "lifecycle_fixture.h"
#include "engine/labels/label_detect.h"
#include "engine/ops/deallocate.h"
#include "engine/records/media_types.h"
#include "engine/records/omid_update.h"
#include "engine/records/side_states.h"
#include "security/sec_acl.h"

static const char *const barcodes[SIM_SLOTS] = { "B00001L6", "B00002L6", "B00003L6", "B00004L6", "B00005L6",
                                                 "B00006L6", "", "" };
static ntms_guid work, first, second, elsewhere, elsewhere_lmid, unknown = { { 0x55, 0x4e, 0x4b } };

static int setup(void **state)
{
    (void)state;
    if (lc_setup(barcodes, 6, NULL))
        return -1;
    work = lc_app_pool("Work", "LTO-6", RSM_ALLOCATE_FROMSCRATCH, 0, 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return lc_teardown();
}

static ntms_err mount(const ntms_guid *id, uint32_t options, ntms_guid *drive)
{
    return engine_mount(engine, NULL, id, drive, 1, options, 0);
}

static ntms_err dismount(const ntms_guid *id)
{
    return engine_dismount(engine, NULL, id, 1, RSM_DISMOUNT_IMMEDIATE);
}

/* SetNtmsMediaComplete, and no WRITE mount of a COMPLETE side. */
static void complete_media_are_not_written_again(void **state)
{
    ntms_guid drive;

    (void)state;
    assert_int_equal(lc_allocate(&work, NULL, 0, 0, &first, NULL), NTMS_OK);   /* B00001L6 */
    struct rsm_object side = lc_side("B00001L6");
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_set_media_complete(engine, NULL, &unknown), NTMS_E_INVALID_MEDIA);
    assert_int_equal(engine_set_media_complete(engine, NULL, &side.id), NTMS_E_INVALID_MEDIA);   /* a side is no LMID */
    assert_int_equal(engine_set_media_complete(engine, NULL, &work), NTMS_E_INVALID_MEDIA);
    assert_true(lc_fingerprint() == before);

    assert_int_equal(mount(&first, RSM_MOUNT_READ | RSM_MOUNT_WRITE, &drive), NTMS_OK);   /* by its LMID */
    assert_true(sim_library_where(&sim, "B00001L6") < 0);
    before = lc_fingerprint();
    assert_int_equal(engine_set_media_complete(engine, NULL, &first), NTMS_E_INVALID_STATE);   /* mounted */
    assert_true(lc_fingerprint() == before);
    assert_int_equal(dismount(&first), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "B00001L6"), 1);

    assert_int_equal(engine_set_media_complete(engine, NULL, &first), NTMS_OK);
    assert_int_equal(lc_state("B00001L6"), RSM_PARTSTATE_COMPLETE);
    before = lc_fingerprint();
    assert_int_equal(engine_set_media_complete(engine, NULL, &first), NTMS_E_INVALID_STATE);
    assert_int_equal(mount(&first, RSM_MOUNT_WRITE, &drive), NTMS_E_WRITE_PROTECT);
    assert_true(lc_fingerprint() == before);                                 /* refused before anything moved */
    assert_int_equal(sim_library_where(&sim, "B00001L6"), 1);
    assert_int_equal(mount(&first, RSM_MOUNT_READ, &drive), NTMS_OK);
    assert_int_equal(dismount(&first), NTMS_OK);
}

/* A tape whose write-protect tab is set: loaded, asked, sent home. */
static void a_write_protected_tape_is_not_mounted_for_writing(void **state)
{
    ntms_guid drive;
    struct rsm_object record;

    (void)state;
    assert_int_equal(lc_allocate(&work, NULL, 0, 0, &second, NULL), NTMS_OK);   /* B00002L6 */
    sim.tapes[1].write_protected = true;
    assert_int_equal(mount(&second, RSM_MOUNT_WRITE, &drive), NTMS_E_WRITE_PROTECT);
    assert_int_equal(sim_library_where(&sim, "B00002L6"), 2);
    for (int d = 0; d < SIM_DRIVES; d++) {
        assert_int_equal(engine_get_object(engine, &drives[d], &record), NTMS_OK);
        assert_true(ntms_guid_is_null(&record.info.drive.loaded_media));
    }
    assert_int_equal(mount(&second, RSM_MOUNT_READ, &drive), NTMS_OK);
    assert_int_equal(dismount(&second), NTMS_OK);
    /* In place, after a deferred dismount: asked too. */
    assert_int_equal(mount(&second, RSM_MOUNT_READ, &drive), NTMS_OK);
    assert_int_equal(engine_dismount(engine, NULL, &second, 1, RSM_DISMOUNT_DEFERRED), NTMS_OK);
    assert_int_equal(mount(&second, RSM_MOUNT_WRITE, &drive), NTMS_E_WRITE_PROTECT);
    assert_true(sim_library_where(&sim, "B00002L6") < 0);                   /* it still waits there */
    sim.tapes[1].write_protected = false;
    assert_int_equal(mount(&second, RSM_MOUNT_WRITE, &drive), NTMS_OK);
    assert_int_equal(dismount(&second), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "B00002L6"), 2);
}

static void deallocation_releases_the_side(void **state)
{
    ntms_guid drive, lmid;

    (void)state;
    struct rsm_object side = lc_side("B00002L6");
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_deallocate(engine, NULL, &unknown), NTMS_E_INVALID_MEDIA);
    assert_int_equal(engine_deallocate(engine, NULL, &side.id), NTMS_E_INVALID_MEDIA);
    assert_true(lc_fingerprint() == before);
    assert_int_equal(mount(&second, RSM_MOUNT_READ, &drive), NTMS_OK);
    before = lc_fingerprint();
    assert_int_equal(engine_deallocate(engine, NULL, &second), NTMS_E_INVALID_STATE);   /* mounted */
    assert_true(lc_fingerprint() == before);
    assert_int_equal(dismount(&second), NTMS_OK);

    assert_int_equal(engine_deallocate(engine, NULL, &second), NTMS_OK);
    side = lc_side("B00002L6");
    assert_int_equal(side.info.partition.state, RSM_PARTSTATE_AVAILABLE);
    assert_true(ntms_guid_is_null(&side.info.partition.logical_media));
    assert_int_equal(lc_get(&second).type, RSM_UNKNOWN);                      /* the LMID is gone */
    assert_true(lc_same(lc_pool_of("B00002L6"), work));                       /* no TOSCRATCH: it stays */
    assert_int_equal(engine_deallocate(engine, NULL, &second), NTMS_E_INVALID_MEDIA);
    assert_int_equal(engine_deallocate(engine, NULL, &first), NTMS_OK);        /* COMPLETE ones too */
    assert_int_equal(lc_state("B00001L6"), RSM_PARTSTATE_AVAILABLE);
    assert_int_equal(lc_allocate(&work, NULL, 0, 0, &lmid, NULL), NTMS_OK);   /* the pool's own, used least */
    assert_int_equal(lc_state("B00001L6") == RSM_PARTSTATE_ALLOCATED || lc_state("B00002L6") == RSM_PARTSTATE_ALLOCATED, 1);
    assert_int_equal(engine_deallocate(engine, NULL, &lmid), NTMS_OK);
}

static void decommissioned_sides_are_never_allocated(void **state)
{
    ntms_guid lmid;
    struct rsm_object side = lc_side("B00002L6");

    (void)state;
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_decommission_media(engine, NULL, &unknown), NTMS_E_INVALID_MEDIA);
    assert_int_equal(engine_decommission_media(engine, NULL, &work), NTMS_E_INVALID_MEDIA);
    assert_true(lc_fingerprint() == before);
    assert_int_equal(engine_decommission_media(engine, NULL, &side.id), NTMS_OK);
    assert_int_equal(lc_state("B00002L6"), RSM_PARTSTATE_DECOMMISSIONED);
    before = lc_fingerprint();
    assert_int_equal(engine_decommission_media(engine, NULL, &side.id), NTMS_E_INVALID_STATE);
    assert_true(lc_fingerprint() == before);
    assert_int_equal(lc_allocate(&work, NULL, 0, 0, &first, NULL), NTMS_OK);
    assert_int_equal(lc_state("B00001L6"), RSM_PARTSTATE_ALLOCATED);
    side = lc_side("B00001L6");
    before = lc_fingerprint();
    assert_int_equal(engine_decommission_media(engine, NULL, &side.id), NTMS_E_INVALID_STATE);   /* allocated */
    assert_true(lc_fingerprint() == before);
    assert_int_equal(lc_allocate(&work, NULL, 0, 0, &lmid, NULL), NTMS_OK);   /* Free's B00003L6, not B00002L6 */
    assert_int_equal(lc_state("B00003L6"), RSM_PARTSTATE_ALLOCATED);
    assert_int_equal(lc_state("B00002L6"), RSM_PARTSTATE_DECOMMISSIONED);
    second = lmid;
}

/* SwapNtmsMedia: B00001L6 (first) and B00003L6 (second) exchange logical media. */
static void swap_exchanges_the_sides_of_two_logical_media(void **state)
{
    ntms_guid drive, other_lmid, other = lc_app_pool("Other", "LTO-6", RSM_ALLOCATE_FROMSCRATCH, 0, 0);

    (void)state;
    assert_int_equal(lc_allocate(&other, NULL, 0, 0, &other_lmid, NULL), NTMS_OK);   /* B00004L6 */
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_swap_media(engine, NULL, &first, &first), NTMS_E_INVALID_MEDIA);
    assert_int_equal(engine_swap_media(engine, NULL, &first, &unknown), NTMS_E_INVALID_MEDIA);
    assert_int_equal(engine_swap_media(engine, NULL, &first, &other_lmid), NTMS_E_INVALID_MEDIA_POOL);
    assert_true(lc_fingerprint() == before);
    assert_int_equal(mount(&second, RSM_MOUNT_READ, &drive), NTMS_OK);
    before = lc_fingerprint();
    assert_int_equal(engine_swap_media(engine, NULL, &first, &second), NTMS_E_INVALID_MEDIA);   /* in use */
    assert_true(lc_fingerprint() == before);
    assert_int_equal(dismount(&second), NTMS_OK);

    struct rsm_object one = lc_side("B00001L6"), three = lc_side("B00003L6");
    assert_int_equal(engine_swap_media(engine, NULL, &first, &second), NTMS_OK);
    assert_true(lc_same(lc_side("B00001L6").info.partition.logical_media, second));
    assert_true(lc_same(lc_side("B00003L6").info.partition.logical_media, first));
    assert_true(lc_same(lc_get(&first).info.logical_media.partition, three.id));
    assert_true(lc_same(lc_get(&second).info.logical_media.partition, one.id));
    assert_int_equal(mount(&first, RSM_MOUNT_READ, &drive), NTMS_OK);             /* the LMID finds its new side */
    assert_true(sim_library_where(&sim, "B00003L6") < 0);
    assert_int_equal(dismount(&first), NTMS_OK);
    assert_int_equal(engine_deallocate(engine, NULL, &other_lmid), NTMS_OK);
}

/* UpdateNtmsOmidInfo: the label as identification would read it; a later
 * identification finds the same side, with its state and logical medium. */
static void an_updated_omid_is_what_identification_finds(void **state)
{
    uint8_t label[80], zeros[80] = { 0 };
    struct omid_filesystem fs = { .serial = 0x12345678 };

    (void)state;
    lc_ansi_label(label, "WORK01");
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_update_omid_label(engine, NULL, &unknown, label, sizeof(label)), NTMS_E_INVALID_MEDIA);
    assert_int_equal(engine_update_omid_label(engine, NULL, &first, zeros, sizeof(zeros)), NTMS_E_BAD_FORMAT);
    assert_int_equal(engine_update_omid_filesystem(engine, NULL, &first, &fs), NTMS_E_INVALID_PARAMETER);   /* no type */
    assert_true(lc_fingerprint() == before);

    WSTR_SET(fs.file_system, "UDF");
    WSTR_SET(fs.volume, "VOL");
    assert_int_equal(engine_update_omid_filesystem(engine, NULL, &first, &fs), NTMS_OK);
    struct rsm_partition p = lc_side("B00003L6").info.partition;              /* first's side since the swap */
    static const uint8_t id[] = { 0x78, 0x56, 0x34, 0x12, 'V', 0, 'O', 0, 'L', 0 };
    assert_int_equal(p.omid_label_id_length, sizeof(id));
    assert_memory_equal(p.omid_label_id, id, sizeof(id));
    assert_true(wstr_equal_ascii_nocase(p.omid_label_type, RSM_OMID_TYPE_LENGTH, "UDF"));
    assert_true(wstr_equal_ascii_nocase(p.omid_label_info, RSM_OMID_INFO_LENGTH, "VOL"));

    /* The application writes its label on the tape, then tells RSM. */
    memcpy(sim.tapes[2].block, label, sizeof(label));
    sim.tapes[2].length = sizeof(label);
    assert_int_equal(engine_update_omid_label(engine, NULL, &first, label, sizeof(label)), NTMS_OK);
    p = lc_side("B00003L6").info.partition;
    assert_true(wstr_equal_ascii_nocase(p.omid_label_type, RSM_OMID_TYPE_LENGTH, "ANSI VOL1"));
    struct rsm_object before_identify = lc_side("B00003L6");
    assert_int_equal(engine_identify_slot(engine, NULL, &slots[2], IDENTIFY_IMMEDIATE), NTMS_OK);
    struct rsm_object after = lc_side("B00003L6");
    assert_true(lc_same(after.id, before_identify.id));
    assert_int_equal(after.info.partition.state, RSM_PARTSTATE_ALLOCATED);
    assert_true(lc_same(after.info.partition.logical_media, first));
    assert_int_equal(after.info.partition.omid_label_id_length, p.omid_label_id_length);
    assert_memory_equal(after.info.partition.omid_label_id, p.omid_label_id, p.omid_label_id_length);
    assert_true(lc_same(lc_pool_of("B00003L6"), work));
}

/* TOSCRATCH: back to Free, where the free label is written on the tape. */
static void to_scratch_returns_the_medium_to_free(void **state)
{
    ntms_guid lmid, free_lto6 = lc_system_pool(RSM_POOLTYPE_SCRATCH, "LTO-6");
    ntms_guid scratchy = lc_app_pool("Scratchy", "LTO-6", 0, RSM_DEALLOCATE_TOSCRATCH, 0);
    struct rsm_object side = lc_side("B00006L6");
    struct label_info label;

    (void)state;
    assert_int_equal(lc_allocate(&scratchy, &side.id, 0, 0, &lmid, NULL), NTMS_OK);
    memset(sim.tapes[5].block, 'x', 80);                                      /* the application's data */
    sim.tapes[5].length = 80;
    assert_int_equal(engine_deallocate(engine, NULL, &lmid), NTMS_OK);
    assert_true(lc_same(lc_pool_of("B00006L6"), free_lto6));
    struct rsm_partition p = lc_side("B00006L6").info.partition;
    assert_int_equal(p.state, RSM_PARTSTATE_AVAILABLE);
    assert_true(wstr_equal_ascii_nocase(p.omid_label_type, RSM_OMID_TYPE_LENGTH, "Free"));
    label_detect(FIRST_READ_DATA, sim.tapes[5].block, sim.tapes[5].length, &label);
    assert_int_equal(label.format, LABEL_FREE);
    assert_int_equal(sim_library_where(&sim, "B00006L6"), 6);
}

/* The free label could not be written: UNPREPARED in Free, prepared by
 * the allocation that needs it. */
static void an_unprepared_medium_is_prepared_when_needed(void **state)
{
    ntms_guid lmid, from, free_lto6 = lc_system_pool(RSM_POOLTYPE_SCRATCH, "LTO-6");
    ntms_guid needy = lc_app_pool("Needy", "LTO-6", RSM_ALLOCATE_FROMSCRATCH, 0, 0);
    ntms_guid giving = lc_app_pool("Giving", "LTO-6", 0, RSM_DEALLOCATE_TOSCRATCH, 0);
    struct rsm_object side = lc_side("B00006L6"), last_free = lc_side("B00005L6");

    (void)state;
    elsewhere = lc_app_pool("Else", "LTO-6", 0, 0, 0);
    assert_int_equal(lc_allocate(&elsewhere, &last_free.id, 0, 0, &elsewhere_lmid, NULL), NTMS_OK);   /* Free: B00006L6 alone */
    assert_int_equal(lc_allocate(&giving, &side.id, 0, 0, &lmid, NULL), NTMS_OK);
    sim.fault = (struct sim_fault){ 0x0A, -1, 0, 7, 0x27, 0, true };         /* the label write fails */
    assert_int_equal(engine_deallocate(engine, NULL, &lmid), NTMS_OK);
    assert_true(lc_same(lc_pool_of("B00006L6"), free_lto6));
    assert_int_equal(lc_state("B00006L6"), RSM_PARTSTATE_UNPREPARED);
    assert_int_equal(sim_library_where(&sim, "B00006L6"), 6);
    assert_int_equal(lc_allocate(&needy, NULL, RSM_ALLOCATE_ERROR_IF_UNAVAILABLE, 0, &lmid, &from), NTMS_OK);
    assert_true(lc_same(from, free_lto6));
    assert_int_equal(lc_state("B00006L6"), RSM_PARTSTATE_ALLOCATED);
    assert_true(wstr_equal_ascii_nocase(lc_side("B00006L6").info.partition.omid_label_type, RSM_OMID_TYPE_LENGTH,
                                        "Free"));
}

/* ChangeNtmsMediaType: MoveToNtmsMediaPool's rules, the medium taking the pool's type. */
static void change_media_type_moves_with_consistent_records(void **state)
{
    ntms_guid dlt = lc_app_pool("DltPool", "DLT", 0, 0, 0), untyped = lc_app_pool("Untyped", NULL, 0, 0, 0);
    ntms_guid optical = lc_app_pool("Disks", "MO 5.25", 0, 0, 0), dlt_type = lc_type_named("DLT");
    ntms_guid unrecognized = lc_system_pool(RSM_POOLTYPE_FOREIGN, "LTO-6");
    struct rsm_object medium = lc_media("B00005L6");

    (void)state;
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_change_media_type(engine, NULL, &unknown, &dlt), NTMS_E_INVALID_MEDIA);
    assert_int_equal(engine_change_media_type(engine, NULL, &medium.id, &unknown), NTMS_E_INVALID_MEDIA_POOL);
    assert_int_equal(engine_change_media_type(engine, NULL, &medium.id, &untyped), NTMS_E_INVALID_MEDIA_POOL);
    assert_int_equal(engine_change_media_type(engine, NULL, &medium.id, &optical), NTMS_E_INVALID_MEDIA_POOL);
    assert_int_equal(engine_change_media_type(engine, NULL, &medium.id, &unrecognized), NTMS_E_INVALID_MEDIA_POOL);
    assert_true(lc_fingerprint() == before);
    assert_int_equal(engine_change_media_type(engine, NULL, &medium.id, &dlt), NTMS_OK);
    medium = lc_media("B00005L6");
    assert_true(lc_same(medium.info.media.media_pool, dlt));
    assert_true(lc_same(medium.info.media.media_type, dlt_type));
    assert_int_equal(medium.info.media.media_type_code, lc_get(&dlt_type).info.media_type.media_type);
    assert_true(lc_same(lc_get(&elsewhere_lmid).info.logical_media.media_pool, dlt));   /* its logical medium follows */
    struct rsm_object record = lc_get(&library);
    assert_true(library_has_media_type(&record, &dlt_type));
    assert_int_equal(lc_state("B00005L6"), RSM_PARTSTATE_ALLOCATED);
}

/* A member of Users, who may use pools by RSM's default descriptors but
 * neither modify nor control them; and an administrator, who passes. */
static void access_is_checked_with_the_records(void **state)
{
    struct sec_sid users, world, admins;
    struct sec_identity user_groups[2], admin_groups[3];
    struct sec_caller user, admin;
    struct allocate_request request = { work, NULL, RSM_ALLOCATE_ERROR_IF_UNAVAILABLE, 0, NULL };
    ntms_guid lmid, from, dlt = lc_app_pool("DltAccess", "DLT", 0, 0, 0);
    struct rsm_object four = lc_side("B00004L6"), four_media = lc_media("B00004L6");
    uint8_t label[80];
    struct omid_filesystem fs = { .serial = 1 };

    (void)state;
    sec_sid_well_known(SEC_SID_USERS, &users);
    sec_sid_well_known(SEC_SID_WORLD, &world);
    sec_sid_well_known(SEC_SID_ADMINISTRATORS, &admins);
    user_groups[0] = (struct sec_identity){ world, SEC_GROUP_ENABLED };
    user_groups[1] = (struct sec_identity){ users, SEC_GROUP_ENABLED };
    admin_groups[0] = user_groups[0];
    admin_groups[1] = user_groups[1];
    admin_groups[2] = (struct sec_identity){ admins, SEC_GROUP_ENABLED };
    user = (struct sec_caller){ .user = { world, 0 }, .groups = user_groups, .group_count = 2 };
    admin = (struct sec_caller){ .user = { world, 0 }, .groups = admin_groups, .group_count = 3 };
    lc_ansi_label(label, "DENIED");
    WSTR_SET(fs.file_system, "UDF");

    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_allocate(engine, &user, &request, &lmid, &from), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_deallocate(engine, &user, &first), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_set_media_complete(engine, &user, &first), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_decommission_media(engine, &user, &four.id), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_swap_media(engine, &user, &first, &second), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_update_omid_label(engine, &user, &first, label, sizeof(label)), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_update_omid_filesystem(engine, &user, &first, &fs), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_change_media_type(engine, &user, &four_media.id, &dlt), NTMS_E_ACCESS_DENIED);
    assert_true(lc_fingerprint() == before);
    assert_int_equal(engine_set_media_complete(engine, &admin, &first), NTMS_OK);
    assert_int_equal(lc_state("B00003L6"), RSM_PARTSTATE_COMPLETE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(complete_media_are_not_written_again),
        cmocka_unit_test(a_write_protected_tape_is_not_mounted_for_writing),
        cmocka_unit_test(deallocation_releases_the_side),
        cmocka_unit_test(decommissioned_sides_are_never_allocated),
        cmocka_unit_test(swap_exchanges_the_sides_of_two_logical_media),
        cmocka_unit_test(an_updated_omid_is_what_identification_finds),
        cmocka_unit_test(to_scratch_returns_the_medium_to_free),
        cmocka_unit_test(an_unprepared_medium_is_prepared_when_needed),
        cmocka_unit_test(change_media_type_moves_with_consistent_records),
        cmocka_unit_test(access_is_checked_with_the_records),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
