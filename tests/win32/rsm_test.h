/* What the Win32 test programs share: one session and the usual checks. */
#ifndef NTMSAPI_TESTS_RSM_TEST_H
#define NTMSAPI_TESTS_RSM_TEST_H

#include <windows.h>
#include <ntmsapi.h>
#include <string.h>

#include "wintest.h"

static HANDLE session;

static void expect(DWORD got, DWORD wanted, const char *what)
{
    ok(got == wanted, "%s: got %lu, expected %lu\n", what, got, wanted);
}

/* GetNtmsObjectInformationW with dwSize and dwType set, as callers must. */
static BOOL information(const NTMS_GUID *id, DWORD type, NTMS_OBJECTINFORMATIONW *info)
{
    memset(info, 0, sizeof(*info));
    info->dwSize = sizeof(*info);
    info->dwType = type;
    return GetNtmsObjectInformationW(session, (LPNTMS_GUID)id, info) == ERROR_SUCCESS;
}

/* The media type RSM names so ("LTO-6", "DLT" ...); all zeros when none. */
static inline NTMS_GUID media_type_named(const WCHAR *name)
{
    NTMS_GUID types[64] = { { 0 } }, none = { 0 };
    DWORD count = ARRAYSIZE(types);
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, NULL, types, &count, NTMS_MEDIA_TYPE, 0);
    for (DWORD i = 0; i < count; i++)
        if (information(&types[i], NTMS_MEDIA_TYPE, &info) && !wcscmp(info.szName, name))
            return types[i];
    return none;
}

#endif
