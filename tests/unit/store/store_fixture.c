#include "store_fixture.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

char dir[256];

int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/ntmsapi-store-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return 0;
}

int remove_dir(void **state)
{
    char command[300];

    (void)state;
    snprintf(command, sizeof(command), "rm -rf '%s'", dir);
    return system(command);
}

void clear_dir(void)
{
    char command[300];

    snprintf(command, sizeof(command), "rm -rf '%s'/*", dir);
    assert_int_equal(system(command), 0);
}

ntms_guid id_of(unsigned n)
{
    ntms_guid g = { { 0 } };

    memcpy(g.bytes, &n, sizeof(n));
    return g;
}

void put_value(struct store *s, unsigned n, const char *value)
{
    ntms_guid id = id_of(n);

    assert_int_equal(store_put(s, 1, &id, NULL, n % 7, (const uint8_t *)value, strlen(value) + 1), NTMS_OK);
}

const char *get_value(struct store *s, unsigned n)
{
    struct store_entry e;
    ntms_guid id = id_of(n);

    return store_get(s, 1, &id, NULL, &e) == NTMS_OK ? (const char *)e.value : NULL;
}

size_t count_entries(struct store *s)
{
    size_t cursor = 0, n = 0;
    struct store_entry e;

    while (store_next(s, &cursor, &e))
        n++;
    return n;
}

void commit_value(struct store *s, unsigned n, const char *value)
{
    assert_int_equal(store_begin(s, true), NTMS_OK);
    put_value(s, n, value);
    assert_int_equal(store_commit(s), NTMS_OK);
}
