/* The object store: one crash-safe database file per machine, shared by
 * every process. It knows nothing of RSM: entries are (kind, GUID, name)
 * keys with a 32-bit tag and opaque bytes.
 *
 * File:  <dir>/ntmsapi.db        the committed state
 *        <dir>/ntmsapi.db.prev   the state before the last commit
 *        <dir>/ntmsapi.lock      the cross-process write lock
 * Commit: write ntmsapi.db.tmp and flush it; rename db -> prev; rename
 * tmp -> db. At every instant either db or (between the renames) prev
 * holds the last committed state; a loader that finds db missing uses
 * prev. A db whose checksum fails is renamed ntmsapi.db.damaged-<gen>
 * and prev is used; if nothing valid exists the store refuses to open
 * (NTMS_E_DATABASE_FAILURE) instead of starting empty. */
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
ntms_err store_commit(struct store *store);
void store_abort(struct store *store);

ntms_err store_get(struct store *store, uint8_t kind, const ntms_guid *id, const char *name,
                   struct store_entry *entry);
ntms_err store_put(struct store *store, uint8_t kind, const ntms_guid *id, const char *name, uint32_t tag,
                   const uint8_t *value, size_t length);
ntms_err store_delete(struct store *store, uint8_t kind, const ntms_guid *id, const char *name);
/* Deletes every entry of any kind with this id. */
ntms_err store_delete_id(struct store *store, const ntms_guid *id);

/* Iteration in key order: *cursor starts at 0. Returns false at the end. */
bool store_next(struct store *store, size_t *cursor, struct store_entry *entry);

uint64_t store_generation(const struct store *store);

/* A consistent copy of the committed state, written durably to `path`. */
ntms_err store_export(struct store *store, const char *path);
/* Replaces the database with a checked copy made by store_export, as one
 * commit (the current state becomes the previous good copy). Every
 * process sees it at its next transaction. */
ntms_err store_import(struct store *store, const char *path);

#endif
