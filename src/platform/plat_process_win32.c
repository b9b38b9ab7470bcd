#include "platform/plat_process.h"

#include <windows.h>

static uint64_t creation_time(HANDLE process)
{
    FILETIME created, exited, kernel, user;

    if (!GetProcessTimes(process, &created, &exited, &kernel, &user))
        return 0;
    return (uint64_t)created.dwHighDateTime << 32 | created.dwLowDateTime;
}

void plat_process_self(struct plat_process_id *id)
{
    static struct plat_process_id self;

    if (!self.pid) {
        self.started = creation_time(GetCurrentProcess());
        self.pid = GetCurrentProcessId();
    }
    *id = self;
}

bool plat_process_alive(const struct plat_process_id *id)
{
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE, FALSE, id->pid);

    if (!process)
        return GetLastError() != ERROR_INVALID_PARAMETER;   /* no such process; else we may not look */
    bool alive = WaitForSingleObject(process, 0) == WAIT_TIMEOUT;
    uint64_t started = creation_time(process);
    CloseHandle(process);
    return alive && (!started || !id->started || started == id->started);
}

void plat_process_die(void)
{
    TerminateProcess(GetCurrentProcess(), 3);
}
