/* libsgbridge-preload.so: LD_PRELOAD into a Wine process (or mtx) so that
 * the Linux sg ioctls issued on a *mapped path* reach an iSCSI target
 * through sgbridged. A mapped path is a regular file whose first line is
 *     SGBRIDGE1 <iscsi-url> <peripheral-device-type>
 * Every other fd and request goes to the real ioctl. Depends on libc only,
 * so a 32-bit build is possible.
 *
 * Environment: SGBRIDGE_SOCKET, the path sgbridged listens on. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include <scsi/sg.h>
#include <scsi/scsi.h>

#include "sgbridge_protocol.h"

#define SG_VERSION_REPORTED 30536

struct mapping {
    char url[SGBRIDGE_URL_MAX + 1];
    int  device_type;
};

static pthread_mutex_t bridge_lock = PTHREAD_MUTEX_INITIALIZER;
static int bridge_fd = -1;
static int sg_timeout_jiffies = 6000;

typedef int (*ioctl_function)(int, unsigned long, void *);

static ioctl_function next_ioctl(const char *name)
{
    return (ioctl_function)dlsym(RTLD_NEXT, name);
}

/* True, with the mapping filled, when fd is a regular file that maps a target. */
static int read_mapping(int fd, struct mapping *m)
{
    struct stat st;
    char line[SGBRIDGE_URL_MAX + 64];
    size_t magic = sizeof(SGBRIDGE_FILE_MAGIC) - 1;

    if (fstat(fd, &st) || !S_ISREG(st.st_mode))
        return 0;
    ssize_t got = pread(fd, line, sizeof(line) - 1, 0);
    if (got <= (ssize_t)magic || memcmp(line, SGBRIDGE_FILE_MAGIC, magic))
        return 0;
    line[got] = '\0';
    m->device_type = 0;
    return sscanf(line + magic, "%512s %d", m->url, &m->device_type) >= 1;
}

