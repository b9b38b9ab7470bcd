#define _GNU_SOURCE
#include "bridge_client.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "libc_next.h"

static pthread_mutex_t bridge_lock = PTHREAD_MUTEX_INITIALIZER;
static int bridge_fd = -1;

static int io_all(int fd, void *buffer, size_t length, int writing)
{
    char *at = buffer;

    while (length > 0) {
        ssize_t n = writing ? libc_write(fd, at, length) : libc_read(fd, at, length);
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

int bridge_call(const struct sgbridge_request *rq, const char *url, const void *cdb, const void *data_out,
                struct sgbridge_response *rs, void *sense, size_t sense_capacity, void *data_in)
{
    uint8_t discard[SGBRIDGE_SENSE_MAX];
    int result = -1, saved_errno = errno;

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
    errno = saved_errno;
    return result;
}
