#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/plat_file.h"
#include "store/store_bytes.h"
#include "store/store_follow.h"
#include "store/store_image.h"
#include "store/store_journal.h"
#include "store/store_shared.h"
#include "store/store_table.h"

#define CHECKPOINT_MIN_JOURNAL (1u << 20)   /* journal bytes before a checkpoint is worth writing */

struct store {
    char dir[960];
    char db_path[1024], prev_path[1024], tmp_path[1024], lock_path[1024];
    char journal_path[1024], journal_prev_path[1024], journal_tmp_path[1024], shared_path[1024];
    struct store_table table;
    uint64_t generation;          /* of the state in memory */
    uint64_t checkpoint_stamp;    /* identity of the checkpoint file it was built on */
    uint64_t journal_end;         /* journal bytes taken: where the next record goes (0: no journal) */
    uint8_t journal_head[JOURNAL_HEADER];   /* the header of that journal: which file it was */
    bool has_checkpoint;          /* ntmsapi.db was valid: else the next commit writes one */
    bool cached, in_transaction, writing, unflushed;
    struct journal_key *touched;  /* keys this transaction changed */
    size_t touched_count, touched_capacity;
    struct store_shared *shared;
    uint32_t seen_sequence;       /* the shared counter when the memory was last current */
    bool seen_valid;
    struct plat_lock *lock;
    size_t checkpoint_after;      /* tests: a checkpoint once the journal passes this many bytes */
    uint64_t version;             /* counts every change of the entries in memory */
    struct store_follow follow;   /* where followers of the change feed stopped */
};

/* ---- what is on disk ---- */

/* What identifies the checkpoint on disk: the file's change stamp and the
 * generation in its header. Stamps alone can repeat (a reused inode,
 * equal size, a coarse clock); generations never do. */
static uint64_t checkpoint_stamp(struct store *s)
{
    uint8_t head[STORE_IMAGE_HEADER];
    size_t got = 0;
    uint64_t stamp = 0;
    const char *path = s->db_path;

    if (plat_file->change_stamp(path, &stamp) != NTMS_OK) {
        path = s->prev_path;
        if (plat_file->change_stamp(path, &stamp) == NTMS_OK)
            stamp ^= 0x5A5A5A5A5A5A5A5Aull;
    }
    if (plat_file->read_head(path, head, sizeof(head), &got) == NTMS_OK && image_head_looks_valid(head, got))
        stamp ^= image_generation(head) * 0x9E3779B97F4A7C15ull ^ get32(head + 36);
    return stamp;
}

static bool file_exists(const char *path)
{
    uint64_t ignored;

    return plat_file->change_stamp(path, &ignored) == NTMS_OK;
}

/* One checkpoint file: NTMS_OK, NTMS_E_OBJECT_NOT_FOUND (absent) or
 * NTMS_E_DATABASE_FAILURE (present but not valid). */
static ntms_err load_checkpoint(struct store *s, const char *path)
{
    uint8_t *image;
    size_t length;
    ntms_err status = plat_file->read_all(path, &image, &length);

    table_free(&s->table);
    if (status != NTMS_OK)
        return status == NTMS_E_OBJECT_NOT_FOUND ? status : NTMS_E_DATABASE_FAILURE;
    if (!image_valid(image, length)) {
        free(image);
        return NTMS_E_DATABASE_FAILURE;
    }
    s->generation = image_generation(image);
    status = image_parse(image, length, &s->table);
    free(image);
    if (status != NTMS_OK)
        table_free(&s->table);
    return status;
}

/* The records of a journal file that follow the state in memory; *end is
 * where the valid part of the file ends (0: no journal there). `head`
 * (may be NULL) receives the file's header. */
static ntms_err replay(struct store *s, const char *path, uint64_t *end, uint8_t *head)
{
    uint8_t *data;
    size_t length, used = 0;
    ntms_err status = plat_file->read_from(path, 0, NULL, 0, &data, &length);

    *end = 0;
    if (status == NTMS_E_OBJECT_NOT_FOUND)
        return NTMS_OK;
    if (status != NTMS_OK)
        return NTMS_E_DATABASE_FAILURE;
    if (journal_header_valid(data, length)) {
        status = journal_apply(data + JOURNAL_HEADER, length - JOURNAL_HEADER, &s->table, &s->generation, &used);
        *end = JOURNAL_HEADER + used;
        if (head)
            memcpy(head, data, JOURNAL_HEADER);
    }
    free(data);
    return status;
}

