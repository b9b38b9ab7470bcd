#ifndef NTMSAPI_ENGINE_RECORDS_OBJECT_CHANGES_H
#define NTMSAPI_ENGINE_RECORDS_OBJECT_CHANGES_H

#include "engine/core/engine.h"

/* SetNtmsObjectInformation: copies from `changes` only the fields RSM lets
 * a caller change for that type ([MS-RSMP] 3.2.5.2.3.3). */
ntms_err engine_set_information(struct engine *engine, const struct rsm_object *changes);

#endif
