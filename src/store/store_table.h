/* The store's entries in memory: sorted by key (kind, GUID, name), each
 * with its own copy of the name and the bytes. */
#ifndef NTMSAPI_STORE_TABLE_H
#define NTMSAPI_STORE_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/ntms_error.h"
#include "common/ntms_guid.h"

struct table_entry {
    uint8_t   kind;
    ntms_guid id;
    char     *name;
    uint32_t  tag;
    uint8_t  *value;
    size_t    length;
};

struct store_table {
    struct table_entry *entries;
    size_t              count, capacity;
    size_t              bytes;   /* names and values held: how big an image of it is */
};

/* Index of the entry, or of where it would go (*found false). */
size_t table_find(const struct store_table *table, uint8_t kind, const ntms_guid *id, const char *name, bool *found);
/* Inserts or replaces with copies; *changed is false when the entry was
 * already exactly this. */
ntms_err table_put(struct store_table *table, uint8_t kind, const ntms_guid *id, const char *name, uint32_t tag,
                   const uint8_t *value, size_t length, bool *changed);
void table_remove_at(struct store_table *table, size_t at);
/* Appends an entry whose key sorts after every other (loading an image). */
ntms_err table_append(struct store_table *table, const struct table_entry *entry);
void table_free(struct store_table *table);

#endif
