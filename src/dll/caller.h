/* The identity behind a call: the calling thread's token (an impersonated
 * client's when the thread impersonates), else the process token, read
 * into the portable form the engine checks descriptors against. */
#ifndef NTMSAPI_DLL_CALLER_H
#define NTMSAPI_DLL_CALLER_H

#include <windows.h>

#include "security/sec_caller.h"

/* ERROR_ACCESS_DENIED when the token cannot be read: no identity, no access. */
DWORD caller_read(struct sec_caller *caller);
void caller_free(struct sec_caller *caller);

#endif
