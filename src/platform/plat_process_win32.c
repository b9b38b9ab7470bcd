#include "platform/plat_process.h"

#include <windows.h>

void plat_process_die(void)
{
    TerminateProcess(GetCurrentProcess(), 3);
}
