/* Media-changer parsers against replies captured from tgt and crafted ones. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hexfile.h"
#include "scsi/be.h"
#include "scsi/scsi_smc.h"
#include "scsi/scsi_spc.h"

static uint8_t data[1 << 20];
static struct smc_element elements[12000];

static size_t load(const char *name)
{
    long n = hexfile_load(name, data, sizeof(data));
    assert_true(n > 0);
    return (size_t)n;
}

static void element_map_from_tgt(void **state)
{
    (void)state;
    size_t n = load("scsi/mode1d.hex"), length;
    struct smc_element_map map;
    const uint8_t *page = scsi_mode6_page(data, n, 0x1D, &length);

    assert_non_null(page);
    assert_true(smc_parse_element_map(page, length, &map));
    assert_int_equal(map.first[SMC_TRANSPORT], 1);
    assert_int_equal(map.count[SMC_TRANSPORT], 1);
    assert_int_equal(map.first[SMC_STORAGE], 4096);
    assert_int_equal(map.count[SMC_STORAGE], 8);
    assert_int_equal(map.first[SMC_IMPORT_EXPORT], 16);
    assert_int_equal(map.count[SMC_IMPORT_EXPORT], 2);
    assert_int_equal(map.first[SMC_DATA_TRANSFER], 256);
    assert_int_equal(map.count[SMC_DATA_TRANSFER], 2);
}

static void element_map_rejects_wrong_page_and_short_data(void **state)
{
    (void)state;
    size_t n = load("scsi/mode1d.hex"), length;
    struct smc_element_map map;

    assert_null(scsi_mode6_page(data, n, 0x1F, &length));
    assert_null(scsi_mode6_page(data, 3, 0x1D, &length));
    for (size_t cut = 0; cut < n; cut++) {       /* every truncation: no page or a short one refused */
        const uint8_t *page = scsi_mode6_page(data, cut, 0x1D, &length);
        assert_true(page == NULL || !smc_parse_element_map(page, length - 1, &map) || length <= cut);
    }
    uint8_t wrong[20] = { 0x1E, 0x12 };
    assert_false(smc_parse_element_map(wrong, sizeof(wrong), &map));
}

static void storage_status_from_tgt_with_truncated_tail(void **state)
{
    (void)state;
    size_t n = load("scsi/res_storage.hex");
    struct smc_status_report r;

    assert_true(smc_parse_element_status(data, n, elements, 100, &r));
    assert_true(r.truncated);                    /* tgt: 8 bytes short */
    assert_int_equal(r.parsed, 8);
    for (size_t i = 0; i < r.parsed; i++) {
        unsigned slot = (unsigned)i + 1;
        assert_int_equal(elements[i].type, SMC_STORAGE);
        assert_int_equal(elements[i].address, 4096 + i);
        assert_int_equal(elements[i].full, slot % 4 != 0);
    }
    assert_true(elements[0].has_primary_tag);
    assert_string_equal(elements[0].primary_tag, "N0001L6");
    assert_string_equal(elements[2].primary_tag, "N0003L6");
    assert_string_equal(elements[3].primary_tag, "");
}

static void storage_status_without_voltag(void **state)
{
    (void)state;
    size_t n = load("scsi/res_storage_novoltag.hex");
    struct smc_status_report r;

    assert_true(smc_parse_element_status(data, n, elements, 100, &r));
    assert_int_equal(r.parsed, 8);
    assert_false(elements[0].has_primary_tag);
    assert_false(elements[0].full);               /* its tape was in a drive */
    assert_true(elements[1].full);
    assert_false(elements[3].full);
}

static void drive_status_with_dvcid_from_tgt(void **state)
{
    (void)state;
    size_t n = load("scsi/res_drives_dvcid.hex");
    struct smc_status_report r;

    assert_true(smc_parse_element_status(data, n, elements, 100, &r));
    assert_int_equal(r.parsed, 2);
    assert_true(r.truncated);
    assert_int_equal(elements[0].address, 256);
    assert_true(elements[0].full);
    assert_true(elements[0].source_valid);
    assert_int_equal(elements[0].source, 4096);
    assert_string_equal(elements[0].primary_tag, "N0001L6");
    assert_int_equal(elements[0].identifier_code_set, 2);
    assert_int_equal(elements[0].identifier_type, 1);
    assert_int_equal(elements[0].identifier_length, 34);
    assert_memory_equal(elements[0].identifier, "IET     VIRTUAL-TAPE    beaf11", 30);
    assert_false(elements[1].full);
    assert_true(elements[1].identifier_length < 34);   /* cut by the device, clamped by us */
}

static void import_export_elements_from_tgt(void **state)
{
    (void)state;
    size_t n = load("scsi/res_ie.hex");
    struct smc_status_report r;

    assert_true(smc_parse_element_status(data, n, elements, 100, &r));
    assert_int_equal(r.parsed, 2);
    assert_int_equal(elements[0].type, SMC_IMPORT_EXPORT);
    assert_int_equal(elements[0].address, 16);
    assert_false(elements[1].full);
}

