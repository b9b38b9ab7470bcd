#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "sd_fixture.h"
#include "security/sec_access.h"

enum { USE = 1, MODIFY = 2, CONTROL = 4 };
static const struct sec_generic_mapping ntms = { USE | SEC_READ_CONTROL, USE | MODIFY | SEC_WRITE_DAC,
                                                 USE | MODIFY | CONTROL | SEC_READ_CONTROL | SEC_WRITE_DAC,
                                                 USE | MODIFY | CONTROL | SEC_READ_CONTROL | SEC_WRITE_DAC };

static struct sec_sid admins, users, world, system_sid, owner_rights, alice, bob;

/* A user of S-1-5-21-1-2-3-<rid>. */
static void domain_user(struct sec_sid *sid, uint32_t rid)
{
    static const uint8_t prefix[] = { 1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0 };
    memcpy(sid->bytes, prefix, sizeof(prefix));
    memcpy(sid->bytes + sizeof(prefix), &rid, 4);   /* little-endian hosts: the layout is LE */
    sid->length = sizeof(prefix) + 4;
}

static int setup(void **state)
{
    (void)state;
    sec_sid_well_known(SEC_SID_ADMINISTRATORS, &admins);
    sec_sid_well_known(SEC_SID_USERS, &users);
    sec_sid_well_known(SEC_SID_WORLD, &world);
    sec_sid_well_known(SEC_SID_LOCAL_SYSTEM, &system_sid);
    sec_sid_well_known(SEC_SID_OWNER_RIGHTS, &owner_rights);
    domain_user(&alice, 1001);
    domain_user(&bob, 1002);
    return 0;
}

struct caller_fixture {
    struct sec_caller   caller;
    struct sec_identity groups[4];
};

/* Alice, in Everyone and Users; `admin_attributes` adds Administrators. */
static void as_alice(struct caller_fixture *f, uint32_t admin_attributes)
{
    memset(f, 0, sizeof(*f));
    f->caller.user.sid = alice;
    f->groups[0] = (struct sec_identity){ world, SEC_GROUP_ENABLED };
    f->groups[1] = (struct sec_identity){ users, SEC_GROUP_ENABLED };
    f->caller.group_count = 2;
    if (admin_attributes) {
        f->groups[2] = (struct sec_identity){ admins, admin_attributes };
        f->caller.group_count = 3;
    }
    f->caller.groups = f->groups;
}

static uint32_t granted(const struct sd_fixture *sd, const struct sec_caller *c, uint32_t desired)
{
    struct sec_descriptor parsed;

    assert_true(sec_descriptor_parse(sd->bytes, sd->length, &parsed));
    return sec_access_granted(&parsed, c, desired, &ntms);
}

static void users_use_administrators_control(void **state)
{
    struct sd_fixture sd;
    const struct ace_spec aces[] = {
        { SEC_ACE_ACCESS_ALLOWED, 0, SEC_GENERIC_ALL, &admins },
        { SEC_ACE_ACCESS_ALLOWED, 0, SEC_GENERIC_READ, &users },
    };
    (void)state;
    sd_build(&sd, &admins, &system_sid, aces, 2, 0);
    struct caller_fixture user, admin;
    as_alice(&user, 0);
    as_alice(&admin, SEC_GROUP_ENABLED);
    assert_int_equal(granted(&sd, &user.caller, USE), USE);
    assert_int_equal(granted(&sd, &user.caller, SEC_READ_CONTROL), SEC_READ_CONTROL);   /* GENERIC_READ mapped */
    assert_int_equal(granted(&sd, &user.caller, CONTROL), 0);
    assert_int_equal(granted(&sd, &user.caller, USE | MODIFY), USE);
    assert_int_equal(granted(&sd, &admin.caller, CONTROL | SEC_WRITE_DAC), CONTROL | SEC_WRITE_DAC);
    assert_int_equal(granted(&sd, &admin.caller, SEC_GENERIC_ALL), ntms.all);
}

