/* Sense decoding and the sense -> Win32 table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hexfile.h"
#include "scsi/scsi_sense.h"
#include "scsi/scsi_ssc.h"

static uint8_t data[256];

static struct scsi_sense decode(const char *name)
{
    struct scsi_sense s;
    long n = hexfile_load(name, data, sizeof(data));
    assert_true(n > 0);
    assert_true(scsi_sense_decode(data, (size_t)n, &s));
    return s;
}

static void blank_check_from_tgt(void **state)
{
    (void)state;
    struct scsi_sense s = decode("scsi/sense_blank_check.hex");

    assert_int_equal(s.key, SENSE_BLANK_CHECK);
    assert_true(s.eom);
    assert_false(s.information_valid);
    assert_int_equal(scsi_interpret(2, &s).error, NTMS_E_NO_DATA_DETECTED);
}

static void descriptor_format_short_block(void **state)
{
    (void)state;
    struct scsi_sense s = decode("scsi/sense_short_block_descriptor.hex");

    assert_true(s.descriptor);
    assert_true(s.ili);
    assert_true(s.information_valid);
    assert_int_equal(s.information, 65456);
}

static void source_empty_with_field_pointer(void **state)
{
    (void)state;
    struct scsi_sense s = decode("scsi/sense_source_empty.hex");

    assert_int_equal(s.key, SENSE_ILLEGAL_REQUEST);
    assert_int_equal(s.asc, 0x3B);
    assert_int_equal(s.ascq, 0x0E);
    assert_true(s.field_pointer_valid);
    assert_int_equal(s.field_pointer, 4);
    assert_int_equal(scsi_interpret(2, &s).error, NTMS_E_SOURCE_ELEMENT_EMPTY);
}

static void truncated_sense_reads_only_what_arrived(void **state)
{
    (void)state;
    struct scsi_sense s = decode("scsi/sense_truncated.hex");

    assert_int_equal(s.key, SENSE_UNIT_ATTENTION);
    assert_int_equal(s.asc, 0);
    for (size_t n = 0; n < 18; n++)
        scsi_sense_decode(data, n, &s);           /* never past n: ASan */
    assert_false(scsi_sense_decode(data, 0, &s));
    const uint8_t not_sense[4] = { 0x12, 0, 0, 0 };
    assert_false(scsi_sense_decode(not_sense, 4, &s));
}

struct row { uint8_t key, asc, ascq; ntms_err error; enum scsi_next_step next; };

static void table_maps_the_documented_codes(void **state)
{
    (void)state;
    static const struct row rows[] = {
        { 5, 0x3B, 0x0D, NTMS_E_DESTINATION_ELEMENT_FULL, SCSI_STEP_DONE },
        { 5, 0x21, 0x01, NTMS_E_ILLEGAL_ELEMENT_ADDRESS, SCSI_STEP_DONE },
        { 6, 0x3B, 0x12, NTMS_E_MAGAZINE_NOT_PRESENT, SCSI_STEP_DONE },
        { 2, 0x04, 0x01, NTMS_E_NOT_READY, SCSI_STEP_WAIT },
        { 2, 0x3A, 0x00, NTMS_E_NO_MEDIA_IN_DRIVE, SCSI_STEP_DONE },
        { 6, 0x28, 0x00, NTMS_E_MEDIA_CHANGED, SCSI_STEP_RETRY },
        { 6, 0x29, 0x00, NTMS_E_MEDIA_CHANGED, SCSI_STEP_RETRY },
        { 4, 0x44, 0x00, NTMS_E_IO_DEVICE, SCSI_STEP_DONE },
        { 3, 0x11, 0x00, NTMS_E_CRC, SCSI_STEP_DONE },
        { 7, 0x27, 0x00, NTMS_E_WRITE_PROTECT, SCSI_STEP_DONE },
        { 5, 0x20, 0x00, NTMS_E_INVALID_FUNCTION, SCSI_STEP_DONE },
        { 5, 0x53, 0x02, NTMS_E_UNABLE_TO_UNLOAD_MEDIA, SCSI_STEP_DONE },
        { 2, 0x30, 0x03, NTMS_E_CLEANER_CARTRIDGE_INSTALLED, SCSI_STEP_DONE },
        { 0x0B, 0x47, 0x00, NTMS_E_IO_DEVICE, SCSI_STEP_RETRY },
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct scsi_sense s = { .valid = true, .key = rows[i].key, .asc = rows[i].asc, .ascq = rows[i].ascq };
        struct scsi_outcome o = scsi_interpret(2, &s);
        if (o.error != rows[i].error || o.next != rows[i].next)
            fail_msg("row %zu (%x/%02x/%02x): got %u/%d", i, rows[i].key, rows[i].asc, rows[i].ascq,
                     (unsigned)o.error, o.next);
    }
}

