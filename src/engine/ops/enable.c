#include "engine/ops/enable.h"

#include "engine/ops/dismount.h"
#include "engine/records/enabled.h"

ntms_err engine_set_enabled(struct engine *engine, uint32_t type, const ntms_guid *id, int enabled)
{
    ntms_err status = records_set_enabled(engine, type, id, enabled);

    /* RSM empties a disabled drive where it can: a medium waiting there
     * under a deferred dismount goes home; one in use stays. */
    if (status == NTMS_OK && type == RSM_DRIVE && !enabled)
        engine_send_deferred_home(engine, id);
    return status;
}
