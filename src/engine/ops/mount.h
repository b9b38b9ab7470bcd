#ifndef NTMSAPI_ENGINE_OPS_MOUNT_H
#define NTMSAPI_ENGINE_OPS_MOUNT_H

#include "engine/core/engine.h"

/* MountNtmsMedia: side or logical media ids -> drives (options:
 * NTMS_MOUNT_*; with SPECIFIC_DRIVE the drives are taken from `drives`;
 * WRITE refuses a COMPLETE side and a write-protected tape with
 * NTMS_E_WRITE_PROTECT, the tape sent home again). A busy drive or
 * medium is waited for up to timeout_ms (0xFFFFFFFF: forever), then
 * NTMS_E_TIMEOUT; not at all with ERROR_NOT_AVAIL or NOWAIT (NTMS_E_BUSY).
 * The drives belong to `session` (NULL: the engine) until it dismounts. */
ntms_err engine_mount(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                      ntms_guid *drives, uint32_t count, uint32_t options, uint32_t timeout_ms);
/* The same with RSM's priority (NTMS_PRIORITY_*). Each mount is a library
 * request (RSM_LM_MOUNT): waiting for busy drives or media it is QUEUED in
 * its library's queue, a higher priority before lower ones, its order
 * changed by SetNtmsRequestOrder, the first waiting for a drive taking
 * the next one freed (ops/request_queue.h); CancelNtmsLibraryRequest ends
 * the wait with NTMS_E_CANCELLED. Offline media (without
 * NTMS_MOUNT_ERROR_OFFLINE) are asked of an operator and waited for
 * (ops/offline_media.h). */
ntms_err engine_mount_prioritized(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                                  ntms_guid *drives, uint32_t count, uint32_t options, int32_t priority,
                                  uint32_t timeout_ms);

#endif
