/* Operator requests. */
#include "shim.h"

static DWORD submit_request(HANDLE session, DWORD request, const void *message, const NTMS_GUID *request_id,
                            const char *function)
{
    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(request_id);
    REQUIRE_PARAMETER(request >= NTMS_OPREQ_NEWMEDIA && request <= NTMS_OPREQ_MESSAGE);
    REQUIRE_PARAMETER(message || request != NTMS_OPREQ_MESSAGE);
    return shim_not_yet(function);
}

DWORD WINAPI SubmitNtmsOperatorRequestW(HANDLE hSession, DWORD dwRequest, LPCWSTR lpMessage, LPNTMS_GUID lpArg1Id,
                                        LPNTMS_GUID lpArg2Id, LPNTMS_GUID lpRequestId)
{
    TRACE("(%p, %lu, %p, %p, %p, %p)", hSession, dwRequest, (const void *)lpMessage, (void *)lpArg1Id,
          (void *)lpArg2Id, (void *)lpRequestId);
    return submit_request(hSession, dwRequest, lpMessage, lpRequestId, __func__);
}

DWORD WINAPI SubmitNtmsOperatorRequestA(HANDLE hSession, DWORD dwRequest, LPCSTR lpMessage, LPNTMS_GUID lpArg1Id,
                                        LPNTMS_GUID lpArg2Id, LPNTMS_GUID lpRequestId)
{
    TRACE("(%p, %lu, %p, %p, %p, %p)", hSession, dwRequest, (const void *)lpMessage, (void *)lpArg1Id,
          (void *)lpArg2Id, (void *)lpRequestId);
    return submit_request(hSession, dwRequest, lpMessage, lpRequestId, __func__);
}

static DWORD one_request_call(HANDLE session, const NTMS_GUID *request, const char *function)
{
    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(request);
    return shim_not_yet(function);
}

DWORD WINAPI WaitForNtmsOperatorRequest(HANDLE hSession, LPNTMS_GUID lpRequestId, DWORD dwTimeout)
{
    TRACE("(%p, %p, %lu)", hSession, (void *)lpRequestId, dwTimeout);
    return one_request_call(hSession, lpRequestId, __func__);
}

DWORD WINAPI CancelNtmsOperatorRequest(HANDLE hSession, LPNTMS_GUID lpRequestId)
{
    TRACE("(%p, %p)", hSession, (void *)lpRequestId);
    return one_request_call(hSession, lpRequestId, __func__);
}

DWORD WINAPI SatisfyNtmsOperatorRequest(HANDLE hSession, LPNTMS_GUID lpRequestId)
{
    TRACE("(%p, %p)", hSession, (void *)lpRequestId);
    return one_request_call(hSession, lpRequestId, __func__);
}
