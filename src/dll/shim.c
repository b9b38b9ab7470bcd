#include "shim.h"

#include <stdlib.h>
#include <string.h>

BOOL shim_session_is_open(HANDLE session)
{
    struct ntms_session *open = session_acquire((uintptr_t)session);

    session_release(open);
    return open != NULL;
}

DWORD shim_not_yet(const char *function)
{
    FIXME("%s is not implemented yet", function);
    return shim_result(ERROR_CALL_NOT_IMPLEMENTED);
}

char *shim_utf8_from_wide(const WCHAR *text)
{
    if (!text)
        return NULL;
    int bytes = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
    char *utf8 = bytes > 0 ? malloc((size_t)bytes) : NULL;
    if (utf8 && !WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, bytes, NULL, NULL)) {
        free(utf8);
        utf8 = NULL;
    }
    return utf8;
}

WCHAR *shim_wide_from_ansi(const char *text)
{
    if (!text)
        return NULL;
    int chars = MultiByteToWideChar(CP_ACP, 0, text, -1, NULL, 0);
    WCHAR *wide = chars > 0 ? malloc((size_t)chars * sizeof(WCHAR)) : NULL;
    if (wide && !MultiByteToWideChar(CP_ACP, 0, text, -1, wide, chars)) {
        free(wide);
        wide = NULL;
    }
    return wide;
}

/* Windows checks the caller's descriptor before we copy it. */
DWORD shim_self_relative_copy(PSECURITY_DESCRIPTOR given, BYTE **copy, DWORD *length)
{
    SECURITY_DESCRIPTOR_CONTROL control;
    DWORD revision;

    *copy = NULL;
    if (!IsValidSecurityDescriptor(given) || !GetSecurityDescriptorControl(given, &control, &revision))
        return ERROR_INVALID_PARAMETER;
    *length = 0;
    if (control & SE_SELF_RELATIVE)
        *length = GetSecurityDescriptorLength(given);
    else
        MakeSelfRelativeSD(given, NULL, length);
    *copy = *length ? malloc(*length) : NULL;
    if (!*copy)
        return *length ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER;
    if (control & SE_SELF_RELATIVE)
        memcpy(*copy, given, *length);
    else if (!MakeSelfRelativeSD(given, *copy, length))
        return ERROR_INVALID_PARAMETER;
    return ERROR_SUCCESS;
}
