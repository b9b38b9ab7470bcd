#define _GNU_SOURCE   /* F_OFD_SETLKW */
#include "platform/plat_file.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct plat_lock {
    int fd;
};

static ntms_err from_errno(int error)
{
    switch (error) {
    case ENOENT: return NTMS_E_OBJECT_NOT_FOUND;
    case ENOSPC:
    case EDQUOT: return NTMS_E_DATABASE_FULL;
    case ENOMEM: return NTMS_E_NOT_ENOUGH_MEMORY;
    /* EACCES too: ERROR_ACCESS_DENIED is only ever an RSM access check's verdict. */
    default:     return NTMS_E_DATABASE_FAILURE;
    }
}

static ntms_err posix_read_all(const char *path, uint8_t **data, size_t *length)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    *data = NULL;
    *length = 0;
    if (fd < 0)
        return from_errno(errno);
    if (fstat(fd, &st) || st.st_size < 0) {
        close(fd);
        return NTMS_E_DATABASE_FAILURE;
    }
    uint8_t *buffer = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (buffer && got < (size_t)st.st_size) {
        ssize_t n = read(fd, buffer + got, (size_t)st.st_size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (!buffer)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    *data = buffer;
    *length = got;
    return NTMS_OK;
}

static ntms_err posix_read_head(const char *path, uint8_t *data, size_t length, size_t *got)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    *got = 0;
    if (fd < 0)
        return from_errno(errno);
    ssize_t n;
    while ((n = pread(fd, data, length, 0)) < 0 && errno == EINTR)
        ;
    close(fd);
    if (n < 0)
        return NTMS_E_DATABASE_FAILURE;
    *got = (size_t)n;
    return NTMS_OK;
}

static void sync_directory_of(const char *path)
{
    char copy[4096];
    snprintf(copy, sizeof(copy), "%s", path);
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

static ntms_err posix_write_durable(const char *path, const uint8_t *data, size_t length)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

    if (fd < 0)
        return from_errno(errno);
    for (size_t put = 0; put < length;) {
        ssize_t n = write(fd, data + put, length - put);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int error = errno;
            close(fd);
            return from_errno(error);
        }
        put += (size_t)n;
    }
    if (fsync(fd)) {
        int error = errno;
        close(fd);
        return from_errno(error);
    }
    return close(fd) ? from_errno(errno) : NTMS_OK;
}

static ntms_err posix_replace(const char *from, const char *to)
{
    if (rename(from, to))
        return from_errno(errno);
    sync_directory_of(to);
    return NTMS_OK;
}

static ntms_err posix_remove(const char *path)
{
    return unlink(path) && errno != ENOENT ? from_errno(errno) : NTMS_OK;
}

static ntms_err posix_change_stamp(const char *path, uint64_t *stamp)
{
    struct stat st;

    if (stat(path, &st))
        return from_errno(errno);
    *stamp = (uint64_t)st.st_ino * 0x9E3779B97F4A7C15ull ^ (uint64_t)st.st_size << 20
           ^ (uint64_t)st.st_mtim.tv_sec * 1000000000ull ^ (uint64_t)st.st_mtim.tv_nsec;
    return NTMS_OK;
}

static ntms_err posix_make_directory(const char *path)
{
    char partial[4096];
    size_t length = strlen(path);

    if (length >= sizeof(partial))
        return NTMS_E_INVALID_PARAMETER;
    for (size_t i = 1; i <= length; i++) {
        if (path[i] != '/' && path[i] != '\0')
            continue;
        memcpy(partial, path, i);
        partial[i] = '\0';
        if (mkdir(partial, 0755) && errno != EEXIST)
            return from_errno(errno);
    }
    return NTMS_OK;
}

static ntms_err posix_lock(const char *path, struct plat_lock **lock)
{
    struct flock whole = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

    *lock = NULL;
    if (fd < 0)
        return from_errno(errno);
    /* OFD locks: owned by this open file, so two threads of one process
     * exclude each other too (classic fcntl locks would not). */
    while (fcntl(fd, F_OFD_SETLKW, &whole)) {
        if (errno != EINTR) {
            int error = errno;
            close(fd);
            return from_errno(error);
        }
    }
    *lock = malloc(sizeof(**lock));
    if (!*lock) {
        close(fd);
        return NTMS_E_NOT_ENOUGH_MEMORY;
    }
    (*lock)->fd = fd;
    return NTMS_OK;
}

