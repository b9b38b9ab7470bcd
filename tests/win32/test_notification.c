/* notification.c's exports through the real DLL: OpenNtmsNotification,
 * WaitForNtmsNotification and CloseNtmsNotification, against a library of
 * 8 slots and 2 drives (tgt's, under Wine). notification_under_wine.sh in
 * tests/wine/ runs the modes in order.
 *
 * The proof: processes waiting on NTMS_PHYSICAL_MEDIA channels (one
 * waiting INFINITE, one polling with dwTimeout 0) log every notification
 * with the time it arrived; a writer process identifies, moves to Free,
 * allocates and deallocates, and after each operation logs what changed
 * in the physical media (every medium read before and after) and then
 * changes a "fence" medium of its own, which ends that operation's part
 * of every listener's log. `check` compares: for every operation, the
 * media the listeners were told of are exactly those that changed, an
 * insertion told first, the fences in order and none missing, each fence
 * told within 100 ms; both listeners heard the same sequence. Meanwhile a
 * writer and a listener are killed -9 (notification_under_wine.sh).
 *
 * usage: test_notification.exe refusals        bad input, handles, sessions, timeouts, two waiters of a type
 *        test_notification.exe completions     what IdentifyNtmsSlot ... DismountNtmsDrive signal, and on which channel
 *        test_notification.exe prepare F      \Notify, \Noise and \Fence pools; the fence medium (its GUID into file F)
 *        test_notification.exe listen F LOG READY [poll]   log every NTMS_PHYSICAL_MEDIA notification until F is deleted
 *        test_notification.exe write F LOG ROUNDS [after-noise]   operations, each logged and fenced (appends to LOG)
 *        test_notification.exe noise SECONDS  identifications and allocations, unlogged (to be killed)
 *        test_notification.exe stop F         the fence medium deleted: the listeners end
 *        test_notification.exe check F WRITER-LOG MIN-CHANGES LISTENER-LOG...   the comparison */
#include <windows.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rsm_test.h"

static NTMS_GUID library, slots[64];
static DWORD slot_count;

static void find_the_library(void)
{
    slot_count = ARRAYSIZE(slots);
    library = find_online_library(slots, &slot_count);
}

static double now_us(void)
{
    LARGE_INTEGER count, frequency;

    QueryPerformanceCounter(&count);
    QueryPerformanceFrequency(&frequency);
    return (double)count.QuadPart * 1e6 / (double)frequency.QuadPart;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void guid_text(const NTMS_GUID *g, char text[40])
{
    snprintf(text, 40, "%08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x", g->Data1, g->Data2, g->Data3,
             g->Data4[0], g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4], g->Data4[5], g->Data4[6], g->Data4[7]);
}

static BOOL guid_parse(const char *text, NTMS_GUID *g)
{
    unsigned long d1;
    unsigned d2, d3, b[8];

    if (sscanf(text, "%8lx-%4x-%4x-%2x%2x-%2x%2x%2x%2x%2x%2x", &d1, &d2, &d3, &b[0], &b[1], &b[2], &b[3], &b[4],
               &b[5], &b[6], &b[7]) != 11)
        return FALSE;
    g->Data1 = d1;
    g->Data2 = (WORD)d2;
    g->Data3 = (WORD)d3;
    for (int i = 0; i < 8; i++)
        g->Data4[i] = (BYTE)b[i];
    return TRUE;
}

static NTMS_GUID read_fence(const char *file)
{
    char text[64] = "";
    NTMS_GUID fence = { 0 };
    FILE *f = fopen(file, "r");

    ok(f && fgets(text, sizeof(text), f) && guid_parse(text, &fence), "the fence medium's GUID in %s\n", file);
    if (f)
        fclose(f);
    return fence;
}

static NTMS_GUID pool_with_policies(const WCHAR *path, DWORD allocation, DWORD deallocation)
{
    NTMS_GUID pool = { 0 }, lto6 = media_type_named(L"LTO-6");
    NTMS_OBJECTINFORMATIONW info;

    expect(CreateNtmsMediaPoolW(session, path, &lto6, NTMS_OPEN_ALWAYS, NULL, &pool), ERROR_SUCCESS, "a pool");
    information(&pool, NTMS_MEDIA_POOL, &info);
    info.Info.MediaPool.AllocationPolicy = allocation;
    info.Info.MediaPool.DeallocationPolicy = deallocation;
    expect(SetNtmsObjectInformationW(session, &pool, &info), ERROR_SUCCESS, "its policies");
    return pool;
}

/* ---- refusals ---- */

static void expect_last_error(DWORD got, DWORD wanted, const char *what)
{
    expect(got, wanted, what);
    ok(GetLastError() == wanted, "%s: last error %lu, expected %lu\n", what, GetLastError(), wanted);
}

static HANDLE open_channel(HANDLE on, DWORD type)
{
    SetLastError(0xdeadbeef);
    HANDLE channel = OpenNtmsNotification(on, type);
    ok(channel != INVALID_HANDLE_VALUE && channel != NULL && GetLastError() == ERROR_SUCCESS,
       "OpenNtmsNotification(type %lu): %p, last error %lu\n", type, channel, GetLastError());
    return channel;
}

