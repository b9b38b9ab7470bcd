#ifndef NTMSAPI_ENGINE_OPS_STANDALONE_INVENTORY_H
#define NTMSAPI_ENGINE_OPS_STANDALONE_INVENTORY_H

#include "engine/core/engine.h"

/* InventoryNtmsLibrary of a stand-alone library: what is in the drive now
 * (identified as IdentifyNtmsSlot would), a medium no longer there to the
 * offline library. */
ntms_err standalone_inventory(struct engine *engine, const ntms_guid *library);

#endif
