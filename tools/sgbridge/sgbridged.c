/* sgbridged: runs SCSI commands that arrive on a unix socket against iSCSI
 * targets with libiscsi, one logged-in session per URL, commands
 * serialised. Used by the tests to connect Wine's SG_IO (through
 * libsgbridge-preload.so) and mtx to tgt.
 *
 * usage: sgbridged <socket-path>   (runs in the foreground until SIGTERM) */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <iscsi/iscsi.h>
#include <iscsi/scsi-lowlevel.h>

#include "sgbridge_protocol.h"

#define MAX_CLIENTS  64
#define MAX_SESSIONS 16

struct session {
    char url[SGBRIDGE_URL_MAX + 1];
    struct iscsi_context *iscsi;
    int lun;
};

static struct session sessions[MAX_SESSIONS];
static volatile sig_atomic_t stopping;

static void on_signal(int signal_number)
{
    (void)signal_number;
    stopping = 1;
}

static struct iscsi_context *connect_url(const char *url, int *lun)
{
    struct iscsi_context *iscsi = iscsi_create_context("iqn.2026-11.org.ntmsapi:sgbridged");
    struct iscsi_url *parsed = iscsi ? iscsi_parse_full_url(iscsi, url) : NULL;

    if (!parsed) {
        fprintf(stderr, "sgbridged: bad URL %s: %s\n", url, iscsi ? iscsi_get_error(iscsi) : "no memory");
        if (iscsi)
            iscsi_destroy_context(iscsi);
        return NULL;
    }
    iscsi_set_targetname(iscsi, parsed->target);
    iscsi_set_session_type(iscsi, ISCSI_SESSION_NORMAL);
    iscsi_set_header_digest(iscsi, ISCSI_HEADER_DIGEST_NONE_CRC32C);
    *lun = parsed->lun;
    if (iscsi_full_connect_sync(iscsi, parsed->portal, parsed->lun) != 0) {
        fprintf(stderr, "sgbridged: login to %s failed: %s\n", url, iscsi_get_error(iscsi));
        iscsi_destroy_url(parsed);
        iscsi_destroy_context(iscsi);
        return NULL;
    }
    iscsi_destroy_url(parsed);
    return iscsi;
}

static struct session *session_for(const char *url)
{
    for (int i = 0; i < MAX_SESSIONS; i++)
        if (sessions[i].iscsi && !strcmp(sessions[i].url, url))
            return &sessions[i];
    for (int i = 0; i < MAX_SESSIONS; i++) {
        if (sessions[i].iscsi)
            continue;
        sessions[i].iscsi = connect_url(url, &sessions[i].lun);
        if (!sessions[i].iscsi)
            return NULL;
        snprintf(sessions[i].url, sizeof(sessions[i].url), "%s", url);
        return &sessions[i];
    }
    return NULL;
}

static void logged_out(struct iscsi_context *iscsi, int status, void *command_data, void *private_data)
{
    (void)iscsi;
    (void)status;
    (void)command_data;
    *(int *)private_data = 1;
}

/* A polite logout, for two seconds at most: iscsi_logout_sync waits for
 * ever when the target is gone (polling a hung-up socket: an orphaned
 * bridge of a timed-out test spun at 77% of a core for half an hour). */
#define LOGOUT_PATIENCE_MS 2000

