#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "engine/records/media_catalog.h"

static void barcode_suffix_names_the_generation(void **state)
{
    (void)state;
    assert_string_equal(media_kind_from_barcode("NTM001L6")->name, "LTO-6");
    assert_string_equal(media_kind_from_barcode("000123L9  ")->name, "LTO-9");
    assert_string_equal(media_kind_from_barcode("ABC123LW")->name, "LTO-6 WORM");
    assert_string_equal(media_kind_from_barcode("A00001JC")->name, "IBM 3592 JC");
    assert_int_equal(media_kind_from_barcode("ABC123LW")->read_write, MEDIA_RW_WRITEONCE);
}

static void unknown_or_empty_barcodes_name_nothing(void **state)
{
    (void)state;
    assert_null(media_kind_from_barcode(NULL));
    assert_null(media_kind_from_barcode(""));
    assert_null(media_kind_from_barcode("    "));
    assert_null(media_kind_from_barcode("L6"));          /* a suffix alone is no label */
    assert_null(media_kind_from_barcode("TAPE0001"));
}

static void cln_prefix_means_cleaner(void **state)
{
    (void)state;
    assert_true(media_kind_from_barcode("CLN001CU")->cleaner);
    assert_string_equal(media_kind_from_barcode("CLN001CU")->name, "LTO Cleaner");
    assert_string_equal(media_kind_from_barcode("CLN042")->name, "Cleaner");
    assert_string_equal(media_kind_from_barcode("CLN001L6")->name, "Cleaner");
}

static void density_codes_map_lto_generations(void **state)
{
    (void)state;
    assert_string_equal(media_kind_from_density(0x58)->name, "LTO-5");
    assert_string_equal(media_kind_from_density(0x5D)->name, "LTO-7 Type M");
    assert_null(media_kind_from_density(0));
    assert_null(media_kind_from_density(0xEE));
}

static void catalogue_names_are_unique(void **state)
{
    (void)state;
    size_t count;
    const struct media_kind *all = media_catalog(&count);

    assert_true(count > 20);
    for (size_t i = 0; i < count; i++) {
        assert_ptr_equal(media_kind_by_name(all[i].name), &all[i]);
        assert_true(all[i].storage_media_type >= 0x20 && all[i].storage_media_type <= 0x5E);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(barcode_suffix_names_the_generation),
        cmocka_unit_test(unknown_or_empty_barcodes_name_nothing),
        cmocka_unit_test(cln_prefix_means_cleaner),
        cmocka_unit_test(density_codes_map_lto_generations),
        cmocka_unit_test(catalogue_names_are_unique),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
