/* The engine of this process, opened on first use with the objects every
 * RSM database has (the computer, the offline library, the system pools
 * and media types, the root pool). */
#ifndef NTMSAPI_ENGINE_RECORDS_ENGINE_OPEN_H
#define NTMSAPI_ENGINE_RECORDS_ENGINE_OPEN_H

#include "engine/core/engine.h"

ntms_err engine_acquire(struct engine **engine);

#endif
