/* Operator requests on the engine against the simulated library: what
 * SubmitNtmsOperatorRequest takes and refuses (nothing changed), the
 * states (SUBMITTED, ACTIVE once shown, COMPLETE, REFUSED), where a
 * request is shown (the UI options), satisfaction and refusal, waiting
 * for an answer given by another thread, access, retention; and the
 * requests the library raises: NEWMEDIA for an allocation that finds
 * nothing (satisfied when media arrive, refused, cancelled, satisfied in
 * vain, timed out), MOVEMEDIA for a mount of an offline medium,
 * DEVICESERVICE and CLEANER after device failures. The tests run in order
 * on one library. */
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
#include "engine/ops/operator_wait.h"
#include "engine/records/library_requests.h"
#include "engine/records/media_admin.h"
#include "engine/records/operator_display.h"
#include "engine/records/operator_requests.h"
#include "engine/records/ui_options.h"
#include "platform/plat_time.h"
#include "security/sec_caller.h"

/* O00001L6 .. O00007L6 identified (blank: Unrecognized); O00008L6 is
 * hidden from the identification, so that the library holds a tape the
 * records do not know. */
static const char *const barcodes[SIM_SLOTS] = { "O00001L6", "O00002L6", "O00003L6", "O00004L6", "O00005L6",
                                                 "O00006L6", "O00007L6", "O00008L6" };
static ntms_guid computer, free_lto6;

/* ---- the display the DLL would install ---- */

static int shown;
static size_t last_length;
static wchar16 last_destinations[64];

/* Shown when a destination is the local computer (""), as the DLL's. */
static bool fake_display(const struct rsm_object *request, const wchar16 *destinations, size_t length)
{
    (void)request;
    last_length = length < 64 ? length : 64;
    memcpy(last_destinations, destinations, last_length * sizeof(wchar16));
    for (size_t at = 0; at < length; at += wstr_length(destinations + at, length - at) + 1)
        if (!destinations[at]) {
            shown++;
            return true;
        }
    return false;
}

static void hide_the_last_tape(void)
{
    sim.slot_tape[SIM_SLOTS - 1] = -1;
}

static int setup(void **state)
{
    (void)state;
    engine_set_operator_display(fake_display);
    if (lc_setup(barcodes, 0, hide_the_last_tape))
        return -1;
    sim.slot_tape[SIM_SLOTS - 1] = SIM_SLOTS - 1;   /* there, unknown */
    objdb_begin_read(engine->db);
    system_computer(engine->db, &computer);
    objdb_abort(engine->db);
    free_lto6 = lc_system_pool(RSM_POOLTYPE_SCRATCH, "LTO-6");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    engine_set_operator_display(NULL);
    return lc_teardown();
}

/* ---- helpers ---- */

static ntms_err submit(uint32_t request, const char *message, const ntms_guid *arg1, const ntms_guid *arg2,
                       ntms_guid *id)
{
    wchar16 text[300];
    struct opreq_submission s = { request, message ? text : NULL, arg1, arg2 };

    if (message)
        WSTR_SET(text, message);
    return engine_submit_operator_request(engine, NULL, NULL, &s, id);
}

static struct rsm_op_request opreq(const ntms_guid *id)
{
    return lc_get(id).info.op_request;
}

struct wanted_request {
    uint32_t         request;
    const ntms_guid *arg1;
    bool             outstanding;
};

static bool matches(const struct rsm_object *o, const void *key)
{
    const struct wanted_request *w = key;
    const struct rsm_op_request *r = &o->info.op_request;

    return r->request == w->request && ntms_guid_equal(&r->arg1, w->arg1)
        && (!w->outstanding || opreq_outstanding(r->state));
}

/* The operator request of this kind about arg1 (outstanding ones only, when asked), waited for up to 5 s. */
static bool find_request(uint32_t request, const ntms_guid *arg1, bool outstanding, ntms_guid *id)
{
    struct wanted_request key = { request, arg1, outstanding };
    struct rsm_object found;

    for (int waited = 0; waited < 500; waited++) {
        objdb_begin_read(engine->db);
        ntms_err status = records_find(engine->db, RSM_OPREQUEST, matches, &key, &found);
        objdb_abort(engine->db);
        if (status == NTMS_OK) {
            *id = found.id;
            return true;
        }
        plat_sleep_ms(10);
    }
    return false;
}

