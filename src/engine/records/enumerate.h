#ifndef NTMSAPI_ENGINE_RECORDS_ENUMERATE_H
#define NTMSAPI_ENGINE_RECORDS_ENUMERATE_H

#include "engine/core/engine.h"

/* EnumerateNtmsObject: *count is the capacity in, the number found out
 * (NTMS_E_INSUFFICIENT_BUFFER when it did not fit). */
ntms_err engine_enumerate(struct engine *engine, const ntms_guid *container, uint32_t type, uint32_t options,
                          ntms_guid *list, uint32_t *count);

#endif