static void deny_only_groups_deny_but_never_grant(void **state)
{
    struct sd_fixture allow_admins, deny_admins;
    const struct ace_spec allow[] = { { SEC_ACE_ACCESS_ALLOWED, 0, CONTROL, &admins },
                                      { SEC_ACE_ACCESS_ALLOWED, 0, USE, &world } };
    const struct ace_spec deny[] = { { SEC_ACE_ACCESS_DENIED, 0, USE, &admins },
                                     { SEC_ACE_ACCESS_ALLOWED, 0, USE, &world } };
    (void)state;
    sd_build(&allow_admins, &admins, NULL, allow, 2, 0);
    sd_build(&deny_admins, &admins, NULL, deny, 2, 0);
    /* A restricted token: Administrators only for deny (Wine shows 0x19). */
    struct caller_fixture restricted;
    as_alice(&restricted, 0x19);
    assert_int_equal(granted(&allow_admins, &restricted.caller, CONTROL), 0);
    assert_int_equal(granted(&allow_admins, &restricted.caller, USE), USE);
    assert_int_equal(granted(&deny_admins, &restricted.caller, USE), 0);
    struct caller_fixture plain;
    as_alice(&plain, 0);
    assert_int_equal(granted(&deny_admins, &plain.caller, USE), USE);
}

static void order_decides_between_allow_and_deny(void **state)
{
    struct sd_fixture deny_first, allow_first;
    const struct ace_spec a[] = { { SEC_ACE_ACCESS_DENIED, 0, MODIFY, &alice },
                                  { SEC_ACE_ACCESS_ALLOWED, 0, USE | MODIFY, &users } };
    const struct ace_spec b[] = { { SEC_ACE_ACCESS_ALLOWED, 0, USE | MODIFY, &users },
                                  { SEC_ACE_ACCESS_DENIED, 0, MODIFY, &alice } };
    (void)state;
    sd_build(&deny_first, &admins, NULL, a, 2, 0);
    sd_build(&allow_first, &admins, NULL, b, 2, 0);
    struct caller_fixture c;
    as_alice(&c, 0);
    assert_int_equal(granted(&deny_first, &c.caller, USE | MODIFY), USE);
    assert_int_equal(granted(&allow_first, &c.caller, USE | MODIFY), USE | MODIFY);
}

static void no_dacl_grants_all_and_an_empty_one_nothing(void **state)
{
    struct sd_fixture null_dacl, none, empty;

    (void)state;
    sd_build(&null_dacl, &admins, NULL, NULL, 0, 1);
    sd_build(&none, &admins, NULL, NULL, -1, 0);
    sd_build(&empty, &admins, NULL, NULL, 0, 0);
    struct caller_fixture c;
    as_alice(&c, 0);
    assert_int_equal(granted(&null_dacl, &c.caller, CONTROL), CONTROL);
    assert_int_equal(granted(&none, &c.caller, CONTROL), CONTROL);
    assert_int_equal(granted(&empty, &c.caller, USE), 0);
}

static void owners_may_read_and_change_the_dacl(void **state)
{
    struct sd_fixture owned, limited;
    const struct ace_spec plain[] = { { SEC_ACE_ACCESS_ALLOWED, 0, USE, &world } };
    const struct ace_spec rights[] = { { SEC_ACE_ACCESS_ALLOWED, 0, SEC_READ_CONTROL, &owner_rights },
                                       { SEC_ACE_ACCESS_ALLOWED, 0, USE, &world } };
    (void)state;
    sd_build(&owned, &alice, NULL, plain, 1, 0);
    sd_build(&limited, &alice, NULL, rights, 2, 0);
    struct caller_fixture c;
    as_alice(&c, 0);
    assert_int_equal(granted(&owned, &c.caller, SEC_READ_CONTROL | SEC_WRITE_DAC), SEC_READ_CONTROL | SEC_WRITE_DAC);
    assert_int_equal(granted(&owned, &c.caller, CONTROL), 0);
    /* An OWNER RIGHTS ACE replaces the implicit rights (and Alice is not S-1-3-4 herself). */
    assert_int_equal(granted(&limited, &c.caller, SEC_READ_CONTROL | SEC_WRITE_DAC), 0);
    c.caller.user.sid = bob;
    assert_int_equal(granted(&owned, &c.caller, SEC_READ_CONTROL), 0);
}

