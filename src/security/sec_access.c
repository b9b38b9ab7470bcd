#include "security/sec_access.h"

#include <stdbool.h>

#include "security/sec_acl.h"

uint32_t sec_map_generic(uint32_t mask, const struct sec_generic_mapping *mapping)
{
    uint32_t mapped = mask & 0x0FFFFFFFu;

    if (mask & SEC_GENERIC_READ) mapped |= mapping->read;
    if (mask & SEC_GENERIC_WRITE) mapped |= mapping->write;
    if (mask & SEC_GENERIC_EXECUTE) mapped |= mapping->execute;
    if (mask & SEC_GENERIC_ALL) mapped |= mapping->all;
    return mapped;
}

/* One list of SIDs to check against: the user and groups, or the
 * restricting SIDs of a restricted token. */
struct sid_set {
    const struct sec_identity *user;   /* NULL for the restricting pass */
    const struct sec_identity *list;
    size_t                     count;
};

static bool holds(const struct sid_set *set, const uint8_t *sid, bool for_deny)
{
    /* The user SID carries no ENABLED bit: it always counts, except for
     * granting when a restricted token made it deny-only. */
    if (set->user && sec_sid_equal(set->user->sid.bytes, sid)
        && (for_deny || !(set->user->attributes & SEC_GROUP_USE_FOR_DENY_ONLY)))
        return true;
    return sec_caller_has_sid(set->list, set->count, sid, for_deny);
}

static bool has_owner_rights_ace(const uint8_t *dacl)
{
    struct sec_sid owner_rights;
    struct sec_acl_cursor cursor = SEC_ACL_CURSOR_START;
    struct sec_ace ace;

    sec_sid_well_known(SEC_SID_OWNER_RIGHTS, &owner_rights);
    while (sec_acl_next(dacl, &cursor, &ace))
        if (ace.sid && !(ace.flags & SEC_ACE_INHERIT_ONLY) && sec_sid_equal(ace.sid, owner_rights.bytes))
            return true;
    return false;
}

static uint32_t granted_to(const struct sec_descriptor *sd, const struct sid_set *set, uint32_t desired,
                           const struct sec_generic_mapping *mapping)
{
    if (!(sd->control & SEC_DACL_PRESENT) || !sd->dacl)
        return desired;   /* no DACL: no restriction */
    uint32_t granted = 0, denied = 0;
    if (sd->owner && holds(set, sd->owner, false) && !has_owner_rights_ace(sd->dacl))
        granted |= SEC_READ_CONTROL | SEC_WRITE_DAC;
    struct sec_acl_cursor cursor = SEC_ACL_CURSOR_START;
    struct sec_ace ace;
    while (sec_acl_next(sd->dacl, &cursor, &ace) && (granted & desired) != desired) {
        if (ace.flags & SEC_ACE_INHERIT_ONLY)
            continue;
        uint32_t mask = sec_map_generic(ace.mask, mapping);
        if (ace.type == SEC_ACE_ACCESS_ALLOWED && holds(set, ace.sid, false))
            granted |= mask & ~denied;
        else if (ace.type == SEC_ACE_ACCESS_DENIED && holds(set, ace.sid, true))
            denied |= mask & ~granted;
    }
    return granted & desired;
}

uint32_t sec_access_granted(const struct sec_descriptor *sd, const struct sec_caller *caller, uint32_t desired,
                            const struct sec_generic_mapping *mapping)
{
    struct sid_set normal = { &caller->user, caller->groups, caller->group_count };
    uint32_t wanted = sec_map_generic(desired, mapping);
    uint32_t granted = granted_to(sd, &normal, wanted, mapping);

    if (caller->restricting_count) {
        struct sid_set restricting = { NULL, caller->restricting, caller->restricting_count };
        granted &= granted_to(sd, &restricting, wanted, mapping);
    }
    return granted;
}

void sec_acl_map_generic(uint8_t *acl, const struct sec_generic_mapping *mapping)
{
    struct sec_acl_cursor cursor = SEC_ACL_CURSOR_START;
    struct sec_ace ace;

    while (sec_acl_next(acl, &cursor, &ace)) {
        if (!ace.sid || (ace.flags & SEC_ACE_INHERIT_ONLY))
            continue;   /* inherit-only ACEs keep generic rights until they are inherited */
        uint32_t mask = sec_map_generic(ace.mask, mapping);
        uint8_t *at = acl + (ace.raw - acl) + 4;
        at[0] = (uint8_t)mask;
        at[1] = (uint8_t)(mask >> 8);
        at[2] = (uint8_t)(mask >> 16);
        at[3] = (uint8_t)(mask >> 24);
    }
}
