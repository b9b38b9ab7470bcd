#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "common/ntms_guid.h"
#include "platform/plat_random.h"

static void generated_guids_are_version_4_and_distinct(void **state)
{
    (void)state;
    ntms_guid a, b;

    assert_int_equal(ntms_guid_generate(&a), NTMS_OK);
    assert_int_equal(ntms_guid_generate(&b), NTMS_OK);
    assert_false(ntms_guid_equal(&a, &b));
    assert_false(ntms_guid_is_null(&a));
    assert_int_equal(a.bytes[7] >> 4, 4);
    assert_int_equal(a.bytes[8] & 0xC0, 0x80);
}

static void format_uses_windows_byte_order(void **state)
{
    (void)state;
    /* {00112233-4455-6677-8899-AABBCCDDEEFF} as Windows lays it out in memory */
    ntms_guid g = { { 0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66,
                      0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF } };
    char text[NTMS_GUID_STRING_LENGTH];

    ntms_guid_format(&g, text);
    assert_string_equal(text, "{00112233-4455-6677-8899-AABBCCDDEEFF}");
}

static void parse_round_trips_and_rejects_garbage(void **state)
{
    (void)state;
    ntms_guid g, back;
    char text[NTMS_GUID_STRING_LENGTH];

    assert_int_equal(ntms_guid_generate(&g), NTMS_OK);
    ntms_guid_format(&g, text);
    assert_true(ntms_guid_parse(text, &back));
    assert_true(ntms_guid_equal(&g, &back));
    text[strlen(text) - 1] = '\0';
    assert_true(ntms_guid_parse(text + 1, &back));   /* without braces */
    assert_false(ntms_guid_parse(text, &back));      /* opening brace only */
    assert_false(ntms_guid_parse("", &back));
    assert_false(ntms_guid_parse("{00112233-4455-6677-8899-AABBCCDDEEF}", &back));
    assert_false(ntms_guid_parse("{00112233-4455-6677-8899-AABBCCDDEEFG}", &back));
    assert_false(ntms_guid_parse("{00112233-4455-6677-8899-AABBCCDDEEFF}x", &back));
    assert_false(ntms_guid_parse("00112233x4455-6677-8899-AABBCCDDEEFF", &back));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(generated_guids_are_version_4_and_distinct),
        cmocka_unit_test(format_uses_windows_byte_order),
        cmocka_unit_test(parse_round_trips_and_rejects_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
