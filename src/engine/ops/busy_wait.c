#include "engine/ops/busy_wait.h"

#include <stdlib.h>

#include "engine/core/change_bell.h"
#include "platform/plat_time.h"

#define POLL_MS 250
#define DEFAULT_IDENTIFY_WAIT_SECONDS 60
#define MAX_WAIT_SECONDS 86400

void busy_wait_start(struct busy_wait *w, uint32_t timeout_ms)
{
    w->forever = timeout_ms == BUSY_WAIT_FOREVER;
    w->deadline_ns = plat_monotonic_ns() + (uint64_t)timeout_ms * 1000000u;
    w->watching = false;
}

bool busy_wait_again(struct busy_wait *w)
{
    uint64_t now = plat_monotonic_ns();

    if (!w->forever && now >= w->deadline_ns)
        return false;
    uint64_t left_ms = w->forever ? POLL_MS : (w->deadline_ns - now) / 1000000u;
    plat_sleep_ms(left_ms < POLL_MS ? (uint32_t)left_ms + 1 : POLL_MS);
    return true;
}

bool busy_wait_for_change(struct busy_wait *w, struct objdb *db)
{
    struct change_bell *bell = objdb_bell(db);
    uint64_t now = plat_monotonic_ns();

    if (!w->forever && now >= w->deadline_ns)
        return false;
    if (!w->watching) {   /* the first wait: a commit since the caller looked is seen by its next attempt */
        w->seen = change_bell_count(bell, OBJDB_ANY_TYPE);
        w->watching = true;
    }
    uint64_t left_ms = w->forever ? POLL_MS : (w->deadline_ns - now) / 1000000u;
    change_bell_wait(bell, OBJDB_ANY_TYPE, w->seen, left_ms < POLL_MS ? (uint32_t)left_ms + 1 : POLL_MS);
    w->seen = change_bell_count(bell, OBJDB_ANY_TYPE);   /* before the caller looks again */
    return true;
}

uint32_t busy_wait_identify_ms(void)
{
    const char *value = getenv("NTMSAPI_DRIVE_WAIT_SECONDS");
    char *end;
    unsigned long seconds = value ? strtoul(value, &end, 10) : DEFAULT_IDENTIFY_WAIT_SECONDS;

    if (!value || !*value || *end || seconds > MAX_WAIT_SECONDS)
        seconds = DEFAULT_IDENTIFY_WAIT_SECONDS;
    return (uint32_t)seconds * 1000u;
}
