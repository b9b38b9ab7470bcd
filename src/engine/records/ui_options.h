/* Get/SetNtmsUIOptions on the engine. */
#ifndef NTMSAPI_ENGINE_UI_OPTIONS_H
#define NTMSAPI_ENGINE_UI_OPTIONS_H

#include "engine/core/engine.h"

enum { UI_INFO = 1, UI_REQ = 2, UI_ERR = 3 };              /* NTMS_UITYPE_* */
enum { UI_ADD = 1, UI_DELETE = 2, UI_DELETE_ALL = 3 };     /* NTMS_UIDEST_* */

/* The destinations as a multi-string; *length: capacity in UTF-16 units
 * in, units needed out (0 for an empty list). */
ntms_err engine_ui_get(struct engine *engine, struct ntms_session *session, const ntms_guid *object, uint32_t type,
                       wchar16 *out, uint32_t *length);
ntms_err engine_ui_set(struct engine *engine, struct ntms_session *session, const ntms_guid *object, uint32_t type,
                       uint32_t operation, const wchar16 *destination);

#endif
