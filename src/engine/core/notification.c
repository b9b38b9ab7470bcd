#include "engine/core/notification.h"

#include <stdbool.h>
#include <stdlib.h>

#include "engine/core/change_bell.h"
#include "engine/core/rsm_values.h"
#include "platform/plat_lock.h"
#include "platform/plat_time.h"

/* A wait looks at the database at least this often even when the bell
 * stays silent: a writer killed between its commit and its ring, or a
 * waiter in a namespace the writer cannot reach (plat_wakeup.h), is then
 * still told within the 100 ms promised. Looking costs no file access
 * while nothing was committed (under Wine: three wineserver calls). */
#define SAFETY_LOOK_MS 50
/* Changes read ahead at most (plus the rest of the last commit). */
#define READ_AHEAD 256

struct channel {
    struct objdb        *db;
    uint32_t             type;
    plat_mutex           lock;       /* the queue and the position */
    uint64_t             position;   /* the last commit read */
    struct notification *queue;
    size_t               head, count, capacity;
    bool                 behind;     /* fell too far behind: NO_DATA until closed */
    bool                 closed;
};

/* ---- handles: generation << GEN_SHIFT | (index + 1) << INDEX_SHIFT | HANDLE_TAG ----
 * The tag keeps them apart from session handles, whose generation field
 * (from bit 13) would read it as out of range. */
#define HANDLE_TAG  (1u << 30)
#define INDEX_SHIFT 2
#define INDEX_BITS  10
#define GEN_SHIFT   (INDEX_SHIFT + INDEX_BITS)
#define GEN_MASK    0xFFFFu

_Static_assert(NOTIFICATION_CHANNELS + 1 <= (1u << INDEX_BITS), "index field too narrow");
_Static_assert(GEN_SHIFT + 16 <= 30, "generation runs into the tag");

struct slot {
    struct channel *channel;   /* NULL: free */
    uint32_t        generation;
    uint32_t        references;
    uint32_t        session;
    bool            closed;
};

static struct slot slots[NOTIFICATION_CHANNELS];
static plat_mutex table_lock = PLAT_MUTEX_INIT;

static uintptr_t handle_of(unsigned index, uint32_t generation)
{
    return HANDLE_TAG | ((uintptr_t)generation << GEN_SHIFT) | ((uintptr_t)(index + 1) << INDEX_SHIFT);
}

/* Called with the table locked: the slot an open channel's handle names. */
static struct slot *slot_of(uintptr_t handle)
{
    uintptr_t index = (handle >> INDEX_SHIFT) & ((1u << INDEX_BITS) - 1);
    uintptr_t generation = (handle & ~(uintptr_t)HANDLE_TAG) >> GEN_SHIFT;

    if ((handle & HANDLE_TAG) == 0 || (handle & 3) || index == 0 || index > NOTIFICATION_CHANNELS
        || generation > GEN_MASK)
        return NULL;
    struct slot *slot = &slots[index - 1];
    return slot->channel && !slot->closed && slot->generation == generation ? slot : NULL;
}

static void channel_free(struct channel *channel)
{
    free(channel->queue);
    free(channel);
}

/* Called with the table locked. */
static void drop_reference(struct slot *slot)
{
    if (--slot->references > 0)
        return;
    channel_free(slot->channel);
    slot->channel = NULL;
    slot->closed = false;
}

static ntms_err table_add(struct channel *channel, uint32_t session, uintptr_t *handle)
{
    plat_mutex_lock(&table_lock);
    for (unsigned i = 0; i < NOTIFICATION_CHANNELS; i++) {
        struct slot *slot = &slots[i];
        if (slot->channel)
            continue;
        slot->generation = (slot->generation % GEN_MASK) + 1;
        *slot = (struct slot){ channel, slot->generation, 1, session, false };
        *handle = handle_of(i, slot->generation);
        plat_mutex_unlock(&table_lock);
        return NTMS_OK;
    }
    plat_mutex_unlock(&table_lock);
    return NTMS_E_NOT_ENOUGH_MEMORY;
}

static struct slot *acquire(uintptr_t handle)
{
    plat_mutex_lock(&table_lock);
    struct slot *slot = slot_of(handle);
    if (slot)
        slot->references++;
    plat_mutex_unlock(&table_lock);
    return slot;
}

static void release(struct slot *slot)
{
    plat_mutex_lock(&table_lock);
    drop_reference(slot);
    plat_mutex_unlock(&table_lock);
}

/* ---- the queue ---- */

static bool push(struct channel *c, uint32_t operation, const ntms_guid *id)
{
    if (c->count == c->capacity) {
        size_t capacity = c->capacity ? c->capacity * 2 : 64;
        struct notification *grown = realloc(c->queue, capacity * sizeof(*grown));
        if (!grown)
            return false;
        c->queue = grown;
        c->capacity = capacity;
    }
    c->queue[c->count++] = (struct notification){ operation, *id };
    return true;
}

static uint32_t operation_of(const struct objdb_change *change)
{
    switch (change->what) {
    case OBJDB_INSERTED:  return RSM_OBJ_INSERT;
    case OBJDB_DELETED:   return RSM_OBJ_DELETE;
    case OBJDB_SIGNALLED: return change->operation;
    default:              return RSM_OBJ_UPDATE;
    }
}

