#include "platform/plat_time.h"

#include <windows.h>

static uint64_t system_now_filetime(void)
{
    FILETIME now;

    GetSystemTimeAsFileTime(&now);
    return (uint64_t)now.dwHighDateTime << 32 | now.dwLowDateTime;
}

static void system_sleep_ms(uint32_t milliseconds)
{
    Sleep(milliseconds);
}

static uint64_t system_monotonic_ns(void)
{
    LARGE_INTEGER count, frequency;

    QueryPerformanceCounter(&count);
    QueryPerformanceFrequency(&frequency);
    return (uint64_t)(count.QuadPart / frequency.QuadPart) * 1000000000ull
         + (uint64_t)(count.QuadPart % frequency.QuadPart) * 1000000000ull / (uint64_t)frequency.QuadPart;
}

const struct plat_clock_ops plat_clock_system = { system_now_filetime, system_sleep_ms, system_monotonic_ns };