static size_t count_of(uint32_t type)
{
    struct record_list all = { 0 };

    objdb_begin_read(engine->db);
    records_collect(engine->db, type, NULL, NULL, &all);
    objdb_abort(engine->db);
    size_t n = all.count;
    record_list_free(&all);
    return n;
}

static bool allocation_request(const struct rsm_object *o, const void *key)
{
    (void)key;
    return o->info.lib_request.operation_code == RSM_LM_ALLOCATE && o->info.lib_request.state == RSM_LM_QUEUED;
}

static bool queued_allocation(ntms_guid *id)
{
    struct rsm_object found;

    for (int waited = 0; waited < 500; waited++) {
        objdb_begin_read(engine->db);
        ntms_err status = records_find(engine->db, RSM_LIBREQUEST, allocation_request, NULL, &found);
        objdb_abort(engine->db);
        if (status == NTMS_OK) {
            *id = found.id;
            return true;
        }
        plat_sleep_ms(10);
    }
    return false;
}

static void set_computer(uint32_t purge_seconds, uint32_t flags)
{
    struct rsm_object c = lc_get(&computer);

    c.info.computer.op_request_purge_time = purge_seconds;
    c.info.computer.op_request_flags = flags;
    assert_int_equal(engine_set_information(engine, &c), NTMS_OK);
}

/* ---- submitting ---- */