static void open_refused(HANDLE on, DWORD type, DWORD wanted, const char *what)
{
    SetLastError(0xdeadbeef);
    HANDLE channel = OpenNtmsNotification(on, type);
    ok(channel == INVALID_HANDLE_VALUE && GetLastError() == wanted, "OpenNtmsNotification(%s): %p, last error %lu\n",
       what, channel, GetLastError());
}

static void bad_handles(HANDLE closed_channel)
{
    NTMS_NOTIFICATIONINFORMATION info;
    HANDLE bad[] = { NULL, INVALID_HANDLE_VALUE, (HANDLE)0xdeadbeef, (HANDLE)(ULONG_PTR)4, session, closed_channel,
                     GetCurrentProcess(), (HANDLE)&info };

    for (unsigned i = 0; i < ARRAYSIZE(bad); i++) {
        char what[64];
        snprintf(what, sizeof(what), "WaitForNtmsNotification(%p)", bad[i]);
        expect_last_error(WaitForNtmsNotification(bad[i], &info, 0), ERROR_INVALID_HANDLE, what);
        expect_last_error(WaitForNtmsNotification(bad[i], NULL, 0), ERROR_INVALID_HANDLE, "the handle before the pointer");
        snprintf(what, sizeof(what), "CloseNtmsNotification(%p)", bad[i]);
        expect_last_error(CloseNtmsNotification(bad[i]), bad[i] ? ERROR_INVALID_HANDLE : ERROR_INVALID_PARAMETER, what);
    }
}

static void bad_sessions_and_types(void)
{
    HANDLE closed = OpenNtmsSessionW(NULL, L"closed", 0);

    CloseNtmsSession(closed);
    open_refused(NULL, NTMS_PHYSICAL_MEDIA, ERROR_INVALID_HANDLE, "a NULL session");
    open_refused(INVALID_HANDLE_VALUE, NTMS_PHYSICAL_MEDIA, ERROR_INVALID_HANDLE, "INVALID_HANDLE_VALUE");
    open_refused((HANDLE)0xdeadbeef, NTMS_PHYSICAL_MEDIA, ERROR_INVALID_HANDLE, "a garbage session");
    open_refused(closed, NTMS_PHYSICAL_MEDIA, ERROR_INVALID_HANDLE, "a closed session");
    open_refused(closed, 0, ERROR_INVALID_HANDLE, "a closed session and type 0: the session first");
    if (checkable(NOTIFICATION_TYPES_CHECKED, "OpenNtmsNotification of no object type")) {
        open_refused(session, NTMS_UNKNOWN, ERROR_INVALID_PARAMETER, "NTMS_UNKNOWN");
        open_refused(session, NTMS_NUMBER_OF_OBJECT_TYPES, ERROR_INVALID_PARAMETER, "NTMS_NUMBER_OF_OBJECT_TYPES");
        open_refused(session, 0xFFFFFFFF, ERROR_INVALID_PARAMETER, "type 0xFFFFFFFF");
    }
}

struct pending_wait {
    HANDLE channel;
    DWORD  result;
};

static DWORD WINAPI wait_forever(void *argument)
{
    struct pending_wait *w = argument;
    NTMS_NOTIFICATIONINFORMATION info;

    w->result = WaitForNtmsNotification(w->channel, &info, INFINITE);
    return 0;
}

/* A pool's description changed: one update, told to every channel of pools. */
static void touch_pool(const NTMS_GUID *pool, const WCHAR *description)
{
    NTMS_OBJECTINFORMATIONW info;

    information(pool, NTMS_MEDIA_POOL, &info);
    wcscpy(info.szDescription, description);
    expect(SetNtmsObjectInformationW(session, (LPNTMS_GUID)pool, &info), ERROR_SUCCESS, "a pool's description");
}

static void expect_update_of(HANDLE channel, const NTMS_GUID *id, DWORD timeout, const char *what)
{
    NTMS_NOTIFICATIONINFORMATION info;

    memset(&info, 0, sizeof(info));
    SetLastError(0xdeadbeef);
    DWORD result = WaitForNtmsNotification(channel, &info, timeout);
    ok(result == ERROR_SUCCESS && GetLastError() == ERROR_SUCCESS && info.dwOperation == NTMS_OBJ_UPDATE
       && same_guid(&info.ObjectId, id), "%s: %lu (last error %lu), operation %lu\n", what, result, GetLastError(),
       info.dwOperation);
}

