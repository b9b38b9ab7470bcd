#include "engine/core/change_bell.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/core/rsm_values.h"
#include "platform/plat_file.h"
#include "platform/plat_lock.h"
#include "platform/plat_process.h"
#include "platform/plat_random.h"
#include "platform/plat_time.h"
#include "platform/plat_wakeup.h"

#define BELL_PAGE_SIZE 4096
#define BELL_TYPES 32
#define NO_ROW_SLEEP_MS 10   /* a bell that cannot wait for a wake-up looks again this often */

_Static_assert(RSM_TYPE_COUNT <= BELL_TYPES, "a type mask is 32 bits");

struct bell_listener {
    uint32_t pid;       /* 0: free */
    uint32_t waiting;   /* the types it waits for (1 << type) */
    uint64_t started;   /* its process, as plat_process_self says */
    uint32_t scopes;    /* where it waits (plat_wakeup_scope); 0 while the row is being taken */
    uint32_t open;      /* the types it has channels open for */
};

struct bell_page {
    uint64_t             nonce;        /* names this database's events; set once */
    uint32_t             counts[BELL_TYPES];
    uint32_t             overflowed;   /* a bell found no row: every type counts as heard */
    uint32_t             reserved;
    struct bell_listener listeners[CHANGE_BELL_LISTENERS];
};
_Static_assert(sizeof(struct bell_page) <= BELL_PAGE_SIZE, "the bell is one page");

struct change_bell {
    struct bell_page *page;
    char              prefix[32];   /* "ntmsapi-<nonce>" */
    plat_mutex        lock;
    int               row;          /* its listener row; -1: none (yet) */
    bool              row_tried;
    unsigned          waiters[BELL_TYPES];   /* its threads waiting, per type */
    unsigned          channels[BELL_TYPES];  /* its channels open, per type */
};

#define LOAD(x) __atomic_load_n(&(x), __ATOMIC_SEQ_CST)
#define STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_SEQ_CST)

