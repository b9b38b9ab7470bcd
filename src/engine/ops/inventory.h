#ifndef NTMSAPI_ENGINE_OPS_INVENTORY_H
#define NTMSAPI_ENGINE_OPS_INVENTORY_H

#include "engine/core/engine.h"

/* InventoryNtmsLibrary with an NTMS_INVENTORY_* method. */
ntms_err engine_inventory(struct engine *engine, const ntms_guid *library, uint32_t method);

#endif
