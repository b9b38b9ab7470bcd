#include "engine/device/dismount_timer.h"

#include "engine/core/record_lookup.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "engine/device/housekeeping.h"
#include "engine/device/library_access.h"
#include "platform/plat_lock.h"
#include "platform/plat_thread.h"
#include "platform/plat_time.h"

#define FILETIME_PER_MS 10000u
#define IDLE_POLL_MS 1000u       /* a deferral made by another thread is seen within this */
#define RETRY_MS 30000u          /* a library that could not be reached is tried again after this */
static plat_mutex timer_lock = PLAT_MUTEX_INIT;
static bool running;
static unsigned armed;           /* deferrals since the thread last looked */

struct due {
    uint64_t   earliest;         /* FILETIME; 0 when no deferral is left */
    ntms_guid *libraries;        /* those with a deferral due */
    size_t     count;
    uint64_t   now;
};

static bool already_listed(const struct due *d, const ntms_guid *library)
{
    for (size_t i = 0; i < d->count; i++)
        if (ntms_guid_equal(&d->libraries[i], library))
            return true;
    return false;
}

static bool deferred(const struct rsm_object *o, const void *key)
{
    (void)key;
    return o->info.drive.state == RSM_DRIVESTATE_DISMOUNTABLE && o->info.drive.dismount_due;
}

/* The earliest due time of all deferrals, and the libraries with one due now. */
static void note_due(struct due *d, const struct rsm_drive *drive)
{
    if (!d->earliest || drive->dismount_due < d->earliest)
        d->earliest = drive->dismount_due;
    if (drive->dismount_due > d->now || already_listed(d, &drive->library))
        return;
    ntms_guid *grown = realloc(d->libraries, (d->count + 1) * sizeof(*grown));
    if (grown) {   /* else this library waits for the next round */
        d->libraries = grown;
        d->libraries[d->count++] = drive->library;
    }
}

static void scan(struct engine *engine, struct due *due)
{
    struct record_list drives = { 0 };

    free(due->libraries);
    memset(due, 0, sizeof(*due));
    due->now = objdb_now();
    if (objdb_begin_read(engine->db) != NTMS_OK)
        return;
    records_collect(engine->db, RSM_DRIVE, deferred, NULL, &drives);
    objdb_abort(engine->db);
    for (size_t i = 0; i < drives.count; i++)
        note_due(due, &drives.items[i].info.drive);
    record_list_free(&drives);
}

/* Opening a library does its housekeeping: due deferrals go home. */
static bool visit_libraries(struct engine *engine, const struct due *due)
{
    bool all = true;

    for (size_t i = 0; i < due->count; i++) {
        struct library_access access;
        if (library_open(engine, &due->libraries[i], NULL, &access) == NTMS_OK)
            library_access_close(&access);
        else
            all = false;
    }
    return all;
}

/* Ends the thread unless a deferral was armed since `seen`. */
static bool may_stop(unsigned seen)
{
    plat_mutex_lock(&timer_lock);
    bool stop = armed == seen;
    if (stop)
        running = false;
    plat_mutex_unlock(&timer_lock);
    return stop;
}

static void run(void *argument)
{
    struct engine *engine = argument;
    struct due due = { 0 };
    bool failed_before = false;

    for (;;) {
        plat_mutex_lock(&timer_lock);
        unsigned seen = armed;
        plat_mutex_unlock(&timer_lock);
        scan(engine, &due);
        if (!due.earliest && may_stop(seen)) {
            free(due.libraries);
            return;
        }
        uint32_t pause = IDLE_POLL_MS;
        /* Still due after a visit means the robot could not do it: retry later. */
        bool failed = due.count && (!visit_libraries(engine, &due) || failed_before);
        failed_before = due.count > 0;
        if (failed)
            pause = RETRY_MS;
        else if (due.earliest > due.now && (due.earliest - due.now) / FILETIME_PER_MS < IDLE_POLL_MS)
            pause = (uint32_t)((due.earliest - due.now) / FILETIME_PER_MS) + 1;
        plat_sleep_ms(pause);
    }
}

void dismount_timer_arm(struct engine *engine)
{
    plat_mutex_lock(&timer_lock);
    armed++;
    if (!running)
        running = plat_thread_start(run, engine) == NTMS_OK;
    plat_mutex_unlock(&timer_lock);
}
