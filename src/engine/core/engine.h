/* The process-wide engine: the object database, the way devices are
 * opened, and the library operations built on them. Created on first use
 * (never in DllMain). */
#ifndef NTMSAPI_ENGINE_ENGINE_H
#define NTMSAPI_ENGINE_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "engine/labels/label_detect.h"
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

/* The engine, opened and bootstrapped on first use. */
ntms_err engine_acquire(struct engine **engine);

/* Finds changers (\\.\Changer0..15) and tape drives (\\.\Tape0..31), maps
 * drives to data transfer elements by DVCID/serial, and creates or
 * updates the library objects. Idempotent: known devices keep their GUIDs. */
ntms_err engine_discover(struct engine *engine);

/* engine_discover unless this process has discovered already; threads
 * that come meanwhile wait for the one scan. */
ntms_err engine_discover_once(struct engine *engine);

/* Scans again when the last scan is older than `seconds`: a library
 * that was absent may be back. */
ntms_err engine_rediscover(struct engine *engine, uint32_t seconds);

/* EnumerateNtmsObject: *count is the capacity in, the number found out
 * (NTMS_E_INSUFFICIENT_BUFFER when it did not fit). */
ntms_err engine_enumerate(struct engine *engine, const ntms_guid *container, uint32_t type, uint32_t options,
                          ntms_guid *list, uint32_t *count);
ntms_err engine_get_object(struct engine *engine, const ntms_guid *id, struct rsm_object *object);

enum { IDENTIFY_DEFERRED = 1, IDENTIFY_IMMEDIATE = 2 };
ntms_err engine_identify_slot(struct engine *engine, struct ntms_session *session, const ntms_guid *slot,
                              uint32_t option);

/* MountNtmsMedia: side ids -> drives (options: NTMS_MOUNT_*; with
 * SPECIFIC_DRIVE the drives are taken from `drives`). A busy drive or
 * medium is waited for up to timeout_ms (0xFFFFFFFF: forever), then
 * NTMS_E_TIMEOUT; not at all with ERROR_NOT_AVAIL or NOWAIT (NTMS_E_BUSY).
 * The drives belong to `session` (NULL: the engine) until it dismounts. */
ntms_err engine_mount(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                      ntms_guid *drives, uint32_t count, uint32_t options, uint32_t timeout_ms);
/* DismountNtmsMedia: options 1 deferred, else immediate. Only the session
 * that mounted a medium dismounts it (NTMS_E_BUSY for others). */
ntms_err engine_dismount(struct engine *engine, const struct ntms_session *session, const ntms_guid *ids,
                         uint32_t count, uint32_t options);
ntms_err engine_dismount_drive(struct engine *engine, const struct ntms_session *session, const ntms_guid *drive);
/* CloseNtmsSession: the session's mounts are released (dismounts due now). */
void engine_session_closed(struct engine *engine, uint32_t session_serial);
/* A medium left in the drive by a deferred dismount goes home now (a
 * drive in use, or an empty one, is left alone). */
void engine_send_deferred_home(struct engine *engine, const ntms_guid *drive);
/* InventoryNtmsLibrary with an NTMS_INVENTORY_* method. */
ntms_err engine_inventory(struct engine *engine, const ntms_guid *library, uint32_t method);

#endif