static void waits_and_timeouts(const NTMS_GUID *pool)
{
    NTMS_NOTIFICATIONINFORMATION info;
    HANDLE channel = open_channel(session, NTMS_MEDIA_POOL), other = open_channel(session, NTMS_MEDIA_POOL);

    double t0 = now_us();
    expect_last_error(WaitForNtmsNotification(channel, &info, 0), ERROR_TIMEOUT, "dwTimeout 0 with nothing new");
    ok(now_us() - t0 < 50000, "dwTimeout 0 answers at once (%.0f us)\n", now_us() - t0);
    t0 = now_us();
    expect_last_error(WaitForNtmsNotification(channel, &info, 300), ERROR_TIMEOUT, "dwTimeout 300");
    ok(now_us() - t0 >= 295000 && now_us() - t0 < 1000000, "it waited its 300 ms (%.0f us)\n", now_us() - t0);
    expect_last_error(WaitForNtmsNotification(channel, NULL, 0), ERROR_INVALID_PARAMETER, "a NULL information pointer");

    touch_pool(pool, L"told once");
    expect_update_of(channel, pool, 0, "this process's own change, polled");
    expect_update_of(other, pool, INFINITE, "and on the other channel, INFINITE");
    expect_last_error(WaitForNtmsNotification(channel, &info, 0), ERROR_TIMEOUT, "told once only");
    expect_last_error(CloseNtmsNotification(other), ERROR_SUCCESS, "CloseNtmsNotification");
    expect_last_error(CloseNtmsNotification(other), ERROR_INVALID_HANDLE, "closed twice");

    /* Closed from another thread while a wait is pending. */
    struct pending_wait pending = { channel, 0xdeadbeef };
    HANDLE thread = CreateThread(NULL, 0, wait_forever, &pending, 0, NULL);
    Sleep(200);
    t0 = now_us();
    expect(CloseNtmsNotification(channel), ERROR_SUCCESS, "closed while a wait is pending");
    ok(WaitForSingleObject(thread, 5000) == WAIT_OBJECT_0, "the pending wait returned\n");
    if (checkable(NOTIFICATION_CLOSED_WHILE_WAITING, "the answer of a wait whose channel closed"))
        expect(pending.result, ERROR_INVALID_HANDLE, "the pending wait's answer");
    ok(now_us() - t0 < 100000, "within 100 ms (%.0f us)\n", now_us() - t0);
    CloseHandle(thread);
    bad_handles(channel);
}

static void sessions_close_their_channels(const NTMS_GUID *pool)
{
    NTMS_NOTIFICATIONINFORMATION info;
    HANDLE second = OpenNtmsSessionW(NULL, L"second", 0);
    HANDLE its = open_channel(second, NTMS_MEDIA_POOL), mine = open_channel(session, NTMS_MEDIA_POOL);

    expect(CloseNtmsSession(second), ERROR_SUCCESS, "the second session closed");
    expect_last_error(WaitForNtmsNotification(its, &info, 0), ERROR_INVALID_HANDLE, "its channel went with it");
    expect_last_error(CloseNtmsNotification(its), ERROR_INVALID_HANDLE, "and cannot be closed again");
    touch_pool(pool, L"after the session closed");
    expect_update_of(mine, pool, 1000, "another session's channel still hears");
    expect(CloseNtmsNotification(mine), ERROR_SUCCESS, "closed");
}

struct timed_wait {
    HANDLE channel;
    DWORD  result;
    double woken_us;
};

static DWORD WINAPI wait_once(void *argument)
{
    struct timed_wait *w = argument;
    NTMS_NOTIFICATIONINFORMATION info;

    w->result = WaitForNtmsNotification(w->channel, &info, 5000);
    w->woken_us = now_us();
    return 0;
}

/* Two threads asleep on channels of one type are both woken by a change,
 * each by its own wake-up: neither looks again only now and then. */
static void waiters_of_one_type(const NTMS_GUID *pool)
{
    enum { ROUNDS = 30 };
    double latency[2][ROUNDS];
    struct timed_wait w[2] = { { open_channel(session, NTMS_MEDIA_POOL), 0, 0 },
                               { open_channel(session, NTMS_MEDIA_POOL), 0, 0 } };

    for (int round = 0; round < ROUNDS; round++) {
        HANDLE threads[2];
        for (int i = 0; i < 2; i++)
            threads[i] = CreateThread(NULL, 0, wait_once, &w[i], 0, NULL);
        Sleep(25 + (DWORD)(round * 7 % 10));   /* both asleep in their waits, at no fixed phase */
        double before = now_us();
        touch_pool(pool, round % 2 ? L"odd" : L"even");
        ok(WaitForMultipleObjects(2, threads, TRUE, 10000) == WAIT_OBJECT_0, "both waits returned\n");
        for (int i = 0; i < 2; i++) {
            ok(w[i].result == ERROR_SUCCESS, "waiter %d, round %d: %lu\n", i, round, w[i].result);
            latency[i][round] = (w[i].woken_us - before) / 1000.0;
            CloseHandle(threads[i]);
        }
    }
    for (int i = 0; i < 2; i++) {
        qsort(latency[i], ROUNDS, sizeof(double), compare_doubles);
        printf("waiter %d of two on one type: woken %.2f ms after the change began (median), %.2f ms (p90)\n", i,
               latency[i][ROUNDS / 2], latency[i][ROUNDS * 9 / 10]);
        ok(latency[i][ROUNDS / 2] < 20.0, "waiter %d of one type woken %.2f ms after the change began (median)\n", i,
           latency[i][ROUNDS / 2]);
        CloseNtmsNotification(w[i].channel);
    }
    /* A waiter that only looked again every 10 ms would be 4-5 ms behind the
     * other (idle: 1 ms against 5-6); a loaded machine slows both alike. */
    double apart = latency[0][ROUNDS / 2] - latency[1][ROUNDS / 2];
    ok(apart < 3.0 && apart > -3.0, "both waiters woken alike: medians %.2f ms apart\n", apart);
}

