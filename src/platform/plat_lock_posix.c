#include "platform/plat_lock.h"

void plat_mutex_lock(plat_mutex *mutex)
{
    pthread_mutex_lock(&mutex->m);
}

void plat_mutex_unlock(plat_mutex *mutex)
{
    pthread_mutex_unlock(&mutex->m);
}
