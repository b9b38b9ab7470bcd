/* A device that failed or asks for cleaning is an operator's business:
 * RSM raised a DEVICESERVICE request (a hardware error: the drive, or the
 * library when the changer failed) or a CLEANER request (a drive asks for
 * cleaning, and ntmsapi does not clean drives yet). One outstanding
 * request per device; the operation still answers its own error. */
#ifndef NTMSAPI_ENGINE_OPS_DEVICE_ALERTS_H
#define NTMSAPI_ENGINE_OPS_DEVICE_ALERTS_H

#include "engine/core/engine.h"

/* After an operation on `library` (and `drive`, when it was the drive's
 * answer; NULL or null: the changer's) ended with `status`. */
void device_alert(struct engine *engine, const ntms_guid *library, const ntms_guid *drive, ntms_err status);

#endif