static void statuses_without_sense(void **state)
{
    (void)state;
    assert_int_equal(scsi_interpret(0, NULL).error, NTMS_OK);
    assert_int_equal(scsi_interpret(8, NULL).next, SCSI_STEP_WAIT);
    assert_int_equal(scsi_interpret(0x18, NULL).error, NTMS_E_BUSY);
    assert_int_equal(scsi_interpret(2, NULL).error, NTMS_E_IO_DEVICE);
}

static void read_outcomes_trust_sense_not_length(void **state)
{
    (void)state;
    struct scsi_request req;
    uint8_t buffer[65536];

    ssc_build_read6(&req, buffer, sizeof(buffer), true);
    req.status = 2;
    req.transferred = sizeof(buffer);             /* tgt: residual 0 on BLANK CHECK */
    req.sense_len = (uint32_t)hexfile_load("scsi/sense_blank_check.hex", req.sense, sizeof(req.sense));
    assert_int_equal(ssc_interpret_read(&req).result, SSC_READ_BLANK);
    assert_int_equal(ssc_interpret_read(&req).length, 0);

    req.sense_len = (uint32_t)hexfile_load("scsi/sense_short_block_descriptor.hex", req.sense, sizeof(req.sense));
    struct ssc_read r = ssc_interpret_read(&req);
    assert_int_equal(r.result, SSC_READ_DATA);
    assert_int_equal(r.length, 80);
    req.transferred = 40;                          /* a sense that claims more than arrived */
    r = ssc_interpret_read(&req);
    assert_int_equal(r.result, SSC_READ_DATA);
    assert_int_equal(r.length, 40);
    req.transferred = sizeof(buffer);

    const uint8_t filemark[18] = { 0x70, 0, 0x80, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x00, 0x01 };
    memcpy(req.sense, filemark, sizeof(filemark));
    req.sense_len = sizeof(filemark);
    assert_int_equal(ssc_interpret_read(&req).result, SSC_READ_FILEMARK);

    const uint8_t too_long[18] = { 0xF0, 0, 0x20, 0xFF, 0xFF, 0xFF, 0x00, 10 };   /* residue -256 */
    memcpy(req.sense, too_long, sizeof(too_long));
    assert_int_equal(ssc_interpret_read(&req).result, SSC_READ_TOO_LONG);

    req.status = 0;
    req.transferred = 1u << 30;                   /* a lying length is capped */
    assert_int_equal(ssc_interpret_read(&req).length, sizeof(buffer));
}

static void block_limits_and_position(void **state)
{
    (void)state;
    const uint8_t limits[6] = { 0x02, 0x10, 0x00, 0x00, 0x00, 0x01 };
    const uint8_t position[20] = { 0x80, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    const uint8_t later[20] = { 0x00, 0x01, 0, 0, 0x00, 0x00, 0x01, 0x2C, 0x00, 0x00, 0x01, 0x2D };
    struct ssc_block_limits l;
    struct ssc_position p;

    assert_true(ssc_parse_block_limits(limits, sizeof(limits), &l));
    assert_int_equal(l.maximum, 0x100000);
    assert_int_equal(l.minimum, 1);
    assert_int_equal(l.granularity, 2);
    assert_false(ssc_parse_block_limits(limits, 5, &l));
    assert_true(ssc_parse_position(position, sizeof(position), &p));
    assert_true(p.beginning);
    assert_true(ssc_parse_position(later, sizeof(later), &p));
    assert_false(p.beginning);
    assert_int_equal(p.partition, 1);
    assert_int_equal(p.first_block, 300);
    assert_int_equal(p.last_block, 301);
    assert_false(ssc_parse_position(later, 11, &p));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blank_check_from_tgt),
        cmocka_unit_test(descriptor_format_short_block),
        cmocka_unit_test(source_empty_with_field_pointer),
        cmocka_unit_test(truncated_sense_reads_only_what_arrived),
        cmocka_unit_test(table_maps_the_documented_codes),
        cmocka_unit_test(statuses_without_sense),
        cmocka_unit_test(read_outcomes_trust_sense_not_length),
        cmocka_unit_test(block_limits_and_position),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
