/* libsgbridge-preload.so: LD_PRELOAD into a Wine process (or mtx) so that
 * a *mapped path* (see mapped_path.h) behaves like the Linux device it
 * stands for, reached through sgbridged:
 *   - the sg ioctls (SG_IO and the identity queries), for any device type;
 *   - on a tape (peripheral type 1), the st driver's read, write and mtio
 *     ioctls as well (st_emulation.h).
 * Every other descriptor and request goes to libc. Depends on libc only,
 * so a 32-bit build is possible.
 *
 * Environment: SGBRIDGE_SOCKET, the path sgbridged listens on;
 * SGBRIDGE_TRACE, if set, logs each tape operation on stderr. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <sys/types.h>
#include <unistd.h>

#include "libc_next.h"
#include "mapped_path.h"
#include "sg_passthrough.h"
#include "st_emulation.h"

/* Everything else in the library is hidden (-fvisibility=hidden): only
 * these names stand in front of libc's. */
#define INTERPOSED __attribute__((visibility("default")))

static bool mapped_tape(int fd, struct mapping *m)
{
    return mapping_of_fd(fd, m) && m->device_type == PERIPHERAL_TAPE;
}

/* The bridged requests; *handled false for everything else. */
static int bridged_ioctl(int fd, unsigned long request, void *arg, bool *handled)
{
    struct mapping m;
    bool sg = sg_is_request(request), st = st_is_request(request);

    *handled = (sg || st) && mapping_of_fd(fd, &m);
    if (!*handled)
        return -1;
    if (sg)
        return sg_ioctl(&m, request, arg);
    if (m.device_type == PERIPHERAL_TAPE)
        return st_ioctl(&m, request, arg);
    errno = ENOTTY;   /* what an sg node says of an mtio request */
    return -1;
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

INTERPOSED ssize_t read(int fd, void *buffer, size_t count)
{
    struct mapping m;

    return mapped_tape(fd, &m) ? st_read(fd, &m, buffer, count, true) : libc_read(fd, buffer, count);
}

INTERPOSED ssize_t write(int fd, const void *buffer, size_t count)
{
    struct mapping m;

    return mapped_tape(fd, &m) ? st_write(&m, buffer, count) : libc_write(fd, buffer, count);
}

/* Wine uses pread and pwrite on a regular file when the caller gives an
 * offset (overlapped I/O). A tape has no offsets: st ignores them too. */
INTERPOSED ssize_t pread(int fd, void *buffer, size_t count, off_t offset)
{
    struct mapping m;

    return mapped_tape(fd, &m) ? st_read(fd, &m, buffer, count, false) : libc_pread(fd, buffer, count, offset);
}

INTERPOSED ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset)
{
    struct mapping m;

    return mapped_tape(fd, &m) ? st_write(&m, buffer, count) : libc_pwrite(fd, buffer, count, offset);
}

INTERPOSED ssize_t pread64(int fd, void *buffer, size_t count, off64_t offset)
{
    struct mapping m;

    return mapped_tape(fd, &m) ? st_read(fd, &m, buffer, count, false) : libc_pread64(fd, buffer, count, offset);
}

INTERPOSED ssize_t pwrite64(int fd, const void *buffer, size_t count, off64_t offset)
{
    struct mapping m;

    return mapped_tape(fd, &m) ? st_write(&m, buffer, count) : libc_pwrite64(fd, buffer, count, offset);
}