static void log_out_briefly(struct iscsi_context *iscsi)
{
    int done = 0;

    if (iscsi_logout_async(iscsi, logged_out, &done) != 0)
        return;
    for (int waited = 0; !done && waited < LOGOUT_PATIENCE_MS; waited += 100) {
        struct pollfd p = { .fd = iscsi_get_fd(iscsi), .events = (short)iscsi_which_events(iscsi) };
        int ready = poll(&p, 1, 100);
        if (ready < 0 || (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
            return;
        if (ready > 0 && iscsi_service(iscsi, p.revents) < 0)
            return;
    }
}

static void drop_session(struct session *s)
{
    log_out_briefly(s->iscsi);
    iscsi_destroy_context(s->iscsi);
    memset(s, 0, sizeof(*s));
}

static int read_all(int fd, void *buffer, size_t length)
{
    char *at = buffer;

    while (length > 0) {
        ssize_t got = read(fd, at, length);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return -1;
        at += got;
        length -= (size_t)got;
    }
    return 0;
}

static int write_all(int fd, const void *buffer, size_t length)
{
    const char *at = buffer;

    while (length > 0) {
        ssize_t put = write(fd, at, length);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return -1;
        at += put;
        length -= (size_t)put;
    }
    return 0;
}

/* Raw sense as the target sent it (libiscsi keeps it in the data-in
 * segment behind a 2-byte length), else a fixed-format rebuild. */
static uint32_t copy_sense(const struct scsi_task *task, uint8_t *sense)
{
    if (task->datain.size >= 2 && task->datain.data) {
        uint32_t length = (uint32_t)(task->datain.data[0] << 8 | task->datain.data[1]);
        if (length > (uint32_t)task->datain.size - 2)
            length = (uint32_t)task->datain.size - 2;
        if (length > SGBRIDGE_SENSE_MAX)
            length = SGBRIDGE_SENSE_MAX;
        memcpy(sense, task->datain.data + 2, length);
        return length;
    }
    memset(sense, 0, 18);
    sense[0] = 0x70;
    sense[2] = (uint8_t)task->sense.key;
    sense[7] = 10;
    sense[12] = (uint8_t)(task->sense.ascq >> 8);
    sense[13] = (uint8_t)task->sense.ascq;
    return 18;
}

static void execute(struct session *s, const struct sgbridge_request *rq, const uint8_t *cdb, uint8_t *data_out,
                    struct sgbridge_response *rs, uint8_t *sense, uint8_t *data_in)
{
    int dir = rq->direction == SGBRIDGE_DIR_IN ? SCSI_XFER_READ
            : rq->direction == SGBRIDGE_DIR_OUT ? SCSI_XFER_WRITE : SCSI_XFER_NONE;
    int expected = dir == SCSI_XFER_READ ? (int)rq->data_in_length : dir == SCSI_XFER_WRITE ? (int)rq->data_out_length : 0;
    struct scsi_task *task = scsi_create_task((int)rq->cdb_length, (unsigned char *)cdb, dir, expected);
    struct iscsi_data out = { .size = rq->data_out_length, .data = data_out };

    if (!task) {
        rs->transport_error = ENOMEM;
        return;
    }
    /* Data-in straight into our buffer, so that data sent before a CHECK
     * CONDITION (a short tape block) is not lost behind the sense. */
    struct scsi_iovec iov = { .iov_base = data_in, .iov_len = rq->data_in_length };
    if (dir == SCSI_XFER_READ)
        scsi_task_set_iov_in(task, &iov, 1);
    iscsi_set_timeout(s->iscsi, (int)((rq->timeout_ms + 999) / 1000));
    if (!iscsi_scsi_command_sync(s->iscsi, s->lun, task, dir == SCSI_XFER_WRITE ? &out : NULL)) {
        fprintf(stderr, "sgbridged: %s: %s\n", s->url, iscsi_get_error(s->iscsi));
        rs->transport_error = EIO;
        drop_session(s);
        return;
    }
    rs->status = (uint32_t)task->status;
    if (task->status == SCSI_STATUS_CHECK_CONDITION)
        rs->sense_length = copy_sense(task, sense);
    if (dir == SCSI_XFER_READ) {
        size_t residual = task->residual_status == SCSI_RESIDUAL_UNDERFLOW ? task->residual : 0;
        rs->data_in_length = residual < rq->data_in_length ? rq->data_in_length - (uint32_t)residual : 0;
        rs->residual = rq->data_in_length - rs->data_in_length;
    }
    scsi_free_scsi_task(task);
}

/* One request from a client; -1 when the client went away or misbehaved. */
static int serve_one(int fd)
{
    struct sgbridge_request rq;
    struct sgbridge_response rs = { .magic = SGBRIDGE_MAGIC };
    char url[SGBRIDGE_URL_MAX + 1];
    uint8_t cdb[SGBRIDGE_CDB_MAX], sense[SGBRIDGE_SENSE_MAX];
    int result = -1;

    if (read_all(fd, &rq, sizeof(rq)) || rq.magic != SGBRIDGE_MAGIC || rq.url_length > SGBRIDGE_URL_MAX
        || rq.cdb_length == 0 || rq.cdb_length > SGBRIDGE_CDB_MAX || rq.data_out_length > SGBRIDGE_DATA_MAX
        || rq.data_in_length > SGBRIDGE_DATA_MAX)
        return -1;
    uint8_t *data_out = malloc(rq.data_out_length + 1), *data_in = malloc(rq.data_in_length + 1);
    if (!data_out || !data_in || read_all(fd, url, rq.url_length) || read_all(fd, cdb, rq.cdb_length)
        || read_all(fd, data_out, rq.data_out_length))
        goto done;
    url[rq.url_length] = '\0';
    struct session *s = session_for(url);
    if (s)
        execute(s, &rq, cdb, data_out, &rs, sense, data_in);
    else
        rs.transport_error = ENODEV;
    if (!write_all(fd, &rs, sizeof(rs)) && !write_all(fd, sense, rs.sense_length)
        && !write_all(fd, data_in, rs.data_in_length))
        result = 0;
done:
    free(data_out);
    free(data_in);
    return result;
}

static int listen_on(const char *path)
{
    struct sockaddr_un address = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    if (fd < 0 || strlen(path) >= sizeof(address.sun_path))
        return -1;
    strcpy(address.sun_path, path);
    unlink(path);
    if (bind(fd, (struct sockaddr *)&address, sizeof(address)) || listen(fd, 16))
        return -1;
    return fd;
}

static void serve(int listener)
{
    struct pollfd fds[MAX_CLIENTS + 1] = { { .fd = listener, .events = POLLIN } };
    int count = 1;

    while (!stopping) {
        fds[0].events = count <= MAX_CLIENTS ? POLLIN : 0;   /* full: a pending connection waits, unpolled */
        if (poll(fds, (nfds_t)count, 500) < 0 && errno != EINTR)
            break;
        for (int i = count - 1; i >= 1; i--) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (serve_one(fds[i].fd) < 0) {
                close(fds[i].fd);
                fds[i] = fds[--count];
            }
        }
        if ((fds[0].revents & POLLIN) && count <= MAX_CLIENTS) {
            int client = accept(listener, NULL, NULL);
            if (client >= 0)
                fds[count++] = (struct pollfd){ .fd = client, .events = POLLIN };
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: sgbridged <socket-path>\n");
        return 2;
    }
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    signal(SIGPIPE, SIG_IGN);
    int listener = listen_on(argv[1]);
    if (listener < 0) {
        perror("sgbridged: listen");
        return 1;
    }
    serve(listener);
    for (int i = 0; i < MAX_SESSIONS; i++)
        if (sessions[i].iscsi)
            drop_session(&sessions[i]);
    unlink(argv[1]);
    return 0;
}
