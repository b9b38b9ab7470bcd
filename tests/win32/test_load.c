/* A load test under Wine against tgt: worker processes, two threads with a
 * session each, make random RSM calls on a shared library while
 * tests/wine/load_under_wine.sh kills them with SIGKILL and starts others;
 * afterwards `check` prints where the database believes every tape and
 * drive is, for the script to compare with mtx.
 *
 * usage: test_load.exe work SECONDS SEED LOGFILE
 *        test_load.exe check
 *
 * A worker appends a line per answer to LOGFILE, flushed as written, so a
 * kill loses at most the calls in flight:
 *   <unix time> w<seed>.t<thread> answer <operation> <code> <name> <object>
 *   <unix time> w<seed>.t<thread> UNEXPECTED <operation> <code> <name> <object>: <detail>
 * and, for a result that contradicts what this thread knows (an attribute
 * it set, a mount it holds), with code "-" and name WRONG. It ends with
 * "done" and exits 1 if anything was unexpected. */
#include <windows.h>
#include <ntmsapi.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "wintest.h"

#define MAX_SLOTS 64
#define MAX_DRIVES 8
#define MAX_MEDIA 64
#define MOUNT_TIMEOUT_MS 3000
#define DISMOUNT_ATTEMPTS 5

struct library_view {
    NTMS_GUID library, slots[MAX_SLOTS], drives[MAX_DRIVES];
    DWORD slot_numbers[MAX_SLOTS], drive_numbers[MAX_DRIVES];
    DWORD slot_count, drive_count;
};

/* A medium and what it is called in the log. */
struct medium {
    NTMS_GUID id;
    char name[NTMS_BARCODE_LENGTH + 8];
};

/* The value this thread last set on a medium under its attribute name. */
struct attribute_mark {
    struct medium medium;
    DWORD value[3];   /* seed, thread, counter */
};

struct worker {
    HANDLE session;
    DWORD index;
    unsigned long long random_state;
    ULONGLONG deadline;
    struct library_view view;
    WCHAR attribute_name[32];
    struct attribute_mark marks[MAX_MEDIA];
    DWORD mark_count, counter;
    DWORD calls, unexpected;
};

static FILE *log_file;
static CRITICAL_SECTION log_lock;
static DWORD run_seed;

/* ---- the log ---- */

static double unix_time(void)
{
    FILETIME now;
    ULARGE_INTEGER ticks;

    GetSystemTimeAsFileTime(&now);
    ticks.LowPart = now.dwLowDateTime;
    ticks.HighPart = now.dwHighDateTime;
    return (double)(ticks.QuadPart - 116444736000000000ULL) / 1e7;
}

static void log_line(const struct worker *w, const char *format, ...) __attribute__((format(printf, 2, 3)));

static void log_line(const struct worker *w, const char *format, ...)
{
    va_list args;

    EnterCriticalSection(&log_lock);
    fprintf(log_file, "%.3f w%lu.t%lu ", unix_time(), run_seed, w ? w->index : 9UL);
    va_start(args, format);
    vfprintf(log_file, format, args);
    va_end(args);
    fputc('\n', log_file);
    fflush(log_file);
    LeaveCriticalSection(&log_lock);
}

