/* RSM security on the engine: defaults, the governing descriptors, Get and
 * Set, new pools, the root pool; callers built by hand (the DLL reads
 * them from tokens). */
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
#include "engine/records/object_security.h"
#include "engine/records/pool_names.h"
#include "engine/records/pools.h"
#include "engine/records/system_objects.h"
#include "security/sec_acl.h"
#include "platform/plat_random.h"

static struct engine *engine;
static struct sec_sid admins, users, world, alice_sid, bob_sid;
static struct sec_identity user_groups[2], admin_groups[3];
static struct sec_caller alice, bob, admin;
static ntms_guid computer, root_pool, free_pool;

static void domain_user(struct sec_sid *sid, uint8_t rid)
{
    static const uint8_t prefix[] = { 1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 7, 0, 0, 0, 8, 0, 0, 0, 9, 0, 0, 0 };
    memcpy(sid->bytes, prefix, sizeof(prefix));
    sid->bytes[24] = rid;
    sid->bytes[25] = sid->bytes[26] = sid->bytes[27] = 0;
    sid->length = 28;
}

static bool any(const struct rsm_object *o, void *context)
{
    *(ntms_guid *)context = o->id;
    return false;
}

static int teardown(void **state)
{
    (void)state;
    return engine_fixture_remove();
}

static int setup(void **state)
{
    (void)state;
    if (engine_fixture_open(&engine))
        return -1;
    sec_sid_well_known(SEC_SID_ADMINISTRATORS, &admins);
    sec_sid_well_known(SEC_SID_USERS, &users);
    sec_sid_well_known(SEC_SID_WORLD, &world);
    domain_user(&alice_sid, 101);
    domain_user(&bob_sid, 102);
    user_groups[0] = (struct sec_identity){ world, SEC_GROUP_ENABLED };
    user_groups[1] = (struct sec_identity){ users, SEC_GROUP_ENABLED };
    admin_groups[0] = user_groups[0];
    admin_groups[1] = user_groups[1];
    admin_groups[2] = (struct sec_identity){ admins, SEC_GROUP_ENABLED };
    alice = (struct sec_caller){ .user = { alice_sid, 0 }, .groups = user_groups, .group_count = 2 };
    bob = (struct sec_caller){ .user = { bob_sid, 0 }, .groups = user_groups, .group_count = 2 };
    admin = (struct sec_caller){ .user = { alice_sid, 0 }, .groups = admin_groups, .group_count = 3 };
    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_COMPUTER, any, &computer);
    system_pool(engine->db, RSM_POOLTYPE_ROOT, NULL, &root_pool);
    system_pool(engine->db, RSM_POOLTYPE_SCRATCH, NULL, &free_pool);
    objdb_abort(engine->db);
    return 0;
}

/* An allow-only DACL descriptor for one SID, owned by Administrators. */
static size_t descriptor_allowing(const struct sec_sid *sid, uint32_t mask, uint8_t *out, size_t capacity)
{
    uint8_t acl[128];
    struct sec_acl_builder b;

    sec_acl_begin(&b, acl, sizeof(acl));
    sec_acl_add(&b, SEC_ACE_ACCESS_ALLOWED, 0, mask, sid);
    sec_acl_end(&b);
    struct sec_descriptor sd = { SEC_SELF_RELATIVE | SEC_DACL_PRESENT, admins.bytes, NULL, NULL, acl };
    return sec_descriptor_write(&sd, out, capacity);
}

static void defaults_give_users_use_and_administrators_all(void **state)
{
    (void)state;
    assert_int_equal(engine_check_access(engine, &alice, NULL, RSM_USE_ACCESS), NTMS_OK);
    assert_int_equal(engine_check_access(engine, &alice, NULL, RSM_CONTROL_ACCESS), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_check_access(engine, &alice, &free_pool, RSM_MODIFY_ACCESS), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_check_access(engine, &admin, NULL, RSM_CONTROL_ACCESS), NTMS_OK);
    assert_int_equal(engine_check_access(engine, NULL, NULL, RSM_CONTROL_ACCESS), NTMS_OK);
    /* An unknown object is the operation's to report. */
    ntms_guid unknown;
    ntms_guid_generate(&unknown);
    assert_int_equal(engine_check_access(engine, &alice, &unknown, RSM_CONTROL_ACCESS), NTMS_OK);
}

