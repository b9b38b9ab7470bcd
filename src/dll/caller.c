/* Who is calling, for every export: the thread's effective token (an
 * impersonated client's, else the process's), read completely.
 *
 * A complete read costs a dozen system calls, and under Wine each is a
 * round trip to wineserver (65-70 us each on the machine of the README's
 * benchmarks). So identities are kept by key: the effective token's
 * TokenId (which token object: locally unique, never reused while the
 * system runs) and ModifiedId (changed by every adjustment of its groups
 * or privileges), read in ONE query through the effective-token pseudo
 * handle (Windows 8 and later; Wine). A key never read before, or a token
 * that changed while it was read, is read again; a read that fails is an
 * error, never a guess. Windows 7 has no such pseudo handle: there the
 * thread's token is opened on every call, and the process token's
 * identity is kept under its ModifiedId. */
#include "caller.h"

#include <string.h>

#include "token_identity.h"

/* GetCurrentThreadEffectiveToken(): not declared for our _WIN32_WINNT. */
#define EFFECTIVE_TOKEN ((HANDLE)(LONG_PTR)-6)

/* A failed read is tried again this many times in all, a moment apart:
 * running out of memory, or a token changed between asking its size and
 * reading it, passes. */
enum { READ_ATTEMPTS = 3, CACHE_SLOTS = 8 };

struct identity_slot {
    LUID              token_id, modified_id;
    struct sec_caller caller;
    BOOL              valid;
    unsigned          last_used;
};

static struct {
    CRITICAL_SECTION     lock;
    struct identity_slot slots[CACHE_SLOTS];
    unsigned             clock;
    HANDLE               process_token;   /* Windows 7 only */
    struct identity_slot process;         /* Windows 7 only: keyed by ModifiedId */
} cache;
static INIT_ONCE cache_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK init_cache(INIT_ONCE *once, void *parameter, void **context)
{
    (void)once; (void)parameter; (void)context;
    InitializeCriticalSection(&cache.lock);
    return TRUE;
}

static BOOL same_luid(LUID a, LUID b)
{
    return a.LowPart == b.LowPart && a.HighPart == b.HighPart;
}

static BOOL slot_matches(const struct identity_slot *slot, const TOKEN_STATISTICS *key)
{
    return slot->valid && same_luid(slot->token_id, key->TokenId) && same_luid(slot->modified_id, key->ModifiedId);
}

static DWORD token_key(HANDLE token, TOKEN_STATISTICS *key)
{
    DWORD size;

    return GetTokenInformation(token, TokenStatistics, key, sizeof(*key), &size) ? ERROR_SUCCESS : GetLastError();
}

/* ---- the cache (under its lock) ---- */

static struct identity_slot *cached(const TOKEN_STATISTICS *key)
{
    for (int i = 0; i < CACHE_SLOTS; i++)
        if (slot_matches(&cache.slots[i], key))
            return &cache.slots[i];
    return NULL;
}

static struct identity_slot *least_recently_used(void)
{
    struct identity_slot *oldest = &cache.slots[0];

    for (int i = 1; i < CACHE_SLOTS; i++)
        if (!cache.slots[i].valid || cache.slots[i].last_used < oldest->last_used)
            oldest = &cache.slots[i];
    return oldest;
}

static void keep(const TOKEN_STATISTICS *key, const struct sec_caller *caller)
{
    struct identity_slot *slot = least_recently_used();

    sec_caller_free(&slot->caller);
    slot->valid = sec_caller_copy(&slot->caller, caller) == NTMS_OK;
    slot->token_id = key->TokenId;
    slot->modified_id = key->ModifiedId;
    slot->last_used = ++cache.clock;
}

