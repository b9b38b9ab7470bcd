/* The object store: one crash-safe database per machine, shared by every
 * process. It knows nothing of RSM: entries are (kind, GUID, name) keys
 * with a 32-bit tag and opaque bytes.
 *
 * Files: <dir>/ntmsapi.db            a checkpoint: every entry, at a generation
 *        <dir>/ntmsapi.journal       each commit since, appended (store_journal.h)
 *        <dir>/ntmsapi.db.prev, ntmsapi.journal.prev   the checkpoint and
 *                                    journal before the last checkpoint
 *        <dir>/ntmsapi.lock          the cross-process write lock
 *        <dir>/ntmsapi.shm           the commit counter every process maps
 * A commit appends one record (only what changed) and flushes it; when the
 * journal has grown past the checkpoint's size, the commit also writes a
 * new checkpoint (tmp, flushed; db -> prev; tmp -> db; journal ->
 * journal.prev). The state is the checkpoint plus the journal's records
 * after it; at every instant some checkpoint and journals on disk hold
 * the last committed state. A checkpoint whose checksum fails is renamed
 * ntmsapi.db.damaged-<stamp> and the previous one with both journals is
 * used; if nothing valid exists the store refuses to open
 * (NTMS_E_DATABASE_FAILURE) instead of starting empty.
 * A process that finds the shared counter where it left it knows, without
 * a system call, that nobody committed; otherwise it reads only the
 * journal's new records (the whole database only after a checkpoint). */
#ifndef NTMSAPI_STORE_STORE_H
#define NTMSAPI_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/ntms_error.h"
#include "common/ntms_guid.h"

#define STORE_FORMAT_VERSION 1
#define STORE_NAME_MAX 255
#define STORE_VALUE_MAX (1u << 24)

struct store;

struct store_entry {
    uint8_t        kind;
    ntms_guid      id;
    const char    *name;     /* "" for unnamed entries */
    uint32_t       tag;
    const uint8_t *value;    /* valid until the transaction ends or the entry changes */
    size_t         length;
};

ntms_err store_open(const char *directory, struct store **store);
void store_close(struct store *store);

/* A read transaction sees the last committed state (reloaded if another
 * process committed since). A write transaction also holds the lock. One
 * transaction at a time per store handle; the caller serialises threads. */
ntms_err store_begin(struct store *store, bool write);
/* Flushed to the disk before it returns. */
ntms_err store_commit(struct store *store);
/* Seen by every process at once, flushed to the disk by the next
 * store_flush or flushed commit (a crash of the process loses nothing; a
 * power failure may lose what was not flushed yet). */
ntms_err store_commit_unflushed(struct store *store);
ntms_err store_flush(struct store *store);
void store_abort(struct store *store);

ntms_err store_get(struct store *store, uint8_t kind, const ntms_guid *id, const char *name,
                   struct store_entry *entry);
ntms_err store_put(struct store *store, uint8_t kind, const ntms_guid *id, const char *name, uint32_t tag,
                   const uint8_t *value, size_t length);
ntms_err store_delete(struct store *store, uint8_t kind, const ntms_guid *id, const char *name);
/* Deletes every entry of any kind with this id. */
ntms_err store_delete_id(struct store *store, const ntms_guid *id);

/* Inside a write transaction: the commit's record also says that this key
 * was signalled (no entry may have it): how a commit tells followers of
 * the changes about an event rather than an entry. */
ntms_err store_note(struct store *store, uint8_t kind, const ntms_guid *id, const char *name);

/* ---- following the changes (the journal as a change feed) ---- */

enum store_change_what { STORE_UPDATED = 1, STORE_REMOVED = 2, STORE_INSERTED = 3, STORE_NOTED = 4 };

struct store_change {
    uint64_t               generation;   /* of the commit */
    enum store_change_what what;
    uint8_t                kind;
    ntms_guid              id;
    char                   name[STORE_NAME_MAX + 1];
    uint32_t               tag;          /* a removal: the tag the entry had */
    const uint8_t         *value;        /* updated or inserted: the new bytes, valid during the visit */
    size_t                 length;
};
typedef bool (*store_change_visitor)(const struct store_change *change, void *context);

/* Every change committed after generation `after`, by any process, in
 * commit order; when visit returns false, the feed stops after the rest of
 * that commit's changes. *last is the generation of the last commit
 * visited whole (after, when none). Outside transactions; costs no
 * file access while nothing was committed; a follower that resumes where
 * one of this handle's followers stopped reads only the records since.
 * NTMS_E_NO_DATA when the journals on disk no longer reach back to
 * `after` (two checkpoints passed since: the follower fell too far
 * behind). */
ntms_err store_changes_since(struct store *store, uint64_t after, store_change_visitor visit, void *context,
                             uint64_t *last);
/* The generation of the last commit (refreshed; outside transactions). */
ntms_err store_current_generation(struct store *store, uint64_t *generation);

/* Iteration in key order: *cursor starts at 0. Returns false at the end. */
bool store_next(struct store *store, size_t *cursor, struct store_entry *entry);

uint64_t store_generation(const struct store *store);
/* Changes whenever the entries in memory change (a put, a delete, a load,
 * a commit of another process read in): what is derived from them and
 * kept is still right while it stays the same. */
uint64_t store_version(const struct store *store);
/* Tests: a checkpoint as soon as the journal holds more than this (0: the
 * normal rule, when it outgrows the checkpoint and 1 MiB). */
void store_set_checkpoint_after(struct store *store, size_t journal_bytes);

/* A consistent copy of the committed state, written durably to `path`. */
ntms_err store_export(struct store *store, const char *path);
/* Replaces the database with a checked copy made by store_export, as one
 * commit (the current state becomes the previous good copy). Every
 * process sees it at its next transaction. */
ntms_err store_import(struct store *store, const char *path);

#endif