static uint64_t page_nonce(struct bell_page *page)
{
    uint64_t expected = 0, chosen = 0;

    if (LOAD(page->nonce))
        return LOAD(page->nonce);
    while (!chosen)
        if (plat_random_bytes(&chosen, sizeof(chosen)) != NTMS_OK)
            chosen = plat_monotonic_ns() ^ (uint64_t)(uintptr_t)page;
    __atomic_compare_exchange_n(&page->nonce, &expected, chosen, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return LOAD(page->nonce);
}

struct change_bell *change_bell_open(const char *directory)
{
    char path[1100];
    void *address = NULL;

    snprintf(path, sizeof(path), "%s/ntmsapi.bell", directory);
    if (!plat_file->map_shared || plat_file->map_shared(path, BELL_PAGE_SIZE, &address) != NTMS_OK)
        return NULL;
    struct change_bell *bell = calloc(1, sizeof(*bell));
    if (!bell) {
        plat_file->unmap_shared(address, BELL_PAGE_SIZE);
        return NULL;
    }
    bell->page = address;
    bell->lock = (plat_mutex)PLAT_MUTEX_INIT;
    bell->row = -1;
    snprintf(bell->prefix, sizeof(bell->prefix), "ntmsapi-%016llx", (unsigned long long)page_nonce(bell->page));
    return bell;
}

static void free_row(struct bell_listener *row)
{
    STORE(row->waiting, 0);
    STORE(row->open, 0);
    STORE(row->scopes, 0);
    STORE(row->pid, 0);
}

void change_bell_close(struct change_bell *bell)
{
    if (!bell)
        return;
    if (bell->row >= 0)
        free_row(&bell->page->listeners[bell->row]);
    plat_file->unmap_shared(bell->page, BELL_PAGE_SIZE);
    free(bell);
}

/* ---- the listener table ---- */

/* Rows of processes that ended: freed, so commits stop waking them. */
static void free_dead_rows(struct bell_page *page)
{
    for (int i = 0; i < CHANGE_BELL_LISTENERS; i++) {
        struct bell_listener *row = &page->listeners[i];
        uint32_t pid = LOAD(row->pid);
        if (!pid || !LOAD(row->scopes))
            continue;
        struct plat_process_id owner = { LOAD(row->started), pid };
        if (!plat_process_alive(&owner) && LOAD(row->pid) == pid)
            free_row(row);
    }
}

void change_bell_free_dead_rows(struct change_bell *bell)
{
    if (bell)
        free_dead_rows(bell->page);
}

static int take_row(struct bell_page *page)
{
    struct plat_process_id self;

    plat_process_self(&self);
    free_dead_rows(page);
    for (int i = 0; i < CHANGE_BELL_LISTENERS; i++) {
        struct bell_listener *row = &page->listeners[i];
        uint32_t free_pid = 0;
        if (!__atomic_compare_exchange_n(&row->pid, &free_pid, self.pid, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
            continue;
        STORE(row->waiting, 0);
        STORE(row->open, 0);
        STORE(row->started, self.started);
        STORE(row->scopes, plat_wakeup_scope());
        return i;
    }
    STORE(page->overflowed, 1);   /* its channels are in no row: signals are always written */
    return -1;                      /* and its waits are short sleeps */
}

/* One more (or one fewer) of the type in `counts`; the row's `mask` marks
 * the type while the count is not 0. False when the bell has no row. */
static bool mark(struct change_bell *bell, uint32_t type, int change, unsigned *counts, size_t mask_offset)
{
    plat_mutex_lock(&bell->lock);
    if (bell->row < 0 && !bell->row_tried) {
        bell->row = take_row(bell->page);
        bell->row_tried = true;
    }
    bool marked = bell->row >= 0;
    if (marked) {
        uint32_t *mask = (uint32_t *)((char *)&bell->page->listeners[bell->row] + mask_offset);
        unsigned before = counts[type];
        counts[type] = before + (unsigned)change;
        if (before == 0 && change > 0)
            __atomic_fetch_or(mask, 1u << type, __ATOMIC_SEQ_CST);
        else if (before == 1 && change < 0)
            __atomic_fetch_and(mask, ~(1u << type), __ATOMIC_SEQ_CST);
    }
    plat_mutex_unlock(&bell->lock);
    return marked;
}

static bool mark_waiting(struct change_bell *bell, uint32_t type, int change)
{
    return mark(bell, type, change, bell->waiters, offsetof(struct bell_listener, waiting));
}

void change_bell_listen(struct change_bell *bell, uint32_t type, int change)
{
    if (bell && type < BELL_TYPES)
        mark(bell, type, change, bell->channels, offsetof(struct bell_listener, open));
}

bool change_bell_heard(struct change_bell *bell, uint32_t type)
{
    if (!bell || type >= BELL_TYPES || LOAD(bell->page->overflowed))
        return true;
    for (int i = 0; i < CHANGE_BELL_LISTENERS; i++)
        if (LOAD(bell->page->listeners[i].open) & (1u << type))
            return true;
    return false;
}

/* ---- ringing and waiting ---- */

static void type_name(const struct change_bell *bell, uint32_t type, char *name, size_t capacity)
{
    snprintf(name, capacity, "%s-%u", bell->prefix, (unsigned)type);
}

/* The scopes of the listeners waiting for each type in `types`. */
static void waiting_scopes(const struct bell_page *page, uint32_t types, uint32_t scopes[BELL_TYPES])
{
    for (int i = 0; i < CHANGE_BELL_LISTENERS; i++) {
        uint32_t waiting = LOAD(page->listeners[i].waiting) & types;
        for (uint32_t type = 0; waiting; type++, waiting >>= 1)
            if (waiting & 1)
                scopes[type] |= LOAD(page->listeners[i].scopes);
    }
}

void change_bell_ring(struct change_bell *bell, uint32_t types)
{
    uint32_t was[BELL_TYPES], scopes[BELL_TYPES] = { 0 };
    char name[PLAT_WAKEUP_NAME_MAX];

    if (!bell || !types)
        return;
    for (uint32_t type = 0; type < BELL_TYPES; type++)
        if (types & (1u << type))
            was[type] = __atomic_fetch_add(&bell->page->counts[type], 1, __ATOMIC_SEQ_CST);
    waiting_scopes(bell->page, types, scopes);   /* after the counts moved: see change_bell.h */
    for (uint32_t type = 0; type < BELL_TYPES; type++) {
        if (!scopes[type])
            continue;
        type_name(bell, type, name, sizeof(name));
        plat_wakeup_all(name, &bell->page->counts[type], was[type], scopes[type]);
    }
}

uint32_t change_bell_count(struct change_bell *bell, uint32_t type)
{
    return bell && type < BELL_TYPES ? LOAD(bell->page->counts[type]) : 0;
}

unsigned change_bell_rows_taken(struct change_bell *bell, uint32_t type, unsigned *waiting)
{
    unsigned taken = 0;

    *waiting = 0;
    for (int i = 0; bell && i < CHANGE_BELL_LISTENERS; i++) {
        taken += LOAD(bell->page->listeners[i].pid) != 0;
        *waiting += type < BELL_TYPES && (LOAD(bell->page->listeners[i].waiting) & (1u << type));
    }
    return taken;
}

void change_bell_wait(struct change_bell *bell, uint32_t type, uint32_t seen, uint32_t timeout_ms)
{
    char name[PLAT_WAKEUP_NAME_MAX];
    uint32_t short_sleep = timeout_ms < NO_ROW_SLEEP_MS ? timeout_ms : NO_ROW_SLEEP_MS;

    if (!bell || type >= BELL_TYPES || !mark_waiting(bell, type, +1)) {
        plat_sleep_ms(short_sleep);
        return;
    }
    type_name(bell, type, name, sizeof(name));
    plat_wakeup_wait(name, &bell->page->counts[type], seen, timeout_ms);
    mark_waiting(bell, type, -1);
}
