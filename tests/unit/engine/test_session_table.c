/* Session handles: validity, staleness, garbage values, references. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "engine/core/session.h"

static void open_then_close_invalidates_handle(void **state)
{
    (void)state;
    uintptr_t h = 0;

    assert_int_equal(session_open("App", 0, &h), NTMS_OK);
    assert_true(h != 0 && h != (uintptr_t)-1);
    struct ntms_session *s = session_acquire(h);
    assert_non_null(s);
    assert_string_equal(s->application, "App");
    session_release(s);

    assert_int_equal(session_close(h), NTMS_OK);
    assert_null(session_acquire(h));
    assert_int_equal(session_close(h), NTMS_E_INVALID_HANDLE);
}

static void empty_application_name_becomes_rsm(void **state)
{
    (void)state;
    uintptr_t h1 = 0, h2 = 0;

    assert_int_equal(session_open(NULL, 0, &h1), NTMS_OK);
    assert_int_equal(session_open("", 0, &h2), NTMS_OK);
    struct ntms_session *s1 = session_acquire(h1), *s2 = session_acquire(h2);
    assert_string_equal(s1->application, "RSM");
    assert_string_equal(s2->application, "RSM");
    session_release(s1);
    session_release(s2);
    session_close(h1);
    session_close(h2);
}

static void garbage_handles_are_refused(void **state)
{
    (void)state;
    const uintptr_t garbage[] = { 0, (uintptr_t)-1, 1, 2, 3, 4, 0xdeadbeef, 0x12345678,
                                  (uintptr_t)&garbage, (uintptr_t)0xFFFFFFFFu, 1u << 30 };

    for (size_t i = 0; i < sizeof(garbage) / sizeof(garbage[0]); i++) {
        assert_null(session_acquire(garbage[i]));
        assert_int_equal(session_close(garbage[i]), NTMS_E_INVALID_HANDLE);
    }
}

static void reused_slot_does_not_revive_stale_handle(void **state)
{
    (void)state;
    uintptr_t old = 0, fresh = 0;

    assert_int_equal(session_open("a", 0, &old), NTMS_OK);
    assert_int_equal(session_close(old), NTMS_OK);
    assert_int_equal(session_open("b", 0, &fresh), NTMS_OK);
    assert_true(fresh != old);
    assert_null(session_acquire(old));
    struct ntms_session *s = session_acquire(fresh);
    assert_non_null(s);
    assert_string_equal(s->application, "b");
    session_release(s);
    session_close(fresh);
}

static void close_while_in_use_keeps_session_alive(void **state)
{
    (void)state;
    uintptr_t h = 0;

    assert_int_equal(session_open("busy", 0, &h), NTMS_OK);
    struct ntms_session *s = session_acquire(h);
    assert_int_equal(session_close(h), NTMS_OK);
    assert_null(session_acquire(h));
    assert_string_equal(s->application, "busy");   /* still readable: ASan checks */
    session_release(s);
    assert_int_equal(session_count_open(), 0);
}

static void table_full_reports_out_of_memory(void **state)
{
    (void)state;
    static uintptr_t handles[SESSION_TABLE_SIZE];
    uintptr_t extra = 0;

    for (unsigned i = 0; i < SESSION_TABLE_SIZE; i++)
        assert_int_equal(session_open("x", 0, &handles[i]), NTMS_OK);
    assert_int_equal(session_open("x", 0, &extra), NTMS_E_NOT_ENOUGH_MEMORY);
    for (unsigned i = 0; i < SESSION_TABLE_SIZE; i++)
        assert_int_equal(session_close(handles[i]), NTMS_OK);
    assert_int_equal(session_count_open(), 0);
}

static void long_application_name_is_truncated(void **state)
{
    (void)state;
    char name[200];
    uintptr_t h = 0;

    memset(name, 'n', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    assert_int_equal(session_open(name, 0, &h), NTMS_OK);
    struct ntms_session *s = session_acquire(h);
    assert_int_equal(strlen(s->application), SESSION_NAME_MAX - 1);
    session_release(s);
    session_close(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(open_then_close_invalidates_handle),
        cmocka_unit_test(empty_application_name_becomes_rsm),
        cmocka_unit_test(garbage_handles_are_refused),
        cmocka_unit_test(reused_slot_does_not_revive_stale_handle),
        cmocka_unit_test(close_while_in_use_keeps_session_alive),
        cmocka_unit_test(table_full_reports_out_of_memory),
        cmocka_unit_test(long_application_name_is_truncated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