/* tgt cuts 8 bytes off the last descriptor of every reply: when that is
 * the element asked for, only the volume tag's 32 identifier bytes are
 * left. They are the barcode, whole. */
static void check_last_element(const char *fixture, uint8_t type, uint16_t address, const char *barcode)
{
    size_t n = load(fixture);
    struct smc_status_report r;

    assert_true(smc_parse_element_status(data, n, elements, 100, &r));
    assert_true(r.truncated);
    assert_int_equal(r.parsed, 1);
    assert_int_equal(elements[0].type, type);
    assert_int_equal(elements[0].address, address);
    assert_true(elements[0].full);
    assert_true(elements[0].truncated);
    assert_true(elements[0].has_primary_tag);
    assert_string_equal(elements[0].primary_tag, barcode);
}

static void full_last_slot_keeps_its_barcode(void **state)
{
    (void)state;
    check_last_element("scsi/res_last_slot.hex", SMC_STORAGE, 4103, "LST008L6");
}

static void full_last_port_keeps_its_barcode(void **state)
{
    (void)state;
    check_last_element("scsi/res_last_ie.hex", SMC_IMPORT_EXPORT, 17, "IEP002L6");
}

static void full_last_drive_keeps_its_barcode_and_source(void **state)
{
    (void)state;
    check_last_element("scsi/res_last_drive.hex", SMC_DATA_TRANSFER, 257, "LST008L6");
    assert_true(elements[0].source_valid);
    assert_int_equal(elements[0].source, 4103);
    check_last_element("scsi/res_last_drive_dvcid.hex", SMC_DATA_TRANSFER, 257, "LST008L6");
    assert_int_equal(elements[0].identifier_length, 26);   /* 34 announced */
    assert_memory_equal(elements[0].identifier, "IET     VIRTUAL-TAPE    be", 26);
}

static void tag_cut_inside_its_identifier_is_not_taken(void **state)
{
    (void)state;
    size_t n = load("scsi/res_last_slot.hex");
    struct smc_status_report r;

    data[7] -= 1;   /* keep the header consistent with one byte less */
    assert_true(smc_parse_element_status(data, n - 1, elements, 100, &r));
    assert_int_equal(r.parsed, 1);
    assert_true(elements[0].full);
    assert_false(elements[0].has_primary_tag);
    assert_string_equal(elements[0].primary_tag, "");
}

static void every_truncation_of_a_real_reply_is_safe(void **state)
{
    (void)state;
    size_t n = load("scsi/res_drives_dvcid.hex");
    struct smc_status_report r;

    for (size_t cut = 0; cut <= n; cut++) {
        uint8_t *copy = malloc(cut ? cut : 1);    /* exact size: ASan catches over-reads */
        memcpy(copy, data, cut);
        bool ok = smc_parse_element_status(copy, cut, elements, 100, &r);
        assert_int_equal(ok, cut >= 8);
        assert_true(r.parsed <= 2);
        free(copy);
    }
}

/* A crafted reply: one page, `count` storage elements with VolTag. */
static size_t craft(uint16_t count, uint16_t descriptor_length, uint8_t flags)
{
    size_t page_bytes = (size_t)count * descriptor_length;
    memset(data, 0, 16 + page_bytes);
    put_be16(data, 4096);
    put_be16(data + 2, count);
    put_be24(data + 5, (uint32_t)(8 + page_bytes));
    data[8] = SMC_STORAGE;
    data[9] = flags;
    put_be16(data + 10, descriptor_length);
    put_be24(data + 13, (uint32_t)page_bytes);
    for (uint16_t i = 0; i < count; i++) {
        uint8_t *d = data + 16 + (size_t)i * descriptor_length;
        put_be16(d, (uint16_t)(4096 + i));
        d[2] = 0x01;
        if ((flags & 0x80) && descriptor_length >= 48)
            memcpy(d + 12, "TAPE0001                        ", 32);
    }
    return 16 + page_bytes;
}

static void zero_elements(void **state)
{
    (void)state;
    struct smc_status_report r;
    size_t n = craft(0, 52, 0x80);

    assert_true(smc_parse_element_status(data, n, elements, 100, &r));
    assert_int_equal(r.parsed, 0);
    assert_false(r.truncated);
}

static void odd_descriptor_lengths(void **state)
{
    (void)state;
    struct smc_status_report r;

    size_t n = craft(5, 13, 0x80);               /* too short for the tag it flags */
    assert_true(smc_parse_element_status(data, n, elements, 100, &r));
    assert_int_equal(r.parsed, 5);
    assert_false(elements[0].has_primary_tag);
    assert_int_equal(elements[4].address, 4100);

    n = craft(3, 2, 0x00);                       /* shorter than an address: refused */
    assert_true(smc_parse_element_status(data, n, elements, 100, &r));
    assert_int_equal(r.parsed, 0);
}

