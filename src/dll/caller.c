#include "caller.h"

#include <stdlib.h>
#include <string.h>

static HANDLE open_token(void)
{
    HANDLE token;

    if (OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token))
        return token;
    if (GetLastError() == ERROR_NO_TOKEN && OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return token;
    return NULL;
}

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

DWORD caller_read(struct sec_caller *caller)
{
    HANDLE token = open_token();

    memset(caller, 0, sizeof(*caller));
    if (!token)
        return ERROR_ACCESS_DENIED;
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
    CloseHandle(token);
    return status;
}

void caller_free(struct sec_caller *caller)
{
    free(caller->groups);
    free(caller->restricting);
    memset(caller, 0, sizeof(*caller));
}
