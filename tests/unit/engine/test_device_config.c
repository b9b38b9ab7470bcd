#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "engine/discovery/device_config.h"

static struct device_config config;

static void parse(const char *text)
{
    device_config_parse(text, strlen(text), &config);
}

static void entries_of_each_kind(void **state)
{
    (void)state;
    parse("# the tape library in the basement\r\n"
          "changer \\\\.\\Scsi2:0,4,0\r\n"
          "  tape\t\\\\.\\Scsi2:0,5,0   # its first drive\n"
          "drive \\\\.\\Scsi2:0,4,0 0x101 \\\\.\\Scsi2:0,5,0\n"
          "\n"
          "drive \\\\.\\Changer0 256 \\\\.\\Tape7");
    assert_int_equal(config.count, 4);
    assert_int_equal(config.skipped, 0);
    assert_int_equal(config.entries[0].kind, DEVICE_CONFIG_CHANGER);
    assert_string_equal(config.entries[0].path, "\\\\.\\Scsi2:0,4,0");
    assert_int_equal(config.entries[1].kind, DEVICE_CONFIG_TAPE);
    assert_string_equal(config.entries[1].path, "\\\\.\\Scsi2:0,5,0");
    assert_int_equal(config.entries[2].kind, DEVICE_CONFIG_DRIVE);
    assert_int_equal(config.entries[2].element, 0x101);
    assert_string_equal(device_config_drive(&config, "\\\\.\\scsi2:0,4,0", 257), "\\\\.\\Scsi2:0,5,0");
    assert_string_equal(device_config_drive(&config, "\\\\.\\CHANGER0", 256), "\\\\.\\Tape7");
    assert_null(device_config_drive(&config, "\\\\.\\Changer0", 257));
    assert_null(device_config_drive(&config, "\\\\.\\Changer1", 256));
    assert_true(device_config_same_path("\\\\.\\Tape1", "\\\\.\\TAPE1"));
    assert_false(device_config_same_path("\\\\.\\Tape1", "\\\\.\\Tape10"));
}

static void lines_that_do_not_parse_are_skipped(void **state)
{
    char long_path[400];

    (void)state;
    memset(long_path, 'x', sizeof(long_path));
    long_path[sizeof(long_path) - 1] = 0;
    char text[1000];
    snprintf(text, sizeof(text),
             "robot \\\\.\\Changer3\n"             /* no such kind */
             "changer\n"                           /* no path */
             "drive \\\\.\\Changer0 70000 \\\\.\\Tape1\n"   /* element past 16 bits */
             "drive \\\\.\\Changer0 twelve \\\\.\\Tape1\n"
             "drive \\\\.\\Changer0 12\n"          /* no tape */
             "tape \\\\.\\Tape1 extra\n"           /* trailing words */
             "tape %s\n"                           /* a path too long */
             "tape \\\\.\\Tape9\n", long_path);
    parse(text);
    assert_int_equal(config.count, 1);
    assert_int_equal(config.skipped, 7);
    assert_string_equal(config.entries[0].path, "\\\\.\\Tape9");
}

/* No silent cap: a configuration of a large site is taken whole. */
static void every_entry_is_taken(void **state)
{
    enum { ENTRIES = 1000 };
    static char text[ENTRIES * 40 + 100];
    size_t at = 0;

    (void)state;
    for (int i = 0; i < ENTRIES; i++)
        at += (size_t)snprintf(text + at, sizeof(text) - at, "tape \\\\.\\Scsi%d:\n", i);
    parse(text);
    assert_int_equal(config.count, ENTRIES);
    assert_int_equal(config.skipped, 0);
    assert_string_equal(config.entries[ENTRIES - 1].path, "\\\\.\\Scsi999:");
    device_config_parse("", 0, &config);
    assert_int_equal(config.count, 0);
    device_config_free(&config);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(entries_of_each_kind),
        cmocka_unit_test(lines_that_do_not_parse_are_skipped),
        cmocka_unit_test(every_entry_is_taken),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
