#ifndef NTMSAPI_DLL_ENGINE_ACCESS_H
#define NTMSAPI_DLL_ENGINE_ACCESS_H

#include "shim.h"
#include "engine/engine.h"

/* ERROR_SUCCESS with the engine, or the database error. */
DWORD shim_engine(struct engine **engine);

#endif
