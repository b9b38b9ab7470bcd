#include "store/store_journal.h"

#include <stdlib.h>
#include <string.h>

#include "common/crc32.h"
#include "store/store_bytes.h"
#include "store/store_table.h"

#define RECORD_HEADER 24   /* magic, payload length, generation, change count, checksum */
#define CHANGE_HEADER 28   /* kind, what, name length, reserved, tag, guid, value length */
#define RECORD_MAGIC 0x524A544Eu   /* "NTJR" */
enum { CHANGE_PUT = STORE_UPDATED, CHANGE_REMOVE = STORE_REMOVED, CHANGE_INSERT = STORE_INSERTED,
       CHANGE_NOTE = STORE_NOTED };
static const uint8_t journal_magic[8] = { 'N', 'T', 'M', 'S', 'J', 'N', 'L', 1 };

void journal_header(uint8_t header[JOURNAL_HEADER], uint64_t base)
{
    memset(header, 0, JOURNAL_HEADER);
    memcpy(header, journal_magic, 8);
    put64(header + 8, base);
    put32(header + 16, crc32_of(header, 16));
}

bool journal_header_valid(const uint8_t *data, size_t length)
{
    return length >= JOURNAL_HEADER && !memcmp(data, journal_magic, 8) && get32(data + 16) == crc32_of(data, 16);
}

uint64_t journal_base(const uint8_t *header)
{
    return get64(header + 8);
}

/* ---- writing ---- */

/* The entry under the key now (NULL: none), and what the change is; 0: nothing to say. */
static int change_of(const struct store_table *t, const struct journal_key *k, const struct table_entry **entry)
{
    bool found;
    size_t at = table_find(t, k->kind, &k->id, k->name, &found);

    *entry = found ? &t->entries[at] : NULL;
    if (found)
        return k->existed ? CHANGE_PUT : CHANGE_INSERT;
    if (k->existed)
        return CHANGE_REMOVE;
    return k->note ? CHANGE_NOTE : 0;
}

static size_t change_size(const struct store_table *t, const struct journal_key *k)
{
    const struct table_entry *e;

    if (!change_of(t, k, &e))
        return 0;
    return CHANGE_HEADER + strlen(k->name) + (e ? e->length : 0);
}

static uint8_t *put_change(uint8_t *at, const struct store_table *t, const struct journal_key *k)
{
    const struct table_entry *e;
    int what = change_of(t, k, &e);
    size_t name_length = strlen(k->name);

    if (!what)
        return at;
    memset(at, 0, CHANGE_HEADER);
    at[0] = k->kind;
    at[1] = (uint8_t)what;
    at[2] = (uint8_t)name_length;
    put32(at + 4, e ? e->tag : k->old_tag);
    memcpy(at + 8, k->id.bytes, 16);
    put32(at + 24, e ? (uint32_t)e->length : 0);
    memcpy(at + CHANGE_HEADER, k->name, name_length);
    if (e)
        memcpy(at + CHANGE_HEADER + name_length, e->value, e->length);
    return at + CHANGE_HEADER + name_length + (e ? e->length : 0);
}

ntms_err journal_record(const struct store_table *t, const struct journal_key *keys, size_t count,
                        uint64_t generation, uint8_t **out, size_t *length)
{
    size_t payload = 0, changes = 0;
    const struct table_entry *ignored;

    *out = NULL;
    *length = 0;
    for (size_t i = 0; i < count; i++) {
        payload += change_size(t, &keys[i]);
        changes += change_of(t, &keys[i], &ignored) != 0;
    }
    if (!changes)
        return NTMS_OK;
    uint8_t *record = malloc(RECORD_HEADER + payload);
    if (!record)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    uint8_t *at = record + RECORD_HEADER;
    for (size_t i = 0; i < count; i++)
        at = put_change(at, t, &keys[i]);
    put32(record, RECORD_MAGIC);
    put32(record + 4, (uint32_t)payload);
    put64(record + 8, generation);
    put32(record + 16, (uint32_t)changes);
    uint32_t crc = crc32_update(crc32_of(record, 20), record + RECORD_HEADER, payload);
    put32(record + 20, crc);
    *length = RECORD_HEADER + payload;
    *out = record;
    return NTMS_OK;
}

/* ---- reading ---- */

/* The record at data (length bytes left) is complete and checks: its size. */
static size_t record_size(const uint8_t *data, size_t length)
{
    if (length < RECORD_HEADER || get32(data) != RECORD_MAGIC)
        return 0;
    size_t payload = get32(data + 4);
    if (payload > length - RECORD_HEADER)
        return 0;
    uint32_t crc = crc32_update(crc32_of(data, 20), data + RECORD_HEADER, payload);
    return crc == get32(data + 20) ? RECORD_HEADER + payload : 0;
}

