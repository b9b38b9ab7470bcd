/* The process-wide engine: the object database, the way devices are
 * opened, and who else recognises labels. Created on first use (never in
 * DllMain). The operations built on it have their own headers (ops/,
 * records/, discovery/). */
#ifndef NTMSAPI_ENGINE_CORE_ENGINE_H
#define NTMSAPI_ENGINE_CORE_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/label_offer.h"
#include "engine/core/objdb.h"
#include "engine/core/session.h"
#include "transport/scsi_transport.h"

typedef ntms_err (*device_opener)(const char *name, struct scsi_transport **transport);

struct engine {
    struct objdb *db;
    device_opener open_device;
    label_offer   offer_label;     /* media label libraries; NULL: none */
    char          data_directory[1024];
    int           discovered;
    uint64_t      discovered_at;   /* FILETIME of the last scan */
};

/* Where devices come from: the DLL passes the Windows pass-through
 * opener; tests pass their own. Must be set before the first acquire. */
void engine_set_device_opener(device_opener opener);
/* Who else may recognise a label: the DLL passes the registered media
 * label libraries. */
void engine_set_label_offer(label_offer offer);

/* The engine, its database opened on first use; `bootstrap` runs once,
 * with the database just opened, and gives it what every database has
 * (records/engine_open.h: engine_acquire passes the system objects). */
typedef ntms_err (*engine_bootstrap)(struct objdb *db);
ntms_err engine_acquire_with(engine_bootstrap bootstrap, struct engine **engine);

ntms_err engine_get_object(struct engine *engine, const ntms_guid *id, struct rsm_object *object);

#endif
