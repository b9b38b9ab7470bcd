/* Media records without the robot: CreateNtmsMedia (a new offline medium
 * and its sides, [MS-RSMP] 3.2.5.2.3.5) and DeleteNtmsMedia (an offline
 * medium purged). */
#ifndef NTMSAPI_ENGINE_MEDIA_ADMIN_H
#define NTMSAPI_ENGINE_MEDIA_ADMIN_H

#include <stdint.h>

#include "engine/core/engine.h"
#include "security/sec_caller.h"

enum { CREATE_MEDIA_ERROR_ON_DUPLICATE = 1 };   /* NTMS_ERROR_ON_DUPLICATE */

/* `media` and `sides[count]` hold what the caller gave (ids may be null:
 * they are generated); on success they hold the records as created. */
ntms_err engine_create_media(struct engine *engine, const struct sec_caller *caller, struct rsm_object *media,
                             struct rsm_object *sides, uint32_t count, uint32_t options);
ntms_err engine_delete_media(struct engine *engine, const struct sec_caller *caller, const ntms_guid *media);

#endif
