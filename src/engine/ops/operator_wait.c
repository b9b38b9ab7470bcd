#include "engine/ops/operator_wait.h"

#include "engine/ops/busy_wait.h"
#include "engine/records/operator_requests.h"

ntms_err engine_wait_operator_request(struct engine *engine, const ntms_guid *id, uint32_t timeout_ms)
{
    struct busy_wait wait;
    uint32_t state = RSM_OPSTATE_UNKNOWN;
    ntms_err status;

    busy_wait_start(&wait, timeout_ms);
    while ((status = engine_operator_request_state(engine, id, &state)) == NTMS_OK && opreq_outstanding(state))
        if (!busy_wait_for_change(&wait, engine->db))
            return NTMS_E_TIMEOUT;
    if (status != NTMS_OK)
        return status;
    return state == RSM_OPSTATE_COMPLETE ? NTMS_OK : NTMS_E_CANCELLED;
}
