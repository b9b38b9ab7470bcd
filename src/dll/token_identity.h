/* Reading a token into the portable identity (security/sec_caller.h). */
#ifndef NTMSAPI_DLL_TOKEN_IDENTITY_H
#define NTMSAPI_DLL_TOKEN_IDENTITY_H

#include <windows.h>

#include "security/sec_caller.h"

/* The whole identity, or an error and an empty *caller (a token not read
 * completely never grants anything). */
DWORD token_identity_read(HANDLE token, struct sec_caller *caller);
/* How a failed read is answered: memory as such, anything else as denied. */
DWORD token_read_failure(DWORD error);

#endif
