#include "engine/ops/busy_wait.h"

#include <stdlib.h>

#include "platform/plat_time.h"

#define POLL_MS 250
#define CHANGE_POLL_MS 20
#define DEFAULT_IDENTIFY_WAIT_SECONDS 60
#define MAX_WAIT_SECONDS 86400

void busy_wait_start(struct busy_wait *w, uint32_t timeout_ms)
{
    w->forever = timeout_ms == BUSY_WAIT_FOREVER;
    w->deadline_ns = plat_monotonic_ns() + (uint64_t)timeout_ms * 1000000u;
    w->generation = 0;
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
    uint64_t start = plat_monotonic_ns(), now = start, generation = 0;

    if (!w->generation)
        objdb_generation(db, &w->generation);
    while (w->forever || now < w->deadline_ns) {
        if (objdb_generation(db, &generation) == NTMS_OK && generation != w->generation) {
            w->generation = generation;
            return true;
        }
        if (now - start >= (uint64_t)POLL_MS * 1000000u)
            return true;
        uint64_t left_ms = w->forever ? CHANGE_POLL_MS : (w->deadline_ns - now) / 1000000u;
        plat_sleep_ms(left_ms < CHANGE_POLL_MS ? (uint32_t)left_ms + 1 : CHANGE_POLL_MS);
        now = plat_monotonic_ns();
    }
    return false;
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
