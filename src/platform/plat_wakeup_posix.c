#include "platform/plat_wakeup.h"

#include <errno.h>
#include <limits.h>
#include <time.h>

#if defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

unsigned plat_wakeup_scope(void)
{
    return PLAT_WAKEUP_GLOBAL;   /* one namespace: the futex is the counter itself */
}

#if defined(__linux__)

/* Not FUTEX_PRIVATE: the counter is shared between processes. */
bool plat_wakeup_wait(const char *name, const uint32_t *counter, uint32_t seen, uint32_t timeout_ms)
{
    struct timespec timeout = { timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L };

    (void)name;
    long result = syscall(SYS_futex, counter, FUTEX_WAIT, seen, timeout_ms == PLAT_WAIT_FOREVER ? NULL : &timeout,
                          NULL, 0);
    return result == 0 || errno != ETIMEDOUT;
}

void plat_wakeup_all(const char *name, uint32_t *counter, uint32_t was, unsigned scopes)
{
    (void)name, (void)was, (void)scopes;
    syscall(SYS_futex, counter, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

#else

/* Elsewhere: look at the counter every few milliseconds. */
bool plat_wakeup_wait(const char *name, const uint32_t *counter, uint32_t seen, uint32_t timeout_ms)
{
    struct timespec step = { 0, 5 * 1000000L };

    (void)name;
    for (uint32_t waited = 0; waited < timeout_ms; waited += 5) {
        if (__atomic_load_n(counter, __ATOMIC_SEQ_CST) != seen)
            return true;
        nanosleep(&step, NULL);
    }
    return false;
}

void plat_wakeup_all(const char *name, uint32_t *counter, uint32_t was, unsigned scopes)
{
    (void)name, (void)counter, (void)was, (void)scopes;
}

#endif
