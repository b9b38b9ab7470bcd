#include "platform/plat_wakeup.h"

#include <windows.h>
#include <stdio.h>

static LONG probed_scope;   /* 0: not found yet */

/* Everyone may wait on and set the events (a waiter may be a service and
 * the committer a user, or the other way round); nobody else gets more. */
static SECURITY_ATTRIBUTES *event_security(void)
{
    static SECURITY_ATTRIBUTES attributes;
    static SECURITY_DESCRIPTOR descriptor;
    static BYTE acl_bytes[128], sid_bytes[SECURITY_MAX_SID_SIZE];
    static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
    BOOL pending;

    if (!InitOnceBeginInitialize(&once, 0, &pending, NULL))
        return NULL;
    if (pending) {
        DWORD sid_length = sizeof(sid_bytes);
        PACL acl = (PACL)acl_bytes;
        BOOL made = CreateWellKnownSid(WinWorldSid, NULL, sid_bytes, &sid_length)
                 && InitializeAcl(acl, sizeof(acl_bytes), ACL_REVISION)
                 && AddAccessAllowedAce(acl, ACL_REVISION, SYNCHRONIZE | EVENT_MODIFY_STATE, sid_bytes)
                 && InitializeSecurityDescriptor(&descriptor, SECURITY_DESCRIPTOR_REVISION)
                 && SetSecurityDescriptorDacl(&descriptor, TRUE, acl, FALSE);
        attributes = (SECURITY_ATTRIBUTES){ sizeof(attributes), made ? &descriptor : NULL, FALSE };
        InitOnceComplete(&once, 0, NULL);
    }
    return &attributes;
}

static void event_name(char *out, size_t capacity, unsigned scope, const char *name, uint32_t value)
{
    snprintf(out, capacity, "%s\\%s-%08lx", scope == PLAT_WAKEUP_GLOBAL ? "Global" : "Local", name,
             (unsigned long)value);
}

/* Global\ needs SeCreateGlobalPrivilege to create an object in it. */
unsigned plat_wakeup_scope(void)
{
    char name[PLAT_WAKEUP_NAME_MAX + 32];
    LONG scope = InterlockedCompareExchange(&probed_scope, 0, 0);

    if (scope)
        return (unsigned)scope;
    event_name(name, sizeof(name), PLAT_WAKEUP_GLOBAL, "ntmsapi-scope-probe", GetCurrentProcessId());
    HANDLE probe = CreateEventA(event_security(), TRUE, FALSE, name);
    scope = probe ? PLAT_WAKEUP_GLOBAL : PLAT_WAKEUP_LOCAL;
    if (probe)
        CloseHandle(probe);
    InterlockedExchange(&probed_scope, scope);
    return (unsigned)scope;
}

bool plat_wakeup_wait(const char *name, const uint32_t *counter, uint32_t seen, uint32_t timeout_ms)
{
    char full[PLAT_WAKEUP_NAME_MAX + 32];

    event_name(full, sizeof(full), plat_wakeup_scope(), name, seen);
    /* Only SYNCHRONIZE: CreateEventA would ask for all access when another
     * waiter made the event first, which its DACL denies. */
    HANDLE event = CreateEventExA(event_security(), full, CREATE_EVENT_MANUAL_RESET, SYNCHRONIZE);
    if (!event) {
        Sleep(timeout_ms < 10 ? timeout_ms : 10);   /* cannot wait for a wake-up: look again soon */
        return false;
    }
    bool woken = true;
    if (__atomic_load_n(counter, __ATOMIC_SEQ_CST) == seen)
        woken = WaitForSingleObject(event, timeout_ms) == WAIT_OBJECT_0;
    CloseHandle(event);
    return woken;
}

void plat_wakeup_all(const char *name, uint32_t *counter, uint32_t was, unsigned scopes)
{
    char full[PLAT_WAKEUP_NAME_MAX + 32];

    (void)counter;
    for (unsigned scope = PLAT_WAKEUP_GLOBAL; scope <= PLAT_WAKEUP_LOCAL; scope <<= 1) {
        if (!(scopes & scope))
            continue;
        event_name(full, sizeof(full), scope, name, was);
        HANDLE event = OpenEventA(EVENT_MODIFY_STATE, FALSE, full);
        if (event) {
            SetEvent(event);
            CloseHandle(event);
        }
    }
}
