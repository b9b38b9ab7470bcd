/* DeallocateNtmsMedia: the records in one write transaction
 * (records/deallocation.c); a medium its pool returns to Free then gets
 * its free label, as a move into Free writes one. When the label cannot
 * be written now (no drive free, the library away) the deallocation
 * stands and the medium waits in Free, UNPREPARED, until an allocation
 * that needs it writes the label. */
#ifndef NTMSAPI_ENGINE_OPS_DEALLOCATE_H
#define NTMSAPI_ENGINE_OPS_DEALLOCATE_H

#include "engine/core/engine.h"
#include "security/sec_caller.h"

ntms_err engine_deallocate(struct engine *engine, const struct sec_caller *caller, const ntms_guid *lmid);

#endif
