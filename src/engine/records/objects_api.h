/* Object database calls of the API that need no robot: attributes, pool
 * names, enabling and disabling, and the fields callers may change. */
#ifndef NTMSAPI_ENGINE_OBJECTS_API_H
#define NTMSAPI_ENGINE_OBJECTS_API_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/engine.h"
#include "security/sec_caller.h"

#define ATTRIBUTE_NAME_MAX_CHARS 31   /* NTMS_MAXATTR_NAMELEN less the NUL */

/* *size: capacity in, the attribute's size out (also with INSUFFICIENT_BUFFER). */
ntms_err engine_attribute_get(struct engine *engine, const ntms_guid *id, const char *name_utf8, void *buffer,
                              size_t *size);
/* A size of 0 deletes the attribute. */
ntms_err engine_attribute_set(struct engine *engine, const ntms_guid *id, const char *name_utf8, const void *data,
                              size_t size);

/* The full name, "\Parent\Child", in UTF-16; *length: capacity in
 * characters in, characters needed (with the NUL) out. */
ntms_err engine_pool_name(struct engine *engine, const ntms_guid *pool, wchar16 *name, uint32_t *length);

/* EnableNtmsObject / DisableNtmsObject for drives, libraries and media. */
ntms_err engine_set_enabled(struct engine *engine, uint32_t type, const ntms_guid *id, int enabled);

/* SetNtmsObjectInformation: copies from `changes` only the fields RSM lets
 * a caller change for that type ([MS-RSMP] 3.2.5.2.3.3). */
ntms_err engine_set_information(struct engine *engine, const struct rsm_object *changes);

/* CreateNtmsMediaPool: path "\\App\\Pool", action NTMS_OPEN_EXISTING (1),
 * NTMS_CREATE_NEW (2) or NTMS_OPEN_ALWAYS (3); a new pool gets `descriptor`
 * (self-relative, may be NULL: see object_security_new_pool). Creating
 * takes control of the root pool and of the parent. */
ntms_err engine_create_pool(struct engine *engine, const struct sec_caller *caller, const wchar16 *path,
                            const ntms_guid *media_type, uint32_t action, const uint8_t *descriptor,
                            size_t descriptor_length, ntms_guid *pool);
ntms_err engine_delete_pool(struct engine *engine, const ntms_guid *pool);
/* ExportNtmsDatabase: <data dir>/Export/ntmsapi.db; ImportNtmsDatabase
 * makes that copy the database (at once, for every process). */
ntms_err engine_export_database(struct engine *engine);
ntms_err engine_import_database(struct engine *engine);
/* MoveToNtmsMediaPool, with RSM's access rule for moves. */
ntms_err engine_move_to_pool(struct engine *engine, const struct sec_caller *caller, const ntms_guid *media,
                             const ntms_guid *pool);

#endif
