#define _GNU_SOURCE
#include "libc_next.h"

#include <dlfcn.h>
#include <pthread.h>

typedef ssize_t (*read_function)(int, void *, size_t);
typedef ssize_t (*write_function)(int, const void *, size_t);
typedef ssize_t (*pread_function)(int, void *, size_t, off_t);
typedef ssize_t (*pwrite_function)(int, const void *, size_t, off_t);
typedef ssize_t (*pread64_function)(int, void *, size_t, off64_t);
typedef ssize_t (*pwrite64_function)(int, const void *, size_t, off64_t);
typedef int (*ioctl_function)(int, unsigned long, void *);

static struct {
    read_function     read;
    write_function    write;
    pread_function    pread;
    pwrite_function   pwrite;
    pread64_function  pread64;
    pwrite64_function pwrite64;
    ioctl_function    ioctl;
    ioctl_function    ioctl_time64;
} next;

static pthread_once_t resolved = PTHREAD_ONCE_INIT;

static void resolve(void)
{
    next.read = (read_function)dlsym(RTLD_NEXT, "read");
    next.write = (write_function)dlsym(RTLD_NEXT, "write");
    next.pread = (pread_function)dlsym(RTLD_NEXT, "pread");
    next.pwrite = (pwrite_function)dlsym(RTLD_NEXT, "pwrite");
    next.pread64 = (pread64_function)dlsym(RTLD_NEXT, "pread64");
    next.pwrite64 = (pwrite64_function)dlsym(RTLD_NEXT, "pwrite64");
    next.ioctl = (ioctl_function)dlsym(RTLD_NEXT, "ioctl");
    next.ioctl_time64 = (ioctl_function)dlsym(RTLD_NEXT, "__ioctl_time64");
}

ssize_t libc_read(int fd, void *buffer, size_t count)
{
    pthread_once(&resolved, resolve);
    return next.read(fd, buffer, count);
}

ssize_t libc_write(int fd, const void *buffer, size_t count)
{
    pthread_once(&resolved, resolve);
    return next.write(fd, buffer, count);
}

ssize_t libc_pread(int fd, void *buffer, size_t count, off_t offset)
{
    pthread_once(&resolved, resolve);
    return next.pread(fd, buffer, count, offset);
}

ssize_t libc_pwrite(int fd, const void *buffer, size_t count, off_t offset)
{
    pthread_once(&resolved, resolve);
    return next.pwrite(fd, buffer, count, offset);
}

ssize_t libc_pread64(int fd, void *buffer, size_t count, off64_t offset)
{
    pthread_once(&resolved, resolve);
    return next.pread64(fd, buffer, count, offset);
}

ssize_t libc_pwrite64(int fd, const void *buffer, size_t count, off64_t offset)
{
    pthread_once(&resolved, resolve);
    return next.pwrite64(fd, buffer, count, offset);
}

int libc_ioctl(int fd, unsigned long request, void *arg)
{
    pthread_once(&resolved, resolve);
    return next.ioctl(fd, request, arg);
}

#if !defined(__LP64__)
int libc_ioctl_time64(int fd, unsigned long request, void *arg)
{
    pthread_once(&resolved, resolve);
    return next.ioctl_time64(fd, request, arg);
}
#endif
