#include "platform/plat_random.h"

#include <errno.h>
#include <sys/random.h>

ntms_err plat_random_bytes(void *buffer, size_t length)
{
    unsigned char *next = buffer;

    while (length > 0) {
        ssize_t got = getrandom(next, length, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return NTMS_E_NOT_ENOUGH_MEMORY;
        }
        next += got;
        length -= (size_t)got;
    }
    return NTMS_OK;
}
