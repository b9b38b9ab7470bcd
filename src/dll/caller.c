#include "caller.h"

#include <stdlib.h>
#include <string.h>

/* GetTokenInformation into a heap buffer of the size it asks for. */
static void *token_information(HANDLE token, TOKEN_INFORMATION_CLASS kind)
{
    DWORD size = 0;

    GetTokenInformation(token, kind, NULL, 0, &size);
    void *data = size ? malloc(size) : NULL;
    if (data && !GetTokenInformation(token, kind, data, size, &size)) {
        free(data);
        data = NULL;
    }
    return data;
}

static BOOL copy_identity(struct sec_identity *to, const SID_AND_ATTRIBUTES *from)
{
    to->attributes = from->Attributes;
    return sec_sid_from_bytes(&to->sid, from->Sid, GetLengthSid(from->Sid));
}

/* The groups that have a well-formed SID; others cannot match any ACE. */
static size_t copy_groups(const TOKEN_GROUPS *groups, struct sec_identity **list)
{
    size_t count = 0;

    *list = groups && groups->GroupCount ? calloc(groups->GroupCount, sizeof(**list)) : NULL;
    for (DWORD i = 0; *list && i < groups->GroupCount; i++)
        if (copy_identity(&(*list)[count], &groups->Groups[i]))
            count++;
    return count;
}

static BOOL privilege_enabled(const TOKEN_PRIVILEGES *privileges, const WCHAR *name)
{
    LUID luid;

    if (!privileges || !LookupPrivilegeValueW(NULL, name, &luid))
        return FALSE;
    for (DWORD i = 0; i < privileges->PrivilegeCount; i++) {
        const LUID_AND_ATTRIBUTES *p = &privileges->Privileges[i];
        if (p->Luid.LowPart == luid.LowPart && p->Luid.HighPart == luid.HighPart)
            return (p->Attributes & SE_PRIVILEGE_ENABLED) != 0;
    }
    return FALSE;
}

static DWORD read_token(HANDLE token, struct sec_caller *caller)
{
    TOKEN_USER *user = token_information(token, TokenUser);
    TOKEN_GROUPS *groups = token_information(token, TokenGroups);
    TOKEN_GROUPS *restricting = token_information(token, TokenRestrictedSids);
    TOKEN_PRIVILEGES *privileges = token_information(token, TokenPrivileges);
    DWORD status = user && groups && copy_identity(&caller->user, &user->User) ? ERROR_SUCCESS : ERROR_ACCESS_DENIED;

    if (status == ERROR_SUCCESS) {
        caller->group_count = copy_groups(groups, &caller->groups);
        caller->restricting_count = copy_groups(restricting, &caller->restricting);
        if (privilege_enabled(privileges, L"SeSecurityPrivilege"))
            caller->privileges |= SEC_PRIVILEGE_SECURITY;
        if (privilege_enabled(privileges, L"SeTakeOwnershipPrivilege"))
            caller->privileges |= SEC_PRIVILEGE_TAKE_OWNERSHIP;
    }
    free(user);
    free(groups);
    free(restricting);
    free(privileges);
    return status;
}

static BOOL copy_caller(struct sec_caller *to, const struct sec_caller *from)
{
    *to = *from;
    to->groups = from->group_count ? malloc(from->group_count * sizeof(*to->groups)) : NULL;
    to->restricting = from->restricting_count ? malloc(from->restricting_count * sizeof(*to->restricting)) : NULL;
    if ((from->group_count && !to->groups) || (from->restricting_count && !to->restricting)) {
        caller_free(to);
        return FALSE;
    }
    if (from->group_count)
        memcpy(to->groups, from->groups, from->group_count * sizeof(*to->groups));
    if (from->restricting_count)
        memcpy(to->restricting, from->restricting, from->restricting_count * sizeof(*to->restricting));
    return TRUE;
}

/* The process token's identity, read once and again only when the token
 * says it was modified (groups or privileges adjusted): most calls come
 * from threads that do not impersonate, and a token read costs several
 * round trips to the kernel (or wineserver). */
static struct {
    CRITICAL_SECTION  lock;
    HANDLE            token;
    LUID              modified;
    struct sec_caller caller;
    BOOL              valid;
} process_identity;
static INIT_ONCE process_identity_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK init_process_identity(INIT_ONCE *once, void *parameter, void **context)
{
    (void)once; (void)parameter; (void)context;
    InitializeCriticalSection(&process_identity.lock);
    return TRUE;
}

static DWORD read_process_identity(struct sec_caller *caller)
{
    TOKEN_STATISTICS statistics;
    DWORD size, status = ERROR_ACCESS_DENIED;

    InitOnceExecuteOnce(&process_identity_once, init_process_identity, NULL, NULL);
    EnterCriticalSection(&process_identity.lock);
    if (process_identity.token || OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &process_identity.token)) {
        BOOL current = GetTokenInformation(process_identity.token, TokenStatistics, &statistics, sizeof(statistics),
                                           &size)
                    && process_identity.valid
                    && statistics.ModifiedId.LowPart == process_identity.modified.LowPart
                    && statistics.ModifiedId.HighPart == process_identity.modified.HighPart;
        if (!current) {
            caller_free(&process_identity.caller);
            process_identity.valid = read_token(process_identity.token, &process_identity.caller) == ERROR_SUCCESS;
            process_identity.modified = statistics.ModifiedId;
        }
        if (process_identity.valid && copy_caller(caller, &process_identity.caller))
            status = ERROR_SUCCESS;
    }
    LeaveCriticalSection(&process_identity.lock);
    return status;
}

DWORD caller_read(struct sec_caller *caller)
{
    HANDLE token;

    memset(caller, 0, sizeof(*caller));
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token))
        return GetLastError() == ERROR_NO_TOKEN ? read_process_identity(caller) : ERROR_ACCESS_DENIED;
    DWORD status = read_token(token, caller);   /* impersonating: this call's client */
    CloseHandle(token);
    return status;
}

void caller_free(struct sec_caller *caller)
{
    free(caller->groups);
    free(caller->restricting);
    memset(caller, 0, sizeof(*caller));
}
