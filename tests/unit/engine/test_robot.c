/* robot.c against the scripted device: retries, waits, MAM, and faults. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hexfile.h"
#include "engine/device/robot.h"
#include "engine/device/tape_drive.h"
#include "scsi/scsi_spc.h"
#include "transport/transport_fake.h"

static struct fake_device device;

static void sense_step(const uint8_t *cdb, uint8_t key, uint8_t asc, uint8_t ascq)
{
    struct fake_step *s = fake_device_expect(&device, cdb, 1);
    s->status = 2;
    s->sense[0] = 0x70;
    s->sense[2] = key;
    s->sense[7] = 10;
    s->sense[12] = asc;
    s->sense[13] = ascq;
    s->sense_length = 18;
}

static void unit_attention_is_retried(void **state)
{
    (void)state;
    const uint8_t tur[1] = { 0x00 };
    struct scsi_request req;

    fake_device_init(&device, "fake");
    sense_step(tur, 6, 0x29, 0x00);                   /* power on / reset */
    fake_device_expect(&device, tur, 1);              /* then GOOD */
    scsi_build_test_unit_ready(&req);
    assert_int_equal(robot_run(&device.base, &req), NTMS_OK);
    assert_int_equal(device.sent_count, 2);
}

static void hardware_errors_are_not_retried(void **state)
{
    (void)state;
    const uint8_t move[1] = { 0xA5 };

    fake_device_init(&device, "fake");
    sense_step(move, 4, 0x15, 0x01);
    assert_int_equal(robot_move(&device.base, 1, 4096, 256), NTMS_E_IO_DEVICE);
    assert_int_equal(device.sent_count, 1);
    sense_step(move, 5, 0x3B, 0x0E);
    assert_int_equal(robot_move(&device.base, 1, 4096, 256), NTMS_E_SOURCE_ELEMENT_EMPTY);
}

static void cartridge_memory_is_read_when_present(void **state)
{
    (void)state;
    const uint8_t read_attribute[1] = { 0x8C };
    struct mam_summary mam;

    fake_device_init(&device, "fake");
    struct fake_step *s = fake_device_expect(&device, read_attribute, 1);
    long n = hexfile_load("scsi/mam_ltfs.hex", s->data, sizeof(s->data));
    assert_true(n > 0);
    s->data_length = (uint32_t)n;
    assert_int_equal(tape_read_mam(&device.base, &mam), NTMS_OK);
    assert_string_equal(mam.barcode, "NTM001L6");
    assert_string_equal(mam.serial_number, "A0B1C2D3E4");
    assert_string_equal(mam.application, "LTFS");
    assert_int_equal(mam.density_code, 0x5A);

    sense_step(read_attribute, 5, 0x20, 0x00);        /* tgt: no READ ATTRIBUTE */
    assert_int_equal(tape_read_mam(&device.base, &mam), NTMS_E_NOT_SUPPORTED);
    assert_string_equal(mam.barcode, "");
}

static void a_lying_element_reply_is_contained(void **state)
{
    (void)state;
    const uint8_t res[1] = { 0xB8 };
    struct smc_element elements[4];
    size_t found = 99;

    fake_device_init(&device, "fake");
    struct fake_step *s = fake_device_expect(&device, res, 1);
    s->data[5] = 0xFF;                                /* claims 16 MB of report */
    s->data[6] = 0xFF;
    s->data[7] = 0xFF;
    s->data_length = 8;
    s->claimed_transferred = 1u << 30;                /* and the transport lies too */
    assert_int_equal(robot_element_status(&device.base, SMC_STORAGE, 4096, 4, false, elements, &found), NTMS_OK);
    assert_int_equal(found, 0);
}

/* A storage-element reply as tgt builds it: descriptors of 52 bytes (a
 * primary volume tag and an empty identifier), the last `cut` bytes missing. */
static void storage_reply(struct fake_step *s, uint16_t first, size_t count, const char *const *barcodes, size_t cut)
{
    size_t at = 16;

    memset(s->data, 0, 16);
    for (size_t i = 0; i < count; i++, at += 52) {
        uint8_t *d = s->data + at;
        memset(d, 0, 52);
        d[0] = (uint8_t)((first + i) >> 8);
        d[1] = (uint8_t)(first + i);
        d[2] = barcodes[i][0] ? 0x01 : 0x00;
        memset(d + 12, ' ', 32);
        memcpy(d + 12, barcodes[i], strlen(barcodes[i]));
    }
    s->data[0] = (uint8_t)(first >> 8);
    s->data[1] = (uint8_t)first;
    s->data[3] = (uint8_t)count;
    s->data[6] = (uint8_t)((at - 8) >> 8);
    s->data[7] = (uint8_t)(at - 8);
    s->data[8] = 2;
    s->data[9] = 0x80;
    s->data[11] = 52;
    s->data[14] = (uint8_t)((at - 16) >> 8);
    s->data[15] = (uint8_t)(at - 16);
    s->data_length = (uint32_t)(at - cut);
}

