/* CreateNtmsMedia, DeleteNtmsMedia, MoveToNtmsMediaPool's access rule,
 * DeleteNtmsLibrary and DeleteNtmsDrive on the engine, with a database of
 * their own. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine_fixture.h"

#include "engine/records/device_admin.h"
#include "engine/core/engine.h"
#include "engine/records/media_admin.h"
#include "engine/records/object_security.h"
#include "engine/records/pools.h"
#include "engine/ops/pool_moves.h"
#include "engine/records/system_objects.h"
#include "engine/core/wstr.h"
#include "security/sec_acl.h"
#include "platform/plat_random.h"

static struct engine *engine;
static ntms_guid app_pool, untyped_pool, lto6, offline, import_lto6, free_lto6;
static struct sec_identity groups[2];
static struct sec_caller alice;

static int setup(void **state)
{
    wchar16 app[] = { '\\', 'B', 'a', 'c', 'k', 'u', 'p', 0 }, bare[] = { '\\', 'B', 'a', 'r', 'e', 0 };

    (void)state;
    if (engine_fixture_open(&engine))
        return -1;
    objdb_begin_read(engine->db);
    system_media_type_by_name(engine->db, "LTO-6", &lto6);
    system_offline_library(engine->db, &offline);
    system_pool(engine->db, RSM_POOLTYPE_IMPORT, &lto6, &import_lto6);
    system_pool(engine->db, RSM_POOLTYPE_SCRATCH, &lto6, &free_lto6);
    objdb_abort(engine->db);
    if (engine_create_pool(engine, NULL, app, &lto6, 2, NULL, 0, &app_pool) != NTMS_OK
        || engine_create_pool(engine, NULL, bare, NULL, 2, NULL, 0, &untyped_pool) != NTMS_OK)
        return -1;
    struct sec_sid users, world;
    sec_sid_well_known(SEC_SID_USERS, &users);
    sec_sid_well_known(SEC_SID_WORLD, &world);
    groups[0] = (struct sec_identity){ world, SEC_GROUP_ENABLED };
    groups[1] = (struct sec_identity){ users, SEC_GROUP_ENABLED };
    alice = (struct sec_caller){ .groups = groups, .group_count = 2 };
    sec_sid_well_known(SEC_SID_WORLD, &alice.user.sid);   /* any SID that owns nothing */
    alice.user.sid.bytes[8] = 77;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return engine_fixture_remove();
}

/* A one-sided medium for `pool` with a barcode and a label id. */
static void new_media(struct rsm_object *media, struct rsm_object *side, const ntms_guid *pool, const char *barcode,
                      const char *label)
{
    memset(media, 0, sizeof(*media));
    memset(side, 0, sizeof(*side));
    media->type = RSM_PHYSICAL_MEDIA;
    media->enabled = 1;
    media->info.media.media_pool = *pool;
    media->info.media.number_of_partitions = 1;
    WSTR_SET(media->info.media.barcode, barcode);
    side->type = RSM_PARTITION;
    side->enabled = 1;
    side->info.partition.state = RSM_PARTSTATE_IMPORT;
    side->info.partition.omid_label_id_length = (uint32_t)strlen(label);
    memcpy(side->info.partition.omid_label_id, label, strlen(label));
    WSTR_SET(side->info.partition.omid_label_type, "Test Label");
    WSTR_SET(side->info.partition.omid_label_info, "written by the test");
}

static void a_new_medium_is_offline_and_complete(void **state)
{
    struct rsm_object media, side, read_back;

    (void)state;
    new_media(&media, &side, &app_pool, "ABC001L6   ", "LABEL-1");
    ntms_guid_generate(&side.info.partition.logical_media);
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_OK);
    assert_false(ntms_guid_is_null(&media.id));
    assert_true(ntms_guid_equal(&media.info.media.current_library, &offline));
    assert_true(ntms_guid_equal(&media.info.media.media_type, &lto6));
    assert_true(ntms_guid_is_null(&media.info.media.home_slot));
    assert_int_equal(media.info.media.location_type, RSM_LOCATION_STORAGESLOT);
    assert_int_equal(media.info.media.barcode_state, RSM_BARCODESTATE_OK);
    assert_true(wstr_equal_ascii_nocase(media.info.media.barcode, RSM_BARCODE_LENGTH, "ABC001L6"));   /* trimmed */
    assert_true(wstr_equal_ascii_nocase(media.name, RSM_NAME_LENGTH, "ABC001L6"));
    assert_true(wstr_equal_ascii_nocase(media.info.media.sequence_number, RSM_SEQUENCE_LENGTH, "1"));
    assert_true(ntms_guid_equal(&side.info.partition.physical_media, &media.id));
    assert_int_equal(engine_get_object(engine, &side.info.partition.logical_media, &read_back), NTMS_OK);
    assert_int_equal(read_back.type, RSM_LOGICAL_MEDIA);
    assert_int_equal(engine_get_object(engine, &media.id, &read_back), NTMS_OK);
    assert_int_equal(read_back.info.media.media_state, RSM_MEDIASTATE_IDLE);
    /* Without a barcode: the label info names it, the sequence number goes on. */
    new_media(&media, &side, &import_lto6, "", "LABEL-2");
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_OK);
    assert_int_equal(media.info.media.barcode_state, RSM_BARCODESTATE_UNREADABLE);
    assert_true(wstr_equal_ascii_nocase(media.name, RSM_NAME_LENGTH, "written by the test"));
    assert_true(wstr_equal_ascii_nocase(media.info.media.sequence_number, RSM_SEQUENCE_LENGTH, "2"));
}

