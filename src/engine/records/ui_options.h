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

#define UI_LIST_UNITS 4096   /* UTF-16 units one destination list holds at most */

/* Where an operator request is shown: the NTMS_UITYPE_REQ destinations of
 * the application's session, of `library` (may be NULL) and of the
 * computer, each once; a scope never set adds none, and when none was
 * ever set, the local computer (""). A list emptied (DELETEALL) shows
 * nothing. As a multi-string of *length units (each entry NUL-terminated). */
ntms_err ui_request_destinations(struct engine *engine, const struct ntms_session *session, const ntms_guid *library,
                                 wchar16 *list, size_t capacity, size_t *length);

#endif
