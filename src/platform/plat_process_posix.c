#include "platform/plat_process.h"

#include <signal.h>
#include <unistd.h>

void plat_process_die(void)
{
    kill(getpid(), SIGKILL);
}
