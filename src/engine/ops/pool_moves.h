#ifndef NTMSAPI_ENGINE_OPS_POOL_MOVES_H
#define NTMSAPI_ENGINE_OPS_POOL_MOVES_H

#include "engine/core/engine.h"
#include "security/sec_caller.h"

/* MoveToNtmsMediaPool, with RSM's access rule for moves. */
ntms_err engine_move_to_pool(struct engine *engine, const struct sec_caller *caller, const ntms_guid *media,
                             const ntms_guid *pool);
/* ChangeNtmsMediaType: the same move, the medium taking the pool's media
 * type (a pool of a type whose media have another side count, or of none:
 * NTMS_E_INVALID_MEDIA_POOL). */
ntms_err engine_change_media_type(struct engine *engine, const struct sec_caller *caller, const ntms_guid *media,
                                  const ntms_guid *pool);

#endif
