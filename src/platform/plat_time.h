/* Time: wall clock as a FILETIME value (100 ns since 1601-01-01 UTC), a
 * monotonic clock for intervals, and sleeping. Behind a table so that
 * tests can run a simulated clock (a drive that takes hours to become
 * ready, in no time). */
#ifndef NTMSAPI_PLATFORM_PLAT_TIME_H
#define NTMSAPI_PLATFORM_PLAT_TIME_H

#include <stdint.h>

struct plat_clock_ops {
    uint64_t (*now_filetime)(void);
    void     (*sleep_ms)(uint32_t milliseconds);
    uint64_t (*monotonic_ns)(void);
};
extern const struct plat_clock_ops plat_clock_system;   /* the real one */
extern const struct plat_clock_ops *plat_clock;          /* what the engine uses */

uint64_t plat_now_filetime(void);
void plat_sleep_ms(uint32_t milliseconds);
/* A clock for measuring intervals, in nanoseconds. */
uint64_t plat_monotonic_ns(void);

#endif
