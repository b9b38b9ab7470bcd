/* Library <-> media type relations (AddNtmsMediaType and friends). */
#ifndef NTMSAPI_ENGINE_MEDIA_TYPES_H
#define NTMSAPI_ENGINE_MEDIA_TYPES_H

#include <stdbool.h>

#include "engine/core/engine.h"

ntms_err engine_add_media_type(struct engine *engine, const ntms_guid *type, const ntms_guid *library);
/* NTMS_E_NOT_EMPTY while the library holds media of that type. */
ntms_err engine_delete_media_type(struct engine *engine, const ntms_guid *type, const ntms_guid *library);

/* Inside a write transaction: adds the relation to the record (not saved). */
ntms_err library_relate_media_type(struct rsm_object *library, const ntms_guid *type);
bool library_has_media_type(const struct rsm_object *library, const ntms_guid *type);

#endif
