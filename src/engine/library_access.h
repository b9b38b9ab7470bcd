/* Working with one library's robot: the machine-wide lock, the changer,
 * the drives, and the housekeeping every operation does first (tapes a
 * killed process left in drives go home and its requests are marked
 * FAILED, ERROR_OPERATION_ABORTED; deferred dismounts that fell due are
 * carried out). */
#ifndef NTMSAPI_ENGINE_LIBRARY_ACCESS_H
#define NTMSAPI_ENGINE_LIBRARY_ACCESS_H

#include <stdbool.h>

#include "engine/engine.h"
#include "platform/plat_file.h"

struct library_access {
    struct engine         *engine;
    struct rsm_object      library;
    struct scsi_transport *changer;
    uint16_t               transport;    /* picker element address, 0: the default */
    struct plat_lock      *lock;
    bool                   drives_busy;   /* the last choice found no drive free: worth waiting */
};

/* Checks the library (enabled, online), takes its lock, opens its changer
 * and does the housekeeping. */
ntms_err library_access_open(struct engine *engine, const ntms_guid *library, struct library_access *access);
void library_access_close(struct library_access *access);

/* The lowest-numbered idle drive; else, when `may_empty`, the lowest
 * deferred one after sending its medium home; else NTMS_E_BUSY with
 * drives_busy set (every usable drive is in use: a caller may wait).
 * Drives in `exclude` are not considered (they refused the medium). */
ntms_err library_choose_drive(struct library_access *access, bool may_empty, const ntms_guid *exclude,
                              size_t exclude_count, struct rsm_object *drive);
/* The drive holding this physical medium, if any. */
bool library_drive_holding(struct library_access *access, const ntms_guid *media, struct rsm_object *drive);

/* Sends the drive's medium to its home slot and records it there. */
ntms_err library_dismount(struct library_access *access, struct rsm_object *drive);
/* Leaves it loaded, dismountable, due after the drive's delay. */
ntms_err library_defer_dismount(struct library_access *access, struct rsm_object *drive, const ntms_guid *media,
                                const ntms_guid *partition);

ntms_err library_open_drive(struct library_access *access, const struct rsm_object *drive,
                            struct scsi_transport **tape);

#endif
