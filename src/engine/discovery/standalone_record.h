/* Stand-alone drives: a tape drive that no changer's element leads to is
 * a library of its own (type STANDALONE: one drive, no slots), as RSM
 * had. Its medium is found by an inventory (there is no slot to
 * identify), is mounted in place, and a dismount only marks the drive
 * dismountable: there is nowhere to take the tape. */
#ifndef NTMSAPI_ENGINE_DISCOVERY_STANDALONE_RECORD_H
#define NTMSAPI_ENGINE_DISCOVERY_STANDALONE_RECORD_H

#include "engine/core/objdb.h"

/* Creates or updates the library and drive for the tape at `device`
 * (known again by its serial number), inside a write transaction of its own. */
ntms_err standalone_record(struct objdb *db, const char *device, const char *serial, const char *vendor,
                           const char *product, uint32_t defer_dismount_seconds, ntms_guid *library);

#endif