static void refusals(void)
{
    NTMS_GUID pool = pool_with_policies(L"\\Refusals", 0, 0);

    bad_sessions_and_types();
    waits_and_timeouts(&pool);
    waiters_of_one_type(&pool);
    sessions_close_their_channels(&pool);
    expect(DeleteNtmsMediaPool(session, &pool), ERROR_SUCCESS, "the pool deleted");
}

/* ---- completions ---- */

/* Waits up to 60 s (RSM: queued work) for EVENT_COMPLETE of `id` on the channel, then closes it. */
static void expect_completion(HANDLE channel, const NTMS_GUID *id, const char *what)
{
    NTMS_NOTIFICATIONINFORMATION info;
    DWORD start = GetTickCount(), result;
    BOOL seen = FALSE;

    while (!seen && GetTickCount() - start < 60000
           && (result = WaitForNtmsNotification(channel, &info, 60000 - (GetTickCount() - start))) == ERROR_SUCCESS)
        seen = info.dwOperation == NTMS_EVENT_COMPLETE && same_guid(&info.ObjectId, id);
    ok(seen, "%s: NTMS_EVENT_COMPLETE of its id\n", what);
    CloseNtmsNotification(channel);
}

static void completions(void)
{
    NTMS_GUID pool = pool_with_policies(L"\\Completions", NTMS_ALLOCATE_FROMSCRATCH, 0), lmid = { 0 }, drive = { 0 };

    find_the_library();
    if (!checkable(COMPLETIONS_ON_THE_ID_TYPE, "which channel carries completions"))
        return;
    HANDLE channel = open_channel(session, NTMS_STORAGESLOT);
    NTMS_GUID side = identified_side(&slots[0]);
    expect_completion(channel, &slots[0], "IdentifyNtmsSlot, on the slot's channel");
    channel = open_channel(session, NTMS_LIBRARY);
    expect(InventoryNtmsLibrary(session, &library, NTMS_INVENTORY_FAST), ERROR_SUCCESS, "InventoryNtmsLibrary");
    expect_completion(channel, &library, "InventoryNtmsLibrary, on the library's channel");

    NTMS_OBJECTINFORMATIONW part, media;
    information(&side, NTMS_PARTITION, &part);
    information(&part.Info.Partition.PhysicalMedia, NTMS_PHYSICAL_MEDIA, &media);
    NTMS_GUID free_pool = free_pool_of_type(&media.Info.PhysicalMedia.MediaType);
    channel = open_channel(session, NTMS_MEDIA_POOL);
    expect(MoveToNtmsMediaPool(session, &media.ObjectGuid, &free_pool), ERROR_SUCCESS, "MoveToNtmsMediaPool to Free");
    expect_completion(channel, &free_pool, "MoveToNtmsMediaPool, on the destination pool's channel");

    channel = open_channel(session, NTMS_LOGICAL_MEDIA);
    expect(AllocateNtmsMedia(session, &pool, NULL, &lmid, 0, 10000, NULL), ERROR_SUCCESS, "AllocateNtmsMedia");
    expect_completion(channel, &lmid, "AllocateNtmsMedia, on the logical medium's channel");
    expect(MountNtmsMedia(session, &lmid, &drive, 1, NTMS_MOUNT_READ, NTMS_PRIORITY_NORMAL, 60000, NULL),
           ERROR_SUCCESS, "MountNtmsMedia");
    channel = open_channel(session, NTMS_LOGICAL_MEDIA);
    expect(DismountNtmsMedia(session, &lmid, 1, NTMS_DISMOUNT_DEFERRED), ERROR_SUCCESS, "DismountNtmsMedia(DEFERRED)");
    expect_completion(channel, &lmid, "DismountNtmsMedia, on the channel of the id named");
    channel = open_channel(session, NTMS_DRIVE);
    expect(DismountNtmsDrive(session, &drive), ERROR_SUCCESS, "DismountNtmsDrive");
    expect_completion(channel, &drive, "DismountNtmsDrive, on the drive's channel");
    dismount_finished(session, &drive);
    expect(DeallocateNtmsMedia(session, &lmid, 0), ERROR_SUCCESS, "DeallocateNtmsMedia");
}

/* ---- the proof: listeners, writers, the check ---- */

