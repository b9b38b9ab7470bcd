#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "sd_fixture.h"
#include "security/sec_sid.h"

static void well_known_sids_have_windows_bytes(void **state)
{
    static const uint8_t administrators[] = { 1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 2, 0, 0 };
    static const uint8_t system[] = { 1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0 };
    struct sec_sid sid;

    (void)state;
    sec_sid_well_known(SEC_SID_ADMINISTRATORS, &sid);
    assert_int_equal(sid.length, sizeof(administrators));
    assert_memory_equal(sid.bytes, administrators, sizeof(administrators));
    sec_sid_well_known(SEC_SID_LOCAL_SYSTEM, &sid);
    assert_memory_equal(sid.bytes, system, sizeof(system));
    assert_int_equal(sec_sid_length(system, sizeof(system)), 12);
    assert_int_equal(sec_sid_length(system, 11), 0);          /* cut short */
}

static void sids_that_are_not_sids(void **state)
{
    uint8_t sid[80] = { 1, 16 };   /* 16 sub-authorities: one too many */

    (void)state;
    assert_int_equal(sec_sid_length(sid, sizeof(sid)), 0);
    sid[1] = 2;
    sid[0] = 2;                     /* revision 2 does not exist */
    assert_int_equal(sec_sid_length(sid, sizeof(sid)), 0);
    assert_int_equal(sec_sid_length(NULL, 16), 0);
}

static struct sd_fixture default_like(void)
{
    struct sec_sid admins, system, users;
    struct sd_fixture f;

    sec_sid_well_known(SEC_SID_ADMINISTRATORS, &admins);
    sec_sid_well_known(SEC_SID_LOCAL_SYSTEM, &system);
    sec_sid_well_known(SEC_SID_USERS, &users);
    const struct ace_spec aces[] = {
        { SEC_ACE_ACCESS_ALLOWED, 0, 0x7, &admins },
        { SEC_ACE_ACCESS_ALLOWED, 0, 0x1, &users },
    };
    sd_build(&f, &admins, &system, aces, 2, 0);
    return f;
}

static void a_descriptor_round_trips(void **state)
{
    struct sd_fixture f = default_like();
    struct sec_descriptor sd;
    uint8_t again[1024];

    (void)state;
    /* 20 header + 16 owner + 12 group + 8 ACL header + (8+16) + (8+16) */
    assert_int_equal(f.length, 20 + 16 + 12 + 8 + 24 + 24);
    assert_true(sec_descriptor_parse(f.bytes, f.length, &sd));
    assert_true(sd.control & SEC_DACL_PRESENT);
    assert_non_null(sd.owner);
    assert_non_null(sd.group);
    assert_null(sd.sacl);
    assert_int_equal(sec_descriptor_size(&sd), f.length);
    assert_int_equal(sec_descriptor_write(&sd, again, sizeof(again)), f.length);
    assert_memory_equal(again, f.bytes, f.length);
    /* Too small a buffer: nothing written, the size needed returned. */
    memset(again, 0xAA, sizeof(again));
    assert_int_equal(sec_descriptor_write(&sd, again, 10), f.length);
    assert_int_equal(again[0], 0xAA);
}

static void every_truncation_is_refused(void **state)
{
    struct sd_fixture f = default_like();
    struct sec_descriptor sd;

    (void)state;
    for (size_t length = 0; length < f.length; length++)
        assert_false(sec_descriptor_parse(f.bytes, length, &sd));
    assert_true(sec_descriptor_parse(f.bytes, f.length, &sd));
}

static void damaged_headers_are_refused(void **state)
{
    struct sec_descriptor sd;

    (void)state;
    struct sd_fixture f = default_like();
    f.bytes[0] = 2;                                  /* revision */
    assert_false(sec_descriptor_parse(f.bytes, f.length, &sd));
    f = default_like();
    f.bytes[3] &= 0x7F;                              /* absolute, not self-relative */
    assert_false(sec_descriptor_parse(f.bytes, f.length, &sd));
    f = default_like();
    f.bytes[4] = 8;                                  /* owner inside the header */
    assert_false(sec_descriptor_parse(f.bytes, f.length, &sd));
    f = default_like();
    f.bytes[18] = 0x10;                              /* DACL offset far past the end */
    assert_false(sec_descriptor_parse(f.bytes, f.length, &sd));
    assert_false(sec_descriptor_parse(NULL, 100, &sd));
}

/* Offsets of the DACL and its first ACE in default_like(). */
#define DACL_AT (20 + 16 + 12)
#define ACE_AT (DACL_AT + 8)

