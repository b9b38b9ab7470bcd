/* objdb on the store: an object is the store entry (kind 1, id, "") whose
 * tag is its type and whose bytes are its rsm_codec record; a named
 * attribute is the entry (kind 2, id, name). One mutex per handle keeps
 * a transaction to one thread at a time. */
#include "engine/core/objdb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/change_bell.h"
#include "engine/core/rsm_codec.h"
#include "engine/core/wstr.h"
#include "platform/plat_lock.h"
#include "platform/plat_time.h"
#include "store/store.h"

enum { KIND_OBJECT = 1, KIND_ATTRIBUTE = 2, KIND_SECURITY = 3, KIND_SIGNAL = 4 };

struct objdb {
    struct store       *store;
    plat_mutex          lock;
    struct change_bell *bell;       /* rung after each commit with the types it touched */
    uint32_t            touched;    /* this write transaction's types (1 << type) */
};

static void touch_type(struct objdb *db, uint32_t type)
{
    if (type < 32)
        db->touched |= 1u << type;
}

ntms_err objdb_open(const char *directory, struct objdb **db)
{
    struct objdb *d = calloc(1, sizeof(*d));

    *db = NULL;
    if (!d)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    d->lock = (plat_mutex)PLAT_MUTEX_INIT;
    ntms_err status = store_open(directory, &d->store);
    if (status != NTMS_OK) {
        free(d);
        return status;
    }
    d->bell = change_bell_open(directory);
    *db = d;
    return NTMS_OK;
}

void objdb_close(struct objdb *db)
{
    if (db) {
        change_bell_close(db->bell);
        store_close(db->store);
        free(db);
    }
}

static ntms_err begin(struct objdb *db, bool write)
{
    plat_mutex_lock(&db->lock);
    ntms_err status = store_begin(db->store, write);
    if (status != NTMS_OK)
        plat_mutex_unlock(&db->lock);
    return status;
}

ntms_err objdb_begin_read(struct objdb *db) { return begin(db, false); }
ntms_err objdb_begin_write(struct objdb *db) { return begin(db, true); }

/* Calls in progress on this thread that flush their commits when they end. */
static _Thread_local unsigned flush_deferred;

void objdb_defer_flush(void)
{
    flush_deferred++;
}

ntms_err objdb_flush_deferred(struct objdb *db)
{
    if (!flush_deferred || --flush_deferred || !db)
        return NTMS_OK;
    plat_mutex_lock(&db->lock);
    ntms_err status = store_flush(db->store);
    plat_mutex_unlock(&db->lock);
    return status;
}

ntms_err objdb_commit(struct objdb *db)
{
    uint32_t touched = db->touched;
    ntms_err status = flush_deferred ? store_commit_unflushed(db->store) : store_commit(db->store);

    db->touched = 0;
    plat_mutex_unlock(&db->lock);
    if (status == NTMS_OK && touched)
        change_bell_ring(db->bell, touched | 1u << OBJDB_ANY_TYPE);
    return status;
}

void objdb_abort(struct objdb *db)
{
    store_abort(db->store);
    db->touched = 0;
    plat_mutex_unlock(&db->lock);
}

ntms_err objdb_signal_now(struct objdb *db, uint32_t type, uint32_t operation, const ntms_guid *id)
{
    if (!change_bell_heard(db->bell, type))
        return NTMS_OK;
    OBJDB_TRANSACTION(db, true, objdb_signal(db, type, operation, id));
}

void objdb_signal_completion(struct objdb *db, uint32_t type, const ntms_guid *id)
{
    objdb_signal_now(db, type, RSM_EVENT_COMPLETE, id);
}

struct change_bell *objdb_bell(struct objdb *db)
{
    return db->bell;
}

ntms_err objdb_end(struct objdb *db, ntms_err status)
{
    if (status == NTMS_OK)
        return objdb_commit(db);
    objdb_abort(db);
    return status;
}

ntms_err objdb_get(struct objdb *db, const ntms_guid *id, struct rsm_object *object)
{
    struct store_entry e;
    ntms_err status = store_get(db->store, KIND_OBJECT, id, NULL, &e);

    if (status != NTMS_OK)
        return status;
    return rsm_decode(e.value, e.length, object);
}

uint64_t objdb_version(struct objdb *db)
{
    return store_version(db->store);
}

uint64_t objdb_now(void)
{
    return plat_now_filetime();
}

/* Is the object exactly as stored, apart from when it was modified? Then
 * it keeps that time and nothing is written. */
