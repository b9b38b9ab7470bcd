#include "platform/plat_lock.h"

#include <windows.h>

_Static_assert(sizeof(plat_mutex) == sizeof(SRWLOCK), "plat_mutex must overlay an SRWLOCK");

void plat_mutex_lock(plat_mutex *mutex)
{
    AcquireSRWLockExclusive((PSRWLOCK)mutex);
}

void plat_mutex_unlock(plat_mutex *mutex)
{
    ReleaseSRWLockExclusive((PSRWLOCK)mutex);
}
