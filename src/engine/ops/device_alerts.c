#include "engine/ops/device_alerts.h"

#include "engine/records/operator_requests.h"

static bool hardware_failure(ntms_err status)
{
    return status == NTMS_E_IO_DEVICE || status == NTMS_E_DEVICE_HARDWARE_ERROR;
}

void device_alert(struct engine *engine, const ntms_guid *library, const ntms_guid *drive, ntms_err status)
{
    bool from_drive = drive && !ntms_guid_is_null(drive);

    if (hardware_failure(status))
        opreq_raise_for_device(engine, RSM_OPREQ_DEVICESERVICE, from_drive ? drive : library);
    else if (status == NTMS_E_DEVICE_REQUIRES_CLEANING)
        opreq_raise_for_device(engine, RSM_OPREQ_CLEANER, library);
}