static bool unchanged(const struct store_entry *existing, struct rsm_object *object)
{
    struct rsm_object stored;
    uint8_t buffer[8192];

    if (rsm_decode(existing->value, existing->length, &stored) != NTMS_OK)
        return false;
    uint64_t modified = object->modified;
    object->modified = stored.modified;
    size_t length = rsm_encode(object, buffer, sizeof(buffer));
    if (length && length == existing->length && !memcmp(buffer, existing->value, length))
        return true;
    object->modified = modified;
    return false;
}

ntms_err objdb_put(struct objdb *db, struct rsm_object *object)
{
    struct store_entry existing;
    uint8_t buffer[8192];
    bool exists = store_get(db->store, KIND_OBJECT, &object->id, NULL, &existing) == NTMS_OK;

    if (exists && unchanged(&existing, object))
        return NTMS_OK;
    if (!exists && !object->created)
        object->created = objdb_now();
    object->modified = objdb_now();
    size_t length = rsm_encode(object, buffer, sizeof(buffer));
    if (!length)
        return NTMS_E_DATABASE_FAILURE;
    ntms_err status = store_put(db->store, KIND_OBJECT, &object->id, NULL, object->type, buffer, length);
    if (status == NTMS_OK)
        touch_type(db, object->type);
    return status;
}