/* Runs under the database's lock: only the channel's own memory. */
static bool collect(const struct objdb_change *change, void *context)
{
    struct channel *c = context;

    if (change->type == c->type && change->what != OBJDB_ATTRIBUTES && !push(c, operation_of(change), &change->id))
        c->behind = true;   /* cannot hold it: reported, never dropped silently */
    return c->count < READ_AHEAD && !c->behind;
}

/* With the channel locked: the next notification queued or committed
 * since; NTMS_E_TIMEOUT when there is none. */
static ntms_err next(struct channel *c, struct notification *out)
{
    if (c->closed)
        return NTMS_E_INVALID_HANDLE;
    if (c->head == c->count && !c->behind) {
        c->head = c->count = 0;
        ntms_err status = objdb_changes_since(c->db, c->position, collect, c, &c->position);
        if (status == NTMS_E_NO_DATA)
            c->behind = true;
        else if (status != NTMS_OK)
            return status;
    }
    if (c->head < c->count) {
        *out = c->queue[c->head++];
        return NTMS_OK;
    }
    return c->behind ? NTMS_E_NO_DATA : NTMS_E_TIMEOUT;
}

/* ---- the channel ---- */

ntms_err notification_open(struct objdb *db, uint32_t session_serial, uint32_t type, uintptr_t *handle)
{
    if (type <= RSM_UNKNOWN || type >= RSM_TYPE_COUNT)
        return NTMS_E_INVALID_PARAMETER;
    struct channel *c = calloc(1, sizeof(*c));
    if (!c)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    *c = (struct channel){ .db = db, .type = type, .lock = PLAT_MUTEX_INIT };
    struct change_bell *bell = objdb_bell(db);
    change_bell_free_dead_rows(bell);
    change_bell_listen(bell, type, +1);   /* before the position: signals from then on are written */
    ntms_err status = objdb_generation(db, &c->position);
    if (status == NTMS_OK)
        status = table_add(c, session_serial, handle);
    if (status != NTMS_OK) {
        change_bell_listen(bell, type, -1);
        channel_free(c);
    }
    return status;
}

static uint32_t milliseconds_left(uint64_t started, uint32_t timeout_ms)
{
    if (timeout_ms == NOTIFICATION_WAIT_FOREVER)
        return SAFETY_LOOK_MS;
    uint64_t waited = (plat_monotonic_ns() - started) / 1000000u;
    uint64_t left = waited >= timeout_ms ? 0 : timeout_ms - waited;
    return left < SAFETY_LOOK_MS ? (uint32_t)left : SAFETY_LOOK_MS;
}

ntms_err notification_wait(uintptr_t handle, uint32_t timeout_ms, struct notification *notification)
{
    struct slot *slot = acquire(handle);
    uint64_t started = plat_monotonic_ns();
    ntms_err status;

    if (!slot)
        return NTMS_E_INVALID_HANDLE;
    struct channel *c = slot->channel;
    struct change_bell *bell = objdb_bell(c->db);
    for (;;) {
        uint32_t seen = change_bell_count(bell, c->type);   /* before looking: see change_bell.h */
        plat_mutex_lock(&c->lock);
        status = next(c, notification);
        plat_mutex_unlock(&c->lock);
        uint32_t left = milliseconds_left(started, timeout_ms);
        if (status != NTMS_E_TIMEOUT || !left)
            break;
        change_bell_wait(bell, c->type, seen, left);
    }
    release(slot);
    return status;
}

/* Marks the channel closed and wakes whoever waits on it (a ring of its
 * type: other waiters of the type look, at no file access, and sleep on). */
static void close_slot(struct slot *slot)
{
    struct channel *c = slot->channel;

    slot->closed = true;
    plat_mutex_lock(&c->lock);
    c->closed = true;
    plat_mutex_unlock(&c->lock);
    change_bell_listen(objdb_bell(c->db), c->type, -1);
    change_bell_ring(objdb_bell(c->db), 1u << c->type);
    drop_reference(slot);
}

ntms_err notification_close(uintptr_t handle)
{
    plat_mutex_lock(&table_lock);
    struct slot *slot = slot_of(handle);
    if (slot)
        close_slot(slot);
    plat_mutex_unlock(&table_lock);
    return slot ? NTMS_OK : NTMS_E_INVALID_HANDLE;
}

void notification_close_session(uint32_t session_serial)
{
    plat_mutex_lock(&table_lock);
    for (unsigned i = 0; i < NOTIFICATION_CHANNELS; i++)
        if (slots[i].channel && !slots[i].closed && slots[i].session == session_serial)
            close_slot(&slots[i]);
    plat_mutex_unlock(&table_lock);
}

bool notification_is_open(uintptr_t handle)
{
    plat_mutex_lock(&table_lock);
    bool open = slot_of(handle) != NULL;
    plat_mutex_unlock(&table_lock);
    return open;
}

unsigned notification_count_open(void)
{
    unsigned count = 0;

    plat_mutex_lock(&table_lock);
    for (unsigned i = 0; i < NOTIFICATION_CHANNELS; i++)
        count += slots[i].channel && !slots[i].closed;
    plat_mutex_unlock(&table_lock);
    return count;
}