static void prepare(const char *fence_file)
{
    NTMS_OBJECTINFORMATIONW media, side;
    NTMS_GUID fence_pool = pool_with_policies(L"\\Fence", 0, 0);
    char text[40];

    pool_with_policies(L"\\Notify", NTMS_ALLOCATE_FROMSCRATCH, NTMS_DEALLOCATE_TOSCRATCH);
    pool_with_policies(L"\\Noise", NTMS_ALLOCATE_FROMSCRATCH, NTMS_DEALLOCATE_TOSCRATCH);
    memset(&media, 0, sizeof(media));
    memset(&side, 0, sizeof(side));
    media.dwSize = side.dwSize = sizeof(media);
    media.dwType = NTMS_PHYSICAL_MEDIA;
    side.dwType = NTMS_PARTITION;
    media.Info.PhysicalMedia.MediaPool = fence_pool;
    media.Info.PhysicalMedia.dwNumberOfPartitions = 1;
    wcscpy(media.Info.PhysicalMedia.szBarCode, L"FENCE1L6");
    side.Info.Partition.State = NTMS_PARTSTATE_AVAILABLE;
    side.Info.Partition.dwOmidLabelIdLength = 5;
    memcpy(side.Info.Partition.OmidLabelId, "FENCE", 5);
    wcscpy(side.Info.Partition.szOmidLabelType, L"ntmsapi test");
    expect(CreateNtmsMediaW(session, &media, &side, 0), ERROR_SUCCESS, "the fence medium, offline");
    guid_text(&media.ObjectGuid, text);
    FILE *f = fopen(fence_file, "w");
    ok(f != NULL, "%s\n", fence_file);
    if (f) {
        fprintf(f, "%s\n", text);
        fclose(f);
    }
}

struct heard {
    double    at_us;
    DWORD     operation;
    NTMS_GUID id;
};

/* Every NTMS_PHYSICAL_MEDIA notification until the fence medium is deleted. */
static void listen_to(const char *fence_file, const char *log, const char *ready, BOOL poll)
{
    NTMS_GUID fence = read_fence(fence_file);
    NTMS_NOTIFICATIONINFORMATION info;
    unsigned capacity = 1 << 16, count = 0;
    struct heard *heard = malloc(capacity * sizeof(*heard));
    HANDLE channel = open_channel(session, NTMS_PHYSICAL_MEDIA);
    DWORD result = ERROR_SUCCESS;
    FILE *f = fopen(ready, "w");

    if (f)
        fclose(f);
    double quiet_since = now_us();
    unsigned quiet_polls = 0;
    while (count < capacity) {
        result = WaitForNtmsNotification(channel, &info, poll ? 0 : INFINITE);
        if (poll && result == ERROR_TIMEOUT) {
            if (++quiet_polls % 4096 == 0)   /* what a listener that hangs was doing, in the test's log */
                fprintf(stderr, "polling listener: %u polls answered ERROR_TIMEOUT in %.0f ms since notification %u\n",
                        quiet_polls, (now_us() - quiet_since) / 1000, count);
            Sleep(1);
            continue;
        }
        quiet_since = now_us();
        quiet_polls = 0;
        if (result != ERROR_SUCCESS)
            break;
        heard[count++] = (struct heard){ now_us(), info.dwOperation, info.ObjectId };
        if (info.dwOperation == NTMS_OBJ_DELETE && same_guid(&info.ObjectId, &fence))
            break;
    }
    expect(result, ERROR_SUCCESS, poll ? "every poll answered" : "every wait answered");
    f = fopen(log, "w");
    for (unsigned i = 0; f && i < count; i++) {
        char text[40];
        guid_text(&heard[i].id, text);
        fprintf(f, "%.1f %lu %s\n", heard[i].at_us, heard[i].operation, text);
    }
    if (f)
        fclose(f);
    printf("%s: %u notifications\n", poll ? "polling listener" : "waiting listener", count);
    CloseNtmsNotification(channel);
    free(heard);
}

/* The physical media as the API shows them (the fence excluded). */
struct snapshot {
    NTMS_OBJECTINFORMATIONW media[128];
    DWORD                   count;
};

static void take_snapshot(struct snapshot *s, const NTMS_GUID *fence)
{
    NTMS_GUID ids[128];
    DWORD count = ARRAYSIZE(ids);

    s->count = 0;
    expect(EnumerateNtmsObject(session, NULL, ids, &count, NTMS_PHYSICAL_MEDIA, 0), ERROR_SUCCESS, "the media");
    for (DWORD i = 0; i < count; i++)
        if (!same_guid(&ids[i], fence) && information(&ids[i], NTMS_PHYSICAL_MEDIA, &s->media[s->count]))
            s->count++;
}

static const NTMS_OBJECTINFORMATIONW *find_in(const struct snapshot *s, const NTMS_GUID *id)
{
    for (DWORD i = 0; i < s->count; i++)
        if (same_guid(&s->media[i].ObjectGuid, id))
            return &s->media[i];
    return NULL;
}

static FILE *writer_log;
static NTMS_GUID fence_id;
static struct snapshot before_op;
static unsigned changes_logged;

static void log_change(char what, const NTMS_GUID *id)
{
    char text[40];

    guid_text(id, text);
    fprintf(writer_log, "change %c %s\n", what, text);
    changes_logged++;
}

static void op_begin(const char *name, int slot)
{
    fprintf(writer_log, "op %s %d\n", name, slot);
    take_snapshot(&before_op, &fence_id);
}

