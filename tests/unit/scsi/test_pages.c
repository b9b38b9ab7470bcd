/* MAM, VPD 00h/83h, MODE SENSE(10), pages 1Eh/1Fh and TapeAlert, against
 * tgt's replies where tgt has the command and crafted ones where not. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hexfile.h"
#include "scsi/scsi_logsense.h"
#include "scsi/scsi_mam.h"
#include "scsi/scsi_smc.h"
#include "scsi/scsi_spc.h"

static uint8_t data[4096];

static size_t load(const char *name)
{
    long n = hexfile_load(name, data, sizeof(data));
    assert_true(n > 0);
    return (size_t)n;
}

struct seen {
    char serial[64], barcode[64], name[64], label[200];
    uint64_t load_count, density;
    unsigned count, vendor_specific;
};

static bool collect(const struct mam_attribute *a, void *context)
{
    struct seen *s = context;

    s->count++;
    switch (a->id) {
    case MAM_MEDIUM_SERIAL_NUMBER: mam_text(a, s->serial, sizeof(s->serial)); break;
    case MAM_BARCODE: mam_text(a, s->barcode, sizeof(s->barcode)); break;
    case MAM_APPLICATION_NAME: mam_text(a, s->name, sizeof(s->name)); break;
    case MAM_USER_MEDIUM_TEXT_LABEL: mam_text(a, s->label, sizeof(s->label)); break;
    case MAM_LOAD_COUNT: s->load_count = mam_number(a); break;
    case MAM_MEDIUM_DENSITY_CODE: s->density = mam_number(a); break;
    default: s->vendor_specific += mam_attribute_info(a->id) == NULL; break;
    }
    return true;
}

static void mam_attributes(void **state)
{
    (void)state;
    struct seen s = { 0 };
    size_t n = load("scsi/mam_ltfs.hex");

    assert_int_equal(mam_parse(data, n, collect, &s), 13);
    assert_string_equal(s.serial, "A0B1C2D3E4");
    assert_string_equal(s.barcode, "NTM001L6");
    assert_string_equal(s.name, "LTFS");
    assert_string_equal(s.label, "Weekly archive");
    assert_int_equal(s.load_count, 42);
    assert_int_equal(s.density, 0x5A);
    assert_int_equal(s.vendor_specific, 1);          /* 1623h */
    for (size_t cut = 0; cut <= n; cut++) {           /* every truncation */
        uint8_t *copy = malloc(cut ? cut : 1);
        memcpy(copy, data, cut);
        struct seen t = { 0 };
        mam_parse(copy, cut, collect, &t);
        free(copy);
    }
}

static void mam_table_names_standard_ids(void **state)
{
    (void)state;
    assert_string_equal(mam_attribute_info(0x0401)->name, "Medium serial number");
    assert_int_equal(mam_attribute_info(0x0401)->standard_length, 32);
    assert_non_null(mam_attribute_info(0x020C));      /* inside the 020A-020D range */
    assert_null(mam_attribute_info(0x1623));
    struct scsi_request req;
    uint8_t buffer[8];
    mam_build_read_attribute(&req, buffer, 0x01020304, 0x0400);
    const uint8_t cdb[16] = { 0x8C, 0, 0, 0, 0, 0, 0, 0, 0x04, 0x00, 0x01, 0x02, 0x03, 0x04, 0, 0 };
    assert_memory_equal(req.cdb, cdb, 16);
    assert_int_equal(req.cdb_len, 16);
}

static void supported_vpd_pages(void **state)
{
    (void)state;
    uint8_t pages[16];
    size_t n = load("scsi/vpd00_tape.hex");

    assert_int_equal(scsi_parse_supported_vpd(data, n, pages, sizeof(pages)), 6);
    assert_int_equal(pages[0], 0x00);
    assert_int_equal(pages[1], 0x80);
    assert_int_equal(pages[2], 0x83);
    assert_int_equal(scsi_parse_supported_vpd(data, n, pages, 2), 2);
}

static void device_identification(void **state)
{
    (void)state;
    struct scsi_designator d[8];
    size_t n = load("scsi/vpd83_tape.hex");

    assert_int_equal(scsi_parse_designators(data, n, d, 8), 3);
    assert_int_equal(d[0].code_set, 2);
    assert_int_equal(d[0].type, 1);
    assert_memory_equal(d[0].value, "IET     ", 8);
    assert_int_equal(d[1].type, 3);
    assert_int_equal(d[1].length, 8);
    assert_int_equal(d[2].length, 16);
    assert_int_equal(scsi_parse_designators(data, n - 1, d, 8), 2);   /* a cut descriptor is dropped */
}

static void mode_sense10_and_capabilities(void **state)
{
    (void)state;
    size_t length, n = load("scsi/mode10_1d.hex");
    struct smc_element_map map;
    const uint8_t *page = scsi_mode10_page(data, n, 0x1D, &length);

    assert_non_null(page);
    assert_true(smc_parse_element_map(page, length, &map));
    assert_int_equal(map.first[SMC_DATA_TRANSFER], 256);

    struct smc_capabilities caps;
    n = load("scsi/mode1f.hex");
    page = scsi_mode6_page(data, n, 0x1F, &length);
    assert_non_null(page);
    assert_true(smc_parse_capabilities(page, length, &caps));
    assert_int_equal(caps.storage, 0x0F);
    assert_int_equal(caps.move_from[SMC_STORAGE], 0x0F);
    assert_int_equal(caps.exchange_from[SMC_DATA_TRANSFER], 0x0F);

    bool rotate[4];
    n = load("scsi/mode1e.hex");
    page = scsi_mode6_page(data, n, 0x1E, &length);
    assert_non_null(page);
    assert_int_equal(smc_parse_transport_geometry(page, length, rotate, 4), 1);
    assert_false(rotate[0]);
}

static void tapealert_flags(void **state)
{
    (void)state;
    struct tapealert a;
    size_t n = load("scsi/logsense_tapealert.hex");

    assert_true(tapealert_parse(data, n, &a));
    assert_int_equal(a.parameters, 64);
    assert_true(tapealert_raised(&a, TAPEALERT_MEDIA));
    assert_true(tapealert_needs_cleaning(&a));
    assert_false(tapealert_raised(&a, TAPEALERT_HARD_ERROR));
    assert_false(tapealert_raised(&a, 0));
    assert_false(tapealert_raised(&a, 65));
    assert_true(tapealert_parse(data, 40, &a));       /* clamped: only the first flags */
    assert_int_equal(a.parameters, 7);
    data[0] = 0x2F;
    assert_false(tapealert_parse(data, n, &a));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mam_attributes),
        cmocka_unit_test(mam_table_names_standard_ids),
        cmocka_unit_test(supported_vpd_pages),
        cmocka_unit_test(device_identification),
        cmocka_unit_test(mode_sense10_and_capabilities),
        cmocka_unit_test(tapealert_flags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
