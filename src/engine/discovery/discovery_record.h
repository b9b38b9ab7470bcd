/* A changer's scan into RSM objects: its library (known again by the
 * changer's serial), changer, door, slots, ports and drives (known again
 * by their element addresses), in one transaction. Running it again
 * updates objects and never duplicates them.
 *
 * A drive element no tape device answered for keeps its record when the
 * drive is only busy: the changer still reports the element with the
 * identifier of the recorded drive, or (a changer without identifiers)
 * the recorded device exists but could not be opened (an application
 * holds it open with no sharing). Only a drive that is gone is recorded
 * NOT_PRESENT. */
#ifndef NTMSAPI_ENGINE_DISCOVERY_RECORD_H
#define NTMSAPI_ENGINE_DISCOVERY_RECORD_H

#include "engine/discovery/discovery_scan.h"

struct discovery_recording {
    const struct changer_scan *scan;
    struct tape_devices       *devices;
    const int                 *tape_of;             /* map_drives' answer */
    uint32_t                   defer_dismount_seconds;   /* for new drives */
    bool                       cannot_tell;         /* out: a drive without identifier left unmapped */
};

/* *library gets the library's id. */
ntms_err record_changer_scan(struct objdb *db, struct discovery_recording *recording, ntms_guid *library);

#endif
