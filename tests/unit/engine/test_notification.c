/* Notification channels on the shared database: what reaches a channel
 * and in which order, waking within 100 ms (threads and other processes),
 * a channel that fell behind, closed and garbage handles, sessions that
 * close, processes killed while waiting or while committing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/core/change_bell.h"
#include "engine/core/notification.h"
#include "engine/core/objdb.h"
#include "platform/plat_file.h"
#include "platform/plat_random.h"
#include "platform/plat_time.h"

static char dir[64];
static struct objdb *db;

static int open_db(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/ntmsapi-notify-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    return objdb_open(dir, &db) == NTMS_OK ? 0 : -1;
}

static int close_db(void **state)
{
    char command[128];

    (void)state;
    objdb_close(db);
    snprintf(command, sizeof(command), "rm -rf '%s'", dir);
    return system(command);
}

/* ---- changes ---- */

static ntms_guid put(struct objdb *on, uint32_t type, const ntms_guid *id, uint16_t mark)
{
    struct rsm_object o;

    memset(&o, 0, sizeof(o));
    if (id)
        o.id = *id;
    else
        ntms_guid_generate(&o.id);
    o.type = type;
    o.description[0] = mark;
    assert_int_equal(objdb_begin_write(on), NTMS_OK);
    assert_int_equal(objdb_put(on, &o), NTMS_OK);
    assert_int_equal(objdb_commit(on), NTMS_OK);
    return o.id;
}

static void delete(struct objdb *on, const ntms_guid *id)
{
    assert_int_equal(objdb_begin_write(on), NTMS_OK);
    assert_int_equal(objdb_delete(on, id), NTMS_OK);
    assert_int_equal(objdb_commit(on), NTMS_OK);
}

static uintptr_t open_channel(uint32_t session, uint32_t type)
{
    uintptr_t h = 0;

    assert_int_equal(notification_open(db, session, type, &h), NTMS_OK);
    return h;
}

static void expect(uintptr_t h, uint32_t operation, const ntms_guid *id)
{
    struct notification n;

    assert_int_equal(notification_wait(h, 0, &n), NTMS_OK);
    assert_int_equal(n.operation, operation);
    assert_true(ntms_guid_equal(&n.id, id));
}

static void expect_nothing(uintptr_t h)
{
    struct notification n;

    assert_int_equal(notification_wait(h, 0, &n), NTMS_E_TIMEOUT);
}

static void changes_arrive_in_commit_order_with_their_operation(void **state)
{
    (void)state;
    ntms_guid before = put(db, RSM_PHYSICAL_MEDIA, NULL, 1);   /* before the channel: not told */
    uintptr_t h = open_channel(1, RSM_PHYSICAL_MEDIA);
    expect_nothing(h);
    ntms_guid a = put(db, RSM_PHYSICAL_MEDIA, NULL, 1);
    put(db, RSM_STORAGESLOT, NULL, 1);                       /* another type: not told */
    put(db, RSM_PHYSICAL_MEDIA, &a, 2);
    put(db, RSM_PHYSICAL_MEDIA, &a, 2);                      /* unchanged: nothing committed */
    ntms_guid b = put(db, RSM_PHYSICAL_MEDIA, NULL, 1);
    delete(db, &a);
    put(db, RSM_PHYSICAL_MEDIA, &before, 3);
    expect(h, RSM_OBJ_INSERT, &a);
    expect(h, RSM_OBJ_UPDATE, &a);
    expect(h, RSM_OBJ_INSERT, &b);
    expect(h, RSM_OBJ_DELETE, &a);
    expect(h, RSM_OBJ_UPDATE, &before);
    expect_nothing(h);
    assert_int_equal(notification_close(h), NTMS_OK);
}

static void set_attribute(const ntms_guid *id, const char *value)
{
    assert_int_equal(objdb_begin_write(db), NTMS_OK);
    assert_int_equal(objdb_attribute_set(db, id, "Label", value, value ? strlen(value) + 1 : 0), NTMS_OK);
    assert_int_equal(objdb_commit(db), NTMS_OK);
}

