/* INQUIRY and VPD parsers against tgt's replies. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hexfile.h"
#include "scsi/scsi_spc.h"

static uint8_t data[256];

static void inquiry_of_the_changer(void **state)
{
    (void)state;
    struct scsi_inquiry inq;
    long n = hexfile_load("scsi/inq_changer.hex", data, sizeof(data));

    assert_true(scsi_parse_inquiry(data, (size_t)n, &inq));
    assert_int_equal(inq.device_type, 8);
    assert_string_equal(inq.vendor, "IET");
    assert_string_equal(inq.product, "VIRTUAL-CHANGER");
    assert_false(scsi_parse_inquiry(data, 35, &inq));
}

static void serial_number_page_is_trimmed(void **state)
{
    (void)state;
    char serial[64];
    long n = hexfile_load("scsi/vpd80_tape.hex", data, sizeof(data));

    assert_true(scsi_parse_serial_vpd(data, (size_t)n, serial, sizeof(serial)));
    assert_string_equal(serial, "beaf11");
    assert_true(scsi_parse_serial_vpd(data, 6, serial, sizeof(serial)));   /* clamped, no over-read */
    data[1] = 0x83;
    assert_false(scsi_parse_serial_vpd(data, (size_t)n, serial, sizeof(serial)));
}

static void inquiry_builder(void **state)
{
    (void)state;
    struct scsi_request req;
    uint8_t buffer[300];

    scsi_build_inquiry(&req, buffer, 300, true, 0x80);
    const uint8_t cdb[6] = { 0x12, 0x01, 0x80, 0x01, 0x2C, 0x00 };
    assert_memory_equal(req.cdb, cdb, 6);
    assert_int_equal(req.data_len, 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(inquiry_of_the_changer),
        cmocka_unit_test(serial_number_page_is_trimmed),
        cmocka_unit_test(inquiry_builder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
