#include "platform/plat_thread.h"

#include <windows.h>
#include <stdlib.h>

struct start {
    void (*run)(void *);
    void *argument;
};

static DWORD WINAPI trampoline(void *parameter)
{
    struct start start = *(struct start *)parameter;

    free(parameter);
    start.run(start.argument);
    return 0;
}

ntms_err plat_thread_start(void (*run)(void *argument), void *argument)
{
    HMODULE self;

    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                            (LPCWSTR)(void *)trampoline, &self))
        return NTMS_E_NOT_ENOUGH_MEMORY;
    struct start *start = malloc(sizeof(*start));
    if (!start)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    *start = (struct start){ run, argument };
    HANDLE thread = CreateThread(NULL, 0, trampoline, start, 0, NULL);
    if (!thread) {
        free(start);
        return NTMS_E_NOT_ENOUGH_MEMORY;
    }
    CloseHandle(thread);
    return NTMS_OK;
}
