#ifndef NTMSAPI_ENGINE_RECORDS_ENABLED_H
#define NTMSAPI_ENGINE_RECORDS_ENABLED_H

#include "engine/core/engine.h"

/* The Enabled flag of a drive, library or medium (a medium's sides follow
 * it); NTMS_E_INVALID_STATE when it is so already; the offline library
 * NTMS_E_LIBRARY_OFFLINE. */
ntms_err records_set_enabled(struct engine *engine, uint32_t type, const ntms_guid *id, int enabled);

#endif