/* Every change of a checked record lies inside it. */
static bool changes_fit(const uint8_t *record, size_t size)
{
    const uint8_t *at = record + RECORD_HEADER, *end = record + size;

    for (uint32_t i = get32(record + 16); i > 0; i--) {
        if ((size_t)(end - at) < CHANGE_HEADER || at[1] < CHANGE_PUT || at[1] > CHANGE_NOTE)
            return false;
        size_t rest = (size_t)(end - at) - CHANGE_HEADER, name_length = at[2], value_length = get32(at + 24);
        if (rest < name_length || rest - name_length < value_length)
            return false;
        at += CHANGE_HEADER + name_length + value_length;
    }
    return at == end;
}

static ntms_err apply_change(const uint8_t *at, struct store_table *t, size_t *size)
{
    char name[256];
    ntms_guid id;
    size_t name_length = at[2], value_length = get32(at + 24);
    bool found, changed;

    memcpy(name, at + CHANGE_HEADER, name_length);
    name[name_length] = '\0';
    memcpy(id.bytes, at + 8, 16);
    *size = CHANGE_HEADER + name_length + value_length;
    if (at[1] == CHANGE_PUT || at[1] == CHANGE_INSERT)
        return table_put(t, at[0], &id, name, get32(at + 4), at + CHANGE_HEADER + name_length, value_length, &changed);
    if (at[1] == CHANGE_NOTE)
        return NTMS_OK;
    size_t index = table_find(t, at[0], &id, name, &found);
    if (found)
        table_remove_at(t, index);
    return NTMS_OK;
}

static ntms_err apply_record(const uint8_t *record, struct store_table *t)
{
    const uint8_t *at = record + RECORD_HEADER;

    for (uint32_t i = get32(record + 16); i > 0; i--) {
        size_t size;
        ntms_err status = apply_change(at, t, &size);
        if (status != NTMS_OK)
            return status;
        at += size;
    }
    return NTMS_OK;
}

ntms_err journal_apply(const uint8_t *data, size_t length, struct store_table *t, uint64_t *generation,
                       size_t *used)
{
    size_t offset = 0;

    for (;;) {
        size_t size = record_size(data + offset, length - offset);
        if (!size || !changes_fit(data + offset, size))
            break;   /* the end, or a commit cut short */
        uint64_t record_generation = get64(data + offset + 8);
        if (record_generation > *generation + 1)
            break;   /* a gap: nothing after it can be applied */
        if (record_generation == *generation + 1) {
            ntms_err status = apply_record(data + offset, t);
            if (status != NTMS_OK) {
                *used = offset;
                return status;
            }
            *generation = record_generation;
        }
        offset += size;
    }
    *used = offset;
    return NTMS_OK;
}

/* ---- the changes, for whoever follows them ---- */

static bool visit_changes(const uint8_t *record, store_change_visitor visit, void *context)
{
    const uint8_t *at = record + RECORD_HEADER;
    struct store_change c;
    bool going = true;

    c.generation = get64(record + 8);
    for (uint32_t i = get32(record + 16); i > 0; i--) {
        size_t name_length = at[2], value_length = get32(at + 24);
        c.what = (enum store_change_what)at[1];
        c.kind = at[0];
        memcpy(c.id.bytes, at + 8, 16);
        memcpy(c.name, at + CHANGE_HEADER, name_length);
        c.name[name_length] = '\0';
        c.tag = get32(at + 4);
        c.value = at + CHANGE_HEADER + name_length;
        c.length = value_length;
        going &= visit(&c, context);   /* a commit is told whole */
        at += CHANGE_HEADER + name_length + value_length;
    }
    return going;
}

bool journal_starts_with(const uint8_t *data, size_t length, uint64_t generation)
{
    size_t size = record_size(data, length);

    return size && changes_fit(data, size) && get64(data + 8) == generation;
}

void journal_read_changes(const uint8_t *data, size_t length, uint64_t after, store_change_visitor visit,
                          void *context, uint64_t *last, size_t *used)
{
    size_t offset = 0;
    bool going = true;

    *last = after;
    while (going) {
        size_t size = record_size(data + offset, length - offset);
        if (!size || !changes_fit(data + offset, size))
            break;
        uint64_t generation = get64(data + offset + 8);
        if (generation > *last + 1)
            break;   /* a gap: the caller sees *last short of the end */
        if (generation == *last + 1) {
            going = visit_changes(data + offset, visit, context);
            *last = generation;
        }
        offset += size;
    }
    *used = offset;
}
