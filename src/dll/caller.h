/* The identity behind a call: the calling thread's token (an impersonated
 * client's when the thread impersonates), else the process token, read
 * into the portable form the engine checks descriptors against. */
#ifndef NTMSAPI_DLL_CALLER_H
#define NTMSAPI_DLL_CALLER_H

#include <windows.h>

#include "security/sec_caller.h"

/* The whole identity, or an error and an empty *caller: a token that
 * cannot be read completely, after a few tries, is ERROR_NOT_ENOUGH_MEMORY
 * when memory ran out and ERROR_ACCESS_DENIED otherwise. Free with
 * sec_caller_free(). */
DWORD caller_read(struct sec_caller *caller);

#endif
