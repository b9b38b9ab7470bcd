/* Deferred dismounts carried out on time by the process that deferred
 * them: a background thread, started with the first deferral, sleeps
 * until the earliest drive's dwDeferDismountDelay has passed and sends
 * its medium home, then ends when no deferral is left. Deferrals of
 * processes that have ended are done by the next operation on their
 * library (library_access_open's housekeeping), which this thread also
 * uses. */
#ifndef NTMSAPI_ENGINE_DISMOUNT_TIMER_H
#define NTMSAPI_ENGINE_DISMOUNT_TIMER_H

#include "engine/core/engine.h"

/* Call after committing a deferred dismount. */
void dismount_timer_arm(struct engine *engine);

#endif
