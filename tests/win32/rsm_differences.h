/* Where ntmsapi knowingly answers otherwise than RSM (Windows Server 2003's
 * ntmsapi.dll and its service), in one place. The test programs run
 * unchanged against either DLL: a test that meets one of these differences
 * asks this header what to expect, and sets NTMSAPI_* variables only
 * through it. Which DLL the process loaded, its version resource tells
 * (src/dll/version.rc names the project as the company). */
#ifndef NTMSAPI_TESTS_RSM_DIFFERENCES_H
#define NTMSAPI_TESTS_RSM_DIFFERENCES_H

#include <windows.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum rsm_difference {
    IDENTIFY_GIVES_UP_ON_BUSY_DRIVES,
    IDENTIFY_OPTION_0_AS_IMMEDIATE,
    SYNCHRONOUS_INVENTORY,
    SYNCHRONOUS_DISMOUNT,
    IMPORT_AT_ONCE,
    EXPORTS_NOT_IMPLEMENTED_YET,
    DEFERRED_DISMOUNT_BY_A_PROCESS,
    NTMSAPI_FREE_LABEL,
    LABELS_WITHOUT_A_LABEL_LIBRARY,
    NOTIFICATION_TYPES_CHECKED,
    NOTIFICATION_CLOSED_WHILE_WAITING,
    COMPLETIONS_ON_THE_ID_TYPE,
    ALLOCATION_TAKES_ARRIVING_MEDIA,
    REQUESTS_SHOWN_IN_THE_EVENT_LOG,
    WAITING_ALLOCATION_HAS_A_LIBRARY_REQUEST,
    RSM_DIFFERENCE_COUNT
};

/* Each difference, and why. */
static const char *const rsm_difference_why[RSM_DIFFERENCE_COUNT] = {
    [IDENTIFY_GIVES_UP_ON_BUSY_DRIVES] =
        "IdentifyNtmsSlot waits NTMSAPI_DRIVE_WAIT_SECONDS for a busy drive (or a medium mounted elsewhere), then "
        "answers ERROR_BUSY: there is no service to queue the request until a drive is free, as RSM did",
    [IDENTIFY_OPTION_0_AS_IMMEDIATE] =
        "IdentifyNtmsSlot serves option 0 as IMMEDIATE, as [MS-RSMP]'s server does; RSM's API documents only "
        "DEFERRED and IMMEDIATE and calls any other option invalid",
    [SYNCHRONOUS_INVENTORY] =
        "InventoryNtmsLibrary is done when it returns, where RSM queued it: no service would carry it out after",
    [SYNCHRONOUS_DISMOUNT] =
        "DismountNtmsMedia and DismountNtmsDrive are done when they return, where RSM queued them: no service "
        "would carry them out after",
    [IMPORT_AT_ONCE] =
        "ImportNtmsDatabase takes effect at once for every process, where RSM waited for its service to restart: "
        "there is no service",
    [EXPORTS_NOT_IMPLEMENTED_YET] =
        "exports not implemented yet (README's support table) answer ERROR_CALL_NOT_IMPLEMENTED once their "
        "arguments pass",
    [DEFERRED_DISMOUNT_BY_A_PROCESS] =
        "a deferred dismount falls due in the process that deferred it (or the next one to use the library), "
        "where RSM's service sent the tape home on time whoever was running",
    [NTMSAPI_FREE_LABEL] =
        "a tape entering Free gets ntmsapi's free label (type \"Free\", the medium's GUID as its 16-byte id): "
        "RSM's own (Mll_scr.dll) was never documented",
    [LABELS_WITHOUT_A_LABEL_LIBRARY] =
        "ntmsapi recognises ANSI and IBM VOL1, LTFS, Bacula, Bareos, Amanda and tar labels itself, where RSM knew "
        "only the labels its media label libraries claimed (MTF)",
    [NOTIFICATION_TYPES_CHECKED] =
        "OpenNtmsNotification refuses a dwType that names no object type with ERROR_INVALID_PARAMETER; RSM's "
        "service accepted any type ([MS-RSMP] AddNotification) and what its client DLL answered is not documented",
    [NOTIFICATION_CLOSED_WHILE_WAITING] =
        "a WaitForNtmsNotification pending while another thread closes its channel returns ERROR_INVALID_HANDLE "
        "at once; what RSM answered is not documented",
    [COMPLETIONS_ON_THE_ID_TYPE] =
        "completions are NTMS_EVENT_COMPLETE on the channel of the type of the id the operation names (the slot "
        "for IdentifyNtmsSlot, the library for an inventory, the destination pool for MoveToNtmsMediaPool, the "
        "logical medium for AllocateNtmsMedia ...); [MS-RSMP] names the ids but not the channel or the operation",
    [ALLOCATION_TAKES_ARRIVING_MEDIA] =
        "AllocateNtmsMedia waiting on its NEWMEDIA operator request takes a medium that becomes allocatable "
        "meanwhile (a deallocation, a tape moved to Free) and completes the request itself; RSM documents only "
        "that a satisfied request makes it search again",
    [REQUESTS_SHOWN_IN_THE_EVENT_LOG] =
        "operator requests are shown in the Windows event log (source NTMS) and, under Wine, on stderr, and are "
        "ACTIVE once shown; RSM's consoles (a pop-up, the tray icon, the MMC snap-in) made them ACTIVE when an "
        "operator looked",
    [WAITING_ALLOCATION_HAS_A_LIBRARY_REQUEST] =
        "an AllocateNtmsMedia waiting for media has a library request of its own (OperationCode 1000, ntmsapi's) "
        "that CancelNtmsLibraryRequest cancels; RSM queued no library operation for it",
};