static void inherit_only_aces_do_not_apply_here(void **state)
{
    struct sd_fixture sd;
    const struct ace_spec aces[] = { { SEC_ACE_ACCESS_ALLOWED, SEC_ACE_INHERIT_ONLY | SEC_ACE_CONTAINER_INHERIT,
                                       CONTROL, &alice },
                                     { SEC_ACE_ACCESS_ALLOWED, SEC_ACE_CONTAINER_INHERIT, USE, &alice } };
    (void)state;
    sd_build(&sd, &admins, NULL, aces, 2, 0);
    struct caller_fixture c;
    as_alice(&c, 0);
    assert_int_equal(granted(&sd, &c.caller, CONTROL | USE), USE);
}

static void restricted_tokens_pass_twice(void **state)
{
    struct sd_fixture sd;
    const struct ace_spec aces[] = { { SEC_ACE_ACCESS_ALLOWED, 0, USE | MODIFY, &alice },
                                     { SEC_ACE_ACCESS_ALLOWED, 0, USE, &world } };
    (void)state;
    sd_build(&sd, &admins, NULL, aces, 2, 0);
    struct caller_fixture c;
    as_alice(&c, 0);
    struct sec_identity restricting = { world, SEC_GROUP_ENABLED };
    c.caller.restricting = &restricting;
    c.caller.restricting_count = 1;
    assert_int_equal(granted(&sd, &c.caller, USE | MODIFY), USE);   /* Everyone has no MODIFY */
}

static void administrators_are_recognised(void **state)
{
    (void)state;
    struct caller_fixture admin, restricted, user;
    as_alice(&admin, SEC_GROUP_ENABLED | 0xB);
    as_alice(&restricted, 0x19);
    as_alice(&user, 0);
    assert_true(sec_caller_is_administrator(&admin.caller));
    assert_false(sec_caller_is_administrator(&restricted.caller));
    assert_false(sec_caller_is_administrator(&user.caller));
}

static void generic_rights_are_mapped_when_stored(void **state)
{
    struct sd_fixture sd;
    struct sec_descriptor parsed;
    struct sec_acl_cursor cursor = SEC_ACL_CURSOR_START;
    struct sec_ace ace;
    const struct ace_spec aces[] = { { SEC_ACE_ACCESS_ALLOWED, 0, SEC_GENERIC_WRITE, &users },
                                     { SEC_ACE_ACCESS_ALLOWED, SEC_ACE_INHERIT_ONLY, SEC_GENERIC_ALL, &users } };
    (void)state;
    sd_build(&sd, &admins, NULL, aces, 2, 0);
    assert_true(sec_descriptor_parse(sd.bytes, sd.length, &parsed));
    sec_acl_map_generic(sd.bytes + (parsed.dacl - sd.bytes), &ntms);
    assert_true(sec_acl_next(parsed.dacl, &cursor, &ace));
    assert_int_equal(ace.mask, USE | MODIFY | SEC_WRITE_DAC);
    assert_true(sec_acl_next(parsed.dacl, &cursor, &ace));
    assert_int_equal(ace.mask, SEC_GENERIC_ALL);   /* inherit-only: kept for inheritance */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(users_use_administrators_control),
        cmocka_unit_test(deny_only_groups_deny_but_never_grant),
        cmocka_unit_test(order_decides_between_allow_and_deny),
        cmocka_unit_test(no_dacl_grants_all_and_an_empty_one_nothing),
        cmocka_unit_test(owners_may_read_and_change_the_dacl),
        cmocka_unit_test(inherit_only_aces_do_not_apply_here),
        cmocka_unit_test(restricted_tokens_pass_twice),
        cmocka_unit_test(administrators_are_recognised),
        cmocka_unit_test(generic_rights_are_mapped_when_stored),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
