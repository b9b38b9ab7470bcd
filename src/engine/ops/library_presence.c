#include "engine/ops/library_presence.h"

#include "engine/device/housekeeping.h"

#include "engine/discovery/discovery.h"

#define REDISCOVERY_SECONDS 10

static bool absent_at_last_scan(struct engine *engine, const ntms_guid *library)
{
    struct rsm_object record;

    if (engine_get_object(engine, library, &record) != NTMS_OK || record.type != RSM_LIBRARY)
        return false;
    uint32_t type = record.info.library.library_type;
    return (type == RSM_LIBRARYTYPE_ONLINE || type == RSM_LIBRARYTYPE_STANDALONE)
        && record.operational_state != RSM_READY;
}

ntms_err library_open_present(struct engine *engine, const ntms_guid *library, const struct rsm_owner *owner,
                              struct library_access *access)
{
    if (absent_at_last_scan(engine, library))
        engine_rediscover(engine, REDISCOVERY_SECONDS);   /* a scan that fails leaves it absent */
    return library_open(engine, library, owner, access);
}
