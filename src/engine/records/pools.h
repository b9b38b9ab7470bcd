#ifndef NTMSAPI_ENGINE_RECORDS_POOLS_H
#define NTMSAPI_ENGINE_RECORDS_POOLS_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/engine.h"
#include "security/sec_caller.h"

/* CreateNtmsMediaPool: path "\\App\\Pool", action NTMS_OPEN_EXISTING (1),
 * NTMS_CREATE_NEW (2) or NTMS_OPEN_ALWAYS (3); a new pool gets `descriptor`
 * (self-relative, may be NULL: see object_security_new_pool). Creating
 * takes control of the root pool and of the parent. */
ntms_err engine_create_pool(struct engine *engine, const struct sec_caller *caller, const wchar16 *path,
                            const ntms_guid *media_type, uint32_t action, const uint8_t *descriptor,
                            size_t descriptor_length, ntms_guid *pool);
ntms_err engine_delete_pool(struct engine *engine, const ntms_guid *pool);

#endif
