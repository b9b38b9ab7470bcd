/* Named attributes: RSM limits names to 31 characters (WCHARs), however
 * many UTF-8 bytes they take inside. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "engine_fixture.h"
#include "engine/records/attributes.h"
#include "engine/core/wstr.h"

static struct engine *engine;
static ntms_guid computer;

static bool the_computer(const struct rsm_object *o, void *context)
{
    *(ntms_guid *)context = o->id;
    return false;
}

static int setup(void **state)
{
    (void)state;
    if (engine_fixture_open(&engine))
        return -1;
    objdb_begin_read(engine->db);
    objdb_for_each(engine->db, RSM_COMPUTER, the_computer, &computer);
    objdb_abort(engine->db);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return engine_fixture_remove();
}

/* `count` copies of a character given as UTF-8. */
static const char *repeat(const char *character, size_t count)
{
    static char name[256];

    name[0] = '\0';
    for (size_t i = 0; i < count; i++)
        strcat(name, character);
    return name;
}

static ntms_err set(const char *name)
{
    return engine_attribute_set(engine, &computer, name, "v", 1);
}

static void names_are_counted_in_characters(void **state)
{
    (void)state;
    assert_int_equal(wstr_units_of_utf8(repeat("\xE6\xBC\xA2", 11)), 11);   /* 漢: 3 bytes, 1 WCHAR */
    assert_int_equal(wstr_units_of_utf8("\xF0\x9F\x93\xBC"), 2);            /* outside the BMP: a pair */
    assert_int_equal(set(repeat("\xE6\xBC\xA2", 11)), NTMS_OK);
    assert_int_equal(set(repeat("\xE6\xBC\xA2", 31)), NTMS_OK);
    assert_int_equal(set(repeat("\xE6\xBC\xA2", 32)), NTMS_E_INVALID_NAME);
    assert_int_equal(set(repeat("a", 31)), NTMS_OK);
    assert_int_equal(set(repeat("a", 32)), NTMS_E_INVALID_NAME);
    assert_int_equal(set(repeat("\xF0\x9F\x93\xBC", 16)), NTMS_E_INVALID_NAME);   /* 32 WCHARs */
    char value[8];
    size_t size = sizeof(value);
    assert_int_equal(engine_attribute_get(engine, &computer, repeat("\xE6\xBC\xA2", 11), value, &size), NTMS_OK);
    assert_int_equal(size, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_are_counted_in_characters),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
