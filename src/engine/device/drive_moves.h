/* Media between slots and drives: the robot's moves, what each means for
 * the records, and an order of commits and commands that a process killed
 * at any point leaves repairable (housekeeping.h repairs it). All are
 * called with the robot lock held, on a drive taken by the caller; drive
 * commands (unload) run with the lock released meanwhile. */
#ifndef NTMSAPI_ENGINE_DRIVE_MOVES_H
#define NTMSAPI_ENGINE_DRIVE_MOVES_H

#include "engine/device/library_access.h"

/* The drive's medium goes to its home slot and is recorded there, the
 * drive empty and given back. A MOVE that fails leaves the medium
 * recorded in the drive, dismountable and due at once: it is repaired
 * like any stranded tape (a caller arms its dismount timer to do it). A stand-alone drive's medium stays: the drive
 * becomes dismountable. */
ntms_err library_dismount(struct library_access *access, struct rsm_object *drive);
/* The same for a drive the caller took to use: it stays the caller's. */
ntms_err library_empty_for_use(struct library_access *access, struct rsm_object *drive);

/* A deferred dismount: the drive keeps its medium, DISMOUNTABLE, due after
 * the drive's delay (never on a stand-alone drive), taken by nobody. The
 * caller writes the drive in its own transaction. */
void library_defer_dismount(struct library_access *access, struct rsm_object *drive, const ntms_guid *media,
                            const ntms_guid *partition);

/* MOVE MEDIUM from slot element `from` into the taken drive, recorded: the
 * drive MOUNTED (not ready yet), its tape's source; when `media` is given
 * (a mount), that medium and side in it. */
ntms_err library_load(struct library_access *access, struct rsm_object *drive, uint16_t from,
                      struct rsm_object *media, const ntms_guid *partition);

/* A tape the records do not place in the drive (an identification that
 * did not finish, a stranded tape) goes to slot element `to`, and the
 * drive is recorded empty and given back. A MOVE that fails leaves the
 * drive recorded empty while the changer says full: repaired later. */
ntms_err library_return_tape(struct library_access *access, struct rsm_object *drive, uint16_t to);

/* LOAD UNLOAD (where the drive has it) with the robot lock released. */
void library_unload_unlocked(struct library_access *access, const struct rsm_object *drive);

#endif
