/* Working with one library: the machine-wide robot lock, its changer, its
 * drives and who holds them.
 *
 * Every command to the changer runs under the library's robot lock; no
 * lock is held while only a drive is busy (loading, becoming ready,
 * unloading, being read): the lock is released meanwhile and the drive is
 * marked taken in the database (its holder), so that no other process
 * uses it or moves its tape. */
#ifndef NTMSAPI_ENGINE_LIBRARY_ACCESS_H
#define NTMSAPI_ENGINE_LIBRARY_ACCESS_H

#include <stdbool.h>

#include "engine/core/engine.h"
#include "platform/plat_file.h"

struct library_access {
    struct engine         *engine;
    struct rsm_object      library;
    struct scsi_transport *changer;      /* NULL for a stand-alone drive */
    uint16_t               transport;    /* picker element address, 0: the default */
    struct plat_lock      *lock;         /* NULL while released */
    unsigned               lock_takes;   /* times taken: what was read under an older take may be stale */
    char                   lock_path[1200];
    struct rsm_owner       owner;        /* whose work this is */
    bool                   drives_busy;  /* the last choice found no drive free: worth waiting */
};

/* Checks the library's record (enabled, online), takes its lock, opens its
 * changer. `owner` may be NULL: the engine's own work. Operations open a
 * library with library_open (housekeeping.h), which tidies it first. */
ntms_err library_access_open(struct engine *engine, const ntms_guid *library, const struct rsm_owner *owner,
                             struct library_access *access);
void library_access_close(struct library_access *access);
/* Lets go of the robot lock while only a drive works; takes it again. */
void library_access_release(struct library_access *access);
ntms_err library_access_reacquire(struct library_access *access);

/* The library's drives, in the database. */
struct drive_list {
    struct rsm_object *drives;
    size_t             count;
};
ntms_err library_drives(struct library_access *access, struct drive_list *list);
void drive_list_free(struct drive_list *list);

bool library_drive_usable(const struct rsm_object *drive);   /* enabled and ready */
/* Holds a medium under a deferred dismount, taken by nobody alive. */
bool library_drive_waits_deferred(const struct rsm_object *drive);
/* Enabled, ready, empty and taken by nobody alive. */
bool library_drive_idle(const struct rsm_object *drive);
/* Taken by someone alive (a mount, an identification, a dismount under way). */
bool library_drive_taken(const struct rsm_object *drive);

/* Gives a drive back: its holder cleared, nothing else changed. */
ntms_err library_give_back(struct library_access *access, struct rsm_object *drive);

/* Is the tape of slot element `address` in a drive someone works with
 * (an identification has it before the records name it)? */
bool library_source_taken(struct library_access *access, uint16_t address);

/* The drive holding this physical medium, if any. */
bool library_drive_holding(struct library_access *access, const ntms_guid *media, struct rsm_object *drive);

ntms_err library_open_drive(struct library_access *access, const struct rsm_object *drive,
                            struct scsi_transport **tape);

#endif
