/* What every exported function has in common.
 *
 * Exports validate in a fixed order: the session handle first
 * (ERROR_INVALID_HANDLE), then pointers and enumerations
 * (ERROR_INVALID_PARAMETER), then the work. Every DWORD-returning export
 * also leaves its result in the thread's last error, which is what
 * applications that call GetLastError() after an RSM call expect. */
#ifndef NTMSAPI_DLL_SHIM_H
#define NTMSAPI_DLL_SHIM_H

#include <windows.h>
#include <ntmsapi.h>

#include "engine/core/session.h"
#include "trace.h"

static inline DWORD shim_result(DWORD code)
{
    SetLastError(code);
    return code;
}

#define REQUIRE_SESSION(session) \
    do { if (!shim_session_is_open(session)) return shim_result(ERROR_INVALID_HANDLE); } while (0)
#define REQUIRE_PARAMETER(condition) \
    do { if (!(condition)) return shim_result(ERROR_INVALID_PARAMETER); } while (0)

/* A dwType that names a kind of RSM object (not NTMS_UNKNOWN). */
static inline BOOL shim_is_object_type(DWORD type)
{
    return type > NTMS_UNKNOWN && type < NTMS_NUMBER_OF_OBJECT_TYPES;
}

/* TRUE when hSession is an open session of this process. */
BOOL shim_session_is_open(HANDLE session);

/* The end of every export that is not implemented yet: it has validated
 * what it could, and now says so instead of pretending to succeed. The
 * README support table lists these functions as "not yet"
 * (tests/exports/check_support_table.sh keeps the two in agreement). */
DWORD shim_not_yet(const char *function);

/* UTF-16 <-> UTF-8 and ANSI -> UTF-16 conversions for the A/W pairs.
 * The results are heap strings (free() them); NULL in gives NULL out. */
char *shim_utf8_from_wide(const WCHAR *text);
WCHAR *shim_wide_from_ansi(const char *text);

/* A caller's security descriptor, absolute or self-relative, as a heap
 * copy in the self-relative form RSM stores (free() it; freeable also
 * when this fails). */
DWORD shim_self_relative_copy(PSECURITY_DESCRIPTOR given, BYTE **copy, DWORD *length);

#endif
