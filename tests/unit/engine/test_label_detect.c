/* First-block recognisers: one crafted block per format, plus near misses. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "engine/labels/free_label.h"
#include "engine/labels/label_detect.h"
#include "platform/plat_random.h"

static uint8_t block[65536];

static void clear(void) { memset(block, 0, sizeof(block)); }

static void blank_and_filemark(void **state)
{
    (void)state;
    struct label_info l;

    label_detect(FIRST_READ_BLANK, NULL, 0, &l);
    assert_int_equal(l.format, LABEL_BLANK);
    assert_false(label_has_identity(&l));
    label_detect(FIRST_READ_FILEMARK, NULL, 0, &l);
    assert_int_equal(l.format, LABEL_UNKNOWN);
}

static void ansi_vol1(void **state)
{
    (void)state;
    struct label_info l;

    clear();
    memcpy(block, "VOL1ABC123", 10);
    memset(block + 10, ' ', 70);
    block[79] = '3';
    label_detect(FIRST_READ_DATA, block, 80, &l);
    assert_int_equal(l.format, LABEL_ANSI);
    assert_string_equal(l.volume_id, "ABC123");
    assert_int_equal(l.label_id_length, 6);
    assert_true(label_has_identity(&l));
    label_detect(FIRST_READ_DATA, block, 79, &l);   /* a VOL1 label is 80 bytes */
    assert_int_equal(l.format, LABEL_UNKNOWN);
}

static void ltfs_vol1(void **state)
{
    (void)state;
    struct label_info l;

    clear();
    memcpy(block, "VOL1NTM001L", 11);
    memcpy(block + 24, "LTFS", 4);
    block[79] = '4';
    label_detect(FIRST_READ_DATA, block, 80, &l);
    assert_int_equal(l.format, LABEL_LTFS);
    assert_string_equal(l.volume_id, "NTM001");
}

static void ibm_vol1_in_ebcdic(void **state)
{
    (void)state;
    const uint8_t vol1_a1b2c3[10] = { 0xE5, 0xD6, 0xD3, 0xF1, 0xC1, 0xF1, 0xC2, 0xF2, 0xC3, 0xF3 };
    struct label_info l;

    clear();
    memcpy(block, vol1_a1b2c3, sizeof(vol1_a1b2c3));
    label_detect(FIRST_READ_DATA, block, 80, &l);
    assert_int_equal(l.format, LABEL_IBM);
    assert_string_equal(l.volume_id, "A1B2C3");
}

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }

static void mtf_tape_block(void **state)
{
    (void)state;
    struct label_info l;

    clear();
    memcpy(block, "TAPE", 4);
    block[48] = 1;                                   /* ANSI strings */
    block[52] = 0x78; block[53] = 0x56; block[54] = 0x34; block[55] = 0x12;   /* family 12345678 */
    put16(block + 60, 2);                            /* tape 2 of the family */
    put16(block + 68, 6);                            /* media name: 6 bytes ... */
    put16(block + 70, 100);                          /* ... at offset 100 */
    memcpy(block + 100, "Weekly", 6);
    uint16_t sum = 0;
    for (int i = 0; i < 50; i += 2)
        sum ^= (uint16_t)(block[i] | block[i + 1] << 8);
    put16(block + 50, sum);
    label_detect(FIRST_READ_DATA, block, 1024, &l);
    assert_int_equal(l.format, LABEL_MTF);
    assert_string_equal(l.volume_id, "12345678-2");
    assert_non_null(strstr(l.info, "Weekly"));

    block[50] ^= 1;                                  /* a bad checksum is not MTF */
    label_detect(FIRST_READ_DATA, block, 1024, &l);
    assert_int_equal(l.format, LABEL_UNKNOWN);
}

static void mtf_name_pointing_outside_the_block_is_ignored(void **state)
{
    (void)state;
    struct label_info l;

    clear();
    memcpy(block, "TAPE", 4);
    put16(block + 68, 0xFFFF);
    put16(block + 70, 0xFFF0);
    uint16_t sum = 0;
    for (int i = 0; i < 50; i += 2)
        sum ^= (uint16_t)(block[i] | block[i + 1] << 8);
    put16(block + 50, sum);
    label_detect(FIRST_READ_DATA, block, 512, &l);
    assert_int_equal(l.format, LABEL_MTF);
}

static void bacula_bb02_label(void **state)
{
    (void)state;
    struct label_info l;

    clear();
    memcpy(block + 12, "BB02", 4);
    memcpy(block + 36, "Bacula 1.0 immortal\n", 20);
    strcpy((char *)block + 93, "Vol-0001");
    label_detect(FIRST_READ_DATA, block, 64512, &l);
    assert_int_equal(l.format, LABEL_BACULA);
    assert_string_equal(l.volume_id, "Vol-0001");

    memcpy(block + 36, "Bareos 2.0 immortal\n", 20);
    label_detect(FIRST_READ_DATA, block, 64512, &l);
    assert_int_equal(l.format, LABEL_BAREOS);
}