static void damaged_acls_are_refused(void **state)
{
    struct sec_descriptor sd;

    (void)state;
    struct sd_fixture f = default_like();
    f.bytes[DACL_AT + 2] = 0xFF;                     /* AclSize larger than what is there */
    assert_false(sec_descriptor_parse(f.bytes, f.length, &sd));
    f = default_like();
    f.bytes[DACL_AT + 4] = 3;                        /* one ACE more than it holds */
    assert_false(sec_descriptor_parse(f.bytes, f.length, &sd));
    f = default_like();
    f.bytes[ACE_AT + 2] = 26;                        /* ACE size not a multiple of 4 */
    assert_false(sec_descriptor_parse(f.bytes, f.length, &sd));
    f = default_like();
    f.bytes[ACE_AT + 2] = 0xF0;                      /* ACE past its ACL */
    assert_false(sec_descriptor_parse(f.bytes, f.length, &sd));
    f = default_like();
    f.bytes[ACE_AT + 9] = 9;                         /* the ACE's SID claims 9 sub-authorities */
    assert_false(sec_descriptor_parse(f.bytes, f.length, &sd));
    f = default_like();
    f.bytes[DACL_AT] = 3;                            /* ACL revision 3 does not exist */
    assert_false(sec_descriptor_parse(f.bytes, f.length, &sd));
}

static void unknown_ace_types_are_carried(void **state)
{
    struct sd_fixture f = default_like();
    struct sec_descriptor sd;
    struct sec_acl_cursor cursor = SEC_ACL_CURSOR_START;
    struct sec_ace ace;

    (void)state;
    f.bytes[ACE_AT] = 0x11;                          /* SYSTEM_MANDATORY_LABEL: not ours to judge */
    assert_true(sec_descriptor_parse(f.bytes, f.length, &sd));
    assert_true(sec_acl_next(sd.dacl, &cursor, &ace));
    assert_int_equal(ace.type, 0x11);
    assert_null(ace.sid);
    assert_true(sec_acl_next(sd.dacl, &cursor, &ace));
    assert_int_equal(ace.mask, 1);
    assert_false(sec_acl_next(sd.dacl, &cursor, &ace));
}

static void null_dacl_is_present_without_bytes(void **state)
{
    struct sd_fixture f;
    struct sec_descriptor sd;
    struct sec_sid admins;

    (void)state;
    sec_sid_well_known(SEC_SID_ADMINISTRATORS, &admins);
    sd_build(&f, &admins, NULL, NULL, 0, 1);
    assert_int_equal(f.length, 20 + 16);
    assert_true(sec_descriptor_parse(f.bytes, f.length, &sd));
    assert_true(sd.control & SEC_DACL_PRESENT);
    assert_null(sd.dacl);
}

static void merge_replaces_only_what_is_named(void **state)
{
    struct sd_fixture stored = default_like(), given;
    struct sec_descriptor into, from;
    struct sec_sid users, world;
    uint8_t out[1024];

    (void)state;
    sec_sid_well_known(SEC_SID_USERS, &users);
    sec_sid_well_known(SEC_SID_WORLD, &world);
    const struct ace_spec aces[] = { { SEC_ACE_ACCESS_ALLOWED, 0, 0x7, &world } };
    sd_build(&given, &users, &users, aces, 1, 0);
    assert_true(sec_descriptor_parse(stored.bytes, stored.length, &into));
    assert_true(sec_descriptor_parse(given.bytes, given.length, &from));
    const uint8_t *owner = into.owner;
    sec_descriptor_merge(&into, &from, SEC_INFO_DACL);
    assert_ptr_equal(into.owner, owner);
    assert_ptr_equal(into.dacl, from.dacl);
    size_t n = sec_descriptor_write(&into, out, sizeof(out));
    struct sec_descriptor result;
    assert_true(sec_descriptor_parse(out, n, &result));
    assert_int_equal(sec_sid_length(result.owner, 16), 16);   /* still Administrators */
    assert_int_equal(result.owner[12], 0x20);

    sec_descriptor_select(&result, SEC_INFO_OWNER);
    assert_null(result.dacl);
    assert_null(result.group);
    assert_false(result.control & SEC_DACL_PRESENT);
    assert_int_equal(sec_descriptor_size(&result), 20 + 16);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(well_known_sids_have_windows_bytes),
        cmocka_unit_test(sids_that_are_not_sids),
        cmocka_unit_test(a_descriptor_round_trips),
        cmocka_unit_test(every_truncation_is_refused),
        cmocka_unit_test(damaged_headers_are_refused),
        cmocka_unit_test(damaged_acls_are_refused),
        cmocka_unit_test(unknown_ace_types_are_carried),
        cmocka_unit_test(null_dacl_is_present_without_bytes),
        cmocka_unit_test(merge_replaces_only_what_is_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
