/* The library request queue on the engine against the simulated library
 * (2 drives): every mount a library request (PASSED with its drive);
 * waiting mounts QUEUED in order, reordered by SetNtmsRequestOrder and
 * served in that order when a drive frees; CancelNtmsLibraryRequest
 * ending a waiting mount with NTMS_E_CANCELLED; priorities; waiters whose
 * process died; only the first of waiters woken together going;
 * DeleteNtmsRequests; the refusals, which change nothing.
 * The tests run in order on one library. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include "lifecycle_fixture.h"
#include "engine/core/owner.h"
#include "engine/records/library_requests.h"
#include "engine/records/operator_requests.h"
#include "engine/records/request_deletion.h"
#include "platform/plat_time.h"

static const char *const barcodes[SIM_SLOTS] = { "Q00001L6", "Q00002L6", "Q00003L6", "Q00004L6", "Q00005L6",
                                                 "Q00006L6", "Q00007L6", "Q00008L6" };
static ntms_guid side[SIM_SLOTS];

static int setup(void **state)
{
    (void)state;
    if (lc_setup(barcodes, 0, NULL))
        return -1;
    for (int i = 0; i < SIM_SLOTS; i++)
        side[i] = lc_side(barcodes[i]).id;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return lc_teardown();
}

/* ---- helpers ---- */

struct request_key {
    const ntms_guid *partition;
    uint32_t         state;
};

static bool request_of(const struct rsm_object *o, const void *key)
{
    const struct request_key *k = key;

    return o->info.lib_request.operation_code == RSM_LM_MOUNT && ntms_guid_equal(&o->info.lib_request.partition,
                                                                                   k->partition)
        && o->info.lib_request.state == k->state;
}

/* The mount request of side i in this state, waited for up to 5 s. */
static bool mount_request(int i, uint32_t state, struct rsm_object *found)
{
    struct request_key key = { &side[i], state };

    for (int waited = 0; waited < 500; waited++) {
        objdb_begin_read(engine->db);
        ntms_err status = records_find(engine->db, RSM_LIBREQUEST, request_of, &key, found);
        objdb_abort(engine->db);
        if (status == NTMS_OK)
            return true;
        plat_sleep_ms(10);
    }
    return false;
}

static uint32_t order_of(const ntms_guid *request)
{
    uint32_t order = 99;

    assert_int_equal(engine_get_request_order(engine, request, &order), NTMS_OK);
    return order;
}

struct mounter {
    int       index;
    int32_t   priority;
    uint32_t  options, timeout_ms;
    ntms_guid drive;
    ntms_err  status;
    bool      done;
};

static void *mount(void *context)
{
    struct mounter *m = context;

    m->status = engine_mount_prioritized(engine, NULL, &side[m->index], &m->drive, 1, m->options, m->priority,
                                         m->timeout_ms);
    m->done = true;
    return NULL;
}

static void mount_now(int i, ntms_guid *drive)
{
    assert_int_equal(engine_mount(engine, NULL, &side[i], drive, 1, RSM_MOUNT_READ, 0), NTMS_OK);
}

static void dismount(int i)
{
    assert_int_equal(engine_dismount(engine, NULL, &side[i], 1, 0), NTMS_OK);
}

static bool done_within(const struct mounter *m, int ms)
{
    for (int waited = 0; waited < ms / 10 && !m->done; waited++)
        plat_sleep_ms(10);
    return m->done;
}

/* ---- the tests ---- */

static void a_mount_is_a_library_request(void **state)
{
    ntms_guid drive;
    struct rsm_object request;
    char application[64];

    (void)state;
    mount_now(0, &drive);
    assert_true(mount_request(0, RSM_LM_PASSED, &request));
    const struct rsm_lib_request *r = &request.info.lib_request;
    assert_true(lc_same(r->drive, drive));
    assert_true(lc_same(r->library, library));
    assert_true(lc_same(r->physical_media, lc_media("Q00001L6").id));
    assert_true(r->time_queued > 0 && r->time_completed >= r->time_queued);
    assert_int_equal(r->order, 0);
    wstr_to_utf8(application, sizeof(application), r->application, RSM_APPLICATION_LENGTH);
    assert_string_equal(application, "Removable Storage");
    assert_int_equal(order_of(&request.id), 0);                            /* finished: not ordered */
    dismount(0);
}

