/* Logical media (LMIDs): what AllocateNtmsMedia creates and
 * DeallocateNtmsMedia deletes. A logical medium is one side of a physical
 * medium: its record names the side, and the side names it back
 * (LogicalMedia). All run inside the caller's transaction. */
#ifndef NTMSAPI_ENGINE_RECORDS_LOGICAL_MEDIA_H
#define NTMSAPI_ENGINE_RECORDS_LOGICAL_MEDIA_H

#include "engine/core/engine.h"

/* The logical medium `id` and its side; NTMS_E_INVALID_MEDIA when `id`
 * names no logical medium, or one no side names. */
ntms_err logical_media_get(struct objdb *db, const ntms_guid *id, struct rsm_object *lmid, struct rsm_object *side);

/* The same in a read transaction of its own. */
ntms_err engine_logical_media_side(struct engine *engine, const ntms_guid *id, struct rsm_object *side);

/* A new logical medium of `pool` for `side` (its id `id`, which must be
 * new, or generated when null), written; the side now names it (the
 * caller writes the side). */
ntms_err logical_media_create(struct objdb *db, const ntms_guid *id, const ntms_guid *pool, struct rsm_object *side);

/* The side's logical medium deleted; the side names none (the caller
 * writes the side). */
ntms_err logical_media_release(struct objdb *db, struct rsm_object *side);

#endif
