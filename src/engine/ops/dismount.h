#ifndef NTMSAPI_ENGINE_OPS_DISMOUNT_H
#define NTMSAPI_ENGINE_OPS_DISMOUNT_H

#include "engine/core/engine.h"

/* DismountNtmsMedia: options 1 deferred, else immediate. Only the session
 * that mounted a medium dismounts it (NTMS_E_BUSY for others). */
ntms_err engine_dismount(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                         uint32_t count, uint32_t options);
ntms_err engine_dismount_drive(struct engine *engine, const struct ntms_session *session, const ntms_guid *drive);
/* CloseNtmsSession: the session's mounts are released (dismounts due now). */
void engine_session_closed(struct engine *engine, uint32_t session_serial);
/* A medium left in the drive by a deferred dismount goes home now (a
 * drive in use, or an empty one, is left alone). */
void engine_send_deferred_home(struct engine *engine, const ntms_guid *drive);

#endif
