/* The side states an application moves itself, each in one write
 * transaction ([MS-RSMP] 3.2.5.2.2; Microsoft's "Media Life Cycle"):
 * SetNtmsMediaComplete (ALLOCATED -> COMPLETE: written for good, no more
 * WRITE mounts), DecommissionNtmsMedia (AVAILABLE -> DECOMMISSIONED: never
 * allocated again) and SwapNtmsMedia (two logical media exchange their
 * sides, so that a medium can be refreshed behind an application's back). */
#ifndef NTMSAPI_ENGINE_RECORDS_SIDE_STATES_H
#define NTMSAPI_ENGINE_RECORDS_SIDE_STATES_H

#include "engine/core/engine.h"
#include "security/sec_caller.h"

/* A logical medium's side: control of its pool; NTMS_E_INVALID_STATE
 * when it is not ALLOCATED or its medium is in use (mounted). */
ntms_err engine_set_media_complete(struct engine *engine, const struct sec_caller *caller, const ntms_guid *lmid);
/* A side (partition id): control of its pool; NTMS_E_INVALID_STATE
 * unless it is AVAILABLE. */
ntms_err engine_decommission_media(struct engine *engine, const struct sec_caller *caller, const ntms_guid *side);
/* Two logical media of one pool (NTMS_E_INVALID_MEDIA_POOL else), both
 * ALLOCATED or COMPLETE (NTMS_E_INVALID_STATE else), neither medium in
 * use (NTMS_E_INVALID_MEDIA, as Microsoft documents): modify access to
 * the pool. The sides keep their states; the logical media change sides. */
ntms_err engine_swap_media(struct engine *engine, const struct sec_caller *caller, const ntms_guid *first,
                           const ntms_guid *second);

#endif