static void duplicates_are_refused(void **state)
{
    struct rsm_object media, side, first;

    (void)state;
    new_media(&first, &side, &app_pool, "DUP001L6", "LABEL-D");
    assert_int_equal(engine_create_media(engine, NULL, &first, &side, 1, 0), NTMS_OK);
    new_media(&media, &side, &app_pool, "dup001l6", "LABEL-E");
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_E_INVALID_MEDIA);   /* barcode */
    new_media(&media, &side, &app_pool, "", "LABEL-D");
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, CREATE_MEDIA_ERROR_ON_DUPLICATE),
                     NTMS_E_INVALID_MEDIA);                                                             /* OMID */
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_OK);   /* allowed without the option */
    new_media(&media, &side, &app_pool, "", "LABEL-F");
    media.id = first.id;
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_E_INVALID_MEDIA);   /* its GUID */
}

static void wrong_input_changes_nothing(void **state)
{
    struct rsm_object media, side, sides[2];
    ntms_guid list[256];
    uint32_t before = 256, after = 256;

    (void)state;
    engine_enumerate(engine, NULL, RSM_PHYSICAL_MEDIA, 0, list, &before);
    new_media(&media, &side, &free_lto6, "BAD001L6", "X");
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_E_INVALID_MEDIA_POOL);
    new_media(&media, &side, &untyped_pool, "BAD002L6", "X");
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_E_INVALID_MEDIA_POOL);
    new_media(&media, &sides[0], &app_pool, "BAD003L6", "X");
    sides[1] = sides[0];
    media.info.media.number_of_partitions = 2;
    assert_int_equal(engine_create_media(engine, NULL, &media, sides, 2, 0), NTMS_E_MEDIA_INCOMPATIBLE);
    new_media(&media, &side, &app_pool, "BAD004L6", "X");
    media.info.media.current_library = app_pool;
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_E_INVALID_PARAMETER);
    new_media(&media, &side, &app_pool, "BAD005L6", "X");
    side.info.partition.omid_label_id_length = 0;
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_E_INVALID_PARAMETER);
    new_media(&media, &side, &app_pool, "BAD006L6", "X");
    side.info.partition.omid_label_type[0] = 0;
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_E_INVALID_PARAMETER);
    new_media(&media, &side, &app_pool, "BAD007L6", "X");
    side.info.partition.state = 10;
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_E_INVALID_PARAMETER);
    new_media(&media, &side, &app_pool, "BAD008L6", "X");
    side.info.partition.omid_label_id_length = 256;
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_E_INVALID_PARAMETER);
    engine_enumerate(engine, NULL, RSM_PHYSICAL_MEDIA, 0, list, &after);
    assert_int_equal(before, after);
}

static void creating_and_deleting_take_modify(void **state)
{
    struct rsm_object media, side;
    uint8_t acl[128], sd[256];
    struct sec_acl_builder b;

    (void)state;
    new_media(&media, &side, &app_pool, "ALI001L6", "LABEL-A");
    assert_int_equal(engine_create_media(engine, &alice, &media, &side, 1, 0), NTMS_E_ACCESS_DENIED);
    sec_acl_begin(&b, acl, sizeof(acl));
    sec_acl_add(&b, SEC_ACE_ACCESS_ALLOWED, 0, RSM_USE_ACCESS | RSM_MODIFY_ACCESS, &groups[1].sid);
    sec_acl_end(&b);
    struct sec_descriptor d = { SEC_SELF_RELATIVE | SEC_DACL_PRESENT, NULL, NULL, NULL, acl };
    size_t length = sec_descriptor_write(&d, sd, sizeof(sd));
    assert_int_equal(engine_set_security(engine, NULL, &app_pool, RSM_MEDIA_POOL, SEC_INFO_DACL, sd, length), NTMS_OK);
    assert_int_equal(engine_create_media(engine, &alice, &media, &side, 1, 0), NTMS_OK);
    assert_int_equal(engine_delete_media(engine, &alice, &media.id), NTMS_OK);
}