/* What the operation changed, then the fence that ends its part of the listeners' logs. */
static void op_end(BOOL checked)
{
    struct snapshot *after = malloc(sizeof(*after));
    NTMS_OBJECTINFORMATIONW fence;

    take_snapshot(after, &fence_id);
    for (DWORD i = 0; i < after->count; i++) {
        const NTMS_OBJECTINFORMATIONW *was = find_in(&before_op, &after->media[i].ObjectGuid);
        if (!was)
            log_change('I', &after->media[i].ObjectGuid);
        else if (memcmp(was, &after->media[i], sizeof(*was)))
            log_change('U', &after->media[i].ObjectGuid);
    }
    for (DWORD i = 0; i < before_op.count; i++)
        if (!find_in(after, &before_op.media[i].ObjectGuid))
            log_change('D', &before_op.media[i].ObjectGuid);
    free(after);
    information(&fence_id, NTMS_PHYSICAL_MEDIA, &fence);
    swprintf(fence.szDescription, ARRAYSIZE(fence.szDescription), L"fence at %.1f", now_us());   /* never the same */
    double before = now_us();
    expect(SetNtmsObjectInformationW(session, &fence_id, &fence), ERROR_SUCCESS, "the fence");
    fprintf(writer_log, "fence %.1f %.1f %s\n", before, now_us(), checked ? "checked" : "unchecked");
    fflush(writer_log);
}

static void identify_all(void)
{
    for (DWORD i = 0; i < slot_count; i++) {
        NTMS_OBJECTINFORMATIONW slot;
        if (!information(&slots[i], NTMS_STORAGESLOT, &slot) || slot.Info.StorageSlot.State != NTMS_SLOTSTATE_FULL)
            continue;
        op_begin("identify", (int)i + 1);
        expect(IdentifyNtmsSlot(session, &slots[i], NTMS_DISMOUNT_IMMEDIATE), ERROR_SUCCESS, "IdentifyNtmsSlot");
        op_end(TRUE);
    }
}

/* Media not in Free or \Notify (new ones, or left in \Noise by a killed writer) to Free. */
static void all_to_free(const NTMS_GUID *notify)
{
    struct snapshot *now = malloc(sizeof(*now));

    take_snapshot(now, &fence_id);
    for (DWORD i = 0; i < now->count; i++) {
        const NTMS_OBJECTINFORMATIONW *m = &now->media[i];
        NTMS_GUID free_pool = free_pool_of_type(&m->Info.PhysicalMedia.MediaType);
        if (same_guid(&m->Info.PhysicalMedia.MediaPool, &free_pool) || same_guid(&m->Info.PhysicalMedia.MediaPool, notify))
            continue;
        op_begin("to-free", 0);
        DWORD result = MoveToNtmsMediaPool(session, (LPNTMS_GUID)&m->ObjectGuid, &free_pool);
        ok(result == ERROR_SUCCESS || result == ERROR_INVALID_STATE, "MoveToNtmsMediaPool to Free: %lu\n", result);
        op_end(TRUE);
    }
    free(now);
}

static void allocate_and_deallocate(const NTMS_GUID *notify, int rounds)
{
    for (int round = 0; round < rounds; round++) {
        NTMS_GUID lmid = { 0 };
        op_begin("allocate", round);
        expect(AllocateNtmsMedia(session, (LPNTMS_GUID)notify, NULL, &lmid, 0, 30000, NULL), ERROR_SUCCESS,
               "AllocateNtmsMedia from \\Notify (FROMSCRATCH)");
        op_end(TRUE);
        op_begin("deallocate", round);
        expect(DeallocateNtmsMedia(session, &lmid, 0), ERROR_SUCCESS, "DeallocateNtmsMedia (TOSCRATCH)");
        op_end(TRUE);
    }
}

static void write_changes(const char *fence_file, const char *log, int rounds, BOOL after_noise)
{
    NTMS_GUID notify = pool_with_policies(L"\\Notify", NTMS_ALLOCATE_FROMSCRATCH, NTMS_DEALLOCATE_TOSCRATCH);

    fence_id = read_fence(fence_file);
    writer_log = fopen(log, "a");
    ok(writer_log != NULL, "%s\n", log);
    if (!writer_log)
        return;
    find_the_library();
    if (after_noise) {   /* whatever the killed writer did is before this fence */
        op_begin("after-noise", 0);
        op_end(FALSE);
    }
    identify_all();
    all_to_free(&notify);
    allocate_and_deallocate(&notify, rounds);
    identify_all();
    printf("the writer logged %u changes\n", changes_logged);
    fclose(writer_log);
}

/* A writer to kill: identifications and allocations, unlogged. */
static void noise(int seconds)
{
    NTMS_GUID pool = pool_with_policies(L"\\Noise", NTMS_ALLOCATE_FROMSCRATCH, NTMS_DEALLOCATE_TOSCRATCH), lmid;
    DWORD start = GetTickCount();

    find_the_library();
    printf("noise: writing\n");
    fflush(stdout);
    for (DWORD i = 0; GetTickCount() - start < (DWORD)seconds * 1000; i++) {
        IdentifyNtmsSlot(session, &slots[i % slot_count], NTMS_DISMOUNT_IMMEDIATE);
        if (AllocateNtmsMedia(session, &pool, NULL, &lmid, 0, 0, NULL) == ERROR_SUCCESS)
            DeallocateNtmsMedia(session, &lmid, 0);
    }
}

/* ---- the check ---- */

