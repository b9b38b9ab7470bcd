/* The scripted fake device: matching, recording, injected faults. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "scsi/scsi_spc.h"
#include "scsi/scsi_ssc.h"
#include "transport/transport_fake.h"
#include "transport/transport_sg.h"

static struct fake_device device;

static void scripted_reply_and_recording(void **state)
{
    (void)state;
    struct scsi_request req;
    uint8_t buffer[96];
    const uint8_t inquiry[1] = { 0x12 };

    fake_device_init(&device, "fake");
    struct fake_step *s = fake_device_expect(&device, inquiry, 1);
    s->data_length = 36;
    memcpy(s->data + 8, "VENDOR  PRODUCT", 15);
    scsi_build_inquiry(&req, buffer, sizeof(buffer), false, 0);
    assert_int_equal(scsi_transport_execute(&device.base, &req), NTMS_OK);
    assert_int_equal(req.transferred, 36);
    assert_memory_equal(buffer + 8, "VENDOR", 6);
    assert_int_equal(device.sent_count, 1);
    assert_int_equal(device.sent[0][0], 0x12);
    /* nothing more scripted: the next command is unexpected */
    assert_int_equal(scsi_transport_execute(&device.base, &req), NTMS_E_IO_DEVICE);
    assert_int_equal(device.unexpected, 1);
}

static void faults_are_injected(void **state)
{
    (void)state;
    struct scsi_request req;
    uint8_t buffer[64];
    const uint8_t read6[1] = { 0x08 };

    fake_device_init(&device, "fake");
    fake_device_expect(&device, read6, 1)->transport_error = NTMS_E_TIMEOUT;
    struct fake_step *lying = fake_device_expect(&device, read6, 1);
    lying->data_length = 10;
    lying->claimed_transferred = 1u << 30;
    ssc_build_read6(&req, buffer, sizeof(buffer), true);
    assert_int_equal(scsi_transport_execute(&device.base, &req), NTMS_E_TIMEOUT);
    assert_int_equal(scsi_transport_execute(&device.base, &req), NTMS_OK);
    assert_int_equal(req.transferred, 1u << 30);            /* the lie reaches the caller ... */
    assert_int_equal(ssc_interpret_read(&req).length, 64);  /* ... who clamps it */
}

static void sg_io_refuses_what_is_not_an_sg_node(void **state)
{
    (void)state;
    struct scsi_transport *t = (struct scsi_transport *)1;

    assert_int_equal(transport_sg_open("/dev/null", &t), NTMS_E_NOT_SUPPORTED);
    assert_null(t);
    assert_int_equal(transport_sg_open("/nonexistent/sg99", &t), NTMS_E_OBJECT_NOT_FOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scripted_reply_and_recording),
        cmocka_unit_test(faults_are_injected),
        cmocka_unit_test(sg_io_refuses_what_is_not_an_sg_node),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
