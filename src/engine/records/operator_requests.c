#include "engine/records/operator_requests.h"

#include <string.h>

#include "engine/core/owner.h"
#include "engine/core/record_lookup.h"
#include "engine/core/wstr.h"
#include "engine/records/object_security.h"
#include "engine/records/operator_display.h"
#include "engine/records/operator_messages.h"
#include "engine/records/system_objects.h"
#include "platform/plat_random.h"

#define FILETIME_PER_SECOND 10000000ull

static bool given(const ntms_guid *id)
{
    return id && !ntms_guid_is_null(id);
}

/* ---- what each request takes ---- */

static bool one_of(uint32_t type, const uint32_t *kinds)
{
    for (; *kinds; kinds++)
        if (*kinds == type)
            return true;
    return false;
}

/* The kinds of object the first argument may be; none: no argument. */
static const uint32_t *first_kinds(uint32_t request)
{
    static const uint32_t none[] = { 0 }, pool[] = { RSM_MEDIA_POOL, 0 }, media[] = { RSM_PHYSICAL_MEDIA, 0 };
    static const uint32_t cleaner[] = { RSM_LIBRARY, RSM_STORAGESLOT, 0 };
    static const uint32_t device[] = { RSM_IEDOOR, RSM_LIBRARY, RSM_PHYSICAL_MEDIA, RSM_DRIVE, 0 };

    switch (request) {
    case RSM_OPREQ_NEWMEDIA:      return pool;
    case RSM_OPREQ_CLEANER:       return cleaner;
    case RSM_OPREQ_DEVICESERVICE: return device;
    case RSM_OPREQ_MOVEMEDIA:     return media;
    default:                      return none;
    }
}

/* An argument: absent when the request takes none (a MESSAGE names no
 * object), present and of an allowed kind when it does. */
