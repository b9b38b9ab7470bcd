/* The process-wide table behind session handles. */
#include "engine/core/session.h"

#include <stdlib.h>
#include <string.h>

#include "platform/plat_lock.h"

/* handle = generation << GEN_SHIFT | (index + 1) << INDEX_SHIFT. The low
 * bits stay zero, as in kernel handles, and the value fits 32 bits, so it
 * survives a round trip through a 32-bit HANDLE. */
#define INDEX_SHIFT 2
#define INDEX_BITS  11
#define GEN_SHIFT   (INDEX_SHIFT + INDEX_BITS)
#define GEN_MASK    0xFFFFu

_Static_assert(SESSION_TABLE_SIZE + 1 <= (1u << INDEX_BITS), "index field too narrow");

struct session_slot {
    struct ntms_session *session;   /* NULL: free */
    uint32_t             generation;
    uint32_t             references;
    int                  closed;
};

static struct session_slot slots[SESSION_TABLE_SIZE];
static plat_mutex table_lock = PLAT_MUTEX_INIT;
static uint32_t last_serial;

static uintptr_t handle_of(unsigned index, uint32_t generation)
{
    return ((uintptr_t)generation << GEN_SHIFT) | ((uintptr_t)(index + 1) << INDEX_SHIFT);
}

/* The slot a handle names, or NULL when the value cannot be one of ours. */
static struct session_slot *slot_of(uintptr_t handle)
{
    uintptr_t low = handle & ((1u << INDEX_SHIFT) - 1);
    uintptr_t index = (handle >> INDEX_SHIFT) & ((1u << INDEX_BITS) - 1);
    uintptr_t generation = handle >> GEN_SHIFT;

    if (low != 0 || index == 0 || index > SESSION_TABLE_SIZE || generation > GEN_MASK)
        return NULL;
    struct session_slot *slot = &slots[index - 1];
    if (!slot->session || slot->closed || slot->generation != generation)
        return NULL;
    return slot;
}

static void copy_name(char *dst, const char *src, const char *fallback)
{
    if (!src || !*src)
        src = fallback;
    strncpy(dst, src, SESSION_NAME_MAX - 1);
    dst[SESSION_NAME_MAX - 1] = '\0';
}

void session_describe_client(struct ntms_session *session, const char *user, const char *computer)
{
    copy_name(session->user, user, "");
    copy_name(session->computer, computer, "");
}

ntms_err session_open(const char *application_utf8, uint32_t options, uintptr_t *handle)
{
    struct ntms_session *session = calloc(1, sizeof(*session));
    if (!session)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    copy_name(session->application, application_utf8, "RSM");
    session->options = options;

    plat_mutex_lock(&table_lock);
    for (unsigned i = 0; i < SESSION_TABLE_SIZE; i++) {
        struct session_slot *slot = &slots[i];
        if (slot->session)
            continue;
        slot->generation = (slot->generation % GEN_MASK) + 1;
        session->table_index = i;
        session->serial = ++last_serial ? last_serial : ++last_serial;
        slot->session = session;
        slot->references = 1;
        slot->closed = 0;
        *handle = handle_of(i, slot->generation);
        plat_mutex_unlock(&table_lock);
        return NTMS_OK;
    }
    plat_mutex_unlock(&table_lock);
    free(session);
    return NTMS_E_NOT_ENOUGH_MEMORY;
}

struct ntms_session *session_acquire(uintptr_t handle)
{
    struct ntms_session *session = NULL;

    plat_mutex_lock(&table_lock);
    struct session_slot *slot = slot_of(handle);
    if (slot) {
        slot->references++;
        session = slot->session;
    }
    plat_mutex_unlock(&table_lock);
    return session;
}

/* Called with the lock held. Frees the slot's session once unused. */
static void drop_reference(struct session_slot *slot)
{
    if (--slot->references > 0)
        return;
    for (int i = 0; i < SESSION_UI_TYPES; i++)
        free(slot->session->ui_destinations[i]);
    free(slot->session);
    slot->session = NULL;
    slot->closed = 0;
}

void session_release(struct ntms_session *session)
{
    if (!session)
        return;
    plat_mutex_lock(&table_lock);
    drop_reference(&slots[session->table_index]);
    plat_mutex_unlock(&table_lock);
}

ntms_err session_close(uintptr_t handle)
{
    plat_mutex_lock(&table_lock);
    struct session_slot *slot = slot_of(handle);
    if (!slot) {
        plat_mutex_unlock(&table_lock);
        return NTMS_E_INVALID_HANDLE;
    }
    slot->closed = 1;
    drop_reference(slot);
    plat_mutex_unlock(&table_lock);
    return NTMS_OK;
}

bool session_serial_open(uint32_t serial)
{
    bool open = false;

    plat_mutex_lock(&table_lock);
    for (unsigned i = 0; i < SESSION_TABLE_SIZE && !open; i++)
        open = slots[i].session && !slots[i].closed && slots[i].session->serial == serial;
    plat_mutex_unlock(&table_lock);
    return open;
}

unsigned session_count_open(void)
{
    unsigned count = 0;

    plat_mutex_lock(&table_lock);
    for (unsigned i = 0; i < SESSION_TABLE_SIZE; i++)
        count += slots[i].session && !slots[i].closed;
    plat_mutex_unlock(&table_lock);
    return count;
}
