#ifndef NTMSAPI_ENGINE_OPS_ENABLE_H
#define NTMSAPI_ENGINE_OPS_ENABLE_H

#include "engine/core/engine.h"

/* EnableNtmsObject / DisableNtmsObject for drives, libraries and media; a
 * disabled drive's deferred medium goes home (one in use stays). */
ntms_err engine_set_enabled(struct engine *engine, uint32_t type, const ntms_guid *id, int enabled);

#endif
