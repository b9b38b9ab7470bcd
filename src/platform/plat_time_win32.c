#include "platform/plat_time.h"

#include <windows.h>

uint64_t plat_now_filetime(void)
{
    FILETIME now;

    GetSystemTimeAsFileTime(&now);
    return (uint64_t)now.dwHighDateTime << 32 | now.dwLowDateTime;
}

void plat_sleep_ms(uint32_t milliseconds)
{
    Sleep(milliseconds);
}

uint64_t plat_monotonic_ns(void)
{
    LARGE_INTEGER count, frequency;

    QueryPerformanceCounter(&count);
    QueryPerformanceFrequency(&frequency);
    return (uint64_t)(count.QuadPart / frequency.QuadPart) * 1000000000ull
         + (uint64_t)(count.QuadPart % frequency.QuadPart) * 1000000000ull / (uint64_t)frequency.QuadPart;
}
