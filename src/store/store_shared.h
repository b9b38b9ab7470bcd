/* A page every process maps (ntmsapi.shm): a commit counter that tells a
 * process, without a system call, that nobody committed since it last
 * looked. Writers (holding the store's lock) make it odd before they
 * write the journal and even after; a reader that finds it even and
 * unchanged knows its cache is the committed state. Odd means a commit
 * is being written, or its writer died: look at the files. */
#ifndef NTMSAPI_STORE_SHARED_H
#define NTMSAPI_STORE_SHARED_H

#include <stdbool.h>
#include <stdint.h>

struct store_shared;

/* NULL when the page cannot be mapped: every check then reads the files. */
struct store_shared *store_shared_map(const char *path);
void store_shared_unmap(struct store_shared *shared);

uint32_t store_shared_sequence(const struct store_shared *shared);
/* Writers only, under the store's lock. */
void store_shared_writing(struct store_shared *shared);
/* The commit is in the files; returns the new (even) sequence. */
uint32_t store_shared_written(struct store_shared *shared);

static inline bool store_sequence_settled(uint32_t sequence) { return (sequence & 1) == 0; }

#endif
