/* DeallocateNtmsMedia by RSM's rules, inside the caller's write
 * transaction: the logical medium is deleted and its side becomes
 * AVAILABLE, or DECOMMISSIONED once it has been allocated the pool's
 * dwMaxAllocates times (0: no limit). When no side of the medium is held
 * any more, sides RESERVED for NTMS_ALLOCATE_NEXT are available again, and
 * a pool whose DeallocationPolicy is TOSCRATCH returns the medium to Free:
 * UNPREPARED until its free label is written (ops/deallocate.c), as a
 * move into Free makes it. */
#ifndef NTMSAPI_ENGINE_RECORDS_DEALLOCATION_H
#define NTMSAPI_ENGINE_RECORDS_DEALLOCATION_H

#include <stdbool.h>

#include "engine/core/objdb.h"
#include "security/sec_caller.h"

struct deallocation {
    const struct sec_caller *caller;
    ntms_guid                logical_media;
    /* answered: */
    ntms_guid                media;        /* its physical medium */
    bool                     needs_label;  /* it went to Free and waits for its free label */
};

/* Control of the pool (and use of Free to return a medium there). */
ntms_err deallocation_apply(struct objdb *db, struct deallocation *deallocation);

#endif
