/* CRC-32 as every database file on disk was checked with: the standard
 * check value, and the same answer as one byte at a time for any length,
 * alignment and split. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/crc32.h"

static uint32_t bytewise(uint32_t crc, const uint8_t *data, size_t length)
{
    crc = ~crc;
    for (size_t i = 0; i < length; i++) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; bit++)
            crc = crc & 1 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
    }
    return ~crc;
}

static void the_check_value(void **state)
{
    (void)state;
    assert_int_equal(crc32_of("123456789", 9), 0xCBF43926u);
    assert_int_equal(crc32_of("", 0), 0);
}

static void any_length_alignment_and_split_agree_with_bytewise(void **state)
{
    uint8_t data[1000];

    (void)state;
    srand(7);
    for (size_t i = 0; i < sizeof(data); i++)
        data[i] = (uint8_t)rand();
    for (size_t start = 0; start < 9; start++)
        for (size_t length = 0; start + length <= sizeof(data); length += 37) {
            uint32_t whole = crc32_of(data + start, length);
            assert_int_equal(whole, bytewise(0, data + start, length));
            size_t half = length / 3;
            assert_int_equal(crc32_update(crc32_of(data + start, half), data + start + half, length - half), whole);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_check_value),
        cmocka_unit_test(any_length_alignment_and_split_agree_with_bytewise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
