#ifndef NTMSAPI_ENGINE_RECORDS_POOLS_H
#define NTMSAPI_ENGINE_RECORDS_POOLS_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/engine.h"
#include "engine/labels/label_detect.h"
#include "security/sec_caller.h"

/* CreateNtmsMediaPool: path "\\App\\Pool", action NTMS_OPEN_EXISTING (1),
 * NTMS_CREATE_NEW (2) or NTMS_OPEN_ALWAYS (3); a new pool gets `descriptor`
 * (self-relative, may be NULL: see object_security_new_pool). Creating
 * takes control of the root pool and of the parent. */
ntms_err engine_create_pool(struct engine *engine, const struct sec_caller *caller, const wchar16 *path,
                            const ntms_guid *media_type, uint32_t action, const uint8_t *descriptor,
                            size_t descriptor_length, ntms_guid *pool);
ntms_err engine_delete_pool(struct engine *engine, const ntms_guid *pool);
/* What MoveToNtmsMediaPool would do, by RSM's rules, inside the caller's
 * write transaction: done at once, or (*needs_label) not before a free
 * label is written on the tape; with `label` given, that label is
 * recorded as the side's on-media identifier and the move is made. */
struct pool_move {
    const struct label_info *label;
    bool                     needs_label;
};
ntms_err pool_move_apply(struct objdb *db, const struct sec_caller *caller, const ntms_guid *media,
                         const ntms_guid *pool, struct pool_move *move);

#endif