static void amanda_tapestart(void **state)
{
    (void)state;
    struct label_info l;

    clear();
    strcpy((char *)block, "AMANDA: TAPESTART DATE 20261124 TAPE DailySet1-07\n\014\n");
    label_detect(FIRST_READ_DATA, block, 32768, &l);
    assert_int_equal(l.format, LABEL_AMANDA);
    assert_string_equal(l.volume_id, "DailySet1-07");
}

static void write_tar_checksum(void)
{
    unsigned sum = 0;

    memset(block + 148, ' ', 8);
    for (int i = 0; i < 512; i++)
        sum += block[i];
    snprintf((char *)block + 148, 8, "%06o", sum);
}

static void tar_with_and_without_volume_label(void **state)
{
    (void)state;
    struct label_info l;

    clear();
    strcpy((char *)block, "etc/hosts");
    memcpy(block + 257, "ustar\0" "00", 8);
    block[156] = '0';
    write_tar_checksum();
    label_detect(FIRST_READ_DATA, block, 10240, &l);
    assert_int_equal(l.format, LABEL_TAR);
    assert_false(label_has_identity(&l));

    clear();
    strcpy((char *)block, "Backup 2026-11");
    memcpy(block + 257, "ustar  \0", 8);
    block[156] = 'V';
    write_tar_checksum();
    label_detect(FIRST_READ_DATA, block, 10240, &l);
    assert_int_equal(l.format, LABEL_TAR);
    assert_string_equal(l.volume_id, "Backup 2026-11");
    assert_true(label_has_identity(&l));

    block[0] ^= 1;                                    /* checksum no longer matches */
    label_detect(FIRST_READ_DATA, block, 10240, &l);
    assert_int_equal(l.format, LABEL_UNKNOWN);
}

static void control_characters_are_sanitised(void **state)
{
    (void)state;
    struct label_info l;

    clear();
    memcpy(block, "VOL1A\x1b[2J", 10);
    label_detect(FIRST_READ_DATA, block, 80, &l);
    assert_int_equal(l.format, LABEL_ANSI);
    assert_string_equal(l.volume_id, "A?[2J");
}

static void random_data_is_unknown(void **state)
{
    (void)state;
    struct label_info l;

    for (size_t i = 0; i < sizeof(block); i++)
        block[i] = (uint8_t)(i * 2654435761u >> 13);
    label_detect(FIRST_READ_DATA, block, sizeof(block), &l);
    assert_int_equal(l.format, LABEL_UNKNOWN);
    for (size_t n = 0; n < 600; n++)                 /* every short length is safe */
        label_detect(FIRST_READ_DATA, block, n, &l);
}

static void the_free_label_round_trips(void **state)
{
    struct free_label written = { .written = 0x01D9000012345678ull }, read;
    uint8_t block[FREE_LABEL_SIZE];
    struct label_info l;

    (void)state;
    ntms_guid_generate(&written.media);
    snprintf(written.barcode, sizeof(written.barcode), "ABC123L6");
    free_label_build(&written, block);
    assert_true(free_label_parse(block, sizeof(block), &read));
    assert_memory_equal(read.media.bytes, written.media.bytes, 16);
    assert_true(read.written == written.written);
    assert_string_equal(read.barcode, "ABC123L6");
    label_detect(FIRST_READ_DATA, block, sizeof(block), &l);
    assert_int_equal(l.format, LABEL_FREE);
    assert_string_equal(l.type_name, "Free");
    assert_int_equal(l.label_id_length, 16);
    assert_true(label_has_identity(&l));
    block[100] ^= 1;                                   /* one bit off: no longer one */
    assert_false(free_label_parse(block, sizeof(block), &read));
    label_detect(FIRST_READ_DATA, block, sizeof(block), &l);
    assert_int_not_equal(l.format, LABEL_FREE);
    assert_false(free_label_parse(block, 100, &read)); /* cut short */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_free_label_round_trips),
        cmocka_unit_test(blank_and_filemark),
        cmocka_unit_test(ansi_vol1),
        cmocka_unit_test(ltfs_vol1),
        cmocka_unit_test(ibm_vol1_in_ebcdic),
        cmocka_unit_test(mtf_tape_block),
        cmocka_unit_test(mtf_name_pointing_outside_the_block_is_ignored),
        cmocka_unit_test(bacula_bb02_label),
        cmocka_unit_test(amanda_tapestart),
        cmocka_unit_test(tar_with_and_without_volume_label),
        cmocka_unit_test(control_characters_are_sanitised),
        cmocka_unit_test(random_data_is_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