ntms_err objdb_delete(struct objdb *db, const ntms_guid *id)
{
    struct store_entry e;

    if (store_get(db->store, KIND_OBJECT, id, NULL, &e) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;
    uint32_t type = e.tag;
    ntms_err status = store_delete_id(db->store, id);
    if (status == NTMS_OK)
        touch_type(db, type);
    return status;
}

ntms_err objdb_for_each(struct objdb *db, uint32_t type, objdb_visitor visit, void *context)
{
    struct store_entry e;
    struct rsm_object object;
    size_t cursor = 0;

    while (store_next(db->store, &cursor, &e)) {
        if (e.kind != KIND_OBJECT || (type != RSM_UNKNOWN && e.tag != type))
            continue;
        if (rsm_decode(e.value, e.length, &object) != NTMS_OK)
            return NTMS_E_DATABASE_FAILURE;
        if (!visit(&object, context))
            break;
    }
    return NTMS_OK;
}

ntms_err objdb_attribute_get(struct objdb *db, const ntms_guid *id, const char *name_utf8, void *buffer,
                             size_t *size)
{
    struct store_entry e;
    struct rsm_object object;

    if (objdb_get(db, id, &object) != NTMS_OK)
        return NTMS_E_INVALID_PARAMETER;   /* [MS-RSMP]: an invalid object is a bad parameter */
    if (store_get(db->store, KIND_ATTRIBUTE, id, name_utf8, &e) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;    /* the attribute is missing */
    size_t capacity = *size;
    *size = e.length;
    if (capacity < e.length)
        return NTMS_E_INSUFFICIENT_BUFFER;
    memcpy(buffer, e.value, e.length);
    return NTMS_OK;
}

ntms_err objdb_attribute_set(struct objdb *db, const ntms_guid *id, const char *name_utf8, const void *data,
                             size_t size)
{
    struct rsm_object object;

    if (wstr_units_of_utf8(name_utf8) > RSM_MAXATTR_NAMELEN - 1)
        return NTMS_E_INVALID_NAME;
    if (size >= RSM_MAXATTR_LENGTH)
        return NTMS_E_NO_DATA;
    if (objdb_get(db, id, &object) != NTMS_OK)
        return NTMS_E_INVALID_PARAMETER;
    ntms_err status = size ? store_put(db->store, KIND_ATTRIBUTE, id, name_utf8, object.type, data, size)
                           : store_delete(db->store, KIND_ATTRIBUTE, id, name_utf8);
    if (status == NTMS_OK)
        touch_type(db, object.type);
    return status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_OK : status;
}

ntms_err objdb_security_get(struct objdb *db, const ntms_guid *id, const uint8_t **descriptor, size_t *length)
{
    struct store_entry e;
    ntms_err status = store_get(db->store, KIND_SECURITY, id, NULL, &e);

    if (status != NTMS_OK)
        return status;
    *descriptor = e.value;
    *length = e.length;
    return NTMS_OK;
}

ntms_err objdb_security_set(struct objdb *db, const ntms_guid *id, const uint8_t *descriptor, size_t length)
{
    struct store_entry object;
    uint32_t type = store_get(db->store, KIND_OBJECT, id, NULL, &object) == NTMS_OK ? object.tag : 0;
    ntms_err status = store_put(db->store, KIND_SECURITY, id, NULL, type, descriptor, length);

    if (status == NTMS_OK)
        touch_type(db, type);
    return status;
}

void objdb_set_checkpoint_after(struct objdb *db, size_t journal_bytes)
{
    plat_mutex_lock(&db->lock);
    store_set_checkpoint_after(db->store, journal_bytes);
    plat_mutex_unlock(&db->lock);
}

ntms_err objdb_export(struct objdb *db, const char *path)
{
    plat_mutex_lock(&db->lock);
    ntms_err status = store_export(db->store, path);
    plat_mutex_unlock(&db->lock);
    return status;
}

ntms_err objdb_import(struct objdb *db, const char *path)
{
    plat_mutex_lock(&db->lock);
    ntms_err status = store_import(db->store, path);
    plat_mutex_unlock(&db->lock);
    if (status == NTMS_OK)
        change_bell_ring(db->bell, ~0u);   /* every object may have changed */
    return status;
}

/* ---- the change feed ---- */

struct translating {
    objdb_change_visitor visit;
    void                *context;
    uint64_t             generation;   /* of the ids told below */
    ntms_guid           *told;
    size_t               told_count, told_capacity;
};

/* A commit lists its objects' own entries before their attributes and
 * descriptors: an object is told once a commit, so the ids told are kept
 * until the commit ends. (Out of memory: told twice, never lost.) */
static void note_told(struct translating *t, const struct store_change *c)
{
    if (t->generation != c->generation)
        t->told_count = 0;
    t->generation = c->generation;
    if (t->told_count == t->told_capacity) {
        size_t capacity = t->told_capacity ? 2 * t->told_capacity : 16;
        ntms_guid *grown = realloc(t->told, capacity * sizeof(*grown));
        if (!grown)
            return;
        t->told = grown;
        t->told_capacity = capacity;
    }
    t->told[t->told_count++] = c->id;
}

static bool told_in_commit(const struct translating *t, const struct store_change *c)
{
    if (t->generation != c->generation)
        return false;
    for (size_t i = 0; i < t->told_count; i++)
        if (ntms_guid_equal(&t->told[i], &c->id))
            return true;
    return false;
}

static bool translate(const struct store_change *c, void *context)
{
    struct translating *t = context;
    struct objdb_change change = { .generation = c->generation, .id = c->id };
    unsigned type = 0, operation = 0;

    switch (c->kind) {
    case KIND_OBJECT:
        change.type = c->tag;
        change.what = c->what == STORE_INSERTED ? OBJDB_INSERTED
                    : c->what == STORE_REMOVED  ? OBJDB_DELETED : OBJDB_UPDATED;
        note_told(t, c);
        break;
    case KIND_SIGNAL:
        if (sscanf(c->name, "%u.%u", &type, &operation) != 2)
            return true;
        change.what = OBJDB_SIGNALLED;
        change.type = type;
        change.operation = operation;
        break;
    default:   /* an attribute or descriptor: an update of the object whose type it carries */
        change.type = c->tag;
        change.what = c->tag && !told_in_commit(t, c) ? OBJDB_UPDATED : OBJDB_ATTRIBUTES;
        if (change.what == OBJDB_UPDATED)
            note_told(t, c);
        break;
    }
    return t->visit(&change, t->context);
}

ntms_err objdb_changes_since(struct objdb *db, uint64_t after, objdb_change_visitor visit, void *context,
                             uint64_t *last)
{
    struct translating t = { .visit = visit, .context = context };

    plat_mutex_lock(&db->lock);
    ntms_err status = store_changes_since(db->store, after, translate, &t, last);
    plat_mutex_unlock(&db->lock);
    free(t.told);
    return status;
}

ntms_err objdb_generation(struct objdb *db, uint64_t *generation)
{
    plat_mutex_lock(&db->lock);
    ntms_err status = store_current_generation(db->store, generation);
    plat_mutex_unlock(&db->lock);
    return status;
}

ntms_err objdb_signal(struct objdb *db, uint32_t type, uint32_t operation, const ntms_guid *id)
{
    char name[32];

    if (!change_bell_heard(db->bell, type))
        return NTMS_OK;   /* no channel of the type is open anywhere */
    snprintf(name, sizeof(name), "%u.%u", (unsigned)type, (unsigned)operation);
    ntms_err status = store_note(db->store, KIND_SIGNAL, id, name);
    if (status == NTMS_OK)
        touch_type(db, type);
    return status;
}
