#include "platform/plat_thread.h"

#include <pthread.h>
#include <stdlib.h>

struct start {
    void (*run)(void *);
    void *argument;
};

static void *trampoline(void *parameter)
{
    struct start start = *(struct start *)parameter;

    free(parameter);
    start.run(start.argument);
    return NULL;
}

ntms_err plat_thread_start(void (*run)(void *argument), void *argument)
{
    pthread_t thread;
    pthread_attr_t attributes;
    struct start *start = malloc(sizeof(*start));

    if (!start)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    *start = (struct start){ run, argument };
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    int failed = pthread_create(&thread, &attributes, trampoline, start);
    pthread_attr_destroy(&attributes);
    if (failed)
        free(start);
    return failed ? NTMS_E_NOT_ENOUGH_MEMORY : NTMS_OK;
}