struct logged_op {
    unsigned first, count;   /* its changes */
    double fence_before, fence_after;   /* the writer's call that changed the fence began, returned */
    BOOL   checked;
};

struct writer_record {
    struct logged_op  *ops;
    unsigned             op_count;
    struct heard      *changes;   /* at_us unused; operation 'I', 'U' or 'D' */
    unsigned             change_count;
};

static BOOL read_writer_log(const char *path, struct writer_record *w)
{
    char line[256], what, id[64], checked[16];
    double before, after;
    FILE *f = fopen(path, "r");

    memset(w, 0, sizeof(*w));
    w->ops = calloc(1 << 14, sizeof(*w->ops));
    w->changes = calloc(1 << 16, sizeof(*w->changes));
    unsigned first = 0;
    while (f && fgets(line, sizeof(line), f) && w->op_count < (1 << 14) && w->change_count < (1 << 16)) {
        if (sscanf(line, "change %c %63s", &what, id) == 2 && guid_parse(id, &w->changes[w->change_count].id)) {
            w->changes[w->change_count++].operation = (DWORD)what;
        } else if (sscanf(line, "fence %lf %lf %15s", &before, &after, checked) == 3) {
            w->ops[w->op_count++] = (struct logged_op){ first, w->change_count - first, before, after,
                                                        !strcmp(checked, "checked") };
            first = w->change_count;
        }
    }
    if (f)
        fclose(f);
    return f != NULL;
}

static unsigned read_listener_log(const char *path, struct heard *heard, unsigned capacity)
{
    char line[256], id[64];
    unsigned count = 0;
    FILE *f = fopen(path, "r");

    while (f && count < capacity && fgets(line, sizeof(line), f))
        if (sscanf(line, "%lf %lu %63s", &heard[count].at_us, &heard[count].operation, id) == 3
            && guid_parse(id, &heard[count].id))
            count++;
    if (f)
        fclose(f);
    return count;
}

/* Of the changes the operation made, how many the notifications between
 * its fences told (each one expected: an insertion told first as one, a
 * deletion last as one). */
static unsigned changes_told(const struct writer_record *w, const struct logged_op *op, const struct heard *heard,
                             unsigned count, unsigned op_index)
{
    unsigned told = 0;

    for (unsigned c = op->first; c < op->first + op->count; c++) {
        const struct heard *change = &w->changes[c];
        unsigned first = count, last = count;
        for (unsigned i = 0; i < count; i++)
            if (same_guid(&heard[i].id, &change->id))
                last = i, first = first == count ? i : first;
        char text[40];
        guid_text(&change->id, text);
        ok(first < count, "operation %u: medium %s changed (%c) and nobody was told\n", op_index, text,
           (char)change->operation);
        told += first < count;
        if (first < count && change->operation == 'I')
            ok(heard[first].operation == NTMS_OBJ_INSERT, "operation %u: %s told first as %lu, not INSERT\n",
               op_index, text, heard[first].operation);
        if (first < count && change->operation == 'D')
            ok(heard[last].operation == NTMS_OBJ_DELETE, "operation %u: %s told last as %lu, not DELETE\n",
               op_index, text, heard[last].operation);
    }
    return told;
}

/* Every notification between the operation's fences names a medium it changed. */
static void nothing_else_told(const struct writer_record *w, const struct logged_op *op, const struct heard *heard,
                              unsigned count, unsigned op_index)
{
    for (unsigned i = 0; i < count; i++) {
        BOOL changed = FALSE;
        for (unsigned c = op->first; c < op->first + op->count && !changed; c++)
            changed = same_guid(&heard[i].id, &w->changes[c].id);
        char text[40];
        guid_text(&heard[i].id, text);
        ok(changed, "operation %u: told of %s (%lu), which it did not change\n", op_index, text, heard[i].operation);
    }
}

/* Every fence in order, each operation's notifications right, the stop last. */
/* How late each fence was told. The change is committed somewhere within
 * the writer's call, whose own time (a flush to disk) is the writer's, not
 * the delivery's: the promise is judged from the call's return, and the
 * time from its start is printed beside it. */
struct fence_times {
    double *from_start, *from_return, slowest_call;
    unsigned slowest;
};

static void fence_told(struct fence_times *t, unsigned op, const struct logged_op *o, double heard_us)
{
    double from_return = heard_us > o->fence_after ? (heard_us - o->fence_after) / 1000.0 : 0.0;

    t->from_start[op] = (heard_us - o->fence_before) / 1000.0;
    if (!op || from_return > t->from_return[t->slowest]) {
        t->slowest = op;
        t->slowest_call = (o->fence_after - o->fence_before) / 1000.0;
    }
    t->from_return[op] = from_return;
}

static void report_fence_times(struct fence_times *t, unsigned ops, const char *name)
{
    double slowest = t->from_return[t->slowest];

    qsort(t->from_start, ops, sizeof(double), compare_doubles);
    qsort(t->from_return, ops, sizeof(double), compare_doubles);
    printf("%s: fence told after the writer's call began: median %.2f ms, p99 %.2f ms, max %.2f ms; "
           "after it returned: median %.2f ms, p99 %.2f ms, max %.2f ms (that call took %.2f ms)\n",
           name, t->from_start[ops / 2], t->from_start[ops * 99 / 100], t->from_start[ops - 1],
           t->from_return[ops / 2], t->from_return[ops * 99 / 100], slowest, t->slowest_call);
    ok(slowest < 100.0, "%s: every fence told within 100 ms of its change (the slowest %.2f ms)\n", name, slowest);
}

