/* Showing an operator request to an operator. Where it goes follows
 * Get/SetNtmsUIOptions (NTMS_UITYPE_REQ): the destinations set for the
 * submitting application, the request's library and the computer; none
 * ever set: the local computer. How it is shown is the platform's (the
 * DLL writes the Windows event log, source "NTMS", and under Wine a line
 * on stderr): it installs a display; without one, or with the computer's
 * NTMS_OPREQFLAGS_NOALERTS, requests stay SUBMITTED. */
#ifndef NTMSAPI_ENGINE_RECORDS_OPERATOR_DISPLAY_H
#define NTMSAPI_ENGINE_RECORDS_OPERATOR_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/core/engine.h"

/* Shows `request` on the destinations that name this computer
 * (`destinations`: computer names, "" the local one, as a UTF-16
 * multi-string of `length` units); true when it was shown. */
typedef bool (*operator_display)(const struct rsm_object *request, const wchar16 *destinations, size_t length);

void engine_set_operator_display(operator_display display);

/* A request just recorded SUBMITTED: shown, then ACTIVE. */
ntms_err opreq_show(struct engine *engine, const struct ntms_session *session, const ntms_guid *id);

#endif
