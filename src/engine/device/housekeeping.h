/* What every operation on a library does first, under its robot lock:
 * what the changer says about the drives wins over the database
 * (drive_reconcile.h); what an owner that is gone held is released (the
 * mount of a process that died or of a session that closed is a dismount
 * that fell due); requests of processes that died are marked FAILED
 * (ERROR_OPERATION_ABORTED); deferred dismounts that fell due are carried
 * out. */
#ifndef NTMSAPI_ENGINE_HOUSEKEEPING_H
#define NTMSAPI_ENGINE_HOUSEKEEPING_H

#include "engine/device/library_access.h"

void housekeeping_run(struct library_access *access);

/* library_access_open, then the housekeeping: how operations open a library. */
ntms_err library_open(struct engine *engine, const ntms_guid *library, const struct rsm_owner *owner,
                      struct library_access *access);

#endif