/* Keeps a damaged checkpoint for inspection; never deletes it. */
static void set_aside(struct store *s)
{
    char damaged[1100];
    uint64_t stamp = 0;

    plat_file->change_stamp(s->db_path, &stamp);
    snprintf(damaged, sizeof(damaged), "%s.damaged-%016llx", s->db_path, (unsigned long long)stamp);
    plat_file->replace(s->db_path, damaged);
}

/* Under the lock, before a checkpoint is written: a checkpoint file that
 * reads whole but does not check is kept aside. */
static void set_aside_if_damaged(struct store *s)
{
    uint8_t *image;
    size_t length;

    if (plat_file->read_all(s->db_path, &image, &length) != NTMS_OK)
        return;   /* absent (or unreadable: nothing to keep) */
    bool damaged = !image_valid(image, length);
    free(image);
    if (damaged)
        set_aside(s);
}

/* Without a valid checkpoint: the previous one and both journals, or a new
 * empty database when there never was a checkpoint. */
static ntms_err load_without_checkpoint(struct store *s, ntms_err checkpoint)
{
    uint64_t ignored;
    ntms_err status = load_checkpoint(s, s->prev_path);

    if (status == NTMS_E_OBJECT_NOT_FOUND && checkpoint == NTMS_E_OBJECT_NOT_FOUND) {
        table_free(&s->table);   /* a new database (its journal may hold its first commits) */
        s->generation = 0;
        status = NTMS_OK;
    }
    if (status != NTMS_OK)
        return NTMS_E_DATABASE_FAILURE;
    if ((status = replay(s, s->journal_prev_path, &ignored, NULL)) != NTMS_OK)
        return status;
    return replay(s, s->journal_path, &s->journal_end, s->journal_head);
}

static ntms_err load_state(struct store *s)
{
    s->version++;
    ntms_err status = load_checkpoint(s, s->db_path);

    s->journal_end = 0;
    s->has_checkpoint = status == NTMS_OK;
    if (status == NTMS_E_DATABASE_FAILURE && s->lock)
        set_aside(s);   /* only under the lock: a reader's failed read may be a writer's rename in passing */
    if (status != NTMS_OK)
        return load_without_checkpoint(s, status);
    return replay(s, s->journal_path, &s->journal_end, s->journal_head);
}

/* The whole state from the files. A reader holds no lock, so a checkpoint
 * may land while it loads: the stamp taken before and after must agree,
 * or the load is repeated. */
#define LOAD_ATTEMPTS 1000

static ntms_err full_load(struct store *s)
{
    s->cached = false;
    for (int attempt = 0; attempt < LOAD_ATTEMPTS; attempt++) {
        uint64_t before = checkpoint_stamp(s);
        ntms_err status = load_state(s);
        if (status != NTMS_OK)
            return status;
        if (checkpoint_stamp(s) == before) {
            s->checkpoint_stamp = before;
            s->cached = true;
            return NTMS_OK;
        }
    }
    return NTMS_E_DATABASE_FAILURE;   /* the files never held still */
}

/* Only the journal's new records, while the checkpoint and the journal
 * are the files the memory was built on. A checkpoint replaces both, but
 * a reader that loaded between its two renames holds the new checkpoint
 * with the old journal: the journal's header tells them apart. */