/* Both drives busy; three mounts wait; the order is changed; each freed
 * drive goes to the first in line; a cancelled one answers CANCELLED. */
static void waiting_mounts_are_served_in_their_order(void **state)
{
    struct mounter m[3] = { { .index = 2 }, { .index = 3 }, { .index = 4 } };
    struct rsm_object request[3];
    pthread_t threads[3];
    ntms_guid drive0, drive1;

    (void)state;
    mount_now(0, &drive0);
    mount_now(1, &drive1);
    for (int i = 0; i < 3; i++) {
        m[i].options = RSM_MOUNT_READ;
        m[i].timeout_ms = 30000;
        assert_int_equal(pthread_create(&threads[i], NULL, mount, &m[i]), 0);
        assert_true(mount_request(m[i].index, RSM_LM_QUEUED, &request[i]));   /* one after the other */
        assert_int_equal(request[i].info.lib_request.waits_for_drive, 1);
    }
    for (int i = 0; i < 3; i++)
        assert_int_equal(order_of(&request[i].id), (uint32_t)i + 1);
    assert_int_equal(engine_set_request_order(engine, &request[2].id, 1), NTMS_OK);   /* the third first */
    assert_int_equal(engine_set_request_order(engine, &request[0].id, 99), NTMS_OK);  /* the first last */
    assert_int_equal(order_of(&request[2].id), 1);
    assert_int_equal(order_of(&request[1].id), 2);
    assert_int_equal(order_of(&request[0].id), 3);

    dismount(0);                                                            /* a drive frees */
    assert_true(done_within(&m[2], 5000));
    assert_int_equal(m[2].status, NTMS_OK);
    assert_true(lc_same(m[2].drive, drive0));
    plat_sleep_ms(300);
    assert_false(m[0].done || m[1].done);
    assert_int_equal(order_of(&request[1].id), 1);                          /* moved up */
    assert_int_equal(order_of(&request[0].id), 2);
    struct rsm_object served = lc_get(&request[2].id);
    assert_int_equal(served.info.lib_request.state, RSM_LM_PASSED);

    assert_int_equal(engine_cancel_library_request(engine, &request[0].id), NTMS_OK);
    assert_true(done_within(&m[0], 5000));
    assert_int_equal(m[0].status, NTMS_E_CANCELLED);
    struct rsm_object cancelled = lc_get(&request[0].id);
    assert_int_equal(cancelled.info.lib_request.state, RSM_LM_CANCELLED);
    assert_int_equal(cancelled.info.lib_request.error_code, NTMS_E_CANCELLED);
    assert_int_equal(sim_library_where(&sim, barcodes[2]), 3);              /* nothing moved for it */

    dismount(1);
    assert_true(done_within(&m[1], 5000));
    assert_int_equal(m[1].status, NTMS_OK);
    for (int i = 0; i < 3; i++)
        pthread_join(threads[i], NULL);
    dismount(4);
    dismount(3);
}

struct closing {
    struct ntms_session *session;
    ntms_err             status;
};

static void *mount_in_session(void *context)
{
    struct closing *c = context;
    ntms_guid drive;

    c->status = engine_mount(engine, c->session, &side[3], &drive, 1, RSM_MOUNT_READ, 30000);
    return NULL;
}

/* A mount that does not wait is not served before those waiting; a
 * waiter's session that closes ends the wait; neither leaves a request. */
