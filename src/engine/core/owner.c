#include "engine/core/owner.h"

#include "platform/plat_process.h"

struct rsm_owner owner_self(uint32_t session)
{
    struct plat_process_id self;

    plat_process_self(&self);
    return (struct rsm_owner){ self.started, self.pid, session };
}

struct rsm_owner owner_of_session(const struct ntms_session *session)
{
    return owner_self(session ? session->serial : 0);
}

bool owner_equal(const struct rsm_owner *a, const struct rsm_owner *b)
{
    return a->process == b->process && a->process_started == b->process_started && a->session == b->session;
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