/* The exports the test programs call that ntmsapi does not implement yet (NULL ends the list). */
static const char *const ntmsapi_exports_not_yet[] = { NULL };

/* The label types only ntmsapi recognises without a media label library. */
static const char *const ntmsapi_own_label_types[] = {
    "ANSI VOL1", "IBM VOL1", "LTFS", "Bacula", "Bareos", "Amanda", "tar",
};

static inline BOOL loaded_ntmsapi_company_is(const WCHAR *company)
{
    WCHAR path[MAX_PATH], key[64], *value;
    HMODULE dll = GetModuleHandleW(L"ntmsapi.dll");
    DWORD unused, size = dll && GetModuleFileNameW(dll, path, ARRAYSIZE(path))
                         ? GetFileVersionInfoSizeW(path, &unused) : 0;
    BYTE *version = size ? malloc(size) : NULL;
    WORD *translation;
    UINT length;

    BOOL same = version && GetFileVersionInfoW(path, 0, size, version)
             && VerQueryValueW(version, L"\\VarFileInfo\\Translation", (void **)&translation, &length)
             && length >= 2 * sizeof(WORD)
             && swprintf(key, ARRAYSIZE(key), L"\\StringFileInfo\\%04x%04x\\CompanyName", translation[0],
                         translation[1]) > 0
             && VerQueryValueW(version, key, (void **)&value, &length) && !wcscmp(value, company);
    free(version);
    return same;
}

/* TRUE when the ntmsapi.dll this process loaded is ntmsapi's, FALSE for RSM's. */
static inline BOOL ntmsapi_is_ours(void)
{
    static int ours = -1;

    if (ours < 0) {
        ours = loaded_ntmsapi_company_is(L"The ntmsapi project");
        printf("ntmsapi.dll is %s\n", ours ? "ntmsapi's: where it knowingly differs from RSM, its answers expected"
                                           : "not ntmsapi's: RSM's answers expected");
        fflush(stdout);
    }
    return ours;
}

/* TRUE when ntmsapi is loaded and so answers otherwise than RSM here
 * (noted in the output the first time). */
static inline BOOL differs(enum rsm_difference difference)
{
    static BOOL noted[RSM_DIFFERENCE_COUNT];

    if (ntmsapi_is_ours() && !noted[difference]) {
        noted[difference] = TRUE;
        printf("ntmsapi, not RSM: %s\n", rsm_difference_why[difference]);
        fflush(stdout);
    }
    return ntmsapi_is_ours();
}

/* For checks only ntmsapi's answer is known for: TRUE with ntmsapi,
 * FALSE (and a note that they were skipped) with RSM. */
static inline BOOL checkable(enum rsm_difference difference, const char *what)
{
    if (differs(difference))
        return TRUE;
    printf("skipped with RSM: %s (%s)\n", what, rsm_difference_why[difference]);
    fflush(stdout);
    return FALSE;
}

static inline void set_drive_wait_seconds(DWORD seconds)
{
    char setting[64];

    snprintf(setting, sizeof(setting), "NTMSAPI_DRIVE_WAIT_SECONDS=%lu", seconds);
    _putenv(setting);
}

/* Whether IdentifyNtmsSlot gives up after `seconds` while every drive stays
 * busy (ntmsapi: ERROR_BUSY then); RSM's request waits for a drive however
 * long, so its caller skips the checks that need the answer. */
static inline BOOL identify_gives_up_after(DWORD seconds)
{
    if (!checkable(IDENTIFY_GIVES_UP_ON_BUSY_DRIVES, "IdentifyNtmsSlot giving up on busy drives"))
        return FALSE;
    set_drive_wait_seconds(seconds);
    return TRUE;
}

