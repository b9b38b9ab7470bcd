/* Where an operator on this computer sees RSM's operator requests: the
 * Windows event log (source "NTMS", as RSM wrote), and under Wine, where
 * nobody reads that log, a line on stderr. The engine calls it with the
 * UI destinations (records/operator_display.h); destinations naming other
 * computers are not reached (there is no service to send them to). */
#ifndef NTMSAPI_DLL_OPERATOR_DISPLAY_H
#define NTMSAPI_DLL_OPERATOR_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/core/rsm_object.h"

bool operator_display_show(const struct rsm_object *request, const wchar16 *destinations, size_t length);

#endif