static void attributes_and_descriptors_update_their_object(void **state)
{
    static const uint8_t descriptor[20] = { 1, 0, 4, 0x80 };

    (void)state;
    ntms_guid medium = put(db, RSM_PHYSICAL_MEDIA, NULL, 1);
    uintptr_t h = open_channel(1, RSM_PHYSICAL_MEDIA);
    set_attribute(&medium, "first");
    set_attribute(&medium, NULL);   /* deleted */
    assert_int_equal(objdb_begin_write(db), NTMS_OK);
    assert_int_equal(objdb_security_set(db, &medium, descriptor, sizeof(descriptor)), NTMS_OK);
    assert_int_equal(objdb_commit(db), NTMS_OK);
    expect(h, RSM_OBJ_UPDATE, &medium);
    expect(h, RSM_OBJ_UPDATE, &medium);
    expect(h, RSM_OBJ_UPDATE, &medium);
    expect_nothing(h);
    set_attribute(&medium, "again");
    expect(h, RSM_OBJ_UPDATE, &medium);
    struct rsm_object o;   /* the object and two of its parts in one commit: told once */
    assert_int_equal(objdb_begin_write(db), NTMS_OK);
    assert_int_equal(objdb_get(db, &medium, &o), NTMS_OK);
    o.description[0] = 7;
    assert_int_equal(objdb_put(db, &o), NTMS_OK);
    assert_int_equal(objdb_attribute_set(db, &medium, "Label", "x", 2), NTMS_OK);
    assert_int_equal(objdb_attribute_set(db, &medium, "Other", "y", 2), NTMS_OK);
    assert_int_equal(objdb_commit(db), NTMS_OK);
    expect(h, RSM_OBJ_UPDATE, &medium);
    expect_nothing(h);
    delete(db, &medium);   /* its attribute and descriptor go with it: told once */
    expect(h, RSM_OBJ_DELETE, &medium);
    expect_nothing(h);
    notification_close(h);
}

static void one_commit_is_told_whole(void **state)
{
    ntms_guid ids[3];
    struct rsm_object o;

    (void)state;
    uintptr_t h = open_channel(1, RSM_PHYSICAL_MEDIA);
    assert_int_equal(objdb_begin_write(db), NTMS_OK);
    for (int i = 0; i < 3; i++) {
        memset(&o, 0, sizeof(o));
        ntms_guid_generate(&o.id);
        o.type = RSM_PHYSICAL_MEDIA;
        assert_int_equal(objdb_put(db, &o), NTMS_OK);
        ids[i] = o.id;
    }
    assert_int_equal(objdb_commit(db), NTMS_OK);
    struct notification n;
    int seen[3] = { 0 };
    for (int i = 0; i < 3; i++) {
        assert_int_equal(notification_wait(h, 0, &n), NTMS_OK);
        assert_int_equal(n.operation, RSM_OBJ_INSERT);
        for (int k = 0; k < 3; k++)
            seen[k] += ntms_guid_equal(&n.id, &ids[k]);
    }
    assert_true(seen[0] == 1 && seen[1] == 1 && seen[2] == 1);
    expect_nothing(h);
    notification_close(h);
}

static void every_channel_of_the_type_gets_every_change(void **state)
{
    (void)state;
    uintptr_t first = open_channel(1, RSM_DRIVE), second = open_channel(2, RSM_DRIVE);
    ntms_guid d = put(db, RSM_DRIVE, NULL, 1);
    put(db, RSM_DRIVE, &d, 2);
    expect(first, RSM_OBJ_INSERT, &d);
    expect(first, RSM_OBJ_UPDATE, &d);
    expect(second, RSM_OBJ_INSERT, &d);
    expect(second, RSM_OBJ_UPDATE, &d);
    notification_close(first);
    notification_close(second);
}

static void signals_arrive_on_their_type(void **state)
{
    ntms_guid slot;

    (void)state;
    ntms_guid_generate(&slot);
    uintptr_t slots = open_channel(1, RSM_STORAGESLOT), libraries = open_channel(1, RSM_LIBRARY);
    assert_int_equal(objdb_begin_write(db), NTMS_OK);
    assert_int_equal(objdb_signal(db, RSM_STORAGESLOT, RSM_EVENT_COMPLETE, &slot), NTMS_OK);
    assert_int_equal(objdb_commit(db), NTMS_OK);
    expect(slots, RSM_EVENT_COMPLETE, &slot);
    expect_nothing(slots);
    expect_nothing(libraries);
    notification_close(slots);
    notification_close(libraries);
}

/* ---- waiting ---- */

