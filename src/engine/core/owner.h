/* Who holds a drive or runs a request (struct rsm_owner): this process and
 * one of its sessions, or the engine's own work. An owner whose process
 * has ended, or whose session in this process is closed, holds nothing
 * any more: what it held is released as RSM released what a closed
 * session held. */
#ifndef NTMSAPI_ENGINE_OWNER_H
#define NTMSAPI_ENGINE_OWNER_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/core/rsm_object.h"
#include "engine/core/session.h"

/* This process, with `session` (a session's serial; 0: the engine's own work). */
struct rsm_owner owner_self(uint32_t session);
/* The owner a session's calls act as (NULL: the engine's own work). */
struct rsm_owner owner_of_session(const struct ntms_session *session);
bool owner_is_nobody(const struct rsm_owner *owner);
bool owner_equal(const struct rsm_owner *a, const struct rsm_owner *b);
bool owner_is_self(const struct rsm_owner *owner);
/* Still holding: its process runs and, when that process is this one, its
 * session is open (or it is the engine's own work). */
bool owner_alive(const struct rsm_owner *owner);

#endif
