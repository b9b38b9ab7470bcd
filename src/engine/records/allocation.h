/* AllocateNtmsMedia by RSM's rules, inside the caller's write transaction
 * (so that two allocators never take one side): only application pools
 * allocate; a named side (IMPORT or AVAILABLE) is moved into the pool and
 * allocated in one step; NTMS_ALLOCATE_NEXT takes the next side of a
 * medium allocated with NTMS_ALLOCATE_NEW; else the pool is searched
 * (records/allocation_search.h). The side becomes ALLOCATED under a new
 * logical medium, its allocation counted; with NEW the medium's other
 * available sides are RESERVED for the same application. */
#ifndef NTMSAPI_ENGINE_RECORDS_ALLOCATION_H
#define NTMSAPI_ENGINE_RECORDS_ALLOCATION_H

#include <stdbool.h>

#include "engine/core/objdb.h"
#include "security/sec_caller.h"

struct allocation {
    /* asked: */
    const struct sec_caller *caller;       /* NULL: the engine itself, no access check */
    ntms_guid                pool;
    const ntms_guid         *partition;    /* the side to allocate, or NULL */
    ntms_guid                next_of;      /* NEXT: a logical medium (or side) allocated with NEW */
    uint32_t                 options;      /* RSM_ALLOCATE_* */
    /* answered: */
    ntms_guid                logical_media, allocated_from;
    bool                     may_wait;     /* nothing to allocate now; a medium freed later would do */
    ntms_guid                unprepared;   /* ... and this one in Free would, once it has its free label */
};

/* NTMS_E_MEDIA_UNAVAILABLE when nothing can be allocated (may_wait says
 * whether waiting can help), NTMS_E_MEDIA_OFFLINE when only offline
 * media would do; nothing is written unless the answer is NTMS_OK. */
ntms_err allocation_apply(struct objdb *db, struct allocation *allocation);

#endif
