#include "security/sec_caller.h"

#include <stdlib.h>
#include <string.h>

void *(*sec_caller_alloc)(size_t size) = malloc;

static struct sec_identity *new_list(size_t count)
{
    if (count > SIZE_MAX / sizeof(struct sec_identity))
        return NULL;
    return sec_caller_alloc(count * sizeof(struct sec_identity));
}

static bool copy_identity(struct sec_identity *to, const struct sec_token_sid *from)
{
    to->attributes = from->attributes;
    return sec_sid_from_bytes(&to->sid, from->bytes, from->available);
}

/* Every entry or none: one SID that is not one fails the list. */
static ntms_err copy_list(const struct sec_token_sid *from, size_t count, struct sec_identity **list)
{
    *list = NULL;
    if (!count)
        return NTMS_OK;
    struct sec_identity *copy = new_list(count);
    if (!copy)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    for (size_t i = 0; i < count; i++) {
        if (!copy_identity(&copy[i], &from[i])) {
            free(copy);
            return NTMS_E_ACCESS_DENIED;
        }
    }
    *list = copy;
    return NTMS_OK;
}

ntms_err sec_caller_build(const struct sec_token *token, struct sec_caller *caller)
{
    struct sec_caller built = { .privileges = token->privileges };

    memset(caller, 0, sizeof(*caller));
    ntms_err status = copy_identity(&built.user, &token->user) ? NTMS_OK : NTMS_E_ACCESS_DENIED;
    if (status == NTMS_OK)
        status = copy_list(token->groups, token->group_count, &built.groups);
    if (status == NTMS_OK)
        status = copy_list(token->restricting, token->restricting_count, &built.restricting);
    if (status != NTMS_OK) {
        sec_caller_free(&built);
        return status;
    }
    built.group_count = token->group_count;
    built.restricting_count = token->restricting_count;
    *caller = built;
    return NTMS_OK;
}

static ntms_err duplicate_list(const struct sec_identity *from, size_t count, struct sec_identity **list)
{
    *list = count ? new_list(count) : NULL;
    if (count && !*list)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    if (count)
        memcpy(*list, from, count * sizeof(*from));
    return NTMS_OK;
}

ntms_err sec_caller_copy(struct sec_caller *to, const struct sec_caller *from)
{
    struct sec_caller copy = *from;

    memset(to, 0, sizeof(*to));
    copy.groups = copy.restricting = NULL;
    ntms_err status = duplicate_list(from->groups, from->group_count, &copy.groups);
    if (status == NTMS_OK)
        status = duplicate_list(from->restricting, from->restricting_count, &copy.restricting);
    if (status != NTMS_OK) {
        sec_caller_free(&copy);
        return status;
    }
    *to = copy;
    return NTMS_OK;
}

void sec_caller_free(struct sec_caller *caller)
{
    free(caller->groups);
    free(caller->restricting);
    memset(caller, 0, sizeof(*caller));
}

bool sec_caller_has_sid(const struct sec_identity *list, size_t count, const uint8_t *sid, bool for_deny)
{
    for (size_t i = 0; i < count; i++) {
        uint32_t a = list[i].attributes;
        bool usable = for_deny ? (a & (SEC_GROUP_ENABLED | SEC_GROUP_USE_FOR_DENY_ONLY)) != 0
                               : (a & SEC_GROUP_ENABLED) && !(a & SEC_GROUP_USE_FOR_DENY_ONLY);
        if (usable && sec_sid_equal(list[i].sid.bytes, sid))
            return true;
    }
    return false;
}

bool sec_caller_is_administrator(const struct sec_caller *caller)
{
    struct sec_sid administrators;

    sec_sid_well_known(SEC_SID_ADMINISTRATORS, &administrators);
    return sec_caller_has_sid(caller->groups, caller->group_count, administrators.bytes, false);
}
