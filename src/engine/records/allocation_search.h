/* Where AllocateNtmsMedia finds a side when the caller names none, in
 * RSM's order (Microsoft's AllocateNtmsMedia remarks): an available side
 * of an online medium already in the application pool; else, when the
 * pool draws from Free (NTMS_ALLOCATE_FROMSCRATCH), an online medium of
 * the pool's media type from Free. Inside the caller's transaction. */
#ifndef NTMSAPI_ENGINE_RECORDS_ALLOCATION_SEARCH_H
#define NTMSAPI_ENGINE_RECORDS_ALLOCATION_SEARCH_H

#include <stdbool.h>

#include "engine/records/media_records.h"

struct allocation_pick {
    bool              found;
    struct rsm_object media;
    struct media_sides sides;
    size_t            side;          /* which of sides */
    bool              offline_seen;  /* a medium that would do is offline */
    ntms_guid         unprepared;    /* a medium in Free that would do once it has its free label */
};

/* The best medium of `pool` with an available side (`whole`: every side
 * available, so that the whole medium can be taken); media used least
 * first, then by barcode. `free`: the pool is Free, where a medium may
 * still wait for its free label. Adds to `pick`, which starts zeroed. */
ntms_err allocation_search_pool(struct objdb *db, const ntms_guid *pool, bool whole, bool free,
                                struct allocation_pick *pick);

#endif
