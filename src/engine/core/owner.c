#include "engine/core/owner.h"

#include "engine/core/session.h"
#include "platform/plat_process.h"

struct rsm_owner owner_self(uint32_t session)
{
    struct plat_process_id self;

    plat_process_self(&self);
    return (struct rsm_owner){ self.started, self.pid, session };
}

bool owner_is_nobody(const struct rsm_owner *owner)
{
    return owner->process == 0;
}

bool owner_is_self(const struct rsm_owner *owner)
{
    struct plat_process_id self;

    plat_process_self(&self);
    return owner->process == self.pid && owner->process_started == self.started;
}

bool owner_alive(const struct rsm_owner *owner)
{
    if (owner_is_nobody(owner))
        return false;
    if (owner_is_self(owner))
        return owner->session == 0 || session_serial_open(owner->session);
    struct plat_process_id id = { owner->process_started, owner->process };
    return plat_process_alive(&id);
}
