#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sd_fixture.h"
#include "security/sec_access.h"
#include "security/sec_caller.h"

enum { USE = 1, MODIFY = 2, CONTROL = 4, ALL_RIGHTS = USE | MODIFY | CONTROL };
static const struct sec_generic_mapping ntms = { USE, USE | MODIFY, ALL_RIGHTS, ALL_RIGHTS };

/* Administrators as a restricted token (CreateRestrictedToken) leaves it:
 * only for deny. */
#define DENY_ONLY_ADMINISTRATORS 0x19

static struct sec_sid admins, users, world, alice;

/* The allocator the builder uses: fails its `fail_at`th call (0: none). */
static size_t allocations, fail_at;

static void *failing_alloc(size_t size)
{
    return ++allocations == fail_at ? NULL : malloc(size);
}

static void fail_allocation(size_t n)
{
    allocations = 0;
    fail_at = n;
    sec_caller_alloc = failing_alloc;
}

static int setup(void **state)
{
    (void)state;
    sec_sid_well_known(SEC_SID_ADMINISTRATORS, &admins);
    sec_sid_well_known(SEC_SID_USERS, &users);
    sec_sid_well_known(SEC_SID_WORLD, &world);
    static const uint8_t alice_sid[] = { 1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0,
                                         2, 0, 0, 0, 3, 0, 0, 0, 0xe9, 3, 0, 0 };   /* S-1-5-21-1-2-3-1001 */
    memcpy(alice.bytes, alice_sid, sizeof(alice_sid));
    alice.length = sizeof(alice_sid);
    return 0;
}

static int restore_allocator(void **state)
{
    (void)state;
    sec_caller_alloc = malloc;
    return 0;
}

static struct sec_token_sid raw(const struct sec_sid *sid, uint32_t attributes)
{
    return (struct sec_token_sid){ sid->bytes, sid->length, attributes };
}

/* Alice's token as a restricted one: Administrators deny-only, and every
 * access must also pass for Users. */
struct token_fixture {
    struct sec_token     token;
    struct sec_token_sid groups[3];
    struct sec_token_sid restricting[1];
};

static void restricted_alice(struct token_fixture *f)
{
    memset(f, 0, sizeof(*f));
    f->groups[0] = raw(&world, SEC_GROUP_ENABLED);
    f->groups[1] = raw(&users, SEC_GROUP_ENABLED);
    f->groups[2] = raw(&admins, DENY_ONLY_ADMINISTRATORS);
    f->restricting[0] = raw(&users, SEC_GROUP_ENABLED);
    f->token.user = raw(&alice, 0);
    f->token.groups = f->groups;
    f->token.group_count = 3;
    f->token.restricting = f->restricting;
    f->token.restricting_count = 1;
    f->token.privileges = SEC_PRIVILEGE_SECURITY;
}

static void assert_empty(const struct sec_caller *c)
{
    assert_null(c->groups);
    assert_int_equal(c->group_count, 0);
    assert_null(c->restricting);
    assert_int_equal(c->restricting_count, 0);
    assert_int_equal(c->user.sid.length, 0);
    assert_int_equal(c->privileges, 0);
}

static uint32_t granted(const struct sd_fixture *sd, const struct sec_caller *c, uint32_t desired)
{
    struct sec_descriptor parsed;

    assert_true(sec_descriptor_parse(sd->bytes, sd->length, &parsed));
    return sec_access_granted(&parsed, c, desired, &ntms);
}

/* Alice may do everything, Administrators nothing: only the deny-only
 * group keeps her out. */
static void deny_administrators(struct sd_fixture *sd)
{
    const struct ace_spec aces[] = {
        { SEC_ACE_ACCESS_DENIED, 0, SEC_GENERIC_ALL, &admins },
        { SEC_ACE_ACCESS_ALLOWED, 0, SEC_GENERIC_ALL, &alice },
    };
    sd_build(sd, &admins, &admins, aces, 2, 0);
}

/* Alice may do everything, Users only use: only the restricting SIDs keep
 * her to use. */
static void users_may_only_use(struct sd_fixture *sd)
{
    const struct ace_spec aces[] = {
        { SEC_ACE_ACCESS_ALLOWED, 0, SEC_GENERIC_ALL, &alice },
        { SEC_ACE_ACCESS_ALLOWED, 0, SEC_GENERIC_READ, &users },
    };
    sd_build(sd, &admins, &admins, aces, 2, 0);
}

static void assert_restrictions_hold(const struct sec_caller *c)
{
    struct sd_fixture denying, restricting;

    deny_administrators(&denying);
    users_may_only_use(&restricting);
    assert_int_equal(granted(&denying, c, ALL_RIGHTS), 0);
    assert_int_equal(granted(&restricting, c, ALL_RIGHTS), USE);
    assert_false(sec_caller_is_administrator(c));
}

