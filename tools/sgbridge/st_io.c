/* read and write on a mapped tape path, block by block as st does. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "st_drive.h"
#include "st_emulation.h"
#include "trace.h"

#define CDB6_LENGTH_MAX 0xFFFFFFu   /* READ(6)/WRITE(6) transfer length field */

/* Wine reads a regular file until the buffer is full: after a short block
 * it calls read() again for the rest, which would run into the next block.
 * A Wine process gets an empty answer for exactly that call, so ReadFile
 * returns the one block, as it does on a character device. */
static bool in_wine(void)
{
    static int wine = -1;

    if (wine < 0) {
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
        exe[n > 0 ? n : 0] = '\0';
        const char *base = strrchr(exe, '/');
        wine = !strncmp(base ? base + 1 : exe, "wine", 4);
    }
    return wine;
}

static bool continues_short_read(struct st_drive *d, int fd, const void *buffer, size_t count)
{
    bool continues = d->continuation.armed && d->continuation.fd == fd && d->continuation.next == buffer
                     && d->continuation.remaining == count;
    d->continuation.armed = false;
    return continues;
}

static void expect_continuation(struct st_drive *d, int fd, void *buffer, size_t count, ssize_t got)
{
    if (in_wine() && got > 0 && (size_t)got < count) {
        d->continuation.armed = true;
        d->continuation.fd = fd;
        d->continuation.next = (char *)buffer + got;
        d->continuation.remaining = count - (size_t)got;
    }
}

static ssize_t fail(int error)
{
    errno = error;
    return -1;
}

/* BLANK CHECK: a zero read right after a filemark (the second of the two
 * that mean end of data), EIO otherwise and from then on. */
static ssize_t read_end_of_data(struct st_drive *d)
{
    bool after_filemark = d->mark == MARK_AFTER_FILEMARK;

    d->mark = MARK_END_OF_DATA;
    return after_filemark ? 0 : fail(EIO);
}

static ssize_t read_variable(struct st_drive *d, void *buffer, size_t count)
{
    struct ssc_outcome o;
    uint32_t asked = count < CDB6_LENGTH_MAX ? (uint32_t)count : CDB6_LENGTH_MAX;

    if (asked > SGBRIDGE_DATA_MAX)
        asked = SGBRIDGE_DATA_MAX;
    ssc_read6(d->url, false, asked, buffer, asked, &o);
    if (ssc_good(&o)) {
        position_blocks(d, 1);
        d->mark = MARK_NONE;
        return asked;
    }
    if (!o.has_sense)
        return fail(EIO);
    if (o.sense.filemark) {
        position_filemarks_ahead(d, 1);
        d->mark = MARK_AFTER_FILEMARK;
        return 0;
    }
    if (ssc_end_of_data(&o))
        return read_end_of_data(d);
    bool delivered = o.sense.key == KEY_NO_SENSE || o.sense.key == KEY_RECOVERED;
    if (delivered && o.sense.incorrect_length && o.sense.information_valid) {
        position_blocks(d, 1);
        d->mark = MARK_NONE;
        if (o.sense.information < 0)
            return fail(ENOMEM);   /* the block is longer than the buffer; st skips it */
        uint32_t length = asked - (uint32_t)o.sense.information;
        return (uint32_t)o.sense.information <= asked && length <= o.received ? (ssize_t)length : fail(EIO);
    }
    if (delivered && !o.sense.incorrect_length && (o.sense.end_of_medium || o.sense.key == KEY_RECOVERED)) {
        /* early warning or a recovered error: the block came whole */
        position_blocks(d, 1);
        d->mark = MARK_NONE;
        return asked;
    }
    position_unknown(d);
    return fail(st_errno_for(&o));
}

/* A fixed-block read that stopped at a filemark or end of data after
 * `blocks - residue` blocks (none, at end of data, if the drive does not
 * say how many). */
static ssize_t read_fixed_stopped(struct st_drive *d, const struct ssc_outcome *o, uint32_t blocks)
{
    int64_t residue = -1;
    if (o->sense.information_valid)
        residue = o->sense.information;
    else if (!o->sense.filemark)
        residue = blocks;
    if (residue < 0 || residue > blocks) {
        position_unknown(d);
        return fail(EIO);
    }
    uint32_t got = blocks - (uint32_t)residue;
    if (got > 0) {
        position_blocks(d, (long)got);
        if (o->sense.filemark) {
            if (d->logical >= 0)
                d->logical++;   /* the filemark is behind us; st reports it at the next read */
            d->mark = MARK_FILEMARK_AHEAD;
        }
        return (ssize_t)got * d->block_size;
    }
    if (o->sense.filemark) {
        position_filemarks_ahead(d, 1);
        d->mark = MARK_AFTER_FILEMARK;
        return 0;
    }
    return read_end_of_data(d);
}