static DWORD copy_cached(const TOKEN_STATISTICS *key, struct sec_caller *caller, BOOL *found)
{
    EnterCriticalSection(&cache.lock);
    struct identity_slot *slot = cached(key);
    DWORD status = ERROR_SUCCESS;
    *found = slot != NULL;
    if (slot) {
        slot->last_used = ++cache.clock;
        status = sec_caller_copy(caller, &slot->caller) == NTMS_OK ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
    }
    LeaveCriticalSection(&cache.lock);
    return status;
}

/* ---- Windows 8 and later, and Wine: one query per call ---- */

/* The effective token read whole, kept when its key held still meanwhile. */
static DWORD read_effective(const TOKEN_STATISTICS *key, struct sec_caller *caller)
{
    TOKEN_STATISTICS after;
    DWORD status = token_identity_read(EFFECTIVE_TOKEN, caller);

    if (status == ERROR_SUCCESS && token_key(EFFECTIVE_TOKEN, &after) == ERROR_SUCCESS
        && same_luid(after.TokenId, key->TokenId) && same_luid(after.ModifiedId, key->ModifiedId)) {
        EnterCriticalSection(&cache.lock);
        keep(key, caller);
        LeaveCriticalSection(&cache.lock);
    }
    return status;
}

static DWORD identity_by_key(const TOKEN_STATISTICS *key, struct sec_caller *caller)
{
    BOOL found;
    DWORD status = copy_cached(key, caller, &found);

    return found ? status : read_effective(key, caller);
}

/* ---- Windows 7: the thread token opened each time ---- */

static DWORD process_identity(struct sec_caller *caller)
{
    TOKEN_STATISTICS key;
    DWORD status = ERROR_SUCCESS;

    EnterCriticalSection(&cache.lock);
    if (!cache.process_token && !OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &cache.process_token)) {
        cache.process_token = NULL;
        status = token_read_failure(GetLastError());
    }
    if (status == ERROR_SUCCESS && (status = token_key(cache.process_token, &key)) != ERROR_SUCCESS)
        status = token_read_failure(status);
    if (status == ERROR_SUCCESS && !slot_matches(&cache.process, &key)) {
        sec_caller_free(&cache.process.caller);
        cache.process.valid = FALSE;
        if ((status = token_identity_read(cache.process_token, &cache.process.caller)) == ERROR_SUCCESS) {
            cache.process.token_id = key.TokenId;
            cache.process.modified_id = key.ModifiedId;
            cache.process.valid = TRUE;
        }
    }
    if (status == ERROR_SUCCESS && sec_caller_copy(caller, &cache.process.caller) != NTMS_OK)
        status = ERROR_NOT_ENOUGH_MEMORY;
    LeaveCriticalSection(&cache.lock);
    return status;
}

static DWORD opened_thread_identity(struct sec_caller *caller)
{
    HANDLE token;

    if (OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token)) {
        DWORD status = token_identity_read(token, caller);   /* impersonating: this call's client */
        CloseHandle(token);
        return status;
    }
    DWORD error = GetLastError();
    return error == ERROR_NO_TOKEN ? process_identity(caller) : token_read_failure(error);
}

/* ---- every call ---- */

static DWORD read_caller_once(struct sec_caller *caller)
{
    TOKEN_STATISTICS key;
    DWORD error = token_key(EFFECTIVE_TOKEN, &key);

    if (error == ERROR_SUCCESS)
        return identity_by_key(&key, caller);
    if (error == ERROR_INVALID_HANDLE)
        return opened_thread_identity(caller);   /* no effective-token pseudo handle: Windows 7 */
    return token_read_failure(error);
}

DWORD caller_read(struct sec_caller *caller)
{
    DWORD status = ERROR_SUCCESS;

    InitOnceExecuteOnce(&cache_once, init_cache, NULL, NULL);
    memset(caller, 0, sizeof(*caller));
    for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
        if (attempt)
            Sleep(attempt);
        status = read_caller_once(caller);
        if (status == ERROR_SUCCESS)
            break;
        sec_caller_free(caller);
    }
    return status;
}