static void no_wait_and_closed_sessions(void **state)
{
    struct mounter waiter = { .index = 2, .options = RSM_MOUNT_READ, .timeout_ms = 30000 };
    struct rsm_object request;
    pthread_t thread;
    ntms_guid drive0, drive1, drive;

    (void)state;
    mount_now(0, &drive0);
    mount_now(1, &drive1);
    assert_int_equal(pthread_create(&thread, NULL, mount, &waiter), 0);
    assert_true(mount_request(2, RSM_LM_QUEUED, &request));
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_mount(engine, NULL, &side[3], &drive, 1, RSM_MOUNT_NOWAIT, 30000), NTMS_E_BUSY);
    assert_int_equal(engine_mount(engine, NULL, &side[3], &drive, 1, RSM_MOUNT_ERROR_NOT_AVAILABLE, 30000),
                     NTMS_E_BUSY);
    assert_int_equal(engine_mount(engine, NULL, &side[3], &drive, 1, RSM_MOUNT_READ, 0), NTMS_E_BUSY);
    uint64_t start = plat_monotonic_ns();
    assert_int_equal(engine_mount(engine, NULL, &side[3], &drive, 1, RSM_MOUNT_READ, 300), NTMS_E_TIMEOUT);
    assert_true(plat_monotonic_ns() - start >= 300000000ull);
    assert_true(lc_fingerprint() == before);                                /* waited in vain: no trace */
    assert_int_equal(engine_cancel_library_request(engine, &request.id), NTMS_OK);
    pthread_join(thread, NULL);
    assert_int_equal(waiter.status, NTMS_E_CANCELLED);

    uintptr_t handle;
    assert_int_equal(session_open("closing", 0, &handle), NTMS_OK);
    struct closing closing = { session_acquire(handle), NTMS_OK };
    assert_int_equal(pthread_create(&thread, NULL, mount_in_session, &closing), 0);
    assert_true(mount_request(3, RSM_LM_QUEUED, &request));
    assert_int_equal(session_close(handle), NTMS_OK);                       /* CloseNtmsSession meanwhile */
    pthread_join(thread, NULL);
    assert_int_equal(closing.status, NTMS_E_CANCELLED);
    assert_int_equal(lc_get(&request.id).type, RSM_UNKNOWN);
    session_release(closing.session);
    dismount(0);
    dismount(1);
}

/* A queued request: new ones go after waiting ones of their priority or higher. */
static void priorities_place_new_requests(void **state)
{
    struct rsm_owner self = owner_self(0);
    int32_t priorities[4] = { 0, 7, -7, 7 };
    ntms_guid ids[4];
    uint32_t expected[4] = { 3, 1, 4, 2 };

    (void)state;
    for (int i = 0; i < 4; i++) {
        struct lib_request_start start = { .operation = RSM_LM_MOUNT, .priority = priorities[i], .library = library,
                                           .queued = true, .waits_for_drive = true };
        assert_int_equal(lib_request_open(engine, NULL, &self, &start, &ids[i]), NTMS_OK);
    }
    for (int i = 0; i < 4; i++)
        assert_int_equal(order_of(&ids[i]), expected[i]);
    assert_int_equal((int32_t)lc_get(&ids[1]).info.lib_request.priority, 7);
    bool went = true;
    assert_int_equal(lib_request_take_turn(engine, &ids[0], &went), NTMS_OK);
    assert_false(went);                                                     /* two before it wait for a drive */
    assert_int_equal(lib_request_take_turn(engine, &ids[1], &went), NTMS_OK);
    assert_true(went);
    assert_int_equal(lc_get(&ids[1]).info.lib_request.state, RSM_LM_INPROCESS);
    assert_int_equal(order_of(&ids[3]), 1);
    assert_int_equal(engine_cancel_library_request(engine, &ids[1]), NTMS_E_ACCESS_DENIED);   /* in process */
    for (int i = 0; i < 4; i++)
        assert_int_equal(lib_request_close(engine, &ids[i], NTMS_E_TIMEOUT, NULL), NTMS_OK);
    assert_int_equal(lc_get(&ids[0]).type, RSM_UNKNOWN);                    /* waited in vain: gone */
    assert_int_equal(lc_get(&ids[1]).info.lib_request.state, RSM_LM_CANCELLED);   /* it had worked */
    assert_int_equal(lc_get(&ids[1]).info.lib_request.error_code, NTMS_E_TIMEOUT);
}

