/* Who is calling: the SIDs of the caller's token with their attributes,
 * as the DLL reads them from the thread or process token (tests build
 * their own). Portable, so that access decisions are made, and tested,
 * by the same code everywhere. */
#ifndef NTMSAPI_SECURITY_SEC_CALLER_H
#define NTMSAPI_SECURITY_SEC_CALLER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "security/sec_sid.h"

enum {   /* token group attributes (SE_GROUP_*) */
    SEC_GROUP_ENABLED = 0x4, SEC_GROUP_USE_FOR_DENY_ONLY = 0x10,
};
enum {   /* privileges that matter to descriptors */
    SEC_PRIVILEGE_SECURITY = 0x1,        /* SeSecurityPrivilege: SACLs */
    SEC_PRIVILEGE_TAKE_OWNERSHIP = 0x2,  /* SeTakeOwnershipPrivilege */
};

struct sec_identity {
    struct sec_sid sid;
    uint32_t       attributes;
};

struct sec_caller {
    struct sec_identity  user;          /* attributes: 0, or DENY_ONLY in a restricted token */
    struct sec_identity *groups;
    size_t               group_count;
    struct sec_identity *restricting;   /* restricted tokens: the second list every access must pass */
    size_t               restricting_count;
    uint32_t             privileges;
};

/* Does the caller hold `sid` for allowing (enabled, not deny-only) or for
 * denying (also deny-only)? */
bool sec_caller_has_sid(const struct sec_identity *list, size_t count, const uint8_t *sid, bool for_deny);
/* BUILTIN\Administrators enabled in the token (not merely deny-only). */
bool sec_caller_is_administrator(const struct sec_caller *caller);

#endif