static const char *code_name(DWORD code)
{
    static const struct { DWORD code; const char *name; } names[] = {
        { ERROR_SUCCESS, "SUCCESS" }, { ERROR_BUSY, "BUSY" }, { ERROR_TIMEOUT, "TIMEOUT" },
        { ERROR_MEDIA_OFFLINE, "MEDIA_OFFLINE" }, { ERROR_LIBRARY_OFFLINE, "LIBRARY_OFFLINE" },
        { ERROR_INVALID_STATE, "INVALID_STATE" }, { ERROR_INVALID_MEDIA, "INVALID_MEDIA" },
        { ERROR_INVALID_DRIVE, "INVALID_DRIVE" }, { ERROR_INVALID_PARAMETER, "INVALID_PARAMETER" },
        { ERROR_INVALID_HANDLE, "INVALID_HANDLE" }, { ERROR_OBJECT_NOT_FOUND, "OBJECT_NOT_FOUND" },
        { ERROR_DATABASE_FAILURE, "DATABASE_FAILURE" }, { ERROR_DATABASE_FULL, "DATABASE_FULL" },
        { ERROR_ACCESS_DENIED, "ACCESS_DENIED" }, { ERROR_SHARING_VIOLATION, "SHARING_VIOLATION" },
        { ERROR_LOCK_VIOLATION, "LOCK_VIOLATION" }, { ERROR_NOT_READY, "NOT_READY" },
        { ERROR_IO_DEVICE, "IO_DEVICE" }, { ERROR_DEVICE_NOT_AVAILABLE, "DEVICE_NOT_AVAILABLE" },
        { ERROR_RESOURCE_DISABLED, "RESOURCE_DISABLED" }, { ERROR_INSUFFICIENT_BUFFER, "INSUFFICIENT_BUFFER" },
        { ERROR_OPERATION_ABORTED, "OPERATION_ABORTED" }, { ERROR_NOT_ENOUGH_MEMORY, "NOT_ENOUGH_MEMORY" },
        { ERROR_SOURCE_ELEMENT_EMPTY, "SOURCE_ELEMENT_EMPTY" },
        { ERROR_DESTINATION_ELEMENT_FULL, "DESTINATION_ELEMENT_FULL" },
        { ERROR_MEDIA_INCOMPATIBLE, "MEDIA_INCOMPATIBLE" }, { ERROR_UNRECOGNIZED_MEDIA, "UNRECOGNIZED_MEDIA" },
    };

    for (size_t i = 0; i < ARRAYSIZE(names); i++)
        if (names[i].code == code)
            return names[i].name;
    return "OTHER";
}

/* ---- judging answers ---- */

/* What a library shared by many busy processes answers without anything
 * being wrong: all drives or the medium in use, a wait that ran out, a
 * library or medium out of reach for a moment. */
static BOOL expected_anywhere(DWORD code)
{
    return code == ERROR_SUCCESS || code == ERROR_BUSY || code == ERROR_TIMEOUT || code == ERROR_MEDIA_OFFLINE
        || code == ERROR_LIBRARY_OFFLINE;
}

/* Logs the answer of a call; TRUE when it succeeded. `also_expected` is a
 * further code the operation may legitimately answer (ERROR_SUCCESS: none). */
static BOOL judge(struct worker *w, const char *operation, const char *object, DWORD code, DWORD also_expected)
{
    w->calls++;
    if (expected_anywhere(code) || code == also_expected) {
        log_line(w, "answer %s %lu %s %s", operation, code, code_name(code), object);
    } else {
        w->unexpected++;
        log_line(w, "UNEXPECTED %s %lu %s %s: answered", operation, code, code_name(code), object);
    }
    return code == ERROR_SUCCESS;
}

