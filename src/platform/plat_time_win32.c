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