/* A waiter whose process died holds nobody up and is FAILED. */
static void a_dead_waiter_is_failed(void **state)
{
    struct rsm_owner self = owner_self(0), dead = { 1, 0x7FFFFFF1u, 2 };
    struct lib_request_start start = { .operation = RSM_LM_MOUNT, .library = library, .queued = true,
                                       .waits_for_drive = true };
    ntms_guid gone, alive;
    bool went = false;

    (void)state;
    assert_int_equal(lib_request_open(engine, NULL, &dead, &start, &gone), NTMS_OK);
    assert_int_equal(order_of(&gone), 1);
    assert_int_equal(lib_request_open(engine, NULL, &self, &start, &alive), NTMS_OK);
    assert_int_equal(order_of(&alive), 1);
    struct rsm_object failed = lc_get(&gone);
    assert_int_equal(failed.info.lib_request.state, RSM_LM_FAILED);
    assert_int_equal(failed.info.lib_request.error_code, NTMS_E_OPERATION_ABORTED);
    assert_int_equal(lib_request_take_turn(engine, &alive, &went), NTMS_OK);
    assert_true(went);
    assert_int_equal(lib_request_close(engine, &alive, NTMS_OK, &drives[0]), NTMS_OK);
    assert_int_equal(lc_get(&alive).info.lib_request.state, RSM_LM_PASSED);
    /* A waiting allocation of a process that died: FAILED with the next request. */
    struct lib_request_start allocation = { .operation = RSM_LM_ALLOCATE, .queued = true };
    assert_int_equal(lib_request_open(engine, NULL, &dead, &allocation, &gone), NTMS_OK);
    assert_int_equal(lib_request_open(engine, NULL, &self, &allocation, &alive), NTMS_OK);
    assert_int_equal(lc_get(&gone).info.lib_request.state, RSM_LM_FAILED);
    assert_int_equal(lib_request_close(engine, &alive, NTMS_OK, NULL), NTMS_OK);
}

/* Waiters woken together by a freed drive: only the first in line goes;
 * the next takes its turn once the first has its drive. A mount whose
 * process died holds nobody up. */
static void the_next_waits_until_the_first_has_its_drive(void **state)
{
    struct rsm_owner self = owner_self(0), dead = { 1, 0x7FFFFFF1u, 2 };
    struct lib_request_start start = { .operation = RSM_LM_MOUNT, .library = library, .queued = true,
                                       .waits_for_drive = true };
    ntms_guid first, second, gone;
    bool went = false;

    (void)state;
    assert_int_equal(lib_request_open(engine, NULL, &self, &start, &first), NTMS_OK);
    assert_int_equal(lib_request_open(engine, NULL, &self, &start, &second), NTMS_OK);
    assert_int_equal(lib_request_take_turn(engine, &first, &went), NTMS_OK);
    assert_true(went);
    assert_int_equal(lib_request_take_turn(engine, &second, &went), NTMS_OK);
    assert_false(went);                                                     /* the first has no drive yet */
    assert_int_equal(order_of(&second), 1);
    assert_int_equal(lib_request_waits_for(engine, &first, false), NTMS_OK);   /* now it has */
    assert_int_equal(lib_request_take_turn(engine, &second, &went), NTMS_OK);
    assert_true(went);
    assert_int_equal(lib_request_close(engine, &first, NTMS_OK, &drives[0]), NTMS_OK);
    assert_int_equal(lib_request_close(engine, &second, NTMS_OK, &drives[1]), NTMS_OK);

    assert_int_equal(lib_request_open(engine, NULL, &dead, &start, &gone), NTMS_OK);
    assert_int_equal(lib_request_take_turn(engine, &gone, &went), NTMS_OK);
    assert_true(went);
    assert_int_equal(lib_request_open(engine, NULL, &self, &start, &first), NTMS_OK);
    assert_int_equal(lib_request_take_turn(engine, &first, &went), NTMS_OK);
    assert_true(went);                                                      /* the dead one's turn holds nothing */
    assert_int_equal(lib_request_close(engine, &first, NTMS_OK, &drives[0]), NTMS_OK);
    assert_int_equal(lib_request_close(engine, &gone, NTMS_E_OPERATION_ABORTED, NULL), NTMS_OK);
}

