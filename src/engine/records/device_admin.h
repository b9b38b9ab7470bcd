/* Removing devices that are gone: DeleteNtmsLibrary and DeleteNtmsDrive
 * ([MS-RSMP] 3.2.5.2.1.x). Only what the last scan did not find may go
 * (RSM: a library must not be online, a drive must be NOT_PRESENT); its
 * media move to the offline library, never deleted with it. */
#ifndef NTMSAPI_ENGINE_DEVICE_ADMIN_H
#define NTMSAPI_ENGINE_DEVICE_ADMIN_H

#include "engine/core/engine.h"

ntms_err engine_delete_library(struct engine *engine, const ntms_guid *library);
/* A drive of a library without slots (a stand-alone drive) takes its library with it. */
ntms_err engine_delete_drive(struct engine *engine, const ntms_guid *drive);

#endif