/* IdentifyNtmsSlot waits up to `seconds` for a busy drive (RSM: as long as it takes). */
static inline void identify_waits_up_to(DWORD seconds)
{
    if (differs(IDENTIFY_GIVES_UP_ON_BUSY_DRIVES))
        set_drive_wait_seconds(seconds);
}

static inline DWORD identify_option_0_answer(void)
{
    return differs(IDENTIFY_OPTION_0_AS_IMMEDIATE) ? ERROR_SUCCESS : ERROR_INVALID_PARAMETER;
}

static inline BOOL library_request_pending(HANDLE session, const NTMS_GUID *library, DWORD operation)
{
    NTMS_GUID requests[256];
    DWORD count = ARRAYSIZE(requests);
    NTMS_OBJECTINFORMATIONW info;

    EnumerateNtmsObject(session, (LPNTMS_GUID)library, requests, &count, NTMS_LIBREQUEST, 0);
    for (DWORD i = 0; i < count; i++) {
        memset(&info, 0, sizeof(info));
        info.dwSize = sizeof(info);
        info.dwType = NTMS_LIBREQUEST;
        if (GetNtmsObjectInformationW(session, &requests[i], &info) == ERROR_SUCCESS
            && info.Info.LibRequest.OperationCode == operation
            && (info.Info.LibRequest.State == NTMS_LM_QUEUED || info.Info.LibRequest.State == NTMS_LM_INPROCESS
                || info.Info.LibRequest.State == NTMS_LM_WAITING || info.Info.LibRequest.State == NTMS_LM_DEFERRED))
            return TRUE;
    }
    return FALSE;
}

/* Returns once the library's inventory is done: at once with ntmsapi;
 * with RSM when its queued inventory request has finished (30 min at most). */
static inline void inventory_finished(HANDLE session, const NTMS_GUID *library)
{
    if (differs(SYNCHRONOUS_INVENTORY))
        return;
    for (int waited = 0; waited < 1800 && library_request_pending(session, library, NTMS_LM_INVENTORY); waited++)
        Sleep(1000);
}

/* Returns once the drive's dismount is done: at once with ntmsapi; with
 * RSM when the drive is no longer mounted, loaded or unloading (10 min at most). */
static inline void dismount_finished(HANDLE session, const NTMS_GUID *drive)
{
    NTMS_OBJECTINFORMATIONW info;

    if (differs(SYNCHRONOUS_DISMOUNT))
        return;
    for (int waited = 0; waited < 600; waited++) {
        memset(&info, 0, sizeof(info));
        info.dwSize = sizeof(info);
        info.dwType = NTMS_DRIVE;
        if (GetNtmsObjectInformationW(session, (LPNTMS_GUID)drive, &info) != ERROR_SUCCESS
            || (info.Info.Drive.State != NTMS_DRIVESTATE_MOUNTED && info.Info.Drive.State != NTMS_DRIVESTATE_LOADED
                && info.Info.Drive.State != NTMS_DRIVESTATE_UNLOADED))
            return;
        Sleep(1000);
    }
}

/* What the database holds right after ImportNtmsDatabase: the exported
 * state with ntmsapi, still the current one with RSM (until its restart). */
static inline const char *value_after_import(const char *exported, const char *current)
{
    return differs(IMPORT_AT_ONCE) ? exported : current;
}

/* The answer of an export RSM answers with rsm_answer here. */
static inline DWORD answer_of(const char *export, DWORD rsm_answer)
{
    for (size_t i = 0; ntmsapi_exports_not_yet[i]; i++)
        if (!strcmp(export, ntmsapi_exports_not_yet[i]) && differs(EXPORTS_NOT_IMPLEMENTED_YET))
            return ERROR_CALL_NOT_IMPLEMENTED;
    return rsm_answer;
}

/* The deferring process stays alive for `seconds` without an RSM call:
 * with ntmsapi only its timer can send the tape home meanwhile. */
static inline void stay_while_a_dismount_is_deferred(DWORD seconds)
{
    differs(DEFERRED_DISMOUNT_BY_A_PROCESS);
    Sleep(seconds * 1000);
}

/* Whether the free label on a tape that entered Free can be checked (ntmsapi's own). */
static inline BOOL free_label_checkable(void)
{
    return checkable(NTMSAPI_FREE_LABEL, "the free label written on the tape");
}

/* Whether a label of this type is recognised without a media label library
 * registered for it: always with ntmsapi; with RSM, a label type only
 * ntmsapi knows is skipped. */
static inline BOOL label_recognised(const char *type)
{
    for (size_t i = 0; i < ARRAYSIZE(ntmsapi_own_label_types); i++)
        if (!strcmp(type, ntmsapi_own_label_types[i]))
            return checkable(LABELS_WITHOUT_A_LABEL_LIBRARY, type);
    return TRUE;
}

#endif
