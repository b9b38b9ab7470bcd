/* The file operations the store needs, behind a table of function
 * pointers so tests can replace them (fail the Nth call, stop at a
 * simulated crash, tear a write). Paths are UTF-8. */
#ifndef NTMSAPI_PLATFORM_PLAT_FILE_H
#define NTMSAPI_PLATFORM_PLAT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/ntms_error.h"

struct plat_lock;   /* a held cross-process lock */

struct plat_file_ops {
    /* The whole file into a malloc()ed buffer. NTMS_E_OBJECT_NOT_FOUND when absent. */
    ntms_err (*read_all)(const char *path, uint8_t **data, size_t *length);
    /* Creates or truncates, writes everything, flushes it to the disk. */
    ntms_err (*write_durable)(const char *path, const uint8_t *data, size_t length);
    /* The first `length` bytes (fewer if the file is shorter). */
    ntms_err (*read_head)(const char *path, uint8_t *data, size_t length, size_t *got);
    /* Atomically replaces `to` with `from` (and flushes the directory). */
    ntms_err (*replace)(const char *from, const char *to);
    ntms_err (*remove)(const char *path);
    /* A value that changes whenever the file is replaced or rewritten
     * (identity, size, modification time); NTMS_E_OBJECT_NOT_FOUND when absent. */
    ntms_err (*change_stamp)(const char *path, uint64_t *stamp);
    ntms_err (*make_directory)(const char *path);   /* parents too; existing is fine */
    /* Exclusive lock held until unlock, across processes and threads. */
    ntms_err (*lock)(const char *path, struct plat_lock **lock);
    void     (*unlock)(struct plat_lock *lock);
    /* Writes at `offset` of an existing file, drops whatever followed, and
     * flushes it to the disk when `flush` is set. */
    ntms_err (*write_at)(const char *path, uint64_t offset, const uint8_t *data, size_t length, bool flush);
    /* From `offset` to the end into a malloc()ed buffer (length 0 when the
     * file is no longer); NTMS_E_OBJECT_NOT_FOUND when absent. With `head`,
     * also the file's first `head_length` bytes (zeros past its end), read
     * through the same opening: both come from one file even while others
     * replace it. */
    ntms_err (*read_from)(const char *path, uint64_t offset, uint8_t *head, size_t head_length, uint8_t **data,
                          size_t *length);
    /* Whatever was written to the file reaches the disk. */
    ntms_err (*flush)(const char *path);
    /* `size` bytes backed by the file (created zero-filled when missing),
     * shared with every process that maps it. May be NULL: not available. */
    ntms_err (*map_shared)(const char *path, size_t size, void **address);
    void     (*unmap_shared)(void *address, size_t size);
};

extern const struct plat_file_ops plat_file_system;   /* the real one */
extern const struct plat_file_ops *plat_file;          /* what the store uses */

/* The directory for machine-wide data: $NTMSAPI_DATA_DIR if set, else
 * %ProgramData%\ntmsapi on Windows and /var/lib/ntmsapi elsewhere. */
void plat_data_directory(char *path, size_t capacity);

#endif