static void refusals_change_nothing(void **state)
{
    struct rsm_object passed;
    ntms_guid unknown = { { 5, 5, 5 } };
    uint32_t order = 7;

    (void)state;
    assert_true(mount_request(0, RSM_LM_PASSED, &passed));
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_set_request_order(engine, &passed.id, 0), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(engine_set_request_order(engine, &passed.id, 1), NTMS_E_INVALID_PARAMETER);   /* not ordered */
    assert_int_equal(engine_set_request_order(engine, &unknown, 1), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_set_request_order(engine, &library, 1), NTMS_E_OBJECT_NOT_FOUND);   /* no request */
    assert_int_equal(engine_get_request_order(engine, &unknown, &order), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(order, 7);
    assert_int_equal(engine_cancel_library_request(engine, &passed.id), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_cancel_library_request(engine, &unknown), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_delete_requests(engine, &passed.id, 1, RSM_DRIVE), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(engine_delete_requests(engine, &passed.id, 1, RSM_OPREQUEST), NTMS_OK);   /* not one: skipped */
    assert_int_equal(engine_delete_requests(engine, &unknown, 1, RSM_LIBREQUEST), NTMS_OK);
    assert_true(lc_fingerprint() == before);
}

static void finished_requests_are_deleted(void **state)
{
    struct rsm_owner self = owner_self(0);
    struct lib_request_start start = { .operation = RSM_LM_MOUNT, .library = library, .queued = true };
    struct rsm_object passed;
    ntms_guid ids[4], message;
    wchar16 text[4] = { 'h', 'i', 0 };
    struct opreq_submission s = { RSM_OPREQ_MESSAGE, text, NULL, NULL };

    (void)state;
    assert_true(mount_request(0, RSM_LM_PASSED, &passed));
    ids[0] = passed.id;
    assert_int_equal(lib_request_open(engine, NULL, &self, &start, &ids[1]), NTMS_OK);   /* still queued */
    ids[2] = (ntms_guid){ { 5, 5, 5 } };
    ids[3] = drives[0];
    assert_int_equal(engine_delete_requests(engine, ids, 4, RSM_LIBREQUEST), NTMS_OK);
    assert_int_equal(lc_get(&ids[0]).type, RSM_UNKNOWN);
    assert_int_equal(lc_get(&ids[1]).type, RSM_LIBREQUEST);
    assert_int_equal(lc_get(&ids[3]).type, RSM_DRIVE);
    assert_int_equal(lib_request_close(engine, &ids[1], NTMS_E_CANCELLED, NULL), NTMS_OK);
    assert_int_equal(engine_submit_operator_request(engine, NULL, NULL, &s, &message), NTMS_OK);
    assert_int_equal(engine_delete_requests(engine, &message, 1, RSM_OPREQUEST), NTMS_OK);
    assert_int_equal(lc_get(&message).type, RSM_OPREQUEST);                 /* outstanding: kept */
    assert_int_equal(engine_satisfy_operator_request(engine, &message), NTMS_OK);
    assert_int_equal(engine_delete_requests(engine, &message, 1, RSM_LIBREQUEST), NTMS_OK);
    assert_int_equal(lc_get(&message).type, RSM_OPREQUEST);                 /* of the other type: skipped */
    assert_int_equal(engine_delete_requests(engine, &message, 1, RSM_OPREQUEST), NTMS_OK);
    assert_int_equal(lc_get(&message).type, RSM_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_mount_is_a_library_request),
        cmocka_unit_test(waiting_mounts_are_served_in_their_order),
        cmocka_unit_test(no_wait_and_closed_sessions),
        cmocka_unit_test(priorities_place_new_requests),
        cmocka_unit_test(a_dead_waiter_is_failed),
        cmocka_unit_test(the_next_waits_until_the_first_has_its_drive),
        cmocka_unit_test(refusals_change_nothing),
        cmocka_unit_test(finished_requests_are_deleted),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
