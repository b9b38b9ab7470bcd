#include "store/store_shared.h"

#include <stddef.h>

#include "platform/plat_file.h"

#define SHARED_PAGE_SIZE 4096

struct store_shared {
    uint32_t sequence;
};

struct store_shared *store_shared_map(const char *path)
{
    void *address = NULL;

    if (!plat_file->map_shared || plat_file->map_shared(path, SHARED_PAGE_SIZE, &address) != NTMS_OK)
        return NULL;
    return address;
}

void store_shared_unmap(struct store_shared *shared)
{
    if (shared && plat_file->unmap_shared)
        plat_file->unmap_shared(shared, SHARED_PAGE_SIZE);
}

uint32_t store_shared_sequence(const struct store_shared *shared)
{
    return __atomic_load_n(&shared->sequence, __ATOMIC_ACQUIRE);
}

void store_shared_writing(struct store_shared *shared)
{
    uint32_t sequence = store_shared_sequence(shared);

    if (store_sequence_settled(sequence))
        __atomic_store_n(&shared->sequence, sequence + 1, __ATOMIC_RELEASE);
}

uint32_t store_shared_written(struct store_shared *shared)
{
    uint32_t sequence = store_shared_sequence(shared) | 1;   /* odd: still ours to finish */

    __atomic_store_n(&shared->sequence, sequence + 1, __ATOMIC_RELEASE);
    return sequence + 1;
}