static ntms_err catch_up(struct store *s)
{
    uint8_t *data, head[JOURNAL_HEADER];
    size_t length, used = 0;

    if (checkpoint_stamp(s) != s->checkpoint_stamp)
        return full_load(s);
    /* From the start, the data holds the header: no second read of it. */
    ntms_err status = plat_file->read_from(s->journal_path, s->journal_end, s->journal_end ? head : NULL,
                                           sizeof(head), &data, &length);
    if (status == NTMS_E_OBJECT_NOT_FOUND)
        return s->journal_end ? full_load(s) : NTMS_OK;
    if (status != NTMS_OK)
        return NTMS_E_DATABASE_FAILURE;
    if (s->journal_end && memcmp(head, s->journal_head, JOURNAL_HEADER)) {
        free(data);
        return full_load(s);   /* another journal than the one read so far */
    }
    size_t header = s->journal_end ? 0 : JOURNAL_HEADER;
    if (!header || journal_header_valid(data, length)) {
        uint64_t generation = s->generation;
        status = journal_apply(data + header, length - header, &s->table, &s->generation, &used);
        if (used) {
            if (header)
                memcpy(s->journal_head, data, JOURNAL_HEADER);
            s->journal_end += header + used;
        }
        if (s->generation != generation || status != NTMS_OK)
            s->version++;
    }
    free(data);
    if (status != NTMS_OK)
        s->cached = false;   /* half applied: load it all next time */
    return status;
}

/* Brings the memory up to the committed state: nothing to do when the
 * shared counter is where it was; else the journal's new records. */
static ntms_err refresh(struct store *s)
{
    uint32_t sequence = s->shared ? store_shared_sequence(s->shared) : 0;

    if (s->cached && s->shared && s->seen_valid && store_sequence_settled(sequence) && sequence == s->seen_sequence)
        return NTMS_OK;
    ntms_err status = s->cached ? catch_up(s) : full_load(s);
    s->seen_valid = status == NTMS_OK && s->shared && store_sequence_settled(sequence);
    s->seen_sequence = sequence;
    return status;
}

/* ---- writing ---- */

static ntms_err remove_if_present(const char *from, const char *to)
{
    return file_exists(from) ? plat_file->replace(from, to) : NTMS_OK;
}

/* The whole state at `generation`: tmp, flushed; db -> prev; tmp -> db;
 * journal -> journal.prev. Between any two steps the files on disk hold
 * it (prev and the journal, or the new db). */
static ntms_err write_checkpoint_image(struct store *s, uint8_t *image, size_t length)
{
    ntms_err status = plat_file->write_durable(s->tmp_path, image, length);

    if (status == NTMS_OK)
        status = remove_if_present(s->db_path, s->prev_path);
    if (status == NTMS_OK)
        status = plat_file->replace(s->tmp_path, s->db_path);
    if (status == NTMS_OK)
        status = remove_if_present(s->journal_path, s->journal_prev_path);
    if (status == NTMS_OK) {
        s->journal_end = 0;
        s->has_checkpoint = true;
        s->unflushed = false;
        s->checkpoint_stamp = checkpoint_stamp(s);
    }
    return status;
}

static ntms_err write_checkpoint(struct store *s, uint64_t generation)
{
    size_t length;
    uint8_t *image = image_serialise(&s->table, generation, &length);

    if (!image)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    ntms_err status = write_checkpoint_image(s, image, length);
    free(image);
    return status;
}

/* A new journal: its header and first record, written aside and renamed in. */
static ntms_err start_journal(struct store *s, const uint8_t *record, size_t length)
{
    uint8_t *file = malloc(JOURNAL_HEADER + length);

    if (!file)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    journal_header(file, s->generation);
    memcpy(file + JOURNAL_HEADER, record, length);
    ntms_err status = plat_file->write_durable(s->journal_tmp_path, file, JOURNAL_HEADER + length);
    if (status == NTMS_OK)
        status = plat_file->replace(s->journal_tmp_path, s->journal_path);
    if (status == NTMS_OK) {
        memcpy(s->journal_head, file, JOURNAL_HEADER);
        s->journal_end = JOURNAL_HEADER + length;
    }
    free(file);
    return status;
}

static int compare_keys(const void *a, const void *b)
{
    const struct journal_key *x = a, *y = b;

    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    int c = memcmp(x->id.bytes, y->id.bytes, sizeof(x->id.bytes));
    return c ? c : strcmp(x->name, y->name);
}