static void bad_submissions_change_nothing(void **state)
{
    ntms_guid id, unknown = { { 7, 7, 7 } }, pool = lc_app_pool("Asking", "LTO-6", 0, 0, 0);
    ntms_guid slot = slots[0], drive = drives[0];

    (void)state;
    uint64_t before = lc_fingerprint();
    assert_int_equal(submit(RSM_OPREQ_UNKNOWN, "x", NULL, NULL, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(6, "x", NULL, NULL, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, NULL, NULL, NULL, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "x", &pool, NULL, &id), NTMS_E_INVALID_PARAMETER);   /* takes none */
    assert_int_equal(submit(RSM_OPREQ_NEWMEDIA, NULL, NULL, NULL, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(RSM_OPREQ_NEWMEDIA, NULL, &ntms_guid_null, NULL, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(RSM_OPREQ_NEWMEDIA, NULL, &unknown, NULL, &id), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(submit(RSM_OPREQ_NEWMEDIA, NULL, &library, NULL, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(RSM_OPREQ_NEWMEDIA, NULL, &pool, &pool, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(RSM_OPREQ_NEWMEDIA, NULL, &pool, &unknown, &id), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(submit(RSM_OPREQ_CLEANER, NULL, &drive, NULL, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(RSM_OPREQ_DEVICESERVICE, NULL, &pool, NULL, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(RSM_OPREQ_DEVICESERVICE, NULL, NULL, NULL, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(RSM_OPREQ_MOVEMEDIA, NULL, &slot, &library, &id), NTMS_E_INVALID_PARAMETER);
    struct rsm_object media = lc_media("O00001L6");
    assert_int_equal(submit(RSM_OPREQ_MOVEMEDIA, NULL, &media.id, NULL, &id), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(submit(RSM_OPREQ_MOVEMEDIA, NULL, &media.id, &unknown, &id), NTMS_E_OBJECT_NOT_FOUND);
    assert_true(lc_fingerprint() == before);
}

static void a_submission_is_recorded_and_shown(void **state)
{
    ntms_guid id, pool = lc_app_pool("Needing", "LTO-6", 0, 0, 0);
    char text[300];
    int before = shown;

    (void)state;
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "Please change the backup set", NULL, NULL, &id), NTMS_OK);
    struct rsm_object o = lc_get(&id);
    assert_int_equal(o.type, RSM_OPREQUEST);
    assert_int_equal(o.info.op_request.request, RSM_OPREQ_MESSAGE);
    assert_int_equal(o.info.op_request.state, RSM_OPSTATE_ACTIVE);   /* shown on the local computer */
    assert_int_equal(shown, before + 1);
    assert_int_equal(last_length, 1);                                /* nothing set: "" alone */
    wstr_to_utf8(text, sizeof(text), o.info.op_request.message, RSM_MESSAGE_LENGTH);
    assert_string_equal(text, "Please change the backup set");
    wstr_to_utf8(text, sizeof(text), o.info.op_request.application, RSM_APPLICATION_LENGTH);
    assert_string_equal(text, "Removable Storage");
    assert_true(o.info.op_request.submitted > 0);
    assert_int_equal(o.info.op_request.arg1_type, RSM_UNKNOWN);

    assert_int_equal(submit(RSM_OPREQ_NEWMEDIA, NULL, &pool, &library, &id), NTMS_OK);
    o = lc_get(&id);
    assert_int_equal(o.info.op_request.arg1_type, RSM_MEDIA_POOL);
    assert_true(lc_same(o.info.op_request.arg1, pool));
    assert_int_equal(o.info.op_request.arg2_type, RSM_LIBRARY);
    wstr_to_utf8(text, sizeof(text), o.info.op_request.message, RSM_MESSAGE_LENGTH);
    assert_non_null(strstr(text, "\\Needing"));                      /* the library's own text names the pool */

    assert_int_equal(submit(RSM_OPREQ_CLEANER, NULL, &slots[0], NULL, &id), NTMS_OK);
    assert_int_equal(opreq(&id).arg1_type, RSM_STORAGESLOT);
    assert_int_equal(submit(RSM_OPREQ_DEVICESERVICE, NULL, &drives[1], NULL, &id), NTMS_OK);
    assert_int_equal(opreq(&id).arg1_type, RSM_DRIVE);
    char long_text[400];
    memset(long_text, 'x', sizeof(long_text) - 1);
    long_text[sizeof(long_text) - 1] = '\0';
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, long_text, NULL, NULL, &id), NTMS_OK);
    assert_int_equal(wstr_length(opreq(&id).message, RSM_MESSAGE_LENGTH), RSM_MESSAGE_LENGTH - 1);   /* cut */
}

/* Where a request goes follows the REQ UI options; an emptied list shows nothing. */
static void the_ui_options_decide_where_it_is_shown(void **state)
{
    ntms_guid id;
    wchar16 other[16];
    int before = shown;

    (void)state;
    WSTR_SET(other, "BACKUPHOST");
    assert_int_equal(engine_ui_set(engine, NULL, &library, UI_REQ, UI_ADD, other), NTMS_OK);
    assert_int_equal(submit(RSM_OPREQ_CLEANER, NULL, &library, NULL, &id), NTMS_OK);
    assert_int_equal(opreq(&id).state, RSM_OPSTATE_SUBMITTED);       /* only another computer named */
    assert_int_equal(last_length, 11);
    assert_int_equal(shown, before);
    wchar16 local[1] = { 0 };
    assert_int_equal(engine_ui_set(engine, NULL, &computer, UI_REQ, UI_ADD, local), NTMS_OK);
    assert_int_equal(submit(RSM_OPREQ_DEVICESERVICE, NULL, &library, NULL, &id), NTMS_OK);
    assert_int_equal(opreq(&id).state, RSM_OPSTATE_ACTIVE);           /* the library's and the computer's */
    assert_int_equal(last_length, 12);
    assert_int_equal(engine_ui_set(engine, NULL, &computer, UI_REQ, UI_DELETE_ALL, NULL), NTMS_OK);
    assert_int_equal(engine_ui_set(engine, NULL, &library, UI_REQ, UI_DELETE, other), NTMS_OK);
    uint32_t length = 8;
    wchar16 list[8];
    assert_int_equal(engine_ui_get(engine, NULL, &computer, UI_REQ, list, &length), NTMS_OK);
    assert_int_equal(length, 0);                                       /* empty, and set */
    before = shown;
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "nobody sees this", NULL, NULL, &id), NTMS_OK);
    assert_int_equal(opreq(&id).state, RSM_OPSTATE_SUBMITTED);
    assert_int_equal(shown, before);
    assert_int_equal(engine_ui_set(engine, NULL, &computer, UI_REQ, UI_ADD, local), NTMS_OK);
    set_computer(RSM_PURGE_TIME_SECONDS, RSM_OPREQFLAGS_NOALERTS);
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "no alerts", NULL, NULL, &id), NTMS_OK);
    assert_int_equal(opreq(&id).state, RSM_OPSTATE_SUBMITTED);
    assert_int_equal(shown, before);
    set_computer(RSM_PURGE_TIME_SECONDS, 0);
}

/* ---- answers ---- */

static void satisfaction_and_refusal(void **state)
{
    ntms_guid satisfied, refused, unknown = { { 9, 9 } };

    (void)state;
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "one", NULL, NULL, &satisfied), NTMS_OK);
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "two", NULL, NULL, &refused), NTMS_OK);
    assert_int_equal(engine_wait_operator_request(engine, &satisfied, 0), NTMS_E_TIMEOUT);   /* a look */
    assert_int_equal(engine_satisfy_operator_request(engine, &satisfied), NTMS_OK);
    assert_int_equal(opreq(&satisfied).state, RSM_OPSTATE_COMPLETE);
    assert_true(opreq(&satisfied).completed > 0);
    assert_int_equal(engine_cancel_operator_request(engine, &refused), NTMS_OK);
    assert_int_equal(opreq(&refused).state, RSM_OPSTATE_REFUSED);
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_satisfy_operator_request(engine, &satisfied), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_satisfy_operator_request(engine, &refused), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_cancel_operator_request(engine, &satisfied), NTMS_E_INVALID_STATE);
    assert_int_equal(engine_cancel_operator_request(engine, &refused), NTMS_E_INVALID_STATE);
    assert_int_equal(engine_cancel_operator_request(engine, &unknown), NTMS_E_OBJECT_NOT_FOUND);
    assert_int_equal(engine_satisfy_operator_request(engine, &library), NTMS_E_OBJECT_NOT_FOUND);   /* no request */
    assert_int_equal(engine_wait_operator_request(engine, &satisfied, 0), NTMS_OK);
    assert_int_equal(engine_wait_operator_request(engine, &refused, 1000), NTMS_E_CANCELLED);
    assert_int_equal(engine_wait_operator_request(engine, &unknown, 1000), NTMS_E_OBJECT_NOT_FOUND);
    assert_true(lc_fingerprint() == before);
}