/* A successful answer that contradicts what this thread knows. */
static void wrong(struct worker *w, const char *what, const char *object, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static void wrong(struct worker *w, const char *what, const char *object, const char *format, ...)
{
    char detail[300];
    va_list args;

    va_start(args, format);
    vsnprintf(detail, sizeof(detail), format, args);
    va_end(args);
    w->unexpected++;
    log_line(w, "UNEXPECTED %s - WRONG %s: %s", what, object, detail);
}

/* ---- small helpers ---- */

static DWORD random_below(struct worker *w, DWORD n)
{
    unsigned long long x = w->random_state;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    w->random_state = x;
    return (DWORD)(((x * 0x2545F4914F6CDD1DULL) >> 33) % n);
}

static BOOL past_deadline(const struct worker *w)
{
    return GetTickCount64() >= w->deadline;
}

static BOOL same_guid(const NTMS_GUID *a, const NTMS_GUID *b)
{
    return !memcmp(a, b, sizeof(*a));
}

static DWORD get_information(HANDLE session, const NTMS_GUID *id, DWORD type, NTMS_OBJECTINFORMATIONW *info)
{
    memset(info, 0, sizeof(*info));
    info->dwSize = sizeof(*info);
    info->dwType = type;
    return GetNtmsObjectInformationW(session, (LPNTMS_GUID)id, info);
}

static void barcode_text(const WCHAR *barcode, char *text, size_t size)
{
    if (!barcode[0])
        snprintf(text, size, "(no barcode)");
    else
        WideCharToMultiByte(CP_ACP, 0, barcode, -1, text, (int)size, NULL, NULL);
}

static DWORD drive_number(const struct library_view *view, const NTMS_GUID *id)
{
    for (DWORD i = 0; i < view->drive_count; i++)
        if (same_guid(&view->drives[i], id))
            return view->drive_numbers[i];
    return 0;
}

/* ---- the library as a thread sees it ---- */

static BOOL find_online_library(struct worker *w, NTMS_GUID *library)
{
    NTMS_GUID libraries[8];
    DWORD count = ARRAYSIZE(libraries);
    NTMS_OBJECTINFORMATIONW info;

    if (!judge(w, "enumerate-libraries", "libraries",
               EnumerateNtmsObject(w->session, NULL, libraries, &count, NTMS_LIBRARY, 0), ERROR_SUCCESS))
        return FALSE;
    for (DWORD i = 0; i < count; i++)
        if (judge(w, "information-library", "a library", get_information(w->session, &libraries[i], NTMS_LIBRARY, &info),
                  ERROR_SUCCESS)
            && info.Info.Library.LibraryType == NTMS_LIBRARYTYPE_ONLINE) {
            *library = libraries[i];
            return TRUE;
        }
    return FALSE;
}

/* The ids of a container's objects of one type and their numbers. */
static BOOL load_numbered(struct worker *w, DWORD type, const char *what, NTMS_GUID *ids, DWORD *numbers,
                          DWORD capacity, DWORD *count)
{
    NTMS_OBJECTINFORMATIONW info;

    *count = capacity;
    if (!judge(w, what, "the library", EnumerateNtmsObject(w->session, &w->view.library, ids, count, type, 0),
               ERROR_SUCCESS))
        return FALSE;
    for (DWORD i = 0; i < *count; i++) {
        if (!judge(w, "information-numbered", what, get_information(w->session, &ids[i], type, &info), ERROR_SUCCESS))
            return FALSE;
        numbers[i] = type == NTMS_DRIVE ? info.Info.Drive.Number : info.Info.StorageSlot.Number;
    }
    return TRUE;
}

static BOOL load_view(struct worker *w)
{
    struct library_view *v = &w->view;

    return find_online_library(w, &v->library)
        && load_numbered(w, NTMS_STORAGESLOT, "enumerate-slots", v->slots, v->slot_numbers, MAX_SLOTS, &v->slot_count)
        && load_numbered(w, NTMS_DRIVE, "enumerate-drives", v->drives, v->drive_numbers, MAX_DRIVES, &v->drive_count)
        && v->slot_count && v->drive_count;
}

/* A random medium the database knows, named by its barcode. */
static BOOL pick_medium(struct worker *w, struct medium *medium)
{
    NTMS_GUID media[MAX_MEDIA];
    DWORD count = ARRAYSIZE(media);
    NTMS_OBJECTINFORMATIONW info;

    if (!judge(w, "enumerate-media", "all media",
               EnumerateNtmsObject(w->session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0), ERROR_SUCCESS)
        || !count)
        return FALSE;
    medium->id = media[random_below(w, count)];
    strcpy(medium->name, "a medium");
    if (!judge(w, "information-medium", medium->name,
               get_information(w->session, &medium->id, NTMS_PHYSICAL_MEDIA, &info), ERROR_SUCCESS))
        return FALSE;
    barcode_text(info.Info.PhysicalMedia.szBarCode, medium->name, sizeof(medium->name));
    return TRUE;
}

static BOOL pick_side(struct worker *w, struct medium *medium, NTMS_GUID *side)
{
    DWORD count = 1;

    return pick_medium(w, medium)
        && judge(w, "enumerate-sides", medium->name,
                 EnumerateNtmsObject(w->session, &medium->id, side, &count, NTMS_PARTITION, 0), ERROR_SUCCESS)
        && count == 1;
}

/* ---- the operations ---- */

static void identify_slot(struct worker *w)
{
    DWORD i = random_below(w, w->view.slot_count);
    BOOL deferred = random_below(w, 2);
    char object[32];

    snprintf(object, sizeof(object), "slot %lu", w->view.slot_numbers[i]);
    /* A slot whose tape another session has mounted is empty: declining to
     * touch that tape (ERROR_INVALID_STATE) is a right answer; taking it
     * out of the other session's drive is not (the mounter finds out). */
    judge(w, deferred ? "identify-deferred" : "identify-immediate", object,
          IdentifyNtmsSlot(w->session, &w->view.slots[i], deferred ? NTMS_DISMOUNT_DEFERRED : NTMS_DISMOUNT_IMMEDIATE),
          ERROR_INVALID_STATE);
}

/* What a drive holds, for the log: its state and its side's barcode. */
static void describe_drive(struct worker *w, const NTMS_OBJECTINFORMATIONW *drive, char *text, size_t size)
{
    NTMS_OBJECTINFORMATIONW side, medium;
    char barcode[NTMS_BARCODE_LENGTH + 8] = "nothing";
    NTMS_GUID none = { 0 };

    if (!same_guid(&drive->Info.Drive.SavedPartitionId, &none)
        && get_information(w->session, &drive->Info.Drive.SavedPartitionId, NTMS_PARTITION, &side) == ERROR_SUCCESS
        && get_information(w->session, &side.Info.Partition.PhysicalMedia, NTMS_PHYSICAL_MEDIA, &medium) == ERROR_SUCCESS)
        barcode_text(medium.Info.PhysicalMedia.szBarCode, barcode, sizeof(barcode));
    snprintf(text, size, "drive %lu state %lu holding %s", drive->Info.Drive.Number, drive->Info.Drive.State, barcode);
}

/* Between our mount and our dismount the drive is ours: LOADED with our side. */
static void check_still_mounted(struct worker *w, const struct medium *medium, const NTMS_GUID *side,
                                const NTMS_GUID *drive)
{
    NTMS_OBJECTINFORMATIONW info;
    char seen[128];

    if (!judge(w, "information-drive", medium->name, get_information(w->session, drive, NTMS_DRIVE, &info), ERROR_SUCCESS))
        return;
    if (info.Info.Drive.State == NTMS_DRIVESTATE_LOADED && same_guid(&info.Info.Drive.SavedPartitionId, side))
        return;
    describe_drive(w, &info, seen, sizeof(seen));
    wrong(w, "mount-held", medium->name, "mounted by this session, but the database says %s", seen);
}

/* Our mount is released, whatever a busy moment answers first. */
static void dismount(struct worker *w, const struct medium *medium, NTMS_GUID *side)
{
    BOOL deferred = random_below(w, 2);
    const char *operation = deferred ? "dismount-deferred" : "dismount-immediate";
    DWORD code = ERROR_BUSY;

    /* The mount is this session's: nobody else may dismount it, so even
     * ERROR_INVALID_STATE (not mounted) is unexpected. */
    for (int attempt = 0; attempt < DISMOUNT_ATTEMPTS && code != ERROR_SUCCESS && expected_anywhere(code); attempt++) {
        if (attempt)
            Sleep(500);
        code = DismountNtmsMedia(w->session, side, 1, deferred ? NTMS_DISMOUNT_DEFERRED : NTMS_DISMOUNT_IMMEDIATE);
        judge(w, operation, medium->name, code, ERROR_SUCCESS);
    }
    if (code != ERROR_SUCCESS && expected_anywhere(code))
        wrong(w, "dismount-gave-up", medium->name, "still %s after %d attempts", code_name(code), DISMOUNT_ATTEMPTS);
}

static void mount_and_dismount(struct worker *w)
{
    struct medium medium;
    NTMS_GUID side, drive = { 0 };
    char object[64];

    if (!pick_side(w, &medium, &side))
        return;
    DWORD code = MountNtmsMedia(w->session, &side, &drive, 1, NTMS_MOUNT_READ, NTMS_PRIORITY_NORMAL, MOUNT_TIMEOUT_MS,
                                NULL);
    snprintf(object, sizeof(object), "%s into drive %lu", medium.name, code ? 0UL : drive_number(&w->view, &drive));
    if (!judge(w, "mount", object, code, ERROR_SUCCESS))
        return;
    Sleep(200 + random_below(w, 1300));
    check_still_mounted(w, &medium, &side, &drive);
    dismount(w, &medium, &side);
}

/* No tape may have two records: one barcode, one medium. */
static void check_barcodes_unique(struct worker *w, const NTMS_GUID *media, DWORD count)
{
    WCHAR barcodes[MAX_MEDIA][NTMS_BARCODE_LENGTH];
    NTMS_OBJECTINFORMATIONW info;
    DWORD known = 0;

    for (DWORD i = 0; i < count; i++) {
        if (!judge(w, "information-medium", "a listed medium",
                   get_information(w->session, &media[i], NTMS_PHYSICAL_MEDIA, &info), ERROR_SUCCESS)
            || !info.Info.PhysicalMedia.szBarCode[0])
            continue;
        for (DWORD k = 0; k < known; k++)
            if (!wcscmp(barcodes[k], info.Info.PhysicalMedia.szBarCode)) {
                char name[NTMS_BARCODE_LENGTH + 8];
                barcode_text(info.Info.PhysicalMedia.szBarCode, name, sizeof(name));
                wrong(w, "duplicate-medium", name, "two media records with this barcode");
            }
        wcscpy(barcodes[known++], info.Info.PhysicalMedia.szBarCode);
    }
}

static void enumerate_objects(struct worker *w)
{
    NTMS_GUID ids[MAX_MEDIA];
    DWORD count = ARRAYSIZE(ids);

    switch (random_below(w, 3)) {
    case 0:
        if (judge(w, "enumerate-slots", "the library",
                  EnumerateNtmsObject(w->session, &w->view.library, ids, &count, NTMS_STORAGESLOT, 0), ERROR_SUCCESS)
            && count != w->view.slot_count)
            wrong(w, "slot-count", "the library", "%lu slots, %lu at first", count, w->view.slot_count);
        break;
    case 1:
        if (judge(w, "enumerate-drives", "the library",
                  EnumerateNtmsObject(w->session, &w->view.library, ids, &count, NTMS_DRIVE, 0), ERROR_SUCCESS)
            && count != w->view.drive_count)
            wrong(w, "drive-count", "the library", "%lu drives, %lu at first", count, w->view.drive_count);
        break;
    default:
        if (judge(w, "enumerate-media", "all media",
                  EnumerateNtmsObject(w->session, NULL, ids, &count, NTMS_PHYSICAL_MEDIA, 0), ERROR_SUCCESS))
            check_barcodes_unique(w, ids, count);
    }
}

static void read_information(struct worker *w)
{
    NTMS_OBJECTINFORMATIONW info;
    struct medium medium;
    NTMS_GUID side;
    char object[32];
    DWORD i;

    switch (random_below(w, 4)) {
    case 0:
        i = random_below(w, w->view.slot_count);
        snprintf(object, sizeof(object), "slot %lu", w->view.slot_numbers[i]);
        if (judge(w, "information-slot", object,
                  get_information(w->session, &w->view.slots[i], NTMS_STORAGESLOT, &info), ERROR_SUCCESS)
            && info.Info.StorageSlot.Number != w->view.slot_numbers[i])
            wrong(w, "slot-number", object, "now number %lu", info.Info.StorageSlot.Number);
        break;
    case 1:
        i = random_below(w, w->view.drive_count);
        snprintf(object, sizeof(object), "drive %lu", w->view.drive_numbers[i]);
        judge(w, "information-drive", object, get_information(w->session, &w->view.drives[i], NTMS_DRIVE, &info),
              ERROR_SUCCESS);
        break;
    case 2:
        judge(w, "information-library", "the library",
              get_information(w->session, &w->view.library, NTMS_LIBRARY, &info), ERROR_SUCCESS);
        break;
    default:
        if (pick_side(w, &medium, &side)
            && judge(w, "information-side", medium.name, get_information(w->session, &side, NTMS_PARTITION, &info),
                     ERROR_SUCCESS)
            && !same_guid(&info.Info.Partition.PhysicalMedia, &medium.id))
            wrong(w, "side-medium", medium.name, "its side names another medium");
    }
}

static struct attribute_mark *mark_of(struct worker *w, const NTMS_GUID *medium)
{
    for (DWORD i = 0; i < w->mark_count; i++)
        if (same_guid(&w->marks[i].medium.id, medium))
            return &w->marks[i];
    return NULL;
}

static void forget_mark(struct worker *w, struct attribute_mark *mark)
{
    *mark = w->marks[--w->mark_count];
}

static void set_attribute(struct worker *w)
{
    struct medium medium;
    DWORD value[3] = { run_seed, w->index, ++w->counter };

    if (!pick_medium(w, &medium))
        return;
    struct attribute_mark *mark = mark_of(w, &medium.id);
    if (!mark && w->mark_count < MAX_MEDIA) {
        mark = &w->marks[w->mark_count++];
        mark->medium = medium;
    }
    DWORD code = SetNtmsObjectAttributeW(w->session, &medium.id, NTMS_PHYSICAL_MEDIA, w->attribute_name, value,
                                         sizeof(value));
    judge(w, "set-attribute", medium.name, code, ERROR_SUCCESS);
    if (!mark)
        return;
    if (code == ERROR_SUCCESS)
        memcpy(mark->value, value, sizeof(value));
    else
        forget_mark(w, mark);   /* a failed write may or may not have landed */
}

/* The name is this thread's alone: a Get must return what it last set. */
static void get_attribute(struct worker *w)
{
    if (!w->mark_count) {
        set_attribute(w);
        return;
    }
    struct attribute_mark *mark = &w->marks[random_below(w, w->mark_count)];
    DWORD value[4] = { 0 }, size = sizeof(value);
    DWORD code = GetNtmsObjectAttributeW(w->session, &mark->medium.id, NTMS_PHYSICAL_MEDIA, w->attribute_name, value,
                                         &size);
    if (judge(w, "get-attribute", mark->medium.name, code, ERROR_SUCCESS)
        && (size != sizeof(mark->value) || memcmp(value, mark->value, sizeof(mark->value))))
        wrong(w, "attribute-value", mark->medium.name, "%lu bytes, counter %lu; this thread last set counter %lu", size,
              value[2], mark->value[2]);
}

static void one_operation(struct worker *w)
{
    DWORD pick = random_below(w, 100);

    if (pick < 20)
        identify_slot(w);
    else if (pick < 45)
        mount_and_dismount(w);
    else if (pick < 60)
        enumerate_objects(w);
    else if (pick < 75)
        read_information(w);
    else if (pick < 88)
        set_attribute(w);
    else
        get_attribute(w);
}

static DWORD WINAPI worker_thread(void *context)
{
    struct worker *w = context;

    w->session = OpenNtmsSessionW(NULL, L"ntmsapi test_load", 0);
    if (w->session == INVALID_HANDLE_VALUE) {
        wrong(w, "open-session", "a session", "OpenNtmsSessionW failed: %lu", GetLastError());
        return 0;
    }
    while (!past_deadline(w) && !load_view(w))
        Sleep(500);
    while (!past_deadline(w))
        one_operation(w);
    judge(w, "close-session", "the session", CloseNtmsSession(w->session), ERROR_SUCCESS);
    return 0;
}

static int work(DWORD seconds, DWORD seed, const char *log_path)
{
    struct worker workers[2];
    HANDLE threads[2];
    DWORD calls = 0, unexpected = 0;

    if (!(log_file = fopen(log_path, "ab"))) {   /* binary: lines end in LF alone */
        printf("cannot open %s\n", log_path);
        return 2;
    }
    InitializeCriticalSection(&log_lock);
    run_seed = seed;
    log_line(NULL, "start seed %lu windows-pid %lu seconds %lu", seed, GetCurrentProcessId(), seconds);
    for (DWORD i = 0; i < ARRAYSIZE(workers); i++) {
        struct worker *w = &workers[i];
        memset(w, 0, sizeof(*w));
        w->index = i;
        w->random_state = ((unsigned long long)seed << 20) + 2 * i + 1;
        w->deadline = GetTickCount64() + (ULONGLONG)seconds * 1000;
        swprintf(w->attribute_name, ARRAYSIZE(w->attribute_name), L"load%lu-%lu", seed, i);
        threads[i] = CreateThread(NULL, 0, worker_thread, w, 0, NULL);
    }
    WaitForMultipleObjects(ARRAYSIZE(threads), threads, TRUE, INFINITE);
    for (DWORD i = 0; i < ARRAYSIZE(workers); i++) {
        calls += workers[i].calls;
        unexpected += workers[i].unexpected;
        CloseHandle(threads[i]);
    }
    log_line(NULL, "done calls %lu unexpected %lu", calls, unexpected);
    printf("seed %lu: %lu calls, %lu unexpected\n", seed, calls, unexpected);
    fclose(log_file);
    return unexpected ? 1 : 0;
}

/* ---- check: the database, after every worker is gone ---- */

static const char *drive_state_name(DWORD state)
{
    switch (state) {
    case NTMS_DRIVESTATE_DISMOUNTED: return "DISMOUNTED";
    case NTMS_DRIVESTATE_MOUNTED: return "MOUNTED";
    case NTMS_DRIVESTATE_LOADED: return "LOADED";
    case NTMS_DRIVESTATE_UNLOADED: return "UNLOADED";
    case NTMS_DRIVESTATE_BEING_CLEANED: return "BEING_CLEANED";
    case NTMS_DRIVESTATE_DISMOUNTABLE: return "DISMOUNTABLE";
    default: return "UNKNOWN";
    }
}

static const char *media_state_name(DWORD state)
{
    static const char *const names[] = { "IDLE", "INUSE", "MOUNTED", "LOADED", "UNLOADED", "OPERROR", "OPREQ" };

    return state < ARRAYSIZE(names) ? names[state] : "UNKNOWN";
}

/* "slot N", "drive N" or what else the medium's location is. */
static void location_text(HANDLE session, const NTMS_OBJECTINFORMATIONW *medium, char *text, size_t size)
{
    NTMS_OBJECTINFORMATIONW place;
    DWORD type = medium->Info.PhysicalMedia.LocationType;

    if (type == NTMS_STORAGESLOT
        && get_information(session, &medium->Info.PhysicalMedia.Location, NTMS_STORAGESLOT, &place) == ERROR_SUCCESS)
        snprintf(text, size, "slot %lu", place.Info.StorageSlot.Number);
    else if (type == NTMS_DRIVE
             && get_information(session, &medium->Info.PhysicalMedia.Location, NTMS_DRIVE, &place) == ERROR_SUCCESS)
        snprintf(text, size, "drive %lu", place.Info.Drive.Number);
    else
        snprintf(text, size, "type%lu -", type);
}

/* "medium BARCODE slot|drive N STATE" for each medium; the number of
 * barcodes recorded more than once. */
static DWORD print_media(HANDLE session)
{
    NTMS_GUID media[MAX_MEDIA];
    WCHAR barcodes[MAX_MEDIA][NTMS_BARCODE_LENGTH];
    DWORD count = ARRAYSIZE(media), duplicates = 0;
    NTMS_OBJECTINFORMATIONW info;
    char barcode[NTMS_BARCODE_LENGTH + 8], where[32];

    ok(EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0) == ERROR_SUCCESS, "media\n");
    for (DWORD i = 0; i < count; i++) {
        ok(get_information(session, &media[i], NTMS_PHYSICAL_MEDIA, &info) == ERROR_SUCCESS, "a medium\n");
        wcscpy(barcodes[i], info.Info.PhysicalMedia.szBarCode);
        for (DWORD k = 0; k < i; k++)
            duplicates += barcodes[i][0] && !wcscmp(barcodes[k], barcodes[i]);
        WideCharToMultiByte(CP_ACP, 0, info.Info.PhysicalMedia.szBarCode, -1, barcode, sizeof(barcode), NULL, NULL);
        location_text(session, &info, where, sizeof(where));
        printf("medium %s %s %s\n", barcode[0] ? barcode : "-", where, media_state_name(info.Info.PhysicalMedia.MediaState));
    }
    return duplicates;
}