static int compare_keys_then_order(const void *a, const void *b)
{
    const struct journal_key *x = a, *y = b;
    int c = compare_keys(a, b);

    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Sorted, each key once, as it first was in this transaction. */
static void settle_touched(struct store *s)
{
    size_t kept = 0;

    qsort(s->touched, s->touched_count, sizeof(*s->touched), compare_keys_then_order);
    for (size_t i = 0; i < s->touched_count; i++) {
        if (kept && !compare_keys(&s->touched[kept - 1], &s->touched[i]))
            free(s->touched[i].name);
        else
            s->touched[kept++] = s->touched[i];
    }
    s->touched_count = kept;
}

static ntms_err append_record(struct store *s, bool flush)
{
    size_t length;

    uint8_t *record;
    ntms_err status = journal_record(&s->table, s->touched, s->touched_count, s->generation + 1, &record, &length);
    if (status != NTMS_OK || !record)
        return status;
    if (!s->journal_end) {
        status = start_journal(s, record, length);
    } else if ((status = plat_file->write_at(s->journal_path, s->journal_end, record, length, flush)) == NTMS_OK) {
        s->journal_end += length;
        s->unflushed |= !flush;
    }
    free(record);
    return status;
}

/* When the journal outgrows the checkpoint: a load then reads at most
 * twice the state, and checkpoints cost O(1) per byte committed. */
static bool checkpoint_due(const struct store *s)
{
    uint64_t image = STORE_IMAGE_HEADER + s->table.count * 28 + s->table.bytes;

    if (s->checkpoint_after)
        return s->journal_end > s->checkpoint_after;
    return s->journal_end > CHECKPOINT_MIN_JOURNAL && s->journal_end > image;
}

void store_set_checkpoint_after(struct store *s, size_t journal_bytes)
{
    s->checkpoint_after = journal_bytes;
}

static void forget_touched(struct store *s)
{
    for (size_t i = 0; i < s->touched_count; i++)
        free(s->touched[i].name);
    s->touched_count = 0;
}

static void end_transaction(struct store *s)
{
    forget_touched(s);
    if (s->writing)
        plat_file->unlock(s->lock);
    s->lock = NULL;
    s->in_transaction = s->writing = false;
}

/* A new database starts with an empty checkpoint, so that the previous
 * checkpoint and both journals always add up to the state. After a
 * damaged checkpoint, the state is written whole again. */
static ntms_err write_commit(struct store *s, bool flush)
{
    if (!s->has_checkpoint)
        set_aside_if_damaged(s);   /* before a checkpoint moves it over the previous one */
    if (!s->has_checkpoint && s->generation)
        return write_checkpoint(s, s->generation + 1);
    if (!s->has_checkpoint) {
        struct store_table empty = { 0 };
        size_t length;
        uint8_t *image = image_serialise(&empty, 0, &length);
        ntms_err status = image ? write_checkpoint_image(s, image, length) : NTMS_E_NOT_ENOUGH_MEMORY;
        free(image);
        if (status != NTMS_OK)
            return status;
    }
    return append_record(s, flush);
}

/* Is there anything for a record to say (not only entries made and
 * removed within the transaction)? */
static bool anything_to_commit(struct store *s)
{
    settle_touched(s);
    for (size_t i = 0; i < s->touched_count; i++) {
        const struct journal_key *k = &s->touched[i];
        bool found;
        table_find(&s->table, k->kind, &k->id, k->name, &found);
        if (found || k->existed || k->note)
            return true;
    }
    return false;
}

static ntms_err commit(struct store *s, bool flush)
{
    if (!s->in_transaction)
        return NTMS_E_INVALID_STATE;
    if (!s->writing || !anything_to_commit(s)) {
        end_transaction(s);
        return NTMS_OK;
    }
    if (s->shared)
        store_shared_writing(s->shared);
    ntms_err status = write_commit(s, flush);
    if (status == NTMS_OK) {
        s->generation++;
        if (checkpoint_due(s))
            write_checkpoint(s, s->generation);   /* the commit stands in the journal if this fails */
    } else {
        s->cached = false;   /* memory is ahead of the disk: load it again next time */
    }
    if (s->shared) {
        s->seen_sequence = store_shared_written(s->shared);
        s->seen_valid = status == NTMS_OK;
    }
    end_transaction(s);
    return status;
}

ntms_err store_commit(struct store *s)
{
    return commit(s, true);
}

ntms_err store_commit_unflushed(struct store *s)
{
    return commit(s, false);
}

ntms_err store_flush(struct store *s)
{
    if (!s->unflushed)
        return NTMS_OK;
    ntms_err status = plat_file->flush(s->journal_path);
    if (status == NTMS_E_OBJECT_NOT_FOUND)
        status = NTMS_OK;   /* a checkpoint (flushed) took its place */
    if (status == NTMS_OK)
        s->unflushed = false;
    return status;
}

/* ---- transactions ---- */

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
    snprintf(s->journal_path, sizeof(s->journal_path), "%s/ntmsapi.journal", directory);
    snprintf(s->journal_prev_path, sizeof(s->journal_prev_path), "%s/ntmsapi.journal.prev", directory);
    snprintf(s->journal_tmp_path, sizeof(s->journal_tmp_path), "%s/ntmsapi.journal.tmp", directory);
    snprintf(s->shared_path, sizeof(s->shared_path), "%s/ntmsapi.shm", directory);
    ntms_err status = plat_file->make_directory(directory);
    if (status == NTMS_OK)
        status = store_begin(s, false);
    if (status != NTMS_OK) {
        table_free(&s->table);
        free(s);
        return status;
    }
    store_abort(s);
    s->shared = store_shared_map(s->shared_path);   /* after the first load: it may not say "current" yet */
    *store = s;
    return NTMS_OK;
}