static void a_token_is_copied_whole(void **state)
{
    struct token_fixture f;
    struct sec_caller c;
    (void)state;

    restricted_alice(&f);
    assert_int_equal(sec_caller_build(&f.token, &c), NTMS_OK);
    assert_true(sec_sid_equal(c.user.sid.bytes, alice.bytes));
    assert_int_equal(c.group_count, 3);
    assert_true(sec_sid_equal(c.groups[2].sid.bytes, admins.bytes));
    assert_int_equal(c.groups[2].attributes, DENY_ONLY_ADMINISTRATORS);
    assert_int_equal(c.restricting_count, 1);
    assert_true(sec_sid_equal(c.restricting[0].sid.bytes, users.bytes));
    assert_int_equal(c.privileges, SEC_PRIVILEGE_SECURITY);
    assert_restrictions_hold(&c);
    sec_caller_free(&c);
    assert_empty(&c);
}

/* Every allocation in turn fails: each time the build fails whole, and
 * once none fails it is the complete caller. */
static void no_allocation_failure_leaves_a_partial_caller(void **state)
{
    struct token_fixture f;
    size_t n = 1;
    (void)state;

    restricted_alice(&f);
    for (;; n++) {
        struct sec_caller c;
        fail_allocation(n);
        ntms_err status = sec_caller_build(&f.token, &c);
        if (status == NTMS_OK) {
            assert_int_equal(c.group_count, 3);
            assert_int_equal(c.restricting_count, 1);
            assert_restrictions_hold(&c);
            sec_caller_free(&c);
            break;
        }
        assert_int_equal(status, NTMS_E_NOT_ENOUGH_MEMORY);
        assert_empty(&c);
    }
    assert_int_equal(n, 3);   /* the groups, then the restricting SIDs */
}

static void no_allocation_failure_leaves_a_partial_copy(void **state)
{
    struct token_fixture f;
    struct sec_caller original;
    size_t n = 1;
    (void)state;

    restricted_alice(&f);
    assert_int_equal(sec_caller_build(&f.token, &original), NTMS_OK);
    for (;; n++) {
        struct sec_caller c;
        fail_allocation(n);
        ntms_err status = sec_caller_copy(&c, &original);
        if (status == NTMS_OK) {
            assert_int_equal(c.group_count, 3);
            assert_int_equal(c.restricting_count, 1);
            assert_ptr_not_equal(c.groups, original.groups);
            assert_restrictions_hold(&c);
            sec_caller_free(&c);
            break;
        }
        assert_int_equal(status, NTMS_E_NOT_ENOUGH_MEMORY);
        assert_empty(&c);
    }
    assert_int_equal(n, 3);
    sec_caller_free(&original);
}

static void assert_malformed_fails_the_read(const struct sec_token *token)
{
    struct sec_caller c;

    assert_int_equal(sec_caller_build(token, &c), NTMS_E_ACCESS_DENIED);
    assert_empty(&c);
}

/* A SID that is not one is no group to skip: the token is unreadable. */
static void a_malformed_sid_fails_the_whole_read(void **state)
{
    struct token_fixture f;
    struct sec_sid bad_revision = admins, too_many = admins;
    (void)state;

    bad_revision.bytes[0] = 2;
    too_many.bytes[1] = SEC_SID_MAX_SUB_AUTHORITIES + 1;

    restricted_alice(&f);
    f.groups[2] = raw(&bad_revision, DENY_ONLY_ADMINISTRATORS);
    assert_malformed_fails_the_read(&f.token);

    restricted_alice(&f);
    f.groups[0] = raw(&too_many, SEC_GROUP_ENABLED);
    assert_malformed_fails_the_read(&f.token);

    restricted_alice(&f);
    f.groups[1].available = users.length - 1;   /* cut short */
    assert_malformed_fails_the_read(&f.token);

    restricted_alice(&f);
    f.groups[1].bytes = NULL;
    assert_malformed_fails_the_read(&f.token);

    restricted_alice(&f);
    f.restricting[0] = raw(&bad_revision, SEC_GROUP_ENABLED);
    assert_malformed_fails_the_read(&f.token);

    restricted_alice(&f);
    f.token.user.available = 7;
    assert_malformed_fails_the_read(&f.token);
}

/* An empty list is no allocation that could fail. */
static void a_token_without_groups_needs_no_allocation(void **state)
{
    struct sec_token token = { .user = raw(&alice, 0) };
    struct sec_caller c;
    (void)state;

    fail_allocation(1);
    assert_int_equal(sec_caller_build(&token, &c), NTMS_OK);
    assert_int_equal(allocations, 0);
    assert_null(c.groups);
    assert_null(c.restricting);
    sec_caller_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(a_token_is_copied_whole, restore_allocator),
        cmocka_unit_test_teardown(no_allocation_failure_leaves_a_partial_caller, restore_allocator),
        cmocka_unit_test_teardown(no_allocation_failure_leaves_a_partial_copy, restore_allocator),
        cmocka_unit_test_teardown(a_malformed_sid_fails_the_whole_read, restore_allocator),
        cmocka_unit_test_teardown(a_token_without_groups_needs_no_allocation, restore_allocator),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
