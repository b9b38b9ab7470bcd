#include "platform/plat_time.h"

#include <time.h>

static uint64_t system_now_filetime(void)
{
    struct timespec now;

    clock_gettime(CLOCK_REALTIME, &now);
    /* 11644473600 s lie between 1601-01-01 and 1970-01-01. */
    return ((uint64_t)now.tv_sec + 11644473600ull) * 10000000ull + (uint64_t)now.tv_nsec / 100;
}

static void system_sleep_ms(uint32_t milliseconds)
{
    struct timespec pause = { (time_t)(milliseconds / 1000), (long)(milliseconds % 1000) * 1000000L };

    while (nanosleep(&pause, &pause))
        ;
}

static uint64_t system_monotonic_ns(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec;
}

const struct plat_clock_ops plat_clock_system = { system_now_filetime, system_sleep_ms, system_monotonic_ns };