struct answer {
    ntms_guid id;
    bool      refuse;
};

static void *answer_later(void *context)
{
    struct answer *a = context;

    plat_sleep_ms(300);
    if (a->refuse)
        engine_cancel_operator_request(engine, &a->id);
    else
        engine_satisfy_operator_request(engine, &a->id);
    return NULL;
}

/* A waiter is woken by an answer given elsewhere, well within a second. */
static void a_waiter_is_woken_by_the_answer(void **state)
{
    struct answer a = { .refuse = false };
    pthread_t thread;

    (void)state;
    for (int round = 0; round < 2; round++, a.refuse = true) {
        assert_int_equal(submit(RSM_OPREQ_MESSAGE, "answer me", NULL, NULL, &a.id), NTMS_OK);
        assert_int_equal(pthread_create(&thread, NULL, answer_later, &a), 0);
        uint64_t start = plat_monotonic_ns();
        assert_int_equal(engine_wait_operator_request(engine, &a.id, 20000), a.refuse ? NTMS_E_CANCELLED : NTMS_OK);
        uint64_t waited_ms = (plat_monotonic_ns() - start) / 1000000u;
        pthread_join(thread, NULL);
        assert_true(waited_ms >= 250 && waited_ms < 900);
    }
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "nobody answers", NULL, NULL, &a.id), NTMS_OK);
    uint64_t start = plat_monotonic_ns();
    assert_int_equal(engine_wait_operator_request(engine, &a.id, 300), NTMS_E_TIMEOUT);
    assert_true(plat_monotonic_ns() - start >= 300000000ull);
}