void store_close(struct store *store)
{
    if (!store)
        return;
    if (store->in_transaction)
        store_abort(store);
    store_flush(store);
    store_shared_unmap(store->shared);
    table_free(&store->table);
    free(store->touched);
    free(store);
}

/* Under the lock a writer that finds the counter odd knows its writer
 * died mid-commit: the files say what was committed; the counter is
 * settled again for everybody's fast path. */
static void settle_after_dead_writer(struct store *s)
{
    if (s->shared && !store_sequence_settled(store_shared_sequence(s->shared))) {
        s->seen_sequence = store_shared_written(s->shared);
        s->seen_valid = true;
    }
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
    if (write)
        settle_after_dead_writer(s);
    s->in_transaction = true;
    s->writing = write;
    return NTMS_OK;
}

void store_abort(struct store *s)
{
    if (!s->in_transaction)
        return;
    if (s->touched_count)
        s->cached = false;   /* drop the uncommitted changes */
    end_transaction(s);
}

/* ---- entries ---- */

static ntms_err touch(struct store *s, const struct journal_key *key)
{
    if (s->touched_count == s->touched_capacity) {
        size_t capacity = s->touched_capacity ? s->touched_capacity * 2 : 16;
        struct journal_key *grown = realloc(s->touched, capacity * sizeof(*grown));
        if (!grown)
            return NTMS_E_NOT_ENOUGH_MEMORY;
        s->touched = grown;
        s->touched_capacity = capacity;
    }
    char *copy = malloc(strlen(key->name) + 1);
    if (!copy)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    strcpy(copy, key->name);
    s->touched[s->touched_count] = *key;
    s->touched[s->touched_count].name = copy;
    s->touched[s->touched_count].order = s->touched_count;
    s->touched_count++;
    return NTMS_OK;
}

static void fill(const struct table_entry *e, struct store_entry *out)
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
    size_t at = table_find(&s->table, kind, id, name ? name : "", &found);
    if (!found)
        return NTMS_E_OBJECT_NOT_FOUND;
    fill(&s->table.entries[at], entry);
    return NTMS_OK;
}

ntms_err store_put(struct store *s, uint8_t kind, const ntms_guid *id, const char *name, uint32_t tag,
                   const uint8_t *value, size_t length)
{
    bool changed;

    name = name ? name : "";
    if (!s->in_transaction || !s->writing)
        return NTMS_E_INVALID_STATE;
    if (strlen(name) > STORE_NAME_MAX || length > STORE_VALUE_MAX)
        return NTMS_E_INVALID_PARAMETER;
    bool existed;
    size_t at = table_find(&s->table, kind, id, name, &existed);
    struct journal_key key = { kind, *id, (char *)name, existed, existed ? s->table.entries[at].tag : 0, false, 0 };
    ntms_err status = table_put(&s->table, kind, id, name, tag, value, length, &changed);
    s->version += changed;
    if (status == NTMS_OK && changed && (status = touch(s, &key)) != NTMS_OK)
        s->cached = false;   /* changed but not remembered as changed: never commit it */
    return status;
}

