/* A mount whose medium is offline (MountNtmsMedia without
 * NTMS_MOUNT_ERROR_OFFLINE): RSM asked an operator to bring it (a MOVEMEDIA
 * operator request naming the medium and the library it is wanted in)
 * and waited; so does this. The wait ends when the medium is in a
 * library again (an inventory by any process found it; after the
 * operator satisfied the request, this call inventories the library
 * itself, and asks again when the medium is still not there), when the
 * operator refuses (NTMS_E_CANCELLED), when the mount's own library
 * request is cancelled or its session closed (NTMS_E_CANCELLED), or at
 * the deadline (the request withdrawn, NTMS_E_TIMEOUT). */
#ifndef NTMSAPI_ENGINE_OPS_OFFLINE_MEDIA_H
#define NTMSAPI_ENGINE_OPS_OFFLINE_MEDIA_H

#include "engine/ops/busy_wait.h"

struct offline_wait {
    struct engine             *engine;
    const struct ntms_session *session;
    ntms_guid                  call_request;      /* the mount's library request */
    ntms_guid                  library;           /* where the media are wanted */
    ntms_guid                  operator_request;  /* the last MOVEMEDIA raised; null: none */
    struct busy_wait          *wait;
};

/* The library offline media are wanted in: that of the mount's media
 * that are in one, else the first online library; NTMS_E_MEDIA_OFFLINE
 * when there is none. */
ntms_err offline_target_library(struct engine *engine, const ntms_guid *ids, uint32_t count, ntms_guid *library);
/* Until the medium of side (or logical medium) `id` is in a library;
 * its MOVEMEDIA request is INPROGRESS then, until offline_wait_done. */
ntms_err offline_medium_wait(struct offline_wait *wait, const ntms_guid *id);
/* The mount went on: the last request COMPLETE (the medium came). */
void offline_wait_done(struct offline_wait *wait);

#endif
