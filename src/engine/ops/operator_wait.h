/* WaitForNtmsOperatorRequest: outside any transaction, woken by the
 * commit of any process (a satisfaction or refusal elsewhere). */
#ifndef NTMSAPI_ENGINE_OPS_OPERATOR_WAIT_H
#define NTMSAPI_ENGINE_OPS_OPERATOR_WAIT_H

#include "engine/core/engine.h"

/* Until the request is COMPLETE (NTMS_OK) or REFUSED (NTMS_E_CANCELLED);
 * NTMS_E_OBJECT_NOT_FOUND when it is gone (purged, or its waiter gave up),
 * NTMS_E_TIMEOUT when timeout_ms passed first (0: one look;
 * 0xFFFFFFFF: no end). */
ntms_err engine_wait_operator_request(struct engine *engine, const ntms_guid *id, uint32_t timeout_ms);

#endif