/* "drive N STATE BARCODE" ("-": the drive's record names no medium). */
static void print_drives(HANDLE session, NTMS_GUID *library)
{
    NTMS_GUID drives[MAX_DRIVES], none = { 0 };
    DWORD count = ARRAYSIZE(drives);
    NTMS_OBJECTINFORMATIONW drive, side, medium;
    char barcode[NTMS_BARCODE_LENGTH + 8];

    ok(EnumerateNtmsObject(session, library, drives, &count, NTMS_DRIVE, 0) == ERROR_SUCCESS, "drives\n");
    for (DWORD i = 0; i < count; i++) {
        ok(get_information(session, &drives[i], NTMS_DRIVE, &drive) == ERROR_SUCCESS, "a drive\n");
        strcpy(barcode, "-");
        if (!same_guid(&drive.Info.Drive.SavedPartitionId, &none)) {
            strcpy(barcode, "(unknown-side)");
            if (get_information(session, &drive.Info.Drive.SavedPartitionId, NTMS_PARTITION, &side) == ERROR_SUCCESS
                && get_information(session, &side.Info.Partition.PhysicalMedia, NTMS_PHYSICAL_MEDIA, &medium)
                       == ERROR_SUCCESS)
                WideCharToMultiByte(CP_ACP, 0, medium.Info.PhysicalMedia.szBarCode, -1, barcode, sizeof(barcode),
                                    NULL, NULL);
        }
        printf("drive %lu %s %s\n", drive.Info.Drive.Number, drive_state_name(drive.Info.Drive.State), barcode);
    }
}