static ssize_t read_fixed(struct st_drive *d, void *buffer, size_t count)
{
    struct ssc_outcome o;

    if (count % d->block_size)
        return fail(EINVAL);   /* st without read-ahead: whole blocks only */
    if (d->mark == MARK_FILEMARK_AHEAD) {
        d->file = d->file >= 0 ? d->file + 1 : -1;
        d->block = 0;
        d->mark = MARK_AFTER_FILEMARK;
        return 0;
    }
    size_t blocks = count / d->block_size, most = SGBRIDGE_DATA_MAX / d->block_size;
    if (blocks > most)
        blocks = most;
    if (blocks > CDB6_LENGTH_MAX)
        blocks = CDB6_LENGTH_MAX;
    if (blocks == 0)
        return fail(EINVAL);
    uint32_t bytes = (uint32_t)(blocks * d->block_size);
    ssc_read6(d->url, true, (uint32_t)blocks, buffer, bytes, &o);
    if (ssc_good(&o)) {
        position_blocks(d, (long)blocks);
        d->mark = MARK_NONE;
        return bytes;
    }
    if (o.has_sense && (o.sense.filemark || ssc_end_of_data(&o)))
        return read_fixed_stopped(d, &o, (uint32_t)blocks);
    position_unknown(d);
    return fail(st_errno_for(&o));
}

ssize_t st_read(int fd, const struct mapping *m, void *buffer, size_t count, bool read_call)
{
    struct st_drive *d = st_drive_acquire(m);
    ssize_t result;
    int error = 0;

    if (!d)
        return -1;
    if (read_call && continues_short_read(d, fd, buffer, count)) {
        trace("read %zu -> 0 (Wine asking for the rest of the block)", count);
        st_drive_release(d);
        return 0;
    }
    if (count == 0)
        result = 0;
    else if (!st_drive_configure(d))
        result = -1;
    else if (d->mark == MARK_END_OF_DATA)
        result = fail(EIO);
    else
        result = d->block_size ? read_fixed(d, buffer, count) : read_variable(d, buffer, count);
    if (result < 0)
        error = errno;
    else if (read_call)
        expect_continuation(d, fd, buffer, count, result);
    d->wrote_last = false;
    trace("read %zu -> %zd%s%s (file %ld block %ld)", count, result, result < 0 ? " " : "",
             result < 0 ? strerror(error) : "", d->file, d->block);
    st_drive_release(d);
    if (result < 0)
        errno = error;
    return result;
}

/* The early-warning sequence: a write that met it has succeeded. */
static void note_early_warning(struct st_drive *d, const struct ssc_outcome *o)
{
    if (o->has_sense && o->sense.end_of_medium)
        d->warning = WARNING_REFUSE_NEXT;
}

static ssize_t write_blocks(struct st_drive *d, const void *buffer, size_t count)
{
    struct ssc_outcome o;
    bool fixed = d->block_size != 0;
    uint32_t blocks = fixed ? (uint32_t)(count / d->block_size) : 1;

    ssc_write6(d->url, fixed, fixed ? blocks : (uint32_t)count, buffer, (uint32_t)count, &o);
    bool warned = o.has_sense && o.sense.end_of_medium
                  && (o.sense.key == KEY_NO_SENSE || o.sense.key == KEY_RECOVERED);
    if (ssc_good(&o) || (warned && (!o.sense.information_valid || o.sense.information == 0))) {
        position_blocks(d, blocks);
        d->mark = MARK_NONE;
        d->wrote_last = true;
        note_early_warning(d, &o);
        return (ssize_t)count;
    }
    if (warned || (o.has_sense && o.sense.key == KEY_VOLUME_OVERFLOW)) {
        position_unknown(d);
        return fail(ENOSPC);
    }
    if (o.has_sense && o.sense.key == KEY_DATA_PROTECT)
        d->write_protected = true;
    position_unknown(d);
    return fail(st_errno_for(&o));
}

/* Fixed-block data larger than one command carries goes in pieces; what
 * was written before a failure is reported, as write() does. */
static ssize_t write_fixed(struct st_drive *d, const char *buffer, size_t count)
{
    size_t most_blocks = SGBRIDGE_DATA_MAX / d->block_size, done = 0;
    if (most_blocks > CDB6_LENGTH_MAX)
        most_blocks = CDB6_LENGTH_MAX;
    size_t most = most_blocks * d->block_size;

    if (count % d->block_size || most == 0)
        return fail(EINVAL);   /* whole blocks only */
    while (done < count) {
        size_t piece = count - done < most ? count - done : most;
        ssize_t put = write_blocks(d, buffer + done, piece);
        if (put < 0)
            return done ? (ssize_t)done : -1;
        done += piece;
    }
    return (ssize_t)done;
}

static ssize_t write_checked(struct st_drive *d, const void *buffer, size_t count)
{
    size_t most = SGBRIDGE_DATA_MAX < CDB6_LENGTH_MAX ? SGBRIDGE_DATA_MAX : CDB6_LENGTH_MAX;

    if (d->write_protected)
        return fail(EACCES);
    if (d->warning == WARNING_REFUSE_NEXT) {
        d->warning = WARNING_ALLOW_NEXT;
        return fail(ENOSPC);
    }
    if (count == 0)
        return 0;
    if (d->block_size)
        return write_fixed(d, buffer, count);
    if (count > most)
        return fail(EINVAL);   /* a variable block is one write */
    return write_blocks(d, buffer, count);
}

ssize_t st_write(const struct mapping *m, const void *buffer, size_t count)
{
    struct st_drive *d = st_drive_acquire(m);
    ssize_t result;
    int error = 0;

    if (!d)
        return -1;
    d->continuation.armed = false;
    result = st_drive_configure(d) ? write_checked(d, buffer, count) : -1;
    if (result < 0)
        error = errno;
    trace("write %zu -> %zd%s%s (file %ld block %ld)", count, result, result < 0 ? " " : "",
             result < 0 ? strerror(error) : "", d->file, d->block);
    st_drive_release(d);
    if (result < 0)
        errno = error;
    return result;
}