/* ---- access ---- */

static void access_follows_the_request_type(void **state)
{
    struct sec_sid users, world;
    struct sec_identity groups[2];
    struct sec_caller user;
    ntms_guid id, pool = lc_app_pool("Guarded", "LTO-6", 0, 0, 0);
    struct rsm_object media = lc_media("O00002L6");
    struct opreq_submission newmedia = { RSM_OPREQ_NEWMEDIA, NULL, &pool, NULL };
    struct opreq_submission movemedia = { RSM_OPREQ_MOVEMEDIA, NULL, &media.id, &library };
    struct opreq_submission cleaner = { RSM_OPREQ_CLEANER, NULL, &library, NULL };
    struct opreq_submission service = { RSM_OPREQ_DEVICESERVICE, NULL, &drives[0], NULL };
    wchar16 text[8];
    struct opreq_submission message = { RSM_OPREQ_MESSAGE, text, NULL, NULL };

    (void)state;
    WSTR_SET(text, "hello");
    sec_sid_well_known(SEC_SID_USERS, &users);
    sec_sid_well_known(SEC_SID_WORLD, &world);
    groups[0] = (struct sec_identity){ world, SEC_GROUP_ENABLED };
    groups[1] = (struct sec_identity){ users, SEC_GROUP_ENABLED };
    user = (struct sec_caller){ .user = { world, 0 }, .groups = groups, .group_count = 2 };
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_submit_operator_request(engine, NULL, &user, &newmedia, &id), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_submit_operator_request(engine, NULL, &user, &movemedia, &id), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_submit_operator_request(engine, NULL, &user, &cleaner, &id), NTMS_E_ACCESS_DENIED);
    assert_int_equal(engine_submit_operator_request(engine, NULL, &user, &service, &id), NTMS_E_ACCESS_DENIED);
    assert_true(lc_fingerprint() == before);
    assert_int_equal(engine_submit_operator_request(engine, NULL, &user, &message, &id), NTMS_OK);   /* use */
}

/* ---- retention ---- */

static void finished_requests_are_purged_after_the_purge_time(void **state)
{
    ntms_guid done, refused, open, next;

    (void)state;
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "done", NULL, NULL, &done), NTMS_OK);
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "refused", NULL, NULL, &refused), NTMS_OK);
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "open", NULL, NULL, &open), NTMS_OK);
    assert_int_equal(engine_satisfy_operator_request(engine, &done), NTMS_OK);
    assert_int_equal(engine_cancel_operator_request(engine, &refused), NTMS_OK);
    set_computer(0, RSM_OPREQFLAGS_NOAUTOPURGE);
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "next", NULL, NULL, &next), NTMS_OK);
    assert_int_equal(lc_get(&done).type, RSM_OPREQUEST);                 /* NOAUTOPURGE keeps them */
    set_computer(0, RSM_OPREQFLAGS_NOFAILEDPURGE);
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "next", NULL, NULL, &next), NTMS_OK);
    assert_int_equal(lc_get(&done).type, RSM_UNKNOWN);                   /* gone */
    assert_int_equal(lc_get(&refused).type, RSM_OPREQUEST);              /* refused ones kept */
    assert_int_equal(lc_get(&open).type, RSM_OPREQUEST);                 /* outstanding: always kept */
    set_computer(0, 0);
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "next", NULL, NULL, &next), NTMS_OK);
    assert_int_equal(lc_get(&refused).type, RSM_UNKNOWN);
    assert_int_equal(lc_get(&open).type, RSM_OPREQUEST);
    /* A library's request for a waiter that is gone goes at once. */
    struct rsm_owner gone = { 1, 0x7FFFFFF0u, 3 };
    ntms_guid pool = lc_app_pool("Forgotten", "LTO-6", 0, 0, 0), raised;
    assert_int_equal(opreq_raise(engine, NULL, &gone, RSM_OPREQ_NEWMEDIA, &pool, NULL, &raised), NTMS_OK);
    assert_int_equal(lc_get(&raised).type, RSM_OPREQUEST);
    assert_int_equal(submit(RSM_OPREQ_MESSAGE, "next", NULL, NULL, &next), NTMS_OK);
    assert_int_equal(lc_get(&raised).type, RSM_UNKNOWN);
    set_computer(RSM_PURGE_TIME_SECONDS, 0);
}