static void posix_unlock(struct plat_lock *lock)
{
    if (!lock)
        return;
    close(lock->fd);   /* closing the descriptor releases the OFD lock */
    free(lock);
}

static ntms_err write_fully(int fd, uint64_t offset, const uint8_t *data, size_t length)
{
    for (size_t put = 0; put < length;) {
        ssize_t n = pwrite(fd, data + put, length - put, (off_t)(offset + put));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return from_errno(errno);
        put += (size_t)n;
    }
    return NTMS_OK;
}

static ntms_err posix_write_at(const char *path, uint64_t offset, const uint8_t *data, size_t length, bool flush)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);

    if (fd < 0)
        return from_errno(errno);
    ntms_err status = write_fully(fd, offset, data, length);
    if (status == NTMS_OK && ftruncate(fd, (off_t)(offset + length)))
        status = from_errno(errno);
    if (status == NTMS_OK && flush && fdatasync(fd))
        status = from_errno(errno);
    if (close(fd) && status == NTMS_OK)
        status = from_errno(errno);
    return status;
}

static bool pread_all(int fd, uint8_t *buffer, size_t wanted, uint64_t offset, size_t *got)
{
    *got = 0;
    while (*got < wanted) {
        ssize_t n = pread(fd, buffer + *got, wanted - *got, (off_t)(offset + *got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            break;
        *got += (size_t)n;
    }
    return true;
}

static ntms_err posix_read_from(const char *path, uint64_t offset, uint8_t *head, size_t head_length,
                                uint8_t **data, size_t *length)
{
    struct stat st;
    size_t got = 0, head_got = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    *data = NULL;
    *length = 0;
    if (fd < 0)
        return from_errno(errno);
    ntms_err status = fstat(fd, &st) ? NTMS_E_DATABASE_FAILURE : NTMS_OK;
    if (status == NTMS_OK && head) {
        memset(head, 0, head_length);
        if (!pread_all(fd, head, head_length, 0, &head_got))
            status = NTMS_E_DATABASE_FAILURE;
    }
    size_t wanted = status == NTMS_OK && (uint64_t)st.st_size > offset ? (size_t)((uint64_t)st.st_size - offset) : 0;
    uint8_t *buffer = status == NTMS_OK ? malloc(wanted + 1) : NULL;
    if (buffer && !pread_all(fd, buffer, wanted, offset, &got))
        status = NTMS_E_DATABASE_FAILURE;
    close(fd);
    if (status == NTMS_OK && !buffer)
        status = NTMS_E_NOT_ENOUGH_MEMORY;
    if (status != NTMS_OK) {
        free(buffer);
        return status;
    }
    *data = buffer;
    *length = got;
    return NTMS_OK;
}

static ntms_err posix_flush(const char *path)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);

    if (fd < 0)
        return from_errno(errno);
    ntms_err status = fdatasync(fd) ? from_errno(errno) : NTMS_OK;
    close(fd);
    return status;
}

static ntms_err posix_map_shared(const char *path, size_t size, void **address)
{
    struct stat st;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

    *address = NULL;
    if (fd < 0)
        return from_errno(errno);
    /* Two processes may both extend it: to the same size, with zeros. */
    if (fstat(fd, &st) || ((size_t)st.st_size < size && ftruncate(fd, (off_t)size))) {
        int error = errno;
        close(fd);
        return from_errno(error);
    }
    void *mapped = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (mapped == MAP_FAILED)
        return NTMS_E_DATABASE_FAILURE;
    *address = mapped;
    return NTMS_OK;
}

static void posix_unmap_shared(void *address, size_t size)
{
    munmap(address, size);
}

const struct plat_file_ops plat_file_system = {
    posix_read_all, posix_write_durable, posix_read_head, posix_replace, posix_remove, posix_change_stamp, posix_make_directory,
    posix_lock, posix_unlock, posix_write_at, posix_read_from, posix_flush, posix_map_shared, posix_unmap_shared,
};
const struct plat_file_ops *plat_file = &plat_file_system;

void plat_data_directory(char *path, size_t capacity)
{
    const char *chosen = getenv("NTMSAPI_DATA_DIR");
    snprintf(path, capacity, "%s", chosen && *chosen ? chosen : "/var/lib/ntmsapi");
}