static int io_all(int fd, void *buffer, size_t length, int writing)
{
    char *at = buffer;

    while (length > 0) {
        ssize_t n = writing ? write(fd, at, length) : read(fd, at, length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        at += n;
        length -= (size_t)n;
    }
    return 0;
}

static int connect_bridge(void)
{
    const char *path = getenv("SGBRIDGE_SOCKET");
    struct sockaddr_un address = { .sun_family = AF_UNIX };

    if (!path || strlen(path) >= sizeof(address.sun_path))
        return -1;
    strcpy(address.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&address, sizeof(address))) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* Sends one command; the response's sense and data land in the caller's buffers. */
static int bridge_call(const struct sgbridge_request *rq, const char *url, const void *cdb, const void *data_out,
                       struct sgbridge_response *rs, void *sense, size_t sense_capacity, void *data_in)
{
    uint8_t discard[SGBRIDGE_SENSE_MAX];
    int result = -1;

    pthread_mutex_lock(&bridge_lock);
    if (bridge_fd < 0)
        bridge_fd = connect_bridge();
    if (bridge_fd >= 0 && !io_all(bridge_fd, (void *)rq, sizeof(*rq), 1)
        && !io_all(bridge_fd, (void *)url, rq->url_length, 1) && !io_all(bridge_fd, (void *)cdb, rq->cdb_length, 1)
        && !io_all(bridge_fd, (void *)data_out, rq->data_out_length, 1) && !io_all(bridge_fd, rs, sizeof(*rs), 0)
        && rs->magic == SGBRIDGE_MAGIC && rs->sense_length <= SGBRIDGE_SENSE_MAX
        && rs->data_in_length <= rq->data_in_length) {
        size_t keep = rs->sense_length < sense_capacity ? rs->sense_length : sense_capacity;
        if (!io_all(bridge_fd, sense, keep, 0) && !io_all(bridge_fd, discard, rs->sense_length - keep, 0)
            && !io_all(bridge_fd, data_in, rs->data_in_length, 0)) {
            rs->sense_length = (uint32_t)keep;
            result = 0;
        }
    }
    if (result && bridge_fd >= 0) {
        close(bridge_fd);
        bridge_fd = -1;
    }
    pthread_mutex_unlock(&bridge_lock);
    return result;
}

static unsigned elapsed_ms(const struct timespec *start)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (unsigned)((now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000);
}

static int sg_io(const struct mapping *m, sg_io_hdr_t *h)
{
    struct sgbridge_request rq = { .magic = SGBRIDGE_MAGIC, .url_length = (uint32_t)strlen(m->url),
                                   .cdb_length = h->cmd_len, .timeout_ms = h->timeout ? h->timeout : 60000 };
    struct sgbridge_response rs;
    struct timespec start;

    if (h->interface_id != 'S' || h->iovec_count || !h->cmdp || h->cmd_len == 0 || h->cmd_len > SGBRIDGE_CDB_MAX
        || (h->dxfer_len && !h->dxferp) || h->dxfer_len > SGBRIDGE_DATA_MAX) {
        errno = EINVAL;
        return -1;
    }
    if (h->dxfer_direction == SG_DXFER_FROM_DEV || h->dxfer_direction == SG_DXFER_TO_FROM_DEV) {
        rq.direction = SGBRIDGE_DIR_IN;
        rq.data_in_length = h->dxfer_len;
    } else if (h->dxfer_direction == SG_DXFER_TO_DEV) {
        rq.direction = SGBRIDGE_DIR_OUT;
        rq.data_out_length = h->dxfer_len;
    }
    clock_gettime(CLOCK_MONOTONIC, &start);
    if (bridge_call(&rq, m->url, h->cmdp, h->dxferp, &rs, h->sbp, h->sbp ? h->mx_sb_len : 0, h->dxferp)
        || rs.transport_error) {
        errno = EIO;
        return -1;
    }
    h->status = (unsigned char)rs.status;
    h->masked_status = (unsigned char)((rs.status >> 1) & 0x7F);
    h->msg_status = 0;
    h->sb_len_wr = (unsigned char)rs.sense_length;
    h->host_status = 0;
    h->driver_status = rs.sense_length ? 0x08 : 0;   /* DRIVER_SENSE */
    h->resid = (int)(h->dxfer_len - rs.data_in_length);
    if (rq.direction != SGBRIDGE_DIR_IN)
        h->resid = 0;
    h->duration = elapsed_ms(&start);
    h->info = (rs.status || rs.sense_length) ? SG_INFO_CHECK : SG_INFO_OK;
    return 0;
}

/* The sg driver's identity queries, answered the way a real sg node would. */
static int identity_ioctl(const struct mapping *m, unsigned long request, void *arg, int *handled)
{
    *handled = 1;
    switch (request) {
    case SG_GET_VERSION_NUM:
        *(int *)arg = SG_VERSION_REPORTED;
        return 0;
    case SG_GET_TIMEOUT:
        return sg_timeout_jiffies;
    case SG_SET_TIMEOUT:
        sg_timeout_jiffies = *(int *)arg;
        return 0;
    case SG_EMULATED_HOST:
        *(int *)arg = 0;
        return 0;
    case SG_GET_RESERVED_SIZE:
        *(int *)arg = 1 << 20;
        return 0;
    case SG_SET_RESERVED_SIZE:
    case SG_SET_FORCE_PACK_ID:
        return 0;
    case SG_GET_SCSI_ID: {
        struct sg_scsi_id *id = arg;
        memset(id, 0, sizeof(*id));
        id->scsi_type = m->device_type;
        id->h_cmd_per_lun = 1;
        id->d_queue_depth = 1;
        return 0;
    }
    case SCSI_IOCTL_GET_IDLUN:
        ((int *)arg)[0] = 0;
        ((int *)arg)[1] = 0;
        return 0;
    case SCSI_IOCTL_GET_BUS_NUMBER:
        *(int *)arg = 0;
        return 0;
    default:
        *handled = 0;
        return -1;
    }
}

/* The bridged requests; *handled false for everything else. */
static int bridged_ioctl(int fd, unsigned long request, void *arg, int *handled)
{
    struct mapping m;

    *handled = 0;
    if ((request == SG_IO || (request >> 8) == 0x22 || (request >> 8) == 0x53) && read_mapping(fd, &m)) {
        if (request == SG_IO) {
            *handled = 1;
            return sg_io(&m, arg);
        }
        return identity_ioctl(&m, request, arg, handled);
    }
    return -1;
}

int ioctl(int fd, unsigned long request, ...)
{
    static ioctl_function real;
    va_list args;
    int handled;

    va_start(args, request);
    void *arg = va_arg(args, void *);
    va_end(args);
    int result = bridged_ioctl(fd, request, arg, &handled);
    if (handled)
        return result;
    if (!real)
        real = next_ioctl("ioctl");
    return real(fd, request, arg);
}

#if !defined(__LP64__)
/* 32-bit programs built with a 64-bit time_t (Debian's 32-bit Wine among
 * them) call glibc's __ioctl_time64 instead of ioctl. */
int __ioctl_time64(int fd, unsigned long request, ...);
int __ioctl_time64(int fd, unsigned long request, ...)
{
    static ioctl_function real;
    va_list args;
    int handled;

    va_start(args, request);
    void *arg = va_arg(args, void *);
    va_end(args);
    int result = bridged_ioctl(fd, request, arg, &handled);
    if (handled)
        return result;
    if (!real)
        real = next_ioctl("__ioctl_time64");
    return real(fd, request, arg);
}
#endif
