/* Operator requests: SubmitNtmsOperatorRequestA/W, WaitForNtmsOperatorRequest,
 * SatisfyNtmsOperatorRequest and CancelNtmsOperatorRequest. */
#include <stdlib.h>

#include "engine_access.h"
#include "engine/ops/operator_wait.h"
#include "engine/records/operator_requests.h"

static DWORD submit_request(HANDLE hSession, DWORD request, const WCHAR *message, const NTMS_GUID *arg1,
                            const NTMS_GUID *arg2, NTMS_GUID *request_id)
{
    struct opreq_submission submission = { request, (const wchar16 *)message, (const ntms_guid *)arg1,
                                           (const ntms_guid *)arg2 };
    struct shim_call call = { 0 };
    struct ntms_session *session = session_acquire((uintptr_t)hSession);
    DWORD status = session ? shim_begin(&call) : ERROR_INVALID_HANDLE;

    if (status == ERROR_SUCCESS)
        status = engine_submit_operator_request(call.engine, session, &call.caller, &submission,
                                                (ntms_guid *)request_id);
    shim_end(&call);
    session_release(session);
    return status;
}

/* [MS-RSMP] refuses UNKNOWN; a MESSAGE is nothing without its text. */
#define REQUIRE_SUBMISSION(session, request, message, request_id)                            \
    do {                                                                                     \
        REQUIRE_SESSION(session);                                                            \
        REQUIRE_PARAMETER(request_id);                                                       \
        REQUIRE_PARAMETER((request) >= NTMS_OPREQ_NEWMEDIA && (request) <= NTMS_OPREQ_MESSAGE); \
        REQUIRE_PARAMETER((message) || (request) != NTMS_OPREQ_MESSAGE);                     \
    } while (0)

DWORD WINAPI SubmitNtmsOperatorRequestW(HANDLE hSession, DWORD dwRequest, LPCWSTR lpMessage, LPNTMS_GUID lpArg1Id,
                                        LPNTMS_GUID lpArg2Id, LPNTMS_GUID lpRequestId)
{
    TRACE("(%p, %lu, %p, %p, %p, %p)", hSession, dwRequest, (const void *)lpMessage, (void *)lpArg1Id,
          (void *)lpArg2Id, (void *)lpRequestId);
    REQUIRE_SUBMISSION(hSession, dwRequest, lpMessage, lpRequestId);
    return shim_result(submit_request(hSession, dwRequest, lpMessage, lpArg1Id, lpArg2Id, lpRequestId));
}

DWORD WINAPI SubmitNtmsOperatorRequestA(HANDLE hSession, DWORD dwRequest, LPCSTR lpMessage, LPNTMS_GUID lpArg1Id,
                                        LPNTMS_GUID lpArg2Id, LPNTMS_GUID lpRequestId)
{
    TRACE("(%p, %lu, %p, %p, %p, %p)", hSession, dwRequest, (const void *)lpMessage, (void *)lpArg1Id,
          (void *)lpArg2Id, (void *)lpRequestId);
    REQUIRE_SUBMISSION(hSession, dwRequest, lpMessage, lpRequestId);
    WCHAR *message = shim_wide_from_ansi(lpMessage);
    DWORD status = lpMessage && !message ? ERROR_NOT_ENOUGH_MEMORY
                 : submit_request(hSession, dwRequest, message, lpArg1Id, lpArg2Id, lpRequestId);
    free(message);
    return shim_result(status);
}

DWORD WINAPI WaitForNtmsOperatorRequest(HANDLE hSession, LPNTMS_GUID lpRequestId, DWORD dwTimeout)
{
    struct shim_call call;

    TRACE("(%p, %p, %lu)", hSession, (void *)lpRequestId, dwTimeout);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpRequestId);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require(&call, NULL, NTMS_USE_ACCESS);   /* reading requests: use of the computer */
    if (status == ERROR_SUCCESS)
        status = engine_wait_operator_request(call.engine, (const ntms_guid *)lpRequestId, dwTimeout);
    shim_end(&call);
    return shim_result(status);
}

/* Satisfy and cancel: administrators only, as on Windows Server 2003. */
static DWORD answer_request(HANDLE session, const NTMS_GUID *request,
                            ntms_err (*answer)(struct engine *, const ntms_guid *))
{
    struct shim_call call;

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(request);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = shim_require_administrator(&call);
    if (status == ERROR_SUCCESS)
        status = answer(call.engine, (const ntms_guid *)request);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI CancelNtmsOperatorRequest(HANDLE hSession, LPNTMS_GUID lpRequestId)
{
    TRACE("(%p, %p)", hSession, (void *)lpRequestId);
    return answer_request(hSession, lpRequestId, engine_cancel_operator_request);
}

DWORD WINAPI SatisfyNtmsOperatorRequest(HANDLE hSession, LPNTMS_GUID lpRequestId)
{
    TRACE("(%p, %p)", hSession, (void *)lpRequestId);
    return answer_request(hSession, lpRequestId, engine_satisfy_operator_request);
}
