#ifndef NTMSAPI_ENGINE_DISCOVERY_DISCOVERY_H
#define NTMSAPI_ENGINE_DISCOVERY_DISCOVERY_H

#include "engine/core/engine.h"

/* Finds changers (\\.\Changer0..15) and tape drives (\\.\Tape0..31), maps
 * drives to data transfer elements by DVCID/serial, and creates or
 * updates the library objects. Idempotent: known devices keep their GUIDs. */
ntms_err engine_discover(struct engine *engine);

/* engine_discover unless this process has discovered already; threads
 * that come meanwhile wait for the one scan. */
ntms_err engine_discover_once(struct engine *engine);

/* Scans again when the last scan is older than `seconds`: a library
 * that was absent may be back. */
ntms_err engine_rediscover(struct engine *engine, uint32_t seconds);

#endif
