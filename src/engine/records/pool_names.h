#ifndef NTMSAPI_ENGINE_RECORDS_POOL_NAMES_H
#define NTMSAPI_ENGINE_RECORDS_POOL_NAMES_H

#include <stdint.h>

#include "engine/core/engine.h"

/* GetNtmsMediaPoolName: the full name, "\Parent\Child", in UTF-16;
 * *length: capacity in characters in, characters needed (with the NUL) out. */
ntms_err engine_pool_name(struct engine *engine, const ntms_guid *pool, wchar16 *name, uint32_t *length);
/* The same inside the caller's transaction. */
ntms_err pool_full_name(struct objdb *db, const ntms_guid *pool, wchar16 *name, uint32_t *length);

#endif
