/* A background thread that nobody joins: it ends on its own, or with the
 * process. */
#ifndef NTMSAPI_PLATFORM_PLAT_THREAD_H
#define NTMSAPI_PLATFORM_PLAT_THREAD_H

#include "common/ntms_error.h"

/* Starts run(argument). On Windows the DLL is pinned first: the thread
 * runs its code, so an application's FreeLibrary must not unmap it. */
ntms_err plat_thread_start(void (*run)(void *argument), void *argument);

#endif
