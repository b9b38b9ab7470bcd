#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/crc32.h"
#include "platform/plat_file.h"

#define HEADER_SIZE 40
#define ENTRY_HEADER 28   /* kind, name length, 2 reserved, tag, guid, value length */
static const uint8_t file_magic[8] = { 'N', 'T', 'M', 'S', 'D', 'B', 0, 1 };

struct entry {
    uint8_t   kind;
    ntms_guid id;
    char     *name;
    uint32_t  tag;
    uint8_t  *value;
    size_t    length;
};

struct store {
    char db_path[1024], prev_path[1024], tmp_path[1024], lock_path[1024], dir[960];
    struct entry *entries;
    size_t count, capacity;
    uint64_t generation;
    uint64_t stamp;            /* change stamp of the file the cache came from */
    bool cached, in_transaction, writing, dirty;
    struct plat_lock *lock;
};

static uint32_t get32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static void put32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24); }

static void free_entries(struct store *s)
{
    for (size_t i = 0; i < s->count; i++) {
        free(s->entries[i].name);
        free(s->entries[i].value);
    }
    free(s->entries);
    s->entries = NULL;
    s->count = s->capacity = 0;
}

static int compare_key(uint8_t kind, const ntms_guid *id, const char *name, const struct entry *e)
{
    if (kind != e->kind)
        return kind < e->kind ? -1 : 1;
    int c = memcmp(id->bytes, e->id.bytes, sizeof(id->bytes));
    return c ? c : strcmp(name, e->name);
}