static void a_poll_answers_at_once_and_a_timeout_waits_its_time(void **state)
{
    struct notification n;

    (void)state;
    uintptr_t h = open_channel(1, RSM_LIBRARY);
    uint64_t t0 = plat_monotonic_ns();
    assert_int_equal(notification_wait(h, 0, &n), NTMS_E_TIMEOUT);
    assert_true(plat_monotonic_ns() - t0 < 50 * 1000000ull);
    t0 = plat_monotonic_ns();
    assert_int_equal(notification_wait(h, 150, &n), NTMS_E_TIMEOUT);
    uint64_t waited = plat_monotonic_ns() - t0;
    assert_true(waited >= 149 * 1000000ull && waited < 400 * 1000000ull);
    notification_close(h);
}

struct waiter {
    uintptr_t           handle;
    uint32_t            timeout;
    ntms_err            status;
    struct notification got;
    uint64_t            woke_at;
};

static void *wait_thread(void *argument)
{
    struct waiter *w = argument;

    w->status = notification_wait(w->handle, w->timeout, &w->got);
    w->woke_at = plat_monotonic_ns();
    return NULL;
}

static void a_waiting_thread_wakes_within_100_ms(void **state)
{
    pthread_t thread;

    (void)state;
    struct waiter w = { .handle = open_channel(1, RSM_PHYSICAL_MEDIA), .timeout = NOTIFICATION_WAIT_FOREVER };
    assert_int_equal(pthread_create(&thread, NULL, wait_thread, &w), 0);
    plat_sleep_ms(50);   /* asleep by now */
    uint64_t committed = plat_monotonic_ns();
    ntms_guid m = put(db, RSM_PHYSICAL_MEDIA, NULL, 1);
    pthread_join(thread, NULL);
    assert_int_equal(w.status, NTMS_OK);
    assert_int_equal(w.got.operation, RSM_OBJ_INSERT);
    assert_true(ntms_guid_equal(&w.got.id, &m));
    assert_true(w.woke_at - committed < 100 * 1000000ull);
    notification_close(w.handle);
}

static void closing_a_channel_wakes_its_waiter(void **state)
{
    pthread_t thread;

    (void)state;
    struct waiter w = { .handle = open_channel(1, RSM_MEDIA_POOL), .timeout = NOTIFICATION_WAIT_FOREVER };
    assert_int_equal(pthread_create(&thread, NULL, wait_thread, &w), 0);
    plat_sleep_ms(50);
    uint64_t closed = plat_monotonic_ns();
    assert_int_equal(notification_close(w.handle), NTMS_OK);
    pthread_join(thread, NULL);
    assert_int_equal(w.status, NTMS_E_INVALID_HANDLE);
    assert_true(w.woke_at - closed < 100 * 1000000ull);
}

/* A child process opens the database itself and commits `count` media,
 * one a commit. */
static pid_t commit_in_child(int count, unsigned pause_us)
{
    pid_t child = fork();

    assert_true(child >= 0);
    if (child == 0) {
        struct objdb *own;
        if (objdb_open(dir, &own) != NTMS_OK)
            _exit(2);
        for (int i = 0; i < count; i++) {
            put(own, RSM_PHYSICAL_MEDIA, NULL, (uint16_t)i);
            if (pause_us)
                usleep(pause_us);
        }
        objdb_close(own);
        _exit(0);
    }
    return child;
}

