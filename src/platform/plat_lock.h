/* In-process mutex that needs no run-time initialisation, so a static one is
 * usable from the first export call without DllMain doing any work. */
#ifndef NTMSAPI_PLATFORM_PLAT_LOCK_H
#define NTMSAPI_PLATFORM_PLAT_LOCK_H

#if defined(_WIN32)
typedef struct { void *srw; } plat_mutex;   /* layout of an SRWLOCK */
#define PLAT_MUTEX_INIT { 0 }
#else
#include <pthread.h>
typedef struct { pthread_mutex_t m; } plat_mutex;
#define PLAT_MUTEX_INIT { PTHREAD_MUTEX_INITIALIZER }
#endif

void plat_mutex_lock(plat_mutex *mutex);
void plat_mutex_unlock(plat_mutex *mutex);

#endif
