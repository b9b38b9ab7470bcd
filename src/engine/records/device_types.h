/* CHANGER_TYPE and DRIVE_TYPE objects: one per device model (vendor and
 * product as INQUIRY reports them), shared by every device of that model,
 * found again rather than duplicated. Inside the caller's write transaction. */
#ifndef NTMSAPI_ENGINE_DEVICE_TYPES_H
#define NTMSAPI_ENGINE_DEVICE_TYPES_H

#include "engine/core/objdb.h"

ntms_err device_type_of(struct objdb *db, uint32_t object_type, const char *vendor, const char *product,
                        ntms_guid *id);

#endif