static void ten_thousand_elements_and_capacity(void **state)
{
    (void)state;
    struct smc_status_report r;
    size_t n = craft(10000, 52, 0x80);

    assert_true(smc_parse_element_status(data, n, elements, 12000, &r));
    assert_int_equal(r.parsed, 10000);
    assert_int_equal(elements[9999].address, (uint16_t)(4096 + 9999));
    assert_string_equal(elements[9999].primary_tag, "TAPE0001");
    assert_true(smc_parse_element_status(data, n, elements, 100, &r));
    assert_int_equal(r.parsed, 100);
    assert_true(r.more);
}

static void alternate_volume_tags(void **state)
{
    (void)state;
    struct smc_status_report r;
    size_t n = craft(2, 12 + 36 + 36, 0xC0);           /* PVolTag and AVolTag */

    memcpy(data + 16 + 12 + 36, "ALT00001", 8);
    memset(data + 16 + 12 + 36 + 8, ' ', 24);
    assert_true(smc_parse_element_status(data, n, elements, 4, &r));
    assert_int_equal(r.parsed, 2);
    assert_true(elements[0].has_alternate_tag);
    assert_string_equal(elements[0].primary_tag, "TAPE0001");
    assert_string_equal(elements[0].alternate_tag, "ALT00001");
    n = craft(1, 12 + 36, 0x40);                       /* AVolTag alone: it sits where PVolTag would */
    memcpy(data + 16 + 12, "ALTONLY1", 8);
    assert_true(smc_parse_element_status(data, n, elements, 4, &r));
    assert_false(elements[0].has_primary_tag);
    assert_true(elements[0].has_alternate_tag);
    assert_string_equal(elements[0].alternate_tag, "ALTONLY1");
}

static void control_characters_in_tags_are_blanked(void **state)
{
    (void)state;
    struct smc_status_report r;
    size_t n = craft(1, 52, 0x80);

    memcpy(data + 16 + 12, "AB\x1b[2JCD\n", 9);
    assert_true(smc_parse_element_status(data, n, elements, 1, &r));
    assert_string_equal(elements[0].primary_tag, "AB?[2JCD?");
}

static void builders_fill_the_cdb(void **state)
{
    (void)state;
    struct scsi_request req;
    uint8_t buffer[64];

    smc_build_read_element_status(&req, buffer, 0x012345, SMC_DATA_TRANSFER, 256, 2, true, SMC_RES_DVCID);
    const uint8_t res[12] = { 0xB8, 0x14, 0x01, 0x00, 0x00, 0x02, 0x01, 0x01, 0x23, 0x45, 0, 0 };
    assert_memory_equal(req.cdb, res, 12);
    assert_int_equal(req.cdb_len, 12);
    assert_int_equal(req.dir, SCSI_DIR_IN);

    smc_build_read_element_status(&req, buffer, 64, SMC_STORAGE, 0, 1, false, SMC_RES_CURDATA);
    assert_int_equal(req.cdb[1], SMC_STORAGE);
    assert_int_equal(req.cdb[6], 0x02);

    smc_build_move_medium(&req, 1, 4096, 256);
    const uint8_t move[12] = { 0xA5, 0, 0x00, 0x01, 0x10, 0x00, 0x01, 0x00, 0, 0, 0, 0 };
    assert_memory_equal(req.cdb, move, 12);
    assert_int_equal(req.dir, SCSI_DIR_NONE);
    assert_true(req.timeout_ms >= 60000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(element_map_from_tgt),
        cmocka_unit_test(element_map_rejects_wrong_page_and_short_data),
        cmocka_unit_test(storage_status_from_tgt_with_truncated_tail),
        cmocka_unit_test(storage_status_without_voltag),
        cmocka_unit_test(drive_status_with_dvcid_from_tgt),
        cmocka_unit_test(import_export_elements_from_tgt),
        cmocka_unit_test(full_last_slot_keeps_its_barcode),
        cmocka_unit_test(full_last_port_keeps_its_barcode),
        cmocka_unit_test(full_last_drive_keeps_its_barcode_and_source),
        cmocka_unit_test(tag_cut_inside_its_identifier_is_not_taken),
        cmocka_unit_test(every_truncation_of_a_real_reply_is_safe),
        cmocka_unit_test(zero_elements),
        cmocka_unit_test(odd_descriptor_lengths),
        cmocka_unit_test(ten_thousand_elements_and_capacity),
        cmocka_unit_test(alternate_volume_tags),
        cmocka_unit_test(control_characters_in_tags_are_blanked),
        cmocka_unit_test(builders_fill_the_cdb),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
