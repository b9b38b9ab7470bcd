/* The record codec: round trips, versioning, and hostile bytes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine/core/rsm_codec.h"
#include "platform/plat_random.h"

static struct rsm_object sample_media(void)
{
    struct rsm_object o;

    memset(&o, 0, sizeof(o));
    ntms_guid_generate(&o.id);
    o.type = RSM_PHYSICAL_MEDIA;
    o.created = 133000000000000000ull;
    o.modified = o.created + 1;
    o.enabled = 1;
    o.name[0] = 'T';
    o.info.media.barcode[0] = 'N';
    o.info.media.barcode[7] = '6';
    o.info.media.media_state = RSM_MEDIASTATE_LOADED;
    ntms_guid_generate(&o.info.media.home_slot);
    return o;
}

static void round_trip_keeps_every_field(void **state)
{
    (void)state;
    struct rsm_object in = sample_media(), out;
    uint8_t buffer[4096];

    size_t length = rsm_encode(&in, buffer, sizeof(buffer));
    assert_int_equal(length, rsm_encoded_size(&in));
    assert_int_equal(rsm_decode(buffer, length, &out), NTMS_OK);
    assert_memory_equal(&in, &out, offsetof(struct rsm_object, info) + sizeof(in.info.media));
}

static void short_capacity_writes_nothing(void **state)
{
    (void)state;
    struct rsm_object in = sample_media();
    uint8_t buffer[64];

    assert_int_equal(rsm_encode(&in, buffer, sizeof(buffer)), 0);
}

static void unknown_fields_are_skipped(void **state)
{
    (void)state;
    struct rsm_object in = sample_media(), out;
    uint8_t buffer[4096];
    size_t length = rsm_encode(&in, buffer, sizeof(buffer));
    const uint8_t future[] = { 0x39, 0x03, 3, 0, 'n', 'e', 'w' };   /* id 825, 3 bytes */

    memcpy(buffer + length, future, sizeof(future));
    assert_int_equal(rsm_decode(buffer, length + sizeof(future), &out), NTMS_OK);
    assert_true(ntms_guid_equal(&out.info.media.home_slot, &in.info.media.home_slot));
}

static void every_truncation_is_refused_or_clean(void **state)
{
    (void)state;
    struct rsm_object in = sample_media(), out;
    uint8_t buffer[4096];
    size_t length = rsm_encode(&in, buffer, sizeof(buffer));

    for (size_t cut = 0; cut < length; cut++) {
        uint8_t *copy = malloc(cut ? cut : 1);   /* exact size: ASan sees any over-read */
        memcpy(copy, buffer, cut);
        ntms_err status = rsm_decode(copy, cut, &out);
        /* A cut on a field boundary is a shorter, valid record. */
        assert_true(status == NTMS_OK || status == NTMS_E_DATABASE_FAILURE);
        free(copy);
    }
}

static void wrong_size_for_known_field_is_refused(void **state)
{
    (void)state;
    struct rsm_object in = sample_media(), out;
    uint8_t buffer[4096];
    size_t length = rsm_encode(&in, buffer, sizeof(buffer));
    /* The third field (created, 8 bytes) claims 12: fields never grow. */
    size_t second = 4 + (size_t)buffer[2];                 /* after the id, however long */
    size_t third = second + 4 + (size_t)buffer[second + 2];

    assert_int_equal(buffer[third], 3);
    buffer[third + 2] = 12;
    assert_int_equal(rsm_decode(buffer, length, &out), NTMS_E_DATABASE_FAILURE);
}

static void records_must_start_with_id_and_type(void **state)
{
    (void)state;
    const uint8_t garbage[] = { 7, 0, 1, 0, 0xFF, 2, 0, 4, 0, 1, 0, 0, 0 };
    const uint8_t huge_type[] = { 1, 0, 0, 0, 2, 0, 1, 0, 0xEE };   /* type 238 */
    struct rsm_object out;

    assert_int_equal(rsm_decode(garbage, sizeof(garbage), &out), NTMS_E_DATABASE_FAILURE);
    assert_int_equal(rsm_decode(garbage, 0, &out), NTMS_E_DATABASE_FAILURE);
    assert_int_equal(rsm_decode(huge_type, sizeof(huge_type), &out), NTMS_E_DATABASE_FAILURE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_keeps_every_field),
        cmocka_unit_test(short_capacity_writes_nothing),
        cmocka_unit_test(unknown_fields_are_skipped),
        cmocka_unit_test(every_truncation_is_refused_or_clean),
        cmocka_unit_test(wrong_size_for_known_field_is_refused),
        cmocka_unit_test(records_must_start_with_id_and_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
