/* A token read completely into the portable identity the engine checks
 * descriptors against: user, groups (with their attributes), restricting
 * SIDs and the privileges that matter to RSM's checks. */
#include "token_identity.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Memory is reported as such; any other failure leaves the caller unknown. */
DWORD token_read_failure(DWORD error)
{
    return error == ERROR_NOT_ENOUGH_MEMORY || error == ERROR_OUTOFMEMORY ? ERROR_NOT_ENOUGH_MEMORY
                                                                          : ERROR_ACCESS_DENIED;
}

/* One kind of token information, in a heap buffer of the size it asked for. */
struct token_buffer {
    void *data;
    DWORD size;
};

/* ERROR_SUCCESS, or the error as the system reported it. */
static DWORD token_information(HANDLE token, TOKEN_INFORMATION_CLASS kind, struct token_buffer *buffer)
{
    buffer->data = NULL;
    buffer->size = 0;
    if (GetTokenInformation(token, kind, NULL, 0, &buffer->size))
        return ERROR_ACCESS_DENIED;   /* no information at all is no answer */
    if (GetLastError() != ERROR_INSUFFICIENT_BUFFER)
        return GetLastError();
    if (!buffer->size)
        return ERROR_ACCESS_DENIED;
    buffer->data = malloc(buffer->size);
    if (!buffer->data)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (!GetTokenInformation(token, kind, buffer->data, buffer->size, &buffer->size)) {
        DWORD error = GetLastError();
        free(buffer->data);
        buffer->data = NULL;
        return error;
    }
    return ERROR_SUCCESS;
}

/* The buffer holds the SIDs its lists point to: the bytes from the SID to
 * the buffer's end are all a SID may use (none when it points elsewhere). */
static struct sec_token_sid token_sid(const SID_AND_ATTRIBUTES *entry, const struct token_buffer *buffer)
{
    uintptr_t start = (uintptr_t)buffer->data, end = start + buffer->size, sid = (uintptr_t)entry->Sid;
    size_t available = sid >= start && sid < end ? (size_t)(end - sid) : 0;

    return (struct sec_token_sid){ entry->Sid, available, entry->Attributes };
}

static DWORD user_sid(const struct token_buffer *buffer, struct sec_token_sid *user)
{
    if (buffer->size < sizeof(TOKEN_USER))
        return ERROR_ACCESS_DENIED;
    *user = token_sid(&((const TOKEN_USER *)buffer->data)->User, buffer);
    return ERROR_SUCCESS;
}

/* A TOKEN_GROUPS as the portable builder takes it. */
static DWORD token_sids(const struct token_buffer *buffer, struct sec_token_sid **list, size_t *count)
{
    const TOKEN_GROUPS *groups = buffer->data;
    size_t header = offsetof(TOKEN_GROUPS, Groups);

    *list = NULL;
    *count = 0;
    if (buffer->size < header || groups->GroupCount > (buffer->size - header) / sizeof(SID_AND_ATTRIBUTES))
        return ERROR_ACCESS_DENIED;
    if (!groups->GroupCount)
        return ERROR_SUCCESS;
    *list = malloc(groups->GroupCount * sizeof(**list));
    if (!*list)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (DWORD i = 0; i < groups->GroupCount; i++)
        (*list)[i] = token_sid(&groups->Groups[i], buffer);
    *count = groups->GroupCount;
    return ERROR_SUCCESS;
}

static DWORD privilege_flags(const struct token_buffer *buffer, uint32_t *flags)
{
    static const struct { const WCHAR *name; uint32_t flag; } known[] = {
        { L"SeSecurityPrivilege", SEC_PRIVILEGE_SECURITY },
        { L"SeTakeOwnershipPrivilege", SEC_PRIVILEGE_TAKE_OWNERSHIP },
    };
    const TOKEN_PRIVILEGES *privileges = buffer->data;
    size_t header = offsetof(TOKEN_PRIVILEGES, Privileges);

    *flags = 0;
    if (buffer->size < header
        || privileges->PrivilegeCount > (buffer->size - header) / sizeof(LUID_AND_ATTRIBUTES))
        return ERROR_ACCESS_DENIED;
    for (size_t k = 0; k < ARRAYSIZE(known); k++) {
        LUID luid;
        if (!LookupPrivilegeValueW(NULL, known[k].name, &luid))
            return token_read_failure(GetLastError());
        for (DWORD i = 0; i < privileges->PrivilegeCount; i++) {
            const LUID_AND_ATTRIBUTES *p = &privileges->Privileges[i];
            if (p->Luid.LowPart == luid.LowPart && p->Luid.HighPart == luid.HighPart
                && (p->Attributes & SE_PRIVILEGE_ENABLED))
                *flags |= known[k].flag;
        }
    }
    return ERROR_SUCCESS;
}

enum { USER, GROUPS, RESTRICTING, PRIVILEGES, TOKEN_KINDS };

/* Wine knows no restricting SIDs: it answers TokenRestrictedSids with
 * STATUS_NOT_IMPLEMENTED and its CreateRestrictedToken ignores them, so
 * its tokens have none to miss. Any other failure of the class fails the
 * read, as for every other class. */
static BOOL has_no_restricting_sids(int kind, DWORD error)
{
    return kind == RESTRICTING && error == ERROR_INVALID_FUNCTION;
}

static DWORD read_buffers(HANDLE token, struct token_buffer buffers[TOKEN_KINDS])
{
    static const TOKEN_INFORMATION_CLASS kinds[TOKEN_KINDS] = {
        [USER] = TokenUser, [GROUPS] = TokenGroups, [RESTRICTING] = TokenRestrictedSids,
        [PRIVILEGES] = TokenPrivileges,
    };

    for (int k = 0; k < TOKEN_KINDS; k++) {
        DWORD error = token_information(token, kinds[k], &buffers[k]);
        if (error != ERROR_SUCCESS && !has_no_restricting_sids(k, error))
            return token_read_failure(error);
    }
    return ERROR_SUCCESS;
}

/* The whole identity or an error: a caller not read completely never gets access. */
DWORD token_identity_read(HANDLE token, struct sec_caller *caller)
{
    struct token_buffer buffers[TOKEN_KINDS] = { { 0 } };
    struct sec_token_sid *groups = NULL, *restricting = NULL;
    struct sec_token raw = { 0 };

    memset(caller, 0, sizeof(*caller));
    DWORD status = read_buffers(token, buffers);
    if (status == ERROR_SUCCESS)
        status = user_sid(&buffers[USER], &raw.user);
    if (status == ERROR_SUCCESS)
        status = token_sids(&buffers[GROUPS], &groups, &raw.group_count);
    if (status == ERROR_SUCCESS && buffers[RESTRICTING].data)
        status = token_sids(&buffers[RESTRICTING], &restricting, &raw.restricting_count);
    if (status == ERROR_SUCCESS)
        status = privilege_flags(&buffers[PRIVILEGES], &raw.privileges);
    raw.groups = groups;
    raw.restricting = restricting;
    if (status == ERROR_SUCCESS)
        status = sec_caller_build(&raw, caller);
    free(groups);
    free(restricting);
    for (int k = 0; k < TOKEN_KINDS; k++)
        free(buffers[k].data);
    return status;
}

