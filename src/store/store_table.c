#include "store/store_table.h"

#include <stdlib.h>
#include <string.h>

static int compare_key(uint8_t kind, const ntms_guid *id, const char *name, const struct table_entry *e)
{
    if (kind != e->kind)
        return kind < e->kind ? -1 : 1;
    int c = memcmp(id->bytes, e->id.bytes, sizeof(id->bytes));
    return c ? c : strcmp(name, e->name);
}

size_t table_find(const struct store_table *t, uint8_t kind, const ntms_guid *id, const char *name, bool *found)
{
    size_t low = 0, high = t->count;

    while (low < high) {
        size_t mid = low + (high - low) / 2;
        int c = compare_key(kind, id, name, &t->entries[mid]);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            high = mid;
        else
            low = mid + 1;
    }
    *found = false;
    return low;
}

static ntms_err make_room(struct store_table *t)
{
    if (t->count < t->capacity)
        return NTMS_OK;
    size_t capacity = t->capacity ? t->capacity * 2 : 64;
    struct table_entry *grown = realloc(t->entries, capacity * sizeof(*grown));
    if (!grown)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    t->entries = grown;
    t->capacity = capacity;
    return NTMS_OK;
}

static ntms_err insert_at(struct store_table *t, size_t at, const struct table_entry *e)
{
    ntms_err status = make_room(t);

    if (status != NTMS_OK)
        return status;
    memmove(&t->entries[at + 1], &t->entries[at], (t->count - at) * sizeof(*e));
    t->entries[at] = *e;
    t->count++;
    t->bytes += strlen(e->name) + e->length;
    return NTMS_OK;
}

static bool already_holds(const struct table_entry *e, uint32_t tag, const uint8_t *value, size_t length)
{
    return e->tag == tag && e->length == length && !memcmp(e->value, value, length);
}

ntms_err table_put(struct store_table *t, uint8_t kind, const ntms_guid *id, const char *name, uint32_t tag,
                   const uint8_t *value, size_t length, bool *changed)
{
    bool found;
    size_t at = table_find(t, kind, id, name, &found);

    *changed = !found || !already_holds(&t->entries[at], tag, value, length);
    if (!*changed)
        return NTMS_OK;
    uint8_t *copy = malloc(length ? length : 1);
    if (!copy)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    memcpy(copy, value, length);
    if (found) {
        struct table_entry *e = &t->entries[at];
        t->bytes = t->bytes - e->length + length;
        free(e->value);
        e->value = copy;
        e->length = length;
        e->tag = tag;
        return NTMS_OK;
    }
    struct table_entry e = { .kind = kind, .id = *id, .name = malloc(strlen(name) + 1), .tag = tag,
                             .value = copy, .length = length };
    if (e.name)
        strcpy(e.name, name);
    if (!e.name || insert_at(t, at, &e) != NTMS_OK) {
        free(e.name);
        free(copy);
        return NTMS_E_NOT_ENOUGH_MEMORY;
    }
    return NTMS_OK;
}

void table_remove_at(struct store_table *t, size_t at)
{
    struct table_entry *e = &t->entries[at];

    t->bytes -= strlen(e->name) + e->length;
    free(e->name);
    free(e->value);
    memmove(e, e + 1, (t->count - at - 1) * sizeof(*e));
    t->count--;
}

ntms_err table_append(struct store_table *t, const struct table_entry *e)
{
    return insert_at(t, t->count, e);
}

void table_free(struct store_table *t)
{
    for (size_t i = 0; i < t->count; i++) {
        free(t->entries[i].name);
        free(t->entries[i].value);
    }
    free(t->entries);
    memset(t, 0, sizeof(*t));
}