/* ---- NEWMEDIA: an allocation that finds nothing ---- */

struct allocator {
    ntms_guid pool, lmid;
    uint32_t  timeout_ms;
    ntms_err  status;
};

static void *allocate(void *context)
{
    struct allocator *a = context;

    a->status = lc_allocate(&a->pool, NULL, 0, a->timeout_ms, &a->lmid, NULL);
    return NULL;
}

static void start_allocation(struct allocator *a, pthread_t *thread, ntms_guid *newmedia)
{
    assert_int_equal(pthread_create(thread, NULL, allocate, a), 0);
    assert_true(find_request(RSM_OPREQ_NEWMEDIA, &a->pool, true, newmedia));
}

static void media_arriving_satisfy_newmedia(void **state)
{
    struct allocator a = { .pool = lc_app_pool("Arriving", "LTO-6", RSM_ALLOCATE_FROMSCRATCH, 0, 0),
                           .timeout_ms = 20000 };
    pthread_t thread;
    ntms_guid newmedia, request;

    (void)state;
    start_allocation(&a, &thread, &newmedia);
    assert_int_equal(opreq(&newmedia).state, RSM_OPSTATE_ACTIVE);
    struct rsm_op_request raised = opreq(&newmedia);
    assert_true(owner_is_self(&raised.raised_for));
    assert_true(queued_allocation(&request));
    struct rsm_object media = lc_media("O00001L6");
    assert_int_equal(engine_move_to_pool(engine, NULL, &media.id, &free_lto6), NTMS_OK);   /* a tape into Free */
    pthread_join(thread, NULL);
    assert_int_equal(a.status, NTMS_OK);
    assert_true(lc_same(lc_side("O00001L6").info.partition.logical_media, a.lmid));
    assert_int_equal(opreq(&newmedia).state, RSM_OPSTATE_COMPLETE);       /* satisfied by the arrival */
    assert_int_equal(lc_get(&request).info.lib_request.state, RSM_LM_PASSED);
}

static void a_refused_newmedia_cancels_the_allocation(void **state)
{
    struct allocator a = { .pool = lc_app_pool("Refused", "LTO-6", 0, 0, 0), .timeout_ms = 20000 };
    pthread_t thread;
    ntms_guid newmedia;

    (void)state;
    size_t requests = count_of(RSM_LIBREQUEST);
    start_allocation(&a, &thread, &newmedia);
    assert_int_equal(engine_cancel_operator_request(engine, &newmedia), NTMS_OK);
    pthread_join(thread, NULL);
    assert_int_equal(a.status, NTMS_E_CANCELLED);
    assert_true(lc_same(a.lmid, ntms_guid_null));
    assert_int_equal(opreq(&newmedia).state, RSM_OPSTATE_REFUSED);         /* the operator's answer stays */
    assert_int_equal(count_of(RSM_LIBREQUEST), requests);                   /* the call's own request went */
}

static void a_cancelled_library_request_cancels_the_allocation(void **state)
{
    struct allocator a = { .pool = lc_app_pool("Cancelled", "LTO-6", 0, 0, 0), .timeout_ms = 20000 };
    pthread_t thread;
    ntms_guid newmedia, request;

    (void)state;
    start_allocation(&a, &thread, &newmedia);
    assert_true(queued_allocation(&request));
    assert_int_equal(lc_get(&request).info.lib_request.operation_code, RSM_LM_ALLOCATE);
    assert_int_equal(engine_cancel_library_request(engine, &request), NTMS_OK);
    pthread_join(thread, NULL);
    assert_int_equal(a.status, NTMS_E_CANCELLED);
    assert_int_equal(lc_get(&request).info.lib_request.state, RSM_LM_CANCELLED);
    assert_int_equal(lc_get(&request).info.lib_request.error_code, NTMS_E_CANCELLED);
    assert_int_equal(lc_get(&newmedia).type, RSM_UNKNOWN);                 /* withdrawn: nobody waits */
    assert_int_equal(engine_cancel_library_request(engine, &request), NTMS_E_OBJECT_NOT_FOUND);
}

