/* Finished library requests do not pile up: RSM purged them once the
 * computer's dwLibRequestPurgeTime (72 h) had passed since they completed,
 * unless NTMS_LIBREQFLAGS_NOAUTOPURGE (all) or NOFAILEDPURGE (failed ones)
 * say to keep them. Requests still queued or in process stay, but a
 * waiting allocation's whose process died is FAILED (ERROR_OPERATION_ABORTED);
 * requests in a library are the housekeeping's (device/housekeeping.h). */
#ifndef NTMSAPI_ENGINE_REQUEST_PURGE_H
#define NTMSAPI_ENGINE_REQUEST_PURGE_H

#include "engine/core/objdb.h"

/* Inside the caller's write transaction. */
ntms_err requests_purge(struct objdb *db);

#endif
