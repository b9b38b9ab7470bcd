#include "operator_display.h"

#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "engine/core/rsm_values.h"
#include "shim.h"

#define EVENT_OPERATOR_REQUEST 100   /* ours: RSM's event ids were never published */

/* "" names the local computer, as do its NetBIOS and DNS names. */
static bool names_this_computer(const WCHAR *name)
{
    WCHAR own[MAX_COMPUTERNAME_LENGTH + 256];
    DWORD size = ARRAYSIZE(own);

    if (!name[0] || !lstrcmpiW(name, L"localhost") || !lstrcmpiW(name, L"."))
        return true;
    if (GetComputerNameW(own, &size) && !lstrcmpiW(name, own))
        return true;
    size = ARRAYSIZE(own);
    return GetComputerNameExW(ComputerNameDnsFullyQualified, own, &size) && !lstrcmpiW(name, own);
}

static bool shown_here(const wchar16 *destinations, size_t length)
{
    for (size_t at = 0; at < length;) {
        const WCHAR *name = (const WCHAR *)destinations + at;
        size_t n = wcsnlen(name, length - at);
        if (n < length - at && names_this_computer(name))
            return true;
        if (n < length - at)
            TRACE("operator requests for %ls are not sent there (no service)", name);
        at += n + 1;
    }
    return false;
}

static const WCHAR *kind_of(uint32_t request)
{
    switch (request) {
    case RSM_OPREQ_NEWMEDIA:      return L"new media";
    case RSM_OPREQ_CLEANER:       return L"cleaner";
    case RSM_OPREQ_DEVICESERVICE: return L"device service";
    case RSM_OPREQ_MOVEMEDIA:     return L"move media";
    default:                      return L"message";
    }
}

static void describe(const struct rsm_object *request, WCHAR *text, size_t capacity)
{
    const struct rsm_op_request *r = &request->info.op_request;
    char id[NTMS_GUID_STRING_LENGTH];
    WCHAR message[RSM_MESSAGE_LENGTH + 1];

    ntms_guid_format(&request->id, id);
    memcpy(message, r->message, sizeof(r->message));
    message[RSM_MESSAGE_LENGTH] = 0;
    swprintf(text, capacity, L"Removable Storage operator request (%ls) %hs from %ls: %ls", kind_of(r->request), id,
             r->application[0] ? (const WCHAR *)r->application : L"Removable Storage", message);
}

static bool to_event_log(const struct rsm_object *request, const WCHAR *text)
{
    HANDLE source = RegisterEventSourceW(NULL, L"NTMS");
    WORD type = request->info.op_request.request == RSM_OPREQ_MESSAGE ? EVENTLOG_INFORMATION_TYPE
                                                                      : EVENTLOG_WARNING_TYPE;
    LPCWSTR strings[1] = { text };

    if (!source)
        return false;
    BOOL written = ReportEventW(source, type, 0, EVENT_OPERATOR_REQUEST, NULL, 1, 0, strings, NULL);
    DeregisterEventSource(source);
    return written;
}

static bool under_wine(void)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");

    return ntdll && GetProcAddress(ntdll, "wine_get_version");
}

static bool to_stderr(const WCHAR *text)
{
    char *utf8 = shim_utf8_from_wide(text);

    if (!utf8)
        return false;
    fprintf(stderr, "ntmsapi: %s\n", utf8);
    fflush(stderr);
    free(utf8);
    return true;
}

bool operator_display_show(const struct rsm_object *request, const wchar16 *destinations, size_t length)
{
    WCHAR text[1024];

    if (!shown_here(destinations, length))
        return false;
    describe(request, text, ARRAYSIZE(text));
    bool shown = to_event_log(request, text);
    if (under_wine())
        shown = to_stderr(text) || shown;
    return shown;
}