/* Index of the entry, or of where it would go (*found false). */
static size_t find(const struct store *s, uint8_t kind, const ntms_guid *id, const char *name, bool *found)
{
    size_t low = 0, high = s->count;

    while (low < high) {
        size_t mid = low + (high - low) / 2;
        int c = compare_key(kind, id, name, &s->entries[mid]);
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

static ntms_err insert_at(struct store *s, size_t at, struct entry *e)
{
    if (s->count == s->capacity) {
        size_t capacity = s->capacity ? s->capacity * 2 : 64;
        struct entry *grown = realloc(s->entries, capacity * sizeof(*grown));
        if (!grown)
            return NTMS_E_NOT_ENOUGH_MEMORY;
        s->entries = grown;
        s->capacity = capacity;
    }
    memmove(&s->entries[at + 1], &s->entries[at], (s->count - at) * sizeof(*e));
    s->entries[at] = *e;
    s->count++;
    return NTMS_OK;
}

/* ---- the file image ---- */

static size_t image_size(const struct store *s)
{
    size_t total = HEADER_SIZE;

    for (size_t i = 0; i < s->count; i++)
        total += ENTRY_HEADER + strlen(s->entries[i].name) + s->entries[i].length;
    return total;
}

static uint8_t *serialise(const struct store *s, uint64_t generation, size_t *length)
{
    size_t total = image_size(s);
    uint8_t *image = calloc(1, total);

    if (!image)
        return NULL;
    uint8_t *at = image + HEADER_SIZE;
    for (size_t i = 0; i < s->count; i++) {
        const struct entry *e = &s->entries[i];
        size_t name_length = strlen(e->name);
        at[0] = e->kind;
        at[1] = (uint8_t)name_length;
        put32(at + 4, e->tag);
        memcpy(at + 8, e->id.bytes, 16);
        put32(at + 24, (uint32_t)e->length);
        memcpy(at + ENTRY_HEADER, e->name, name_length);
        memcpy(at + ENTRY_HEADER + name_length, e->value, e->length);
        at += ENTRY_HEADER + name_length + e->length;
    }
    memcpy(image, file_magic, 8);
    put32(image + 8, STORE_FORMAT_VERSION);
    put32(image + 12, HEADER_SIZE);
    put32(image + 16, (uint32_t)generation);
    put32(image + 20, (uint32_t)(generation >> 32));
    put32(image + 24, (uint32_t)s->count);
    put32(image + 28, (uint32_t)(total - HEADER_SIZE));
    put32(image + 32, crc32_of(image + HEADER_SIZE, total - HEADER_SIZE));
    put32(image + 36, crc32_of(image, 36));
    *length = total;
    return image;
}

/* Checks the whole image before taking anything from it. */
static bool image_valid(const uint8_t *image, size_t length)
{
    if (length < HEADER_SIZE || memcmp(image, file_magic, 8) || get32(image + 36) != crc32_of(image, 36))
        return false;
    if (get32(image + 8) != STORE_FORMAT_VERSION || get32(image + 12) != HEADER_SIZE)
        return false;
    size_t payload = get32(image + 28);
    return payload == length - HEADER_SIZE && get32(image + 32) == crc32_of(image + HEADER_SIZE, payload);
}

static ntms_err parse_entries(struct store *s, const uint8_t *image, size_t length)
{
    uint32_t count = get32(image + 24);
    const uint8_t *at = image + HEADER_SIZE, *end = image + length;

    for (uint32_t i = 0; i < count; i++) {
        if ((size_t)(end - at) < ENTRY_HEADER)
            return NTMS_E_DATABASE_FAILURE;
        size_t name_length = at[1], value_length = get32(at + 24);
        if ((size_t)(end - at) - ENTRY_HEADER < name_length + (uint64_t)value_length)
            return NTMS_E_DATABASE_FAILURE;
        struct entry e = { .kind = at[0], .tag = get32(at + 4), .length = value_length };
        memcpy(e.id.bytes, at + 8, 16);
        e.name = malloc(name_length + 1);
        e.value = malloc(value_length ? value_length : 1);
        if (!e.name || !e.value || insert_at(s, s->count, &e) != NTMS_OK) {
            free(e.name);
            free(e.value);
            return NTMS_E_NOT_ENOUGH_MEMORY;
        }
        memcpy(e.name, at + ENTRY_HEADER, name_length);
        e.name[name_length] = '\0';
        s->entries[s->count - 1].name = e.name;
        memcpy(e.value, at + ENTRY_HEADER + name_length, value_length);
        at += ENTRY_HEADER + name_length + value_length;
    }
    return at == end ? NTMS_OK : NTMS_E_DATABASE_FAILURE;
}

/* Loads one file: NTMS_OK, NTMS_E_OBJECT_NOT_FOUND (absent) or
 * NTMS_E_DATABASE_FAILURE (present but not valid). */
static ntms_err load_file(struct store *s, const char *path)
{
    uint8_t *image;
    size_t length;
    ntms_err status = plat_file->read_all(path, &image, &length);

    if (status != NTMS_OK)
        return status == NTMS_E_OBJECT_NOT_FOUND ? status : NTMS_E_DATABASE_FAILURE;
    free_entries(s);
    if (!image_valid(image, length)) {
        free(image);
        return NTMS_E_DATABASE_FAILURE;
    }
    s->generation = (uint64_t)get32(image + 20) << 32 | get32(image + 16);
    status = parse_entries(s, image, length);
    free(image);
    if (status != NTMS_OK)
        free_entries(s);
    return status;
}

/* Keeps a damaged database for inspection; never deletes it. */
static void set_aside(struct store *s)
{
    char damaged[1100];
    uint64_t stamp = 0;

    plat_file->change_stamp(s->db_path, &stamp);
    snprintf(damaged, sizeof(damaged), "%s.damaged-%016llx", s->db_path, (unsigned long long)stamp);
    plat_file->replace(s->db_path, damaged);
}

static ntms_err reload(struct store *s)
{
    ntms_err status = load_file(s, s->db_path);

    if (status == NTMS_E_DATABASE_FAILURE)
        set_aside(s);
    if (status != NTMS_OK) {
        ntms_err previous = load_file(s, s->prev_path);
        if (previous == NTMS_E_OBJECT_NOT_FOUND && status == NTMS_E_OBJECT_NOT_FOUND) {
            free_entries(s);            /* a new, empty database */
            s->generation = 0;
            previous = NTMS_OK;
        }
        if (previous != NTMS_OK)
            return NTMS_E_DATABASE_FAILURE;
    }
    s->cached = true;
    return NTMS_OK;
}

/* What identifies the committed state on disk: the file's change stamp
 * and the generation in its header. Stamps alone can repeat (a reused
 * inode, equal size, a coarse clock); generations never do, as every
 * commit counts up from the state it loaded under the lock. */
static uint64_t current_stamp(struct store *s)
{
    uint8_t head[HEADER_SIZE];
    size_t got = 0;
    uint64_t stamp = 0;
    const char *path = s->db_path;

    if (plat_file->change_stamp(path, &stamp) != NTMS_OK) {
        path = s->prev_path;
        if (plat_file->change_stamp(path, &stamp) == NTMS_OK)
            stamp ^= 0x5A5A5A5A5A5A5A5Aull;
    }
    if (plat_file->read_head(path, head, sizeof(head), &got) == NTMS_OK && got == HEADER_SIZE
        && !memcmp(head, file_magic, 8))
        stamp ^= ((uint64_t)get32(head + 20) << 32 | get32(head + 16)) * 0x9E3779B97F4A7C15ull ^ get32(head + 36);
    return stamp;
}

ntms_err store_open(const char *directory, struct store **store)
{
    struct store *s = calloc(1, sizeof(*s));

    *store = NULL;
    if (!s)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    if (strlen(directory) >= sizeof(s->dir)) {
        free(s);
        return NTMS_E_INVALID_PARAMETER;
    }
    snprintf(s->dir, sizeof(s->dir), "%s", directory);
    snprintf(s->db_path, sizeof(s->db_path), "%s/ntmsapi.db", directory);
    snprintf(s->prev_path, sizeof(s->prev_path), "%s/ntmsapi.db.prev", directory);
    snprintf(s->tmp_path, sizeof(s->tmp_path), "%s/ntmsapi.db.tmp", directory);
    snprintf(s->lock_path, sizeof(s->lock_path), "%s/ntmsapi.lock", directory);
    ntms_err status = plat_file->make_directory(directory);
    if (status == NTMS_OK)
        status = store_begin(s, false);
    if (status != NTMS_OK) {
        free(s);
        return status;
    }
    store_abort(s);
    *store = s;
    return NTMS_OK;
}

void store_close(struct store *store)
{
    if (!store)
        return;
    if (store->in_transaction)
        store_abort(store);
    free_entries(store);
    free(store);
}

/* Brings the cache up to the committed state. A reader holds no lock, so
 * a commit may land while it loads: the stamp the cache keeps must be
 * that of the state it loaded, or a later writer would take the cache
 * for current and overwrite the commit it never saw. So the stamp is
 * taken before and after, and the load repeated until they agree. */
#define REFRESH_ATTEMPTS 1000

static ntms_err refresh(struct store *s)
{
    for (int attempt = 0; attempt < REFRESH_ATTEMPTS; attempt++) {
        uint64_t before = current_stamp(s);
        if (s->cached && before == s->stamp)
            return NTMS_OK;
        ntms_err status = reload(s);
        if (status != NTMS_OK)
            return status;
        if (current_stamp(s) == before) {
            s->stamp = before;
            return NTMS_OK;
        }
        s->cached = false;
    }
    return NTMS_E_DATABASE_FAILURE;   /* the file never held still */
}

ntms_err store_begin(struct store *s, bool write)
{
    if (s->in_transaction)
        return NTMS_E_INVALID_STATE;
    if (write) {
        ntms_err status = plat_file->lock(s->lock_path, &s->lock);
        if (status != NTMS_OK)
            return status;
    }
    ntms_err status = refresh(s);
    if (status != NTMS_OK) {
        if (write)
            plat_file->unlock(s->lock);
        s->lock = NULL;
        s->cached = false;
        return status;
    }
    s->in_transaction = true;
    s->writing = write;
    s->dirty = false;
    return NTMS_OK;
}

static void end_transaction(struct store *s)
{
    if (s->writing)
        plat_file->unlock(s->lock);
    s->lock = NULL;
    s->in_transaction = s->writing = s->dirty = false;
}

ntms_err store_commit(struct store *s)
{
    if (!s->in_transaction)
        return NTMS_E_INVALID_STATE;
    if (!s->writing || !s->dirty) {
        end_transaction(s);
        return NTMS_OK;
    }
    size_t length;
    uint8_t *image = serialise(s, s->generation + 1, &length);
    ntms_err status = image ? plat_file->write_durable(s->tmp_path, image, length) : NTMS_E_NOT_ENOUGH_MEMORY;
    free(image);
    uint64_t ignored;
    if (status == NTMS_OK && plat_file->change_stamp(s->db_path, &ignored) == NTMS_OK)
        status = plat_file->replace(s->db_path, s->prev_path);
    if (status == NTMS_OK)
        status = plat_file->replace(s->tmp_path, s->db_path);
    if (status == NTMS_OK) {
        s->generation++;
        s->stamp = current_stamp(s);
    } else {
        s->cached = false;          /* memory is ahead of the disk: reload next time */
    }
    end_transaction(s);
    return status;
}

void store_abort(struct store *s)
{
    if (!s->in_transaction)
        return;
    if (s->dirty)
        s->cached = false;          /* drop the uncommitted changes */
    end_transaction(s);
}

static void fill(const struct entry *e, struct store_entry *out)
{
    out->kind = e->kind;
    out->id = e->id;
    out->name = e->name;
    out->tag = e->tag;
    out->value = e->value;
    out->length = e->length;
}

ntms_err store_get(struct store *s, uint8_t kind, const ntms_guid *id, const char *name, struct store_entry *entry)
{
    bool found;

    if (!s->in_transaction)
        return NTMS_E_INVALID_STATE;
    size_t at = find(s, kind, id, name ? name : "", &found);
    if (!found)
        return NTMS_E_OBJECT_NOT_FOUND;
    fill(&s->entries[at], entry);
    return NTMS_OK;
}

ntms_err store_put(struct store *s, uint8_t kind, const ntms_guid *id, const char *name, uint32_t tag,
                   const uint8_t *value, size_t length)
{
    bool found;

    name = name ? name : "";
    if (!s->in_transaction || !s->writing)
        return NTMS_E_INVALID_STATE;
    if (strlen(name) > STORE_NAME_MAX || length > STORE_VALUE_MAX)
        return NTMS_E_INVALID_PARAMETER;
    uint8_t *copy = malloc(length ? length : 1);
    if (!copy)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    memcpy(copy, value, length);
    size_t at = find(s, kind, id, name, &found);
    if (found) {
        free(s->entries[at].value);
        s->entries[at].value = copy;
        s->entries[at].length = length;
        s->entries[at].tag = tag;
    } else {
        struct entry e = { .kind = kind, .id = *id, .name = malloc(strlen(name) + 1), .tag = tag,
                           .value = copy, .length = length };
        if (!e.name || insert_at(s, at, &e) != NTMS_OK) {
            free(e.name);
            free(copy);
            return NTMS_E_NOT_ENOUGH_MEMORY;
        }
        strcpy(e.name, name);
    }
    s->dirty = true;
    return NTMS_OK;
}

static void remove_at(struct store *s, size_t at)
{
    free(s->entries[at].name);
    free(s->entries[at].value);
    memmove(&s->entries[at], &s->entries[at + 1], (s->count - at - 1) * sizeof(s->entries[0]));
    s->count--;
    s->dirty = true;
}

ntms_err store_delete(struct store *s, uint8_t kind, const ntms_guid *id, const char *name)
{
    bool found;

    if (!s->in_transaction || !s->writing)
        return NTMS_E_INVALID_STATE;
    size_t at = find(s, kind, id, name ? name : "", &found);
    if (!found)
        return NTMS_E_OBJECT_NOT_FOUND;
    remove_at(s, at);
    return NTMS_OK;
}

ntms_err store_delete_id(struct store *s, const ntms_guid *id)
{
    if (!s->in_transaction || !s->writing)
        return NTMS_E_INVALID_STATE;
    for (size_t i = s->count; i-- > 0;)
        if (ntms_guid_equal(&s->entries[i].id, id))
            remove_at(s, i);
    return NTMS_OK;
}

bool store_next(struct store *s, size_t *cursor, struct store_entry *entry)
{
    if (!s->in_transaction || *cursor >= s->count)
        return false;
    fill(&s->entries[(*cursor)++], entry);
    return true;
}

uint64_t store_generation(const struct store *store)
{
    return store->generation;
}

ntms_err store_export(struct store *s, const char *path)
{
    char tmp[1100];
    size_t length;
    ntms_err status = store_begin(s, false);

    if (status != NTMS_OK)
        return status;
    uint8_t *image = serialise(s, s->generation, &length);
    store_abort(s);
    if (!image)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    status = plat_file->write_durable(tmp, image, length);
    free(image);
    return status == NTMS_OK ? plat_file->replace(tmp, path) : status;
}

ntms_err store_import(struct store *s, const char *path)
{
    uint8_t *image;
    size_t length;
    uint64_t ignored;
    ntms_err status = plat_file->read_all(path, &image, &length);

    if (status != NTMS_OK)
        return NTMS_E_DATABASE_FAILURE;
    if (!image_valid(image, length)) {
        free(image);
        return NTMS_E_DATABASE_FAILURE;
    }
    if ((status = store_begin(s, true)) != NTMS_OK) {
        free(image);
        return status;
    }
    /* The imported state gets the next generation, so every process sees it as new. */
    uint64_t generation = s->generation + 1;
    put32(image + 16, (uint32_t)generation);
    put32(image + 20, (uint32_t)(generation >> 32));
    put32(image + 36, crc32_of(image, 36));
    status = plat_file->write_durable(s->tmp_path, image, length);
    free(image);
    if (status == NTMS_OK && plat_file->change_stamp(s->db_path, &ignored) == NTMS_OK)
        status = plat_file->replace(s->db_path, s->prev_path);
    if (status == NTMS_OK)
        status = plat_file->replace(s->tmp_path, s->db_path);
    s->cached = false;              /* the next transaction loads the imported state */
    end_transaction(s);
    return status;
}