static void the_default_descriptor_reads_back(void **state)
{
    uint8_t buffer[512];
    uint32_t needed = 0;
    struct sec_descriptor sd;

    (void)state;
    assert_int_equal(engine_get_security(engine, &alice, &computer, RSM_COMPUTER,
                                         SEC_INFO_OWNER | SEC_INFO_GROUP | SEC_INFO_DACL, buffer, sizeof(buffer),
                                         &needed), NTMS_OK);
    assert_true(sec_descriptor_parse(buffer, needed, &sd));
    assert_true(sec_sid_equal(sd.owner, admins.bytes));
    assert_non_null(sd.dacl);
    /* Three ACEs: LocalSystem, Administrators, Users. */
    assert_int_equal(sd.dacl[4], 3);
    uint32_t small = 0;
    assert_int_equal(engine_get_security(engine, &alice, &computer, RSM_COMPUTER, SEC_INFO_DACL, buffer, 10,
                                         &small), NTMS_E_INSUFFICIENT_BUFFER);
    assert_true(small > 10 && small < needed);   /* without owner and group */
    assert_int_equal(engine_get_security(engine, &alice, &computer, RSM_COMPUTER, SEC_INFO_SACL, buffer,
                                         sizeof(buffer), &needed), NTMS_E_ACCESS_DENIED);
}

static void objects_without_descriptors_say_so(void **state)
{
    uint8_t buffer[512];
    uint32_t needed;
    ntms_guid media_type, unknown;

    (void)state;
    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_MEDIA_TYPE, any, &media_type);
    objdb_abort(engine->db);
    assert_int_equal(engine_get_security(engine, &admin, &media_type, RSM_MEDIA_TYPE, SEC_INFO_DACL, buffer,
                                         sizeof(buffer), &needed), NTMS_E_NO_SECURITY_ON_OBJECT);
    assert_int_equal(engine_get_security(engine, &admin, &computer, RSM_LIBRARY, SEC_INFO_DACL, buffer,
                                         sizeof(buffer), &needed), NTMS_E_INVALID_PARAMETER);
    ntms_guid_generate(&unknown);
    assert_int_equal(engine_get_security(engine, &admin, &unknown, RSM_MEDIA_POOL, SEC_INFO_DACL, buffer,
                                         sizeof(buffer), &needed), NTMS_E_OBJECT_NOT_FOUND);
}

static void only_those_with_write_dac_set_descriptors(void **state)
{
    uint8_t sd[256];
    size_t length = descriptor_allowing(&users, RSM_USE_ACCESS | RSM_MODIFY_ACCESS | SEC_READ_CONTROL, sd,
                                        sizeof(sd));

    (void)state;
    assert_int_equal(engine_set_security(engine, &alice, &free_pool, RSM_MEDIA_POOL, SEC_INFO_DACL, sd, length),
                     NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_set_security(engine, &admin, &free_pool, RSM_MEDIA_POOL, SEC_INFO_DACL, sd, length),
                     NTMS_OK);
    assert_int_equal(engine_check_access(engine, &alice, &free_pool, RSM_MODIFY_ACCESS), NTMS_OK);
    assert_int_equal(engine_check_access(engine, &alice, &free_pool, RSM_CONTROL_ACCESS), NTMS_E_ACCESS_DENIED);
    /* The owner stayed: only the DACL was named. */
    uint8_t out[256];
    uint32_t needed;
    struct sec_descriptor parsed;
    assert_int_equal(engine_get_security(engine, &admin, &free_pool, RSM_MEDIA_POOL, SEC_INFO_OWNER, out,
                                         sizeof(out), &needed), NTMS_OK);
    assert_true(sec_descriptor_parse(out, needed, &parsed));
    assert_true(sec_sid_equal(parsed.owner, admins.bytes));
    /* Bytes that are no descriptor change nothing. */
    sd[0] = 7;
    assert_int_equal(engine_set_security(engine, &admin, &free_pool, RSM_MEDIA_POOL, SEC_INFO_DACL, sd, length),
                     NTMS_E_INVALID_PARAMETER);
    assert_int_equal(engine_check_access(engine, &alice, &free_pool, RSM_MODIFY_ACCESS), NTMS_OK);
    assert_int_equal(engine_set_security(engine, &admin, &free_pool, RSM_MEDIA_POOL, SEC_INFO_SACL, out, needed),
                     NTMS_E_ACCESS_DENIED);   /* no SeSecurityPrivilege */
}

