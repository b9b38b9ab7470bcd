#include "engine/ops/request_queue.h"

#include "engine/core/owner.h"
#include "engine/ops/media_sides.h"
#include "engine/records/library_requests.h"

/* A side's records, for the request to name them. */
static void first_side(struct queued_mount *q, struct lib_request_start *start)
{
    struct media_side side;

    if (q->count && media_side_resolve(q->engine, &q->ids[0], &side) == NTMS_OK) {
        start->partition = side.partition.id;
        start->physical_media = side.media.id;
    }
}

ntms_err queued_mount_open(struct queued_mount *q, int32_t priority)
{
    enum mount_outlook outlook = mount_outlook(q->engine, &q->library, q->ids, q->drives, q->count, q->options);
    struct lib_request_start start = { .operation = RSM_LM_MOUNT, .option = q->options, .priority = priority,
                                       .library = q->library, .queued = true,
                                       .waits_for_drive = outlook != MOUNT_MEDIUM_BUSY };
    struct rsm_owner owner = owner_of_session(q->session);

    first_side(q, &start);
    q->waits_for_drive = start.waits_for_drive;
    return lib_request_open(q->engine, q->session, &owner, &start, &q->request);
}

static bool session_closed(const struct queued_mount *q)
{
    return q->session && !session_serial_open(q->session->serial);
}

/* The reason it waits, written when it changed. */
static ntms_err note_reason(struct queued_mount *q, enum mount_outlook outlook)
{
    bool for_drive = outlook == MOUNT_DRIVES_BUSY;

    if (for_drive == q->waits_for_drive)
        return NTMS_OK;
    q->waits_for_drive = for_drive;
    return lib_request_waits_for(q->engine, &q->request, for_drive);
}

ntms_err queued_mount_turn(struct queued_mount *q)
{
    for (bool first = true;; first = false) {
        struct rsm_object request;
        bool went = false;
        if (session_closed(q))
            return NTMS_E_CANCELLED;
        enum mount_outlook outlook = mount_outlook(q->engine, &q->library, q->ids, q->drives, q->count, q->options);
        /* A no-wait mount tries once unless others wait before it. */
        ntms_err status = outlook == MOUNT_CAN_GO || (first && q->no_wait)
                        ? lib_request_take_turn(q->engine, &q->request, &went) : note_reason(q, outlook);
        if (status != NTMS_OK || went)
            return status;
        if (q->no_wait)
            return NTMS_E_BUSY;
        if (engine_get_object(q->engine, &q->request, &request) != NTMS_OK
            || lib_request_finished(request.info.lib_request.state))
            return NTMS_E_CANCELLED;
        if (!busy_wait_for_change(&q->wait, q->engine->db))
            return NTMS_E_TIMEOUT;
    }
}

void queued_mount_has_drive(struct queued_mount *q)
{
    if (q->waits_for_drive && lib_request_waits_for(q->engine, &q->request, false) == NTMS_OK)
        q->waits_for_drive = false;
}

bool queued_mount_again(struct queued_mount *q)
{
    if (lib_request_requeue(q->engine, &q->request, true) != NTMS_OK)
        return !q->no_wait;   /* cancelled meanwhile: the turn says so */
    q->waits_for_drive = true;
    return !q->no_wait && busy_wait_again(&q->wait);
}

void queued_mount_close(struct queued_mount *q, ntms_err result, const ntms_guid *drive)
{
    if (lib_request_close(q->engine, &q->request, result, drive) != NTMS_OK)
        lib_request_close(q->engine, &q->request, result, drive);   /* once more; else the housekeeping fails it */
}
