/* DeleteNtmsRequests: finished library or operator requests removed at
 * once rather than after the purge time. */
#ifndef NTMSAPI_ENGINE_RECORDS_REQUEST_DELETION_H
#define NTMSAPI_ENGINE_RECORDS_REQUEST_DELETION_H

#include "engine/core/engine.h"

/* The finished requests among `ids` that are of `type` (RSM_LIBREQUEST:
 * PASSED, FAILED, CANCELLED ...; RSM_OPREQUEST: COMPLETE, REFUSED) go,
 * in one transaction; the others, and unknown ids, are skipped. */
ntms_err engine_delete_requests(struct engine *engine, const ntms_guid *ids, uint32_t count, uint32_t type);

#endif