/* Satisfied while nothing came: asked again; then the timeout, and nothing left behind. */
static void a_satisfaction_in_vain_asks_again(void **state)
{
    struct allocator a = { .pool = lc_app_pool("InVain", "LTO-6", 0, 0, 0), .timeout_ms = 3000 };
    pthread_t thread;
    ntms_guid first, second;

    (void)state;
    size_t operator_requests = count_of(RSM_OPREQUEST), requests = count_of(RSM_LIBREQUEST);
    start_allocation(&a, &thread, &first);
    assert_int_equal(engine_satisfy_operator_request(engine, &first), NTMS_OK);
    assert_true(find_request(RSM_OPREQ_NEWMEDIA, &a.pool, true, &second));
    assert_false(lc_same(first, second));
    pthread_join(thread, NULL);
    assert_int_equal(a.status, NTMS_E_TIMEOUT);
    assert_int_equal(lc_get(&second).type, RSM_UNKNOWN);                   /* withdrawn, as RSM deleted it */
    assert_int_equal(opreq(&first).state, RSM_OPSTATE_COMPLETE);
    assert_int_equal(count_of(RSM_OPREQUEST), operator_requests + 1);
    assert_int_equal(count_of(RSM_LIBREQUEST), requests);
}

/* ---- MOVEMEDIA: a mount of an offline medium ---- */

static ntms_guid offline_medium(const char *barcode, const ntms_guid *pool)
{
    struct rsm_object media, side;

    memset(&media, 0, sizeof(media));
    memset(&side, 0, sizeof(side));
    media.type = RSM_PHYSICAL_MEDIA;
    media.enabled = 1;
    media.info.media.media_pool = *pool;
    media.info.media.number_of_partitions = 1;
    WSTR_SET(media.info.media.barcode, barcode);
    side.type = RSM_PARTITION;
    side.enabled = 1;
    side.info.partition.state = RSM_PARTSTATE_IMPORT;
    side.info.partition.omid_label_id_length = 4;
    memcpy(side.info.partition.omid_label_id, "OFFL", 4);
    WSTR_SET(side.info.partition.omid_label_type, "test");
    assert_int_equal(engine_create_media(engine, NULL, &media, &side, 1, 0), NTMS_OK);
    return side.id;
}

struct mounter {
    ntms_guid side, drive;
    uint32_t  options, timeout_ms;
    ntms_err  status;
};

static void *mount(void *context)
{
    struct mounter *m = context;

    m->status = engine_mount(engine, NULL, &m->side, &m->drive, 1, m->options, m->timeout_ms);
    return NULL;
}