static void new_pools_belong_to_their_creator(void **state)
{
    uint8_t sd[256];
    size_t length = descriptor_allowing(&users, RSM_USE_ACCESS | RSM_CONTROL_ACCESS, sd, sizeof(sd));
    wchar16 top[] = { '\\', 'A', 'l', 'i', 'c', 'e', 0 };
    wchar16 child[] = { '\\', 'A', 'l', 'i', 'c', 'e', '\\', 'K', 'i', 'd', 0 };
    ntms_guid pool, kid;

    (void)state;
    /* Without control of the root pool, no top-level pool. */
    assert_int_equal(engine_create_pool(engine, &alice, top, NULL, 2, NULL, 0, &pool), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_set_security(engine, &admin, &root_pool, RSM_MEDIA_POOL, SEC_INFO_DACL, sd, length),
                     NTMS_OK);
    assert_int_equal(engine_create_pool(engine, &alice, top, NULL, 2, NULL, 0, &pool), NTMS_OK);
    /* Directly under the root: the creator and LocalSystem only. */
    assert_int_equal(engine_check_access(engine, &alice, &pool, RSM_CONTROL_ACCESS | SEC_WRITE_DAC), NTMS_OK);
    assert_int_equal(engine_check_access(engine, &bob, &pool, RSM_USE_ACCESS), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_create_pool(engine, &bob, child, NULL, 2, NULL, 0, &kid), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_create_pool(engine, &alice, child, NULL, 2, NULL, 0, &kid), NTMS_OK);
    assert_int_equal(engine_check_access(engine, &alice, &kid, RSM_CONTROL_ACCESS), NTMS_OK);
    assert_int_equal(engine_check_access(engine, &bob, &kid, RSM_USE_ACCESS), NTMS_E_ACCESS_DENIED);
    /* A pool created with a descriptor gets it, owned by the creator. */
    wchar16 open_pool[] = { '\\', 'O', 'p', 'e', 'n', 0 };
    ntms_guid opened;
    length = descriptor_allowing(&world, RSM_USE_ACCESS, sd, sizeof(sd));
    struct sec_descriptor given;
    sec_descriptor_parse(sd, length, &given);
    given.owner = NULL;
    uint8_t ownerless[256];
    length = sec_descriptor_write(&given, ownerless, sizeof(ownerless));
    assert_int_equal(engine_create_pool(engine, &alice, open_pool, NULL, 2, ownerless, length, &opened), NTMS_OK);
    assert_int_equal(engine_check_access(engine, &bob, &opened, RSM_USE_ACCESS), NTMS_OK);
    assert_int_equal(engine_check_access(engine, &bob, &opened, RSM_MODIFY_ACCESS), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_check_access(engine, &alice, &opened, SEC_WRITE_DAC), NTMS_OK);   /* as owner */
}

static void the_root_pool_shows_only_when_asked(void **state)
{
    ntms_guid list[64];
    uint32_t count = 64;

    (void)state;
    assert_int_equal(engine_enumerate(engine, NULL, RSM_MEDIA_POOL, 1, list, &count), NTMS_OK);
    assert_true(ntms_guid_equal(&list[0], &root_pool));
    uint32_t with_root = count;
    count = 64;
    assert_int_equal(engine_enumerate(engine, NULL, RSM_MEDIA_POOL, 0, list, &count), NTMS_OK);
    assert_int_equal(count, with_root - 1);
    for (uint32_t i = 0; i < count; i++)
        assert_false(ntms_guid_equal(&list[i], &root_pool));
    uint32_t top = count;
    count = 64;
    assert_int_equal(engine_enumerate(engine, &root_pool, RSM_MEDIA_POOL, 0, list, &count), NTMS_OK);
    assert_int_equal(count, top);
    assert_int_equal(engine_delete_pool(engine, &root_pool), NTMS_E_INVALID_MEDIA_POOL);
    wchar16 name[8];
    uint32_t length = 8;
    assert_int_equal(engine_pool_name(engine, &root_pool, name, &length), NTMS_OK);
    assert_int_equal(name[0], '\\');
    assert_int_equal(name[1], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_give_users_use_and_administrators_all),
        cmocka_unit_test(the_default_descriptor_reads_back),
        cmocka_unit_test(objects_without_descriptors_say_so),
        cmocka_unit_test(only_those_with_write_dac_set_descriptors),
        cmocka_unit_test(new_pools_belong_to_their_creator),
        cmocka_unit_test(the_root_pool_shows_only_when_asked),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
