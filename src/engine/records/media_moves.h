/* A medium between pools by RSM's rules, inside the caller's write
 * transaction: MoveToNtmsMediaPool, and ChangeNtmsMediaType (the same
 * rules, the medium adopting the pool's media type).
 *
 * - Nothing goes into Unrecognized; Unrecognized media go only to Free.
 * - Import media go to Free, or, when every side is IMPORT, into an
 *   application pool (Microsoft's RSM API sample imports its own media so;
 *   the sides stay IMPORT there: they hold data, allocated only by naming
 *   them to AllocateNtmsMedia); into Import only when every side is IMPORT.
 * - A medium with an ALLOCATED, COMPLETE or RESERVED side never enters Free;
 *   entering Free writes a free label first on a tape in a library (the
 *   sides become AVAILABLE).
 * - The destination must be of the medium's media type.
 * - A medium's logical media follow it into the new pool. */
#ifndef NTMSAPI_ENGINE_RECORDS_MEDIA_MOVES_H
#define NTMSAPI_ENGINE_RECORDS_MEDIA_MOVES_H

#include <stdbool.h>

#include "engine/core/objdb.h"
#include "engine/labels/label_detect.h"
#include "security/sec_caller.h"

/* Done at once, or (*needs_label) not before a free label is written on
 * the tape; with `label` given, that label is recorded as the side's
 * on-media identifier and the move is made. */
struct pool_move {
    bool                     change_type;   /* ChangeNtmsMediaType */
    const struct label_info *label;
    bool                     needs_label;
};

/* Access: MoveToNtmsMediaPool's rule for moves; ChangeNtmsMediaType's
 * modify access to the computer or to the medium's pool. */
ntms_err pool_move_apply(struct objdb *db, const struct sec_caller *caller, const ntms_guid *media,
                         const ntms_guid *pool, struct pool_move *move);

#endif