static void an_offline_medium_is_asked_for(void **state)
{
    ntms_guid pool = lc_app_pool("Vault", "LTO-6", 0, 0, 0), movemedia;
    struct mounter m = { .side = offline_medium("O00008L6", &pool), .options = RSM_MOUNT_READ, .timeout_ms = 300 };
    struct rsm_object side = lc_get(&m.side);
    pthread_t thread;

    (void)state;
    uint64_t before = lc_fingerprint();
    assert_int_equal(engine_mount(engine, NULL, &m.side, &m.drive, 1, RSM_MOUNT_ERROR_OFFLINE, 20000),
                     NTMS_E_MEDIA_OFFLINE);
    assert_int_equal(engine_mount(engine, NULL, &m.side, &m.drive, 1, RSM_MOUNT_NOWAIT, 20000), NTMS_E_MEDIA_OFFLINE);
    mount(&m);
    assert_int_equal(m.status, NTMS_E_TIMEOUT);                            /* nobody brought it */
    assert_true(lc_fingerprint() == before);                               /* and nothing is left */

    m.timeout_ms = 20000;
    assert_int_equal(pthread_create(&thread, NULL, mount, &m), 0);
    assert_true(find_request(RSM_OPREQ_MOVEMEDIA, &side.info.partition.physical_media, true, &movemedia));
    assert_true(lc_same(opreq(&movemedia).arg2, library));
    assert_int_equal(engine_cancel_operator_request(engine, &movemedia), NTMS_OK);   /* refused */
    pthread_join(thread, NULL);
    assert_int_equal(m.status, NTMS_E_CANCELLED);

    assert_int_equal(pthread_create(&thread, NULL, mount, &m), 0);
    assert_true(find_request(RSM_OPREQ_MOVEMEDIA, &side.info.partition.physical_media, true, &movemedia));
    assert_int_equal(engine_satisfy_operator_request(engine, &movemedia), NTMS_OK);   /* the tape is in slot 8 */
    pthread_join(thread, NULL);
    assert_int_equal(m.status, NTMS_OK);                                   /* found by an inventory, mounted */
    assert_true(sim_library_where(&sim, "O00008L6") < 0);
    assert_true(lc_same(lc_media("O00008L6").info.media.current_library, library));
    assert_int_equal(engine_dismount(engine, NULL, &m.side, 1, 0), NTMS_OK);
    assert_int_equal(sim_library_where(&sim, "O00008L6"), SIM_SLOTS);
}

/* ---- DEVICESERVICE and CLEANER ---- */

static void device_failures_ask_for_service(void **state)
{
    struct rsm_object side = lc_side("O00002L6");
    ntms_guid drive, service, cleaner;

    (void)state;
    sim.fault = (struct sim_fault){ 0x00, -1, 0, 4, 0x44, 0x00, true };   /* hardware failure on TEST UNIT READY */
    assert_int_equal(engine_mount(engine, NULL, &side.id, &drive, 1, 0, 0), NTMS_E_IO_DEVICE);
    assert_true(find_request(RSM_OPREQ_DEVICESERVICE, &drives[0], true, &service));
    assert_int_equal(opreq(&service).arg1_type, RSM_DRIVE);
    size_t before = count_of(RSM_OPREQUEST);
    sim.fault = (struct sim_fault){ 0x00, -1, 0, 4, 0x44, 0x00, true };
    assert_int_equal(engine_mount(engine, NULL, &side.id, &drive, 1, 0, 0), NTMS_E_IO_DEVICE);
    assert_int_equal(count_of(RSM_OPREQUEST), before);                      /* one outstanding per device */
    sim.fault = (struct sim_fault){ 0x00, -1, 0, 2, 0x82, 0x82, true };    /* the drive asks for cleaning */
    assert_int_equal(engine_mount(engine, NULL, &side.id, &drive, 1, 0, 0), NTMS_E_DEVICE_REQUIRES_CLEANING);
    assert_true(find_request(RSM_OPREQ_CLEANER, &library, true, &cleaner));
    assert_int_equal(sim_library_where(&sim, "O00002L6"), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_submissions_change_nothing),
        cmocka_unit_test(a_submission_is_recorded_and_shown),
        cmocka_unit_test(the_ui_options_decide_where_it_is_shown),
        cmocka_unit_test(satisfaction_and_refusal),
        cmocka_unit_test(a_waiter_is_woken_by_the_answer),
        cmocka_unit_test(access_follows_the_request_type),
        cmocka_unit_test(finished_requests_are_purged_after_the_purge_time),
        cmocka_unit_test(media_arriving_satisfy_newmedia),
        cmocka_unit_test(a_refused_newmedia_cancels_the_allocation),
        cmocka_unit_test(a_cancelled_library_request_cancels_the_allocation),
        cmocka_unit_test(a_satisfaction_in_vain_asks_again),
        cmocka_unit_test(an_offline_medium_is_asked_for),
        cmocka_unit_test(device_failures_ask_for_service),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