static void a_last_descriptor_cut_short_is_asked_for_again(void **state)
{
    (void)state;
    const uint8_t res[1] = { 0xB8 };
    const char *const last[] = { "LST008L6" }, *const two[] = { "N0007L6", "LST008L6" };
    struct smc_element e[2];
    size_t found = 0;

    fake_device_init(&device, "fake");
    storage_reply(fake_device_expect(&device, res, 1), 4103, 1, last, 8);
    storage_reply(fake_device_expect(&device, res, 1), 4102, 2, two, 0);   /* from the one before: whole */
    assert_int_equal(robot_element_status(&device.base, SMC_STORAGE, 4103, 1, false, e, &found), NTMS_OK);
    assert_int_equal(found, 1);
    assert_int_equal(e[0].address, 4103);
    assert_false(e[0].truncated);
    assert_string_equal(e[0].primary_tag, "LST008L6");
    assert_int_equal(device.sent[1][2] << 8 | device.sent[1][3], 4102);

    /* A device that cuts every last descriptor (tgt): the tag's 32 bytes stand. */
    fake_device_init(&device, "fake");
    storage_reply(fake_device_expect(&device, res, 1), 4103, 1, last, 8);
    storage_reply(fake_device_expect(&device, res, 1), 4102, 2, two, 8);
    assert_int_equal(robot_element_status(&device.base, SMC_STORAGE, 4103, 1, false, e, &found), NTMS_OK);
    assert_int_equal(found, 1);
    assert_true(e[0].truncated);
    assert_string_equal(e[0].primary_tag, "LST008L6");
}

static void a_scan_restarts_at_a_descriptor_cut_short(void **state)
{
    (void)state;
    const uint8_t res[1] = { 0xB8 };
    const char *const first[] = { "A00001L6", "", "A00003L6" }, *const rest[] = { "A00003L6", "A00004L6" };
    struct smc_element e[4];
    size_t found = 0;

    fake_device_init(&device, "fake");
    storage_reply(fake_device_expect(&device, res, 1), 4096, 3, first, 30);   /* 4098 cut inside its tag */
    storage_reply(fake_device_expect(&device, res, 1), 4098, 2, rest, 0);
    assert_int_equal(robot_element_status(&device.base, SMC_STORAGE, 4096, 4, false, e, &found), NTMS_OK);
    assert_int_equal(found, 4);
    assert_string_equal(e[2].primary_tag, "A00003L6");
    assert_false(e[2].truncated);
    assert_string_equal(e[3].primary_tag, "A00004L6");
    assert_int_equal(device.sent_count, 2);
}

static void an_incompatible_medium_is_not_waited_for(void **state)
{
    (void)state;
    const uint8_t tur[1] = { 0x00 };

    fake_device_init(&device, "fake");
    sense_step(tur, 2, 0x04, 0x01);                   /* becoming ready: waited for */
    sense_step(tur, 2, 0x30, 0x00);                   /* incompatible medium installed */
    assert_int_equal(tape_wait_ready(&device.base, 60000), NTMS_E_MEDIA_INCOMPATIBLE);
    assert_int_equal(device.sent_count, 2);
    fake_device_init(&device, "fake");
    sense_step(tur, 4, 0x44, 0x00);                   /* internal target failure */
    assert_int_equal(tape_wait_ready(&device.base, 60000), NTMS_E_IO_DEVICE);
    assert_int_equal(device.sent_count, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_incompatible_medium_is_not_waited_for),
        cmocka_unit_test(unit_attention_is_retried),
        cmocka_unit_test(hardware_errors_are_not_retried),
        cmocka_unit_test(cartridge_memory_is_read_when_present),
        cmocka_unit_test(a_lying_element_reply_is_contained),
        cmocka_unit_test(a_last_descriptor_cut_short_is_asked_for_again),
        cmocka_unit_test(a_scan_restarts_at_a_descriptor_cut_short),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
