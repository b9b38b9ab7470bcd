/* Wall-clock time as a FILETIME value (100 ns since 1601-01-01 UTC). */
#ifndef NTMSAPI_PLATFORM_PLAT_TIME_H
#define NTMSAPI_PLATFORM_PLAT_TIME_H

#include <stdint.h>

uint64_t plat_now_filetime(void);
void plat_sleep_ms(uint32_t milliseconds);
/* A clock for measuring intervals, in nanoseconds. */
uint64_t plat_monotonic_ns(void);

#endif