static ntms_err check_argument(struct objdb *db, const ntms_guid *id, const uint32_t *kinds, bool required,
                               uint32_t *type, ntms_guid *out)
{
    struct rsm_object o;

    *type = RSM_UNKNOWN;
    *out = ntms_guid_null;
    if (!given(id))
        return required ? NTMS_E_INVALID_PARAMETER : NTMS_OK;
    if (!*kinds)
        return NTMS_E_INVALID_PARAMETER;
    if (objdb_get(db, id, &o) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;
    if (!one_of(o.type, kinds))
        return NTMS_E_INVALID_PARAMETER;
    *type = o.type;
    *out = o.id;
    return NTMS_OK;
}

static ntms_err check_arguments(struct objdb *db, const struct opreq_submission *s, struct rsm_op_request *r)
{
    static const uint32_t library[] = { RSM_LIBRARY, 0 }, none[] = { 0 };
    const uint32_t *kinds = first_kinds(s->request);
    bool second_taken = s->request == RSM_OPREQ_NEWMEDIA || s->request == RSM_OPREQ_MOVEMEDIA;
    ntms_err status = check_argument(db, s->arg1, kinds, *kinds != 0, &r->arg1_type, &r->arg1);

    /* CLEANER and DEVICESERVICE ignore a second argument; a MESSAGE takes none. */
    if (status == NTMS_OK && (second_taken || s->request == RSM_OPREQ_MESSAGE))
        status = check_argument(db, s->arg2, second_taken ? library : none, s->request == RSM_OPREQ_MOVEMEDIA,
                                &r->arg2_type, &r->arg2);
    return status;
}

/* RSM's rights for submitting (Windows Server 2003). */
static ntms_err check_access(struct objdb *db, const struct sec_caller *caller, const struct rsm_op_request *r)
{
    struct rsm_object media;

    switch (r->request) {
    case RSM_OPREQ_NEWMEDIA:
    case RSM_OPREQ_MOVEMEDIA:
        return object_access_check(db, caller, &r->arg1, RSM_CONTROL_ACCESS);   /* the pool (of the medium) */
    case RSM_OPREQ_CLEANER:
    case RSM_OPREQ_DEVICESERVICE:
        if (r->arg1_type == RSM_PHYSICAL_MEDIA && objdb_get(db, &r->arg1, &media) == NTMS_OK)
            return object_access_check(db, caller, ntms_guid_is_null(&media.info.media.current_library)
                                       ? NULL : &media.info.media.current_library, RSM_CONTROL_ACCESS);
        return object_access_check(db, caller, &r->arg1, RSM_CONTROL_ACCESS);   /* the library (of the slot ...) */
    default:
        return object_access_check(db, caller, NULL, RSM_USE_ACCESS);
    }
}

/* ---- the record ---- */

static ntms_err new_record(const struct ntms_session *session, uint32_t request, struct rsm_object *o)
{
    struct rsm_op_request *r = &o->info.op_request;

    memset(o, 0, sizeof(*o));
    o->type = RSM_OPREQUEST;
    o->enabled = 1;
    r->request = request;
    r->state = RSM_OPSTATE_SUBMITTED;
    r->submitted = objdb_now();
    WSTR_SET(r->application, session ? session->application : "Removable Storage");
    if (session) {
        WSTR_SET(r->user, session->user);
        WSTR_SET(r->computer, session->computer);
    }
    return ntms_guid_generate(&o->id);
}

static void set_message(struct objdb *db, struct rsm_object *o, const wchar16 *message)
{
    struct rsm_op_request *r = &o->info.op_request;
    size_t n = 0;

    if (!message) {
        opreq_default_message(db, o);
        return;
    }
    while (n + 1 < RSM_MESSAGE_LENGTH && message[n]) {
        r->message[n] = message[n];
        n++;
    }
    r->message[n] = 0;
}

static ntms_err record_submission(struct engine *engine, const struct ntms_session *session,
                                  const struct sec_caller *caller, const struct opreq_submission *s,
                                  struct rsm_object *o)
{
    struct objdb *db = engine->db;
    ntms_err status = new_record(session, s->request, o);

    if (status == NTMS_OK)
        status = check_arguments(db, s, &o->info.op_request);
    if (status == NTMS_OK)
        status = check_access(db, caller, &o->info.op_request);
    if (status == NTMS_OK)
        status = opreq_purge(db);
    if (status == NTMS_OK) {
        set_message(db, o, s->message);
        status = objdb_put(db, o);
    }
    return status;
}

static ntms_err submit_recorded(struct engine *engine, const struct ntms_session *session,
                                const struct sec_caller *caller, const struct opreq_submission *s,
                                struct rsm_object *o)
{
    OBJDB_TRANSACTION(engine->db, true, record_submission(engine, session, caller, s, o));
}

ntms_err engine_submit_operator_request(struct engine *engine, const struct ntms_session *session,
                                        const struct sec_caller *caller, const struct opreq_submission *submission,
                                        ntms_guid *id)
{
    struct rsm_object o;

    if (submission->request < RSM_OPREQ_NEWMEDIA || submission->request > RSM_OPREQ_MESSAGE)
        return NTMS_E_INVALID_PARAMETER;
    if (submission->request == RSM_OPREQ_MESSAGE && !submission->message)
        return NTMS_E_INVALID_PARAMETER;
    ntms_err status = submit_recorded(engine, session, caller, submission, &o);
    if (status == NTMS_OK) {
        *id = o.id;
        opreq_show(engine, session, &o.id);   /* shown or not, it is submitted */
    }
    return status;
}

/* ---- the library's own ---- */

struct outstanding_key {
    uint32_t         request;
    const ntms_guid *arg1;
    const struct rsm_owner *waiter;   /* NULL: any */
};

static bool same_outstanding(const struct rsm_object *o, const void *key)
{
    const struct outstanding_key *k = key;
    const struct rsm_op_request *r = &o->info.op_request;

    return opreq_outstanding(r->state) && r->request == k->request && ntms_guid_equal(&r->arg1, k->arg1)
        && (!k->waiter || owner_equal(&r->raised_for, k->waiter));
}

static ntms_err record_raised(struct engine *engine, const struct ntms_session *session,
                              const struct rsm_owner *waiter, const struct opreq_submission *s,
                              struct rsm_object *o, bool *known)
{
    struct objdb *db = engine->db;
    struct outstanding_key key = { s->request, s->arg1, waiter };
    ntms_err status = records_find(db, RSM_OPREQUEST, same_outstanding, &key, o);

    *known = status == NTMS_OK;
    if (status != NTMS_E_OBJECT_NOT_FOUND)
        return status;
    if ((status = new_record(session, s->request, o)) == NTMS_OK)
        status = check_arguments(db, s, &o->info.op_request);
    if (status == NTMS_OK)
        status = opreq_purge(db);
    if (status == NTMS_OK) {
        if (waiter)
            o->info.op_request.raised_for = *waiter;
        set_message(db, o, NULL);
        status = objdb_put(db, o);
    }
    return status;
}

static ntms_err raise_recorded(struct engine *engine, const struct ntms_session *session,
                               const struct rsm_owner *waiter, const struct opreq_submission *s,
                               struct rsm_object *o, bool *known)
{
    OBJDB_TRANSACTION(engine->db, true, record_raised(engine, session, waiter, s, o, known));
}

static ntms_err raise(struct engine *engine, const struct ntms_session *session, const struct rsm_owner *waiter,
                      const struct opreq_submission *s, ntms_guid *id)
{
    struct rsm_object o;
    bool known = false;
    ntms_err status = raise_recorded(engine, session, waiter, s, &o, &known);

    if (status == NTMS_OK && !known)
        opreq_show(engine, session, &o.id);
    if (status == NTMS_OK && id)
        *id = o.id;
    return status;
}

ntms_err opreq_raise(struct engine *engine, const struct ntms_session *session, const struct rsm_owner *waiter,
                     uint32_t request, const ntms_guid *arg1, const ntms_guid *arg2, ntms_guid *id)
{
    struct opreq_submission s = { request, NULL, arg1, arg2 };

    return raise(engine, session, waiter, &s, id);
}

ntms_err opreq_raise_for_device(struct engine *engine, uint32_t request, const ntms_guid *device)
{
    struct opreq_submission s = { request, NULL, device, NULL };

    return raise(engine, NULL, NULL, &s, NULL);
}

/* ---- answers ---- */

/* The operator request `id` in *o, inside the caller's transaction. */
static ntms_err get_request(struct objdb *db, const ntms_guid *id, struct rsm_object *o)
{
    if (objdb_get(db, id, o) != NTMS_OK || o->type != RSM_OPREQUEST)
        return NTMS_E_OBJECT_NOT_FOUND;
    return NTMS_OK;
}

static ntms_err finish(struct objdb *db, const ntms_guid *id, uint32_t state, ntms_err when_finished)
{
    struct rsm_object o;
    ntms_err status = get_request(db, id, &o);

    if (status != NTMS_OK)
        return status;
    if (!opreq_outstanding(o.info.op_request.state))
        return when_finished;
    o.info.op_request.state = state;
    o.info.op_request.completed = objdb_now();
    return objdb_put(db, &o);
}

ntms_err engine_satisfy_operator_request(struct engine *engine, const ntms_guid *id)
{
    OBJDB_TRANSACTION(engine->db, true, finish(engine->db, id, RSM_OPSTATE_COMPLETE, NTMS_E_OBJECT_NOT_FOUND));
}

ntms_err engine_cancel_operator_request(struct engine *engine, const ntms_guid *id)
{
    OBJDB_TRANSACTION(engine->db, true, finish(engine->db, id, RSM_OPSTATE_REFUSED, NTMS_E_INVALID_STATE));
}

static ntms_err read_state(struct objdb *db, const ntms_guid *id, uint32_t *state)
{
    struct rsm_object o;
    ntms_err status = get_request(db, id, &o);

    if (status == NTMS_OK)
        *state = o.info.op_request.state;
    return status;
}

ntms_err engine_operator_request_state(struct engine *engine, const ntms_guid *id, uint32_t *state)
{
    OBJDB_TRANSACTION(engine->db, false, read_state(engine->db, id, state));
}

ntms_err opreq_progress_in(struct objdb *db, const ntms_guid *id, uint32_t state)
{
    struct rsm_object o;
    ntms_err status = get_request(db, id, &o);

    if (status != NTMS_OK || !opreq_outstanding(o.info.op_request.state) || o.info.op_request.state == state)
        return status;
    o.info.op_request.state = state;
    if (!opreq_outstanding(state))
        o.info.op_request.completed = objdb_now();
    return objdb_put(db, &o);
}

ntms_err opreq_progress(struct engine *engine, const ntms_guid *id, uint32_t state)
{
    OBJDB_TRANSACTION(engine->db, true, opreq_progress_in(engine->db, id, state));
}

static ntms_err withdraw(struct objdb *db, const ntms_guid *id)
{
    struct rsm_object o;

    return get_request(db, id, &o) == NTMS_OK ? objdb_delete(db, id) : NTMS_OK;
}

ntms_err opreq_withdraw(struct engine *engine, const ntms_guid *id)
{
    OBJDB_TRANSACTION(engine->db, true, withdraw(engine->db, id));
}

/* ---- retention ---- */

struct expiry {
    uint64_t now, keep_for;
    uint32_t flags;
};

static bool purgeable(const struct rsm_object *o, const void *key)
{
    const struct expiry *e = key;
    const struct rsm_op_request *r = &o->info.op_request;

    if (opreq_outstanding(r->state))   /* a waiter that is gone asks for nothing any more */
        return !owner_is_nobody(&r->raised_for) && !owner_alive(&r->raised_for);
    if (e->flags & RSM_OPREQFLAGS_NOAUTOPURGE || r->completed + e->keep_for > e->now)
        return false;
    return r->state != RSM_OPSTATE_REFUSED || !(e->flags & RSM_OPREQFLAGS_NOFAILEDPURGE);
}

ntms_err opreq_purge(struct objdb *db)
{
    struct rsm_object computer = { .info.computer.op_request_purge_time = RSM_PURGE_TIME_SECONDS };
    struct record_list old = { 0 };
    ntms_err status = records_find(db, RSM_COMPUTER, NULL, NULL, &computer);
    const struct rsm_computer *c = &computer.info.computer;

    if (status == NTMS_E_OBJECT_NOT_FOUND)
        status = NTMS_OK;
    struct expiry e = { objdb_now(), (uint64_t)c->op_request_purge_time * FILETIME_PER_SECOND, c->op_request_flags };
    if (status == NTMS_OK)
        status = records_collect(db, RSM_OPREQUEST, purgeable, &e, &old);
    for (size_t i = 0; status == NTMS_OK && i < old.count; i++)
        status = objdb_delete(db, &old.items[i].id);
    record_list_free(&old);
    return status;
}