/* A FAST inventory first, as an application would after a crash: it opens
 * the library like any next call (the housekeeping that repairs what dead
 * processes left: tapes in drives the database believes empty, orphaned
 * requests, deferred dismounts that fell due) and identifies the tapes
 * never seen, so that every tape can be required to have a record. It
 * leaves the records of known tapes as the run left them (OMID would
 * identify every tape again and could hide what the run got wrong). */
static int check(void)
{
    struct worker probe = { 0 };
    NTMS_GUID library;
    DWORD code, duplicates;

    probe.session = OpenNtmsSessionW(NULL, L"ntmsapi test_load check", 0);
    ok(probe.session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW: %lu\n", GetLastError());
    log_file = stdout;
    InitializeCriticalSection(&log_lock);
    if (!find_online_library(&probe, &library)) {
        ok(0, "no online library\n");
        return wintest_finish();
    }
    code = InventoryNtmsLibrary(probe.session, &library, NTMS_INVENTORY_FAST);
    printf("inventory %lu %s\n", code, code_name(code));
    ok(code == ERROR_SUCCESS, "InventoryNtmsLibrary(FAST): %lu\n", code);
    duplicates = print_media(probe.session);
    print_drives(probe.session, &library);
    printf("duplicates %lu\n", duplicates);
    ok(duplicates == 0, "%lu barcodes have more than one media record\n", duplicates);
    CloseNtmsSession(probe.session);
    return wintest_finish();
}

int main(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[1], "work"))
        return work((DWORD)strtoul(argv[2], NULL, 10), (DWORD)strtoul(argv[3], NULL, 10), argv[4]);
    if (argc == 2 && !strcmp(argv[1], "check"))
        return check();
    printf("usage: test_load.exe work SECONDS SEED LOGFILE | check\n");
    return 2;
}
