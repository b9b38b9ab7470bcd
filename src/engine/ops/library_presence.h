/* Opening a library for an operation: a library that was absent at the
 * last scan may be back, so it is scanned for again first (at most every
 * 10 s); then the device layer takes over (library_access_open). Presence
 * is decided here, above the device layer, which only reads the records. */
#ifndef NTMSAPI_ENGINE_OPS_LIBRARY_PRESENCE_H
#define NTMSAPI_ENGINE_OPS_LIBRARY_PRESENCE_H

#include "engine/device/library_access.h"

ntms_err library_open_present(struct engine *engine, const ntms_guid *library, const struct rsm_owner *owner,
                              struct library_access *access);

#endif