static ntms_err remove_at(struct store *s, size_t at)
{
    const struct table_entry *e = &s->table.entries[at];
    struct journal_key key = { e->kind, e->id, e->name, true, e->tag, false, 0 };
    ntms_err status = touch(s, &key);

    if (status == NTMS_OK) {
        table_remove_at(&s->table, at);
        s->version++;
    }
    return status;
}

ntms_err store_delete(struct store *s, uint8_t kind, const ntms_guid *id, const char *name)
{
    bool found;

    if (!s->in_transaction || !s->writing)
        return NTMS_E_INVALID_STATE;
    size_t at = table_find(&s->table, kind, id, name ? name : "", &found);
    if (!found)
        return NTMS_E_OBJECT_NOT_FOUND;
    return remove_at(s, at);
}

ntms_err store_delete_id(struct store *s, const ntms_guid *id)
{
    if (!s->in_transaction || !s->writing)
        return NTMS_E_INVALID_STATE;
    for (size_t i = s->table.count; i-- > 0;) {
        if (!ntms_guid_equal(&s->table.entries[i].id, id))
            continue;
        ntms_err status = remove_at(s, i);
        if (status != NTMS_OK)
            return status;
    }
    return NTMS_OK;
}

ntms_err store_note(struct store *s, uint8_t kind, const ntms_guid *id, const char *name)
{
    bool found;

    name = name ? name : "";
    if (!s->in_transaction || !s->writing)
        return NTMS_E_INVALID_STATE;
    if (strlen(name) > STORE_NAME_MAX)
        return NTMS_E_INVALID_PARAMETER;
    table_find(&s->table, kind, id, name, &found);
    if (found)
        return NTMS_E_INVALID_PARAMETER;   /* a note names no entry */
    struct journal_key key = { kind, *id, (char *)name, false, 0, true, 0 };
    return touch(s, &key);
}

bool store_next(struct store *s, size_t *cursor, struct store_entry *entry)
{
    if (!s->in_transaction || *cursor >= s->table.count)
        return false;
    fill(&s->table.entries[(*cursor)++], entry);
    return true;
}

uint64_t store_generation(const struct store *store)
{
    return store->generation;
}

uint64_t store_version(const struct store *store)
{
    return store->version;
}

/* ---- copies ---- */

ntms_err store_export(struct store *s, const char *path)
{
    char tmp[1100];
    size_t length;
    ntms_err status = store_begin(s, false);

    if (status != NTMS_OK)
        return status;
    uint8_t *image = image_serialise(&s->table, s->generation, &length);
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
    image_set_generation(image, s->generation + 1);
    if (s->shared)
        store_shared_writing(s->shared);
    status = write_checkpoint_image(s, image, length);
    free(image);
    s->cached = false;   /* the next transaction loads the imported state */
    if (s->shared)
        s->seen_sequence = store_shared_written(s->shared);
    s->seen_valid = false;
    end_transaction(s);
    return status;
}

/* ---- the change feed ---- */

ntms_err store_current_generation(struct store *s, uint64_t *generation)
{
    ntms_err status = store_begin(s, false);

    if (status != NTMS_OK)
        return status;
    *generation = s->generation;
    store_abort(s);
    return NTMS_OK;
}

ntms_err store_changes_since(struct store *s, uint64_t after, store_change_visitor visit, void *context,
                             uint64_t *last)
{
    uint64_t now;
    ntms_err status = store_current_generation(s, &now);

    *last = after;
    if (status != NTMS_OK || after >= now)
        return status;
    return store_follow_changes(&s->follow, s->journal_prev_path, s->journal_path, after, now, visit, context,
                                last);
}
