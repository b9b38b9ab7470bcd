/* libsgbridge-preload.so: LD_PRELOAD into a Wine process (or mtx) so that
 * the Linux sg ioctls issued on a *mapped path* (see mapped_path.h) reach
 * the device it stands for through sgbridged. Every other descriptor and
 * request goes to libc. Depends on libc only, so a 32-bit build is possible.
 *
 * Environment: SGBRIDGE_SOCKET, the path sgbridged listens on. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdbool.h>

#include "libc_next.h"
#include "mapped_path.h"
#include "sg_passthrough.h"

/* Everything else in the library is hidden (-fvisibility=hidden): only
 * these names stand in front of libc's. */
#define INTERPOSED __attribute__((visibility("default")))

/* The bridged requests; *handled false for everything else. */
static int bridged_ioctl(int fd, unsigned long request, void *arg, bool *handled)
{
    struct mapping m;

    *handled = sg_is_request(request) && mapping_of_fd(fd, &m);
    return *handled ? sg_ioctl(&m, request, arg) : -1;
}

INTERPOSED int ioctl(int fd, unsigned long request, ...)
{
    va_list args;
    bool handled;

    va_start(args, request);
    void *arg = va_arg(args, void *);
    va_end(args);
    int result = bridged_ioctl(fd, request, arg, &handled);
    return handled ? result : libc_ioctl(fd, request, arg);
}

#if !defined(__LP64__)
/* 32-bit programs built with a 64-bit time_t (Debian's 32-bit Wine among
 * them) call glibc's __ioctl_time64 instead of ioctl. */
INTERPOSED int __ioctl_time64(int fd, unsigned long request, ...);
INTERPOSED int __ioctl_time64(int fd, unsigned long request, ...)
{
    va_list args;
    bool handled;

    va_start(args, request);
    void *arg = va_arg(args, void *);
    va_end(args);
    int result = bridged_ioctl(fd, request, arg, &handled);
    return handled ? result : libc_ioctl_time64(fd, request, arg);
}
#endif
