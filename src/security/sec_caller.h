/* Who is calling: the SIDs of the caller's token with their attributes,
 * built from what the DLL reads from the thread or process token (tests
 * build their own). Portable, so that access decisions are made, and
 * tested, by the same code everywhere. */
#ifndef NTMSAPI_SECURITY_SEC_CALLER_H
#define NTMSAPI_SECURITY_SEC_CALLER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/ntms_error.h"
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

/* One entry of a token's list as the system hands it over, unchecked:
 * where its SID starts, how many bytes are readable from there, and its
 * SE_GROUP_* attributes. */
struct sec_token_sid {
    const uint8_t *bytes;
    size_t         available;
    uint32_t       attributes;
};

/* Everything of a token that makes a sec_caller. */
struct sec_token {
    struct sec_token_sid        user;
    const struct sec_token_sid *groups;
    size_t                      group_count;
    const struct sec_token_sid *restricting;
    size_t                      restricting_count;
    uint32_t                    privileges;   /* the SEC_PRIVILEGE_* enabled */
};

/* Every allocation the functions below make (malloc; tests fail the Nth). */
extern void *(*sec_caller_alloc)(size_t size);

/* The caller behind `token`, whole or not at all: a malformed SID anywhere
 * is NTMS_E_ACCESS_DENIED, a list that cannot be copied
 * NTMS_E_NOT_ENOUGH_MEMORY, and on failure *caller is left empty. A
 * missing group could be a deny ACE that no longer matches, a missing
 * restricting SID a restriction lifted: a caller not read completely
 * never gets access. */
ntms_err sec_caller_build(const struct sec_token *token, struct sec_caller *caller);
/* The same all-or-nothing rule (NTMS_E_NOT_ENOUGH_MEMORY, *to empty). */
ntms_err sec_caller_copy(struct sec_caller *to, const struct sec_caller *from);
/* For callers built or copied above; leaves *caller empty. */
void sec_caller_free(struct sec_caller *caller);

/* Does the caller hold `sid` for allowing (enabled, not deny-only) or for
 * denying (also deny-only)? */
bool sec_caller_has_sid(const struct sec_identity *list, size_t count, const uint8_t *sid, bool for_deny);
/* BUILTIN\Administrators enabled in the token (not merely deny-only). */
bool sec_caller_is_administrator(const struct sec_caller *caller);

#endif