static void check_listener(const NTMS_GUID *fence, const struct writer_record *w, const struct heard *heard,
                           unsigned count, const char *name, unsigned min_changes)
{
    struct fence_times times = { calloc(w->op_count + 1, sizeof(double)), calloc(w->op_count + 1, sizeof(double)),
                                 0.0, 0 };
    unsigned op = 0, start = 0, told = 0;
    BOOL stopped = FALSE;

    for (unsigned i = 0; i < count && !stopped; i++) {
        if (!same_guid(&heard[i].id, fence))
            continue;
        if (heard[i].operation == NTMS_OBJ_DELETE) {
            stopped = TRUE;
        } else if (op < w->op_count) {
            ok(heard[i].operation == NTMS_OBJ_UPDATE, "%s: the fence told as %lu\n", name, heard[i].operation);
            if (w->ops[op].checked) {
                told += changes_told(w, &w->ops[op], heard + start, i - start, op);
                nothing_else_told(w, &w->ops[op], heard + start, i - start, op);
            }
            fence_told(&times, op, &w->ops[op], heard[i].at_us);
            op++;
            start = i + 1;
        } else {
            ok(0, "%s: a fence too many\n", name);
        }
    }
    ok(stopped && op == w->op_count, "%s: %u of %u fences, in order, then the stop (%s)\n", name, op, w->op_count,
       stopped ? "seen" : "missing");
    ok(told >= min_changes, "%s: told of %u changes of the operations checked (at least %u)\n", name, told,
       min_changes);
    printf("%s: %u notifications, %u changes told\n", name, count, told);
    if (op)
        report_fence_times(&times, op, name);
    free(times.from_start);
    free(times.from_return);
}

static int check_logs(const char *fence_file, const char *writer_log_path, int min_changes, int listeners,
                      const char *const *listener_logs)
{
    struct writer_record w;
    NTMS_GUID fence = read_fence(fence_file);
    unsigned capacity = 1 << 16, first_count = 0;
    struct heard *first = malloc(capacity * sizeof(*first)), *heard = malloc(capacity * sizeof(*heard));

    ok(read_writer_log(writer_log_path, &w), "the writer's log %s\n", writer_log_path);
    unsigned checked_changes = 0;
    for (unsigned i = 0; i < w.op_count; i++)
        checked_changes += w.ops[i].checked ? w.ops[i].count : 0;
    printf("the writers: %u operations, %u media changed by those checked\n", w.op_count, checked_changes);
    for (int l = 0; l < listeners; l++) {
        unsigned count = read_listener_log(listener_logs[l], l ? heard : first, capacity);
        check_listener(&fence, &w, l ? heard : first, count, listener_logs[l], (unsigned)min_changes);
        if (l == 0) {
            first_count = count;
            continue;
        }
        BOOL same = count == first_count;
        for (unsigned i = 0; same && i < count; i++)
            same = heard[i].operation == first[i].operation && same_guid(&heard[i].id, &first[i].id);
        ok(same, "%s heard what %s heard, in the same order\n", listener_logs[l], listener_logs[0]);
    }
    free(first);
    free(heard);
    free(w.ops);
    free(w.changes);
    return wintest_finish();
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";

    if (argc >= 6 && !strcmp(mode, "check"))
        return check_logs(argv[2], argv[3], atoi(argv[4]), argc - 5, (const char *const *)argv + 5);
    session = OpenNtmsSessionW(NULL, L"ntmsapi test_notification", 0);
    ok(session != INVALID_HANDLE_VALUE, "OpenNtmsSessionW failed: %lu\n", GetLastError());
    if (!strcmp(mode, "refusals")) {
        refusals();
    } else if (!strcmp(mode, "completions")) {
        completions();
    } else if (argc == 3 && !strcmp(mode, "prepare")) {
        prepare(argv[2]);
    } else if ((argc == 5 || argc == 6) && !strcmp(mode, "listen")) {
        listen_to(argv[2], argv[3], argv[4], argc == 6 && !strcmp(argv[5], "poll"));
    } else if ((argc == 5 || argc == 6) && !strcmp(mode, "write")) {
        write_changes(argv[2], argv[3], atoi(argv[4]), argc == 6 && !strcmp(argv[5], "after-noise"));
    } else if (argc == 3 && !strcmp(mode, "noise")) {
        noise(atoi(argv[2]));
    } else if (argc == 3 && !strcmp(mode, "stop")) {
        NTMS_GUID fence = read_fence(argv[2]);
        expect(DeleteNtmsMedia(session, &fence), ERROR_SUCCESS, "the fence medium deleted: the listeners stop");
    } else {
        ok(0, "usage: test_notification.exe MODE ARGUMENTS (see the program's first comment)\n");
    }
    CloseNtmsSession(session);
    return wintest_finish();
}
