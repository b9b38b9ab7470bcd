/* Which drive an operation gets: the lowest-numbered idle one, else one
 * whose medium waits under a deferred dismount (sent home first), taken in
 * the database for the caller before anything moves. */
#ifndef NTMSAPI_ENGINE_DEVICE_DRIVE_CHOICE_H
#define NTMSAPI_ENGINE_DEVICE_DRIVE_CHOICE_H

#include "engine/device/library_access.h"

/* Takes the lowest-numbered idle drive for access->owner (its holder is
 * committed before anything moves); else, when `may_empty`, the lowest
 * one whose medium waits under a deferred dismount, after sending that
 * medium home; else NTMS_E_BUSY with drives_busy set (every usable drive
 * is in use: a caller may wait). Drives in `exclude` are not considered. */
ntms_err library_take_drive(struct library_access *access, bool may_empty, const ntms_guid *exclude,
                            size_t exclude_count, struct rsm_object *drive);
/* Takes this drive as it is (it must be idle, or hold a medium under a
 * deferred dismount, which stays in it). */
ntms_err library_claim_drive(struct library_access *access, struct rsm_object *drive);
/* Takes this drive and empties it: a deferred medium goes home first. */
ntms_err library_take_this_drive(struct library_access *access, struct rsm_object *drive);

#endif
