/* Operator requests ([MS-RSMP] 3.2.1.4, SubmitNtmsOperatorRequest and the
 * calls around it): what an operator is asked to do, as records every
 * process sees. SUBMITTED when recorded, ACTIVE once shown somewhere
 * (records/operator_display.h), INPROGRESS while the library acts on what
 * the operator did, then COMPLETE (satisfied) or REFUSED (cancelled).
 * Applications submit them; the library raises NEWMEDIA (an allocation
 * found nothing), MOVEMEDIA (a mount needs an offline medium),
 * DEVICESERVICE and CLEANER (a device failed, or asks for cleaning), for
 * the call that waits on them. Finished ones are purged after the
 * computer's dwOpRequestPurgeTime, as RSM did. */
#ifndef NTMSAPI_ENGINE_RECORDS_OPERATOR_REQUESTS_H
#define NTMSAPI_ENGINE_RECORDS_OPERATOR_REQUESTS_H

#include "engine/core/engine.h"
#include "security/sec_caller.h"

struct opreq_submission {
    uint32_t         request;       /* RSM_OPREQ_* */
    const wchar16   *message;       /* NULL: the library's own text; longer ones are cut to 255 characters */
    const ntms_guid *arg1, *arg2;   /* NULL or a null GUID: none */
};

/* SubmitNtmsOperatorRequest: the arguments the request type takes
 * (missing or of another type NTMS_E_INVALID_PARAMETER, unknown
 * NTMS_E_OBJECT_NOT_FOUND), the caller's access (control of the pool for
 * NEWMEDIA and MOVEMEDIA, of the library for CLEANER and DEVICESERVICE,
 * use of the computer for MESSAGE), then the request recorded and shown. */
ntms_err engine_submit_operator_request(struct engine *engine, const struct ntms_session *session,
                                        const struct sec_caller *caller, const struct opreq_submission *submission,
                                        ntms_guid *id);

/* The library's own request for the call `waiter` makes (an allocation, a
 * mount): recorded and shown; *id names it. A waiter that already has
 * such a request outstanding (same request and first argument) gets its id. */
ntms_err opreq_raise(struct engine *engine, const struct ntms_session *session, const struct rsm_owner *waiter,
                     uint32_t request, const ntms_guid *arg1, const ntms_guid *arg2, ntms_guid *id);
/* A device's request (DEVICESERVICE, CLEANER) for `device`, unless one for
 * it is still outstanding; nobody waits on these. */
ntms_err opreq_raise_for_device(struct engine *engine, uint32_t request, const ntms_guid *device);

/* SatisfyNtmsOperatorRequest: an outstanding request COMPLETE; a finished
 * one, or none, NTMS_E_OBJECT_NOT_FOUND. */
ntms_err engine_satisfy_operator_request(struct engine *engine, const ntms_guid *id);
/* CancelNtmsOperatorRequest: an outstanding request REFUSED; a finished
 * one NTMS_E_INVALID_STATE; none NTMS_E_OBJECT_NOT_FOUND. */
ntms_err engine_cancel_operator_request(struct engine *engine, const ntms_guid *id);

/* Its state; NTMS_E_OBJECT_NOT_FOUND when it is gone (or is no operator request). */
ntms_err engine_operator_request_state(struct engine *engine, const ntms_guid *id, uint32_t *state);
/* The library acting on a request it raised: INPROGRESS while it does
 * what was asked, COMPLETE when done (an outstanding one only). */
ntms_err opreq_progress(struct engine *engine, const ntms_guid *id, uint32_t state);
/* The same inside the caller's write transaction. */
ntms_err opreq_progress_in(struct objdb *db, const ntms_guid *id, uint32_t state);
/* A waiter that gave up (its timeout): its request goes, as RSM deleted it. */
ntms_err opreq_withdraw(struct engine *engine, const ntms_guid *id);

/* Inside the caller's write transaction: finished requests past the
 * purge time (unless the computer's NOAUTOPURGE, or NOFAILEDPURGE for
 * refused ones) and the library's requests whose waiter is gone. */
ntms_err opreq_purge(struct objdb *db);

static inline bool opreq_outstanding(uint32_t state)
{
    return state != RSM_OPSTATE_COMPLETE && state != RSM_OPSTATE_REFUSED;
}

#endif
