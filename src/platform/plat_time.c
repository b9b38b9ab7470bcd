#include "platform/plat_time.h"

const struct plat_clock_ops *plat_clock = &plat_clock_system;

uint64_t plat_now_filetime(void)
{
    return plat_clock->now_filetime();
}

void plat_sleep_ms(uint32_t milliseconds)
{
    plat_clock->sleep_ms(milliseconds);
}

uint64_t plat_monotonic_ns(void)
{
    return plat_clock->monotonic_ns();
}
