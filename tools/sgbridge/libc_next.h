/* The libc functions the preload stands in front of, as libc has them.
 * The preload's own I/O goes through these: its interposed read, write and
 * pread would otherwise classify (and for pread, recurse into) themselves. */
#ifndef SGBRIDGE_LIBC_NEXT_H
#define SGBRIDGE_LIBC_NEXT_H

/* off64_t needs _GNU_SOURCE, defined by every file of the preload first. */
#include <sys/types.h>
#include <unistd.h>

ssize_t libc_read(int fd, void *buffer, size_t count);
ssize_t libc_write(int fd, const void *buffer, size_t count);
ssize_t libc_pread(int fd, void *buffer, size_t count, off_t offset);
ssize_t libc_pwrite(int fd, const void *buffer, size_t count, off_t offset);
ssize_t libc_pread64(int fd, void *buffer, size_t count, off64_t offset);
ssize_t libc_pwrite64(int fd, const void *buffer, size_t count, off64_t offset);
int libc_ioctl(int fd, unsigned long request, void *arg);
#if !defined(__LP64__)
int libc_ioctl_time64(int fd, unsigned long request, void *arg);
#endif

#endif
