/* The object database as the engine sees it: RSM records by GUID, inside
 * transactions, on top of the crash-safe store (src/store/).
 *
 * Every call that reads or changes objects runs inside objdb_begin() /
 * objdb_commit(); a write transaction holds the machine-wide lock, so
 * processes and threads see each other's committed changes at their next
 * begin and never half of one. */
#ifndef NTMSAPI_ENGINE_OBJDB_H
#define NTMSAPI_ENGINE_OBJDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/ntms_error.h"
#include "engine/core/rsm_object.h"

struct objdb;

/* Opens (creating if needed) the database in `directory`, UTF-8. */
ntms_err objdb_open(const char *directory, struct objdb **db);
void objdb_close(struct objdb *db);

ntms_err objdb_begin_read(struct objdb *db);
ntms_err objdb_begin_write(struct objdb *db);
ntms_err objdb_commit(struct objdb *db);
void objdb_abort(struct objdb *db);
/* Ends a write transaction: commits when status is NTMS_OK, else aborts
 * and returns status. */
ntms_err objdb_end(struct objdb *db, ntms_err status);

/* Durability per call rather than per commit: between objdb_defer_flush
 * and the matching objdb_flush_deferred (nested: the outermost), this
 * thread's commits are seen by every process at once and reach the disk
 * when the call ends. A process that dies meanwhile loses nothing; a
 * power failure may lose the work of the call that had not returned. */
void objdb_defer_flush(void);
ntms_err objdb_flush_deferred(struct objdb *db);

/* Returns from the calling function the result of `step` (an expression),
 * run inside one read or write transaction: committed when it succeeded. */
#define OBJDB_TRANSACTION(db, write, step)                                      \
    do {                                                                        \
        ntms_err begun_ = (write) ? objdb_begin_write(db) : objdb_begin_read(db); \
        if (begun_ != NTMS_OK)                                                  \
            return begun_;                                                      \
        ntms_err result_ = (step);                                              \
        if (result_ == NTMS_OK && (write))                                      \
            return objdb_commit(db);                                            \
        objdb_abort(db);                                                        \
        return result_;                                                         \
    } while (0)

/* Inside a transaction: changes whenever the objects in memory change
 * (this transaction's puts, a commit of any process read in). Data
 * derived from the objects may be kept while it stays the same. */
uint64_t objdb_version(struct objdb *db);

/* NTMS_E_OBJECT_NOT_FOUND when no object has this id. */
ntms_err objdb_get(struct objdb *db, const ntms_guid *id, struct rsm_object *object);
/* Inserts or replaces; sets `modified` (and `created` for a new object). */
ntms_err objdb_put(struct objdb *db, struct rsm_object *object);
ntms_err objdb_delete(struct objdb *db, const ntms_guid *id);

/* ---- following the changes of every process (the store's journal) ---- */

/* An attribute's or descriptor's change is an update of its object;
 * OBJDB_ATTRIBUTES: one whose object is unknown or already told in the
 * commit (inserted, updated or deleted). */
enum objdb_change_what { OBJDB_INSERTED, OBJDB_UPDATED, OBJDB_DELETED, OBJDB_SIGNALLED, OBJDB_ATTRIBUTES };

struct objdb_change {
    uint64_t               generation;   /* of the commit */
    enum objdb_change_what what;
    uint32_t               type;         /* the object's (or the signal's) RSM type */
    ntms_guid              id;
    uint32_t               operation;    /* a signal's */
};
typedef bool (*objdb_change_visitor)(const struct objdb_change *change, void *context);

/* Every change committed after `after`, in order (a commit is visited
 * whole even when visit returns false, then the feed stops); *last: the
 * last commit visited. NTMS_E_NO_DATA: fell too far behind. Outside
 * transactions; no file access while nothing was committed. visit runs
 * under the database's lock: it must not call into the database. */
ntms_err objdb_changes_since(struct objdb *db, uint64_t after, objdb_change_visitor visit, void *context,
                             uint64_t *last);
ntms_err objdb_generation(struct objdb *db, uint64_t *generation);
/* Inside a write transaction: its commit also tells followers this signal
 * (an operation on `id` of `type` completed, ...). Not written when no
 * process has a notification channel of the type open (change_bell.h). */
ntms_err objdb_signal(struct objdb *db, uint32_t type, uint32_t operation, const ntms_guid *id);
/* The same in a transaction of its own (nothing at all when unheard). */
ntms_err objdb_signal_now(struct objdb *db, uint32_t type, uint32_t operation, const ntms_guid *id);
/* An operation on `id` (of `type`) completed: RSM_EVENT_COMPLETE, in a
 * transaction of its own. The operation stands even when this cannot be
 * written (the database failed: its followers see that themselves). */
void objdb_signal_completion(struct objdb *db, uint32_t type, const ntms_guid *id);

/* The bell every commit rings with the types it touched (change_bell.h);
 * NULL when it could not be mapped. */
struct change_bell *objdb_bell(struct objdb *db);
/* The bell's type rung by every commit that changed an object, whatever
 * its type (RSM_UNKNOWN: no channel is of that type). */
#define OBJDB_ANY_TYPE RSM_UNKNOWN

/* Calls visit for every object of a type (RSM_UNKNOWN: all types) until it
 * returns false. The object passed is a copy the visitor may keep. */
typedef bool (*objdb_visitor)(const struct rsm_object *object, void *context);
ntms_err objdb_for_each(struct objdb *db, uint32_t type, objdb_visitor visit, void *context);

/* Named attributes (SetNtmsObjectAttribute): a size of 0 deletes. */
ntms_err objdb_attribute_get(struct objdb *db, const ntms_guid *id, const char *name_utf8,
                             void *buffer, size_t *size);
ntms_err objdb_attribute_set(struct objdb *db, const ntms_guid *id, const char *name_utf8,
                             const void *data, size_t size);

/* An object's security descriptor (self-relative bytes), stored beside
 * it; NTMS_E_OBJECT_NOT_FOUND when none was ever stored. The bytes are
 * valid until the transaction ends. */
ntms_err objdb_security_get(struct objdb *db, const ntms_guid *id, const uint8_t **descriptor, size_t *length);
ntms_err objdb_security_set(struct objdb *db, const ntms_guid *id, const uint8_t *descriptor, size_t length);

/* Tests: a checkpoint as soon as the journal holds more than this. */
void objdb_set_checkpoint_after(struct objdb *db, size_t journal_bytes);

/* Whole-database copies (ExportNtmsDatabase / ImportNtmsDatabase). */
ntms_err objdb_export(struct objdb *db, const char *path);
ntms_err objdb_import(struct objdb *db, const char *path);

/* Now, as a FILETIME value. */
uint64_t objdb_now(void);

#endif
