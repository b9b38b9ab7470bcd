/* What the store's tests share: a private folder per test, entries named
 * by number, their values as strings. */
#ifndef NTMSAPI_TESTS_STORE_FIXTURE_H
#define NTMSAPI_TESTS_STORE_FIXTURE_H

#include <stddef.h>

#include "store/store.h"

extern char dir[256];   /* the test's folder */

int make_dir(void **state);     /* setup */
int remove_dir(void **state);   /* teardown */
void clear_dir(void);           /* empties it */

ntms_guid id_of(unsigned n);
/* Entry n (kind 1, no name, tag n % 7) holds the string value. */
void put_value(struct store *s, unsigned n, const char *value);
const char *get_value(struct store *s, unsigned n);   /* NULL: no entry */
/* Entry n set to value in a write transaction of its own, committed. */
void commit_value(struct store *s, unsigned n, const char *value);
size_t count_entries(struct store *s);

#endif
