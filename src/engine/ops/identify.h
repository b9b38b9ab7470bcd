#ifndef NTMSAPI_ENGINE_OPS_IDENTIFY_H
#define NTMSAPI_ENGINE_OPS_IDENTIFY_H

#include "engine/core/engine.h"

enum { IDENTIFY_DEFERRED = RSM_DISMOUNT_DEFERRED, IDENTIFY_IMMEDIATE = RSM_DISMOUNT_IMMEDIATE };

/* IdentifyNtmsSlot (see identify.c); `session` NULL for the engine's own
 * work (an inventory). */
ntms_err engine_identify_slot(struct engine *engine, struct ntms_session *session, const ntms_guid *slot,
                              uint32_t option);

#endif