static void another_process_wakes_a_waiter_for_every_change(void **state)
{
    struct notification n;
    int status, received = 0;
    uint64_t slowest = 0;

    (void)state;
    uintptr_t h = open_channel(1, RSM_PHYSICAL_MEDIA);
    pid_t child = commit_in_child(200, 2000);
    uint64_t last = plat_monotonic_ns();
    while (received < 200) {
        assert_int_equal(notification_wait(h, 5000, &n), NTMS_OK);
        assert_int_equal(n.operation, RSM_OBJ_INSERT);
        uint64_t now = plat_monotonic_ns();
        slowest = now - last > slowest ? now - last : slowest;
        last = now;
        received++;
    }
    waitpid(child, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    expect_nothing(h);
    assert_true(slowest < 100 * 1000000ull);   /* the child commits every ~2 ms */
    notification_close(h);
}

/* ---- falling behind ---- */

static void a_channel_that_fell_behind_says_so(void **state)
{
    struct notification n;

    (void)state;
    uintptr_t h = open_channel(1, RSM_PHYSICAL_MEDIA);
    objdb_set_checkpoint_after(db, 2048);
    for (int i = 0; i < 60; i++)   /* several checkpoints */
        put(db, RSM_PHYSICAL_MEDIA, NULL, (uint16_t)i);
    ntms_err status;
    int delivered = 0;
    while ((status = notification_wait(h, 0, &n)) == NTMS_OK)
        delivered++;
    assert_int_equal(status, NTMS_E_NO_DATA);
    assert_true(delivered < 60);
    assert_int_equal(notification_wait(h, 100, &n), NTMS_E_NO_DATA);   /* until it is opened again */
    put(db, RSM_PHYSICAL_MEDIA, NULL, 1);
    assert_int_equal(notification_wait(h, 0, &n), NTMS_E_NO_DATA);
    assert_int_equal(notification_close(h), NTMS_OK);
    h = open_channel(1, RSM_PHYSICAL_MEDIA);
    ntms_guid m = put(db, RSM_PHYSICAL_MEDIA, NULL, 1);
    expect(h, RSM_OBJ_INSERT, &m);
    notification_close(h);
    objdb_set_checkpoint_after(db, 0);
}

static void a_channel_that_keeps_up_sees_through_checkpoints(void **state)
{
    (void)state;
    uintptr_t h = open_channel(1, RSM_PHYSICAL_MEDIA);
    objdb_set_checkpoint_after(db, 2048);
    for (int i = 0; i < 60; i++) {
        ntms_guid m = put(db, RSM_PHYSICAL_MEDIA, NULL, (uint16_t)i);
        expect(h, RSM_OBJ_INSERT, &m);
    }
    expect_nothing(h);
    notification_close(h);
    objdb_set_checkpoint_after(db, 0);
}

/* ---- handles and sessions ---- */

static void bad_handles_and_types_are_refused(void **state)
{
    struct notification n;
    uintptr_t h = 0;
    const uintptr_t garbage[] = { 0, (uintptr_t)-1, 1, 4, 0xdeadbeef, 1u << 30, (1u << 30) | 4,
                                  (uintptr_t)&garbage, 0x2004 };

    (void)state;
    for (size_t i = 0; i < sizeof(garbage) / sizeof(garbage[0]); i++) {
        assert_int_equal(notification_wait(garbage[i], 0, &n), NTMS_E_INVALID_HANDLE);
        assert_int_equal(notification_close(garbage[i]), NTMS_E_INVALID_HANDLE);
        assert_false(notification_is_open(garbage[i]));
    }
    assert_int_equal(notification_open(db, 1, RSM_UNKNOWN, &h), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(notification_open(db, 1, RSM_TYPE_COUNT, &h), NTMS_E_INVALID_PARAMETER);
    h = open_channel(1, RSM_PARTITION);
    assert_true(notification_is_open(h));
    assert_int_equal(notification_close(h), NTMS_OK);
    assert_int_equal(notification_wait(h, 0, &n), NTMS_E_INVALID_HANDLE);
    assert_int_equal(notification_close(h), NTMS_E_INVALID_HANDLE);
    uintptr_t reused = open_channel(1, RSM_PARTITION);   /* the same slot, another generation */
    assert_true(reused != h);
    assert_int_equal(notification_wait(h, 0, &n), NTMS_E_INVALID_HANDLE);
    notification_close(reused);
    assert_int_equal(notification_count_open(), 0);
}

static void closing_a_session_closes_its_channels(void **state)
{
    struct notification n;

    (void)state;
    uintptr_t mine = open_channel(7, RSM_DRIVE), also_mine = open_channel(7, RSM_LIBRARY);
    uintptr_t other = open_channel(8, RSM_DRIVE);
    notification_close_session(7);
    assert_int_equal(notification_wait(mine, 0, &n), NTMS_E_INVALID_HANDLE);
    assert_int_equal(notification_close(also_mine), NTMS_E_INVALID_HANDLE);
    ntms_guid d = put(db, RSM_DRIVE, NULL, 1);
    expect(other, RSM_OBJ_INSERT, &d);
    assert_int_equal(notification_count_open(), 1);
    notification_close(other);
}

/* ---- processes that die ---- */

static void a_process_killed_while_waiting_blocks_nobody(void **state)
{
    unsigned waiting = 0;
    pthread_t thread;

    (void)state;
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        struct objdb *own;
        struct notification n;
        uintptr_t h;
        if (objdb_open(dir, &own) != NTMS_OK || notification_open(own, 1, RSM_DRIVE, &h) != NTMS_OK)
            _exit(2);
        notification_wait(h, NOTIFICATION_WAIT_FOREVER, &n);
        _exit(3);
    }
    for (int i = 0; i < 200 && !waiting; i++) {   /* until it sleeps on the bell */
        change_bell_rows_taken(objdb_bell(db), RSM_DRIVE, &waiting);
        plat_sleep_ms(5);
    }
    assert_int_equal(waiting, 1);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    /* Still marked as waiting: commits pay a wake-up nobody hears, nothing more. */
    struct waiter w = { .handle = open_channel(1, RSM_DRIVE), .timeout = 2000 };
    assert_int_equal(pthread_create(&thread, NULL, wait_thread, &w), 0);
    plat_sleep_ms(50);
    uint64_t committed = plat_monotonic_ns();
    ntms_guid d = put(db, RSM_DRIVE, NULL, 1);
    pthread_join(thread, NULL);
    assert_int_equal(w.status, NTMS_OK);
    assert_true(ntms_guid_equal(&w.got.id, &d));
    assert_true(w.woke_at - committed < 100 * 1000000ull);
    /* Opening a channel found the dead row and freed it. */
    assert_int_equal(change_bell_rows_taken(objdb_bell(db), RSM_DRIVE, &waiting), 1);
    assert_int_equal(waiting, 0);
    notification_close(w.handle);
}

static ntms_err die_in_write_at(const char *path, uint64_t offset, const uint8_t *data, size_t length, bool flush)
{
    (void)path, (void)offset, (void)data, (void)length, (void)flush;
    _exit(0);
}

static void a_writer_killed_mid_commit_does_not_stop_delivery(void **state)
{
    int status = 0;

    (void)state;
    put(db, RSM_PHYSICAL_MEDIA, NULL, 1);   /* a journal to append to */
    uintptr_t h = open_channel(1, RSM_PHYSICAL_MEDIA);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        static struct plat_file_ops dying;
        struct objdb *own;
        dying = plat_file_system;
        dying.write_at = die_in_write_at;
        if (objdb_open(dir, &own) != NTMS_OK)
            _exit(2);
        plat_file = &dying;
        put(own, RSM_PHYSICAL_MEDIA, NULL, 9);
        _exit(1);
    }
    waitpid(child, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    expect_nothing(h);   /* its commit never happened */
    child = commit_in_child(3, 0);
    waitpid(child, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    struct notification n;
    for (int i = 0; i < 3; i++) {
        assert_int_equal(notification_wait(h, 1000, &n), NTMS_OK);
        assert_int_equal(n.operation, RSM_OBJ_INSERT);
    }
    expect_nothing(h);
    notification_close(h);
}

static void an_import_asks_channels_to_open_again(void **state)
{
    char copy[128];
    struct notification n;

    (void)state;
    snprintf(copy, sizeof(copy), "%s/copy.db", dir);
    put(db, RSM_PHYSICAL_MEDIA, NULL, 1);
    assert_int_equal(objdb_export(db, copy), NTMS_OK);
    uintptr_t h = open_channel(1, RSM_PHYSICAL_MEDIA);
    assert_int_equal(objdb_import(db, copy), NTMS_OK);
    assert_int_equal(notification_wait(h, 0, &n), NTMS_E_NO_DATA);
    notification_close(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(changes_arrive_in_commit_order_with_their_operation),
        cmocka_unit_test(attributes_and_descriptors_update_their_object),
        cmocka_unit_test(one_commit_is_told_whole),
        cmocka_unit_test(every_channel_of_the_type_gets_every_change),
        cmocka_unit_test(signals_arrive_on_their_type),
        cmocka_unit_test(a_poll_answers_at_once_and_a_timeout_waits_its_time),
        cmocka_unit_test(a_waiting_thread_wakes_within_100_ms),
        cmocka_unit_test(closing_a_channel_wakes_its_waiter),
        cmocka_unit_test(another_process_wakes_a_waiter_for_every_change),
        cmocka_unit_test(a_channel_that_fell_behind_says_so),
        cmocka_unit_test(a_channel_that_keeps_up_sees_through_checkpoints),
        cmocka_unit_test(bad_handles_and_types_are_refused),
        cmocka_unit_test(closing_a_session_closes_its_channels),
        cmocka_unit_test(a_process_killed_while_waiting_blocks_nobody),
        cmocka_unit_test(a_writer_killed_mid_commit_does_not_stop_delivery),
        cmocka_unit_test(an_import_asks_channels_to_open_again),
    };
    return cmocka_run_group_tests(tests, open_db, close_db);
}