static void only_offline_unused_media_are_deleted(void **state)
{
    struct rsm_object media, side, gone;

    (void)state;
    new_media(&media, &side, &app_pool, "DEL001L6", "LABEL-X");
    ntms_guid_generate(&side.info.partition.logical_media);
    side.info.partition.state = RSM_PARTSTATE_ALLOCATED;
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_OK);
    assert_int_equal(engine_delete_media(engine, NULL, &media.id), NTMS_E_INVALID_STATE);
    /* Released, it goes, with its side and logical medium. */
    objdb_begin_write(engine->db);
    side.info.partition.state = RSM_PARTSTATE_AVAILABLE;
    objdb_put(engine->db, &side);
    objdb_commit(engine->db);
    assert_int_equal(engine_delete_media(engine, NULL, &media.id), NTMS_OK);
    assert_int_equal(engine_get_object(engine, &media.id, &gone), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_get_object(engine, &side.id, &gone), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_get_object(engine, &side.info.partition.logical_media, &gone), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_delete_media(engine, NULL, &media.id), NTMS_E_INVALID_MEDIA);
    assert_int_equal(engine_delete_media(engine, NULL, &app_pool), NTMS_E_INVALID_MEDIA);
}

static void moves_follow_the_access_rule(void **state)
{
    struct rsm_object media, side;

    (void)state;
    new_media(&media, &side, &import_lto6, "MOV001L6", "LABEL-M");
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_OK);
    /* Into Free: control of the source (Import: Users have use only). */
    assert_int_equal(engine_move_to_pool(engine, &alice, &media.id, &free_lto6), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_move_to_pool(engine, NULL, &media.id, &free_lto6), NTMS_OK);
    /* Out of Free: use of Free, control of the destination (app_pool grants use and modify only). */
    assert_int_equal(engine_move_to_pool(engine, &alice, &media.id, &app_pool), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_move_to_pool(engine, NULL, &media.id, &app_pool), NTMS_OK);
}

/* A library the last scan did not find, with a drive, a slot and a medium in it. */
static void absent_library(ntms_guid *library, ntms_guid *drive, ntms_guid *media_id, uint32_t slots)
{
    struct rsm_object o, media, side;

    new_media(&media, &side, &app_pool, slots ? "LIB001L6" : "SAD001L6", slots ? "LABEL-L" : "LABEL-S");
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_OK);
    *media_id = media.id;
    objdb_begin_write(engine->db);
    memset(&o, 0, sizeof(o));
    o.type = RSM_LIBRARY;
    o.operational_state = RSM_NOT_PRESENT;
    o.info.library.library_type = slots ? RSM_LIBRARYTYPE_ONLINE : RSM_LIBRARYTYPE_STANDALONE;
    o.info.library.number_of_slots = slots;
    o.info.library.number_of_drives = 1;
    ntms_guid_generate(&o.id);
    *library = o.id;
    objdb_put(engine->db, &o);
    memset(&o, 0, sizeof(o));
    o.type = RSM_DRIVE;
    o.operational_state = RSM_NOT_PRESENT;
    o.info.drive.library = *library;
    ntms_guid_generate(&o.id);
    *drive = o.id;
    objdb_put(engine->db, &o);
    media.info.media.current_library = *library;
    objdb_put(engine->db, &media);
    objdb_commit(engine->db);
}

static void deleting_a_library_keeps_its_media(void **state)
{
    ntms_guid library, drive, media_id;
    struct rsm_object o;

    (void)state;
    absent_library(&library, &drive, &media_id, 4);
    assert_int_equal(engine_delete_library(engine, &offline), NTMS_E_INVALID_LIBRARY);
    assert_int_equal(engine_delete_library(engine, &app_pool), NTMS_E_INVALID_LIBRARY);
    objdb_begin_write(engine->db);
    objdb_get(engine->db, &library, &o);
    o.operational_state = RSM_READY;
    objdb_put(engine->db, &o);
    objdb_commit(engine->db);
    assert_int_equal(engine_delete_library(engine, &library), NTMS_E_INVALID_STATE);
    assert_int_equal(engine_delete_drive(engine, &library), NTMS_E_INVALID_DRIVE);
    objdb_begin_write(engine->db);
    o.operational_state = RSM_NOT_PRESENT;
    objdb_put(engine->db, &o);
    objdb_commit(engine->db);
    assert_int_equal(engine_delete_library(engine, &library), NTMS_OK);
    assert_int_equal(engine_get_object(engine, &library, &o), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_get_object(engine, &drive, &o), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_get_object(engine, &media_id, &o), NTMS_OK);
    assert_true(ntms_guid_equal(&o.info.media.current_library, &offline));
}

static void a_stand_alone_drive_takes_its_library(void **state)
{
    ntms_guid library, drive, media_id;
    struct rsm_object o;

    (void)state;
    absent_library(&library, &drive, &media_id, 0);
    assert_int_equal(engine_delete_drive(engine, &drive), NTMS_OK);
    assert_int_equal(engine_get_object(engine, &library, &o), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_get_object(engine, &media_id, &o), NTMS_OK);
    assert_true(ntms_guid_equal(&o.info.media.current_library, &offline));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_new_medium_is_offline_and_complete),
        cmocka_unit_test(duplicates_are_refused),
        cmocka_unit_test(wrong_input_changes_nothing),
        cmocka_unit_test(creating_and_deleting_take_modify),
        cmocka_unit_test(only_offline_unused_media_are_deleted),
        cmocka_unit_test(moves_follow_the_access_rule),
        cmocka_unit_test(deleting_a_library_keeps_its_media),
        cmocka_unit_test(a_stand_alone_drive_takes_its_library),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
