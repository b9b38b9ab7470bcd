/* The mtio ioctls on a mapped tape path: MTIOCTOP operations become SSC
 * commands, MTIOCGET and MTIOCPOS report what the emulation and the drive
 * know. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mtio.h>

#include "st_drive.h"
#include "st_emulation.h"
#include "trace.h"

#ifndef MTWEOFI
#define MTWEOFI 35   /* linux/mtio.h has it, glibc's sys/mtio.h not yet */
#endif

static int fail(int error)
{
    errno = error;
    return -1;
}

static int failed_command(const struct ssc_outcome *o)
{
    return fail(st_errno_for(o));
}

static int rewind_tape(struct st_drive *d)
{
    struct ssc_outcome o;

    if (!st_close_written_file(d))
        return -1;
    ssc_rewind(d->url, &o);
    if (!ssc_good(&o)) {
        position_unknown(d);
        return failed_command(&o);
    }
    position_at_bot(d);
    return 0;
}

/* Spacing stopped early: at BOT the position is known again; elsewhere it
 * is known only when the drive said how far it got (tgt does not). */
static int space_stopped(struct st_drive *d, const struct ssc_outcome *o)
{
    if (ssc_beginning_of_medium(o)) {
        position_at_bot(d);
    } else if (ssc_end_of_data(o)) {
        position_unknown(d);
        d->mark = MARK_END_OF_DATA;
    } else {
        position_unknown(d);
    }
    return failed_command(o);
}

/* SPACE counts are 24-bit two's complement. */
static bool spaceable(long count)
{
    return count >= -0x800000L && count <= 0x7FFFFFL;
}

static int space_filemarks(struct st_drive *d, long count)
{
    struct ssc_outcome o;

    if (!spaceable(count))
        return fail(EINVAL);
    if (count < 0 && !st_close_written_file(d))
        return -1;
    if (count == 0)
        return 0;
    ssc_space(d->url, SPACE_FILEMARKS, (int32_t)count, &o);
    if (!ssc_good(&o))
        return space_stopped(d, &o);
    if (count > 0) {
        position_filemarks_ahead(d, count);
        d->logical = -1;   /* how many blocks were passed is not known */
        d->mark = MARK_AFTER_FILEMARK;
    } else {
        d->file = d->file >= 0 && d->file + count >= 0 ? d->file + count : -1;
        d->block = -1;     /* at the end of an earlier file of unknown length, as st says */
        d->logical = -1;
        d->mark = MARK_NONE;
    }
    return 0;
}

static int space_blocks(struct st_drive *d, long count)
{
    struct ssc_outcome o;

    if (!spaceable(count))
        return fail(EINVAL);
    if (count == 0)
        return 0;
    ssc_space(d->url, SPACE_BLOCKS, (int32_t)count, &o);
    if (ssc_good(&o)) {
        position_blocks(d, count);
        d->mark = MARK_NONE;
        return 0;
    }
    if (o.has_sense && o.sense.filemark) {   /* a filemark stopped it, and was crossed */
        if (d->file >= 0)
            d->file += count > 0 ? 1 : -1;
        d->block = count > 0 ? 0 : -1;
        d->logical = -1;
        d->mark = count > 0 ? MARK_AFTER_FILEMARK : MARK_NONE;
        return fail(EIO);
    }
    return space_stopped(d, &o);
}

/* SPACE counts blocks: a drive stops at a filemark (having crossed it) and
 * says how many blocks it did not space, so the filemark is one object of
 * the count. (tgt crosses filemarks without stopping, counting them too.) */
static bool space_logical_objects(const char *url, long count, struct ssc_outcome *o)
{
    while (count > 0) {
        ssc_space(url, SPACE_BLOCKS, (int32_t)(spaceable(count) ? count : 0x7FFFFF), o);
        if (ssc_good(o))
            return true;
        if (!o->has_sense || !o->sense.filemark || !o->sense.information_valid || o->sense.information <= 0)
            return false;
        count = o->sense.information - 1;
    }
    return true;
}

/* LOCATE where the drive has it. st would fail where it has not (tgt), but
 * MTSEEK is all Wine makes of SetTapePosition(TAPE_ABSOLUTE_BLOCK), so the
 * block is reached from BOT by spacing instead. */
static int seek_block(struct st_drive *d, long target)
{
    struct ssc_outcome o;

    if (target < 0)
        return fail(EINVAL);
    if (!st_close_written_file(d))
        return -1;
    ssc_locate(d->url, (uint32_t)target, &o);
    bool arrived = ssc_good(&o);
    if (!arrived && ssc_not_implemented(&o)) {
        ssc_rewind(d->url, &o);
        arrived = ssc_good(&o) && space_logical_objects(d->url, target, &o);
    }
    if (!arrived)
        return space_stopped(d, &o);
    position_unknown(d);   /* as st: file and block numbers are not known after a seek */
    d->logical = target;
    if (target == 0)
        position_at_bot(d);
    return 0;
}

static int space_to_end_of_data(struct st_drive *d)
{
    struct ssc_outcome o;

    ssc_space(d->url, SPACE_END_OF_DATA, 0, &o);
    if (!ssc_good(&o))
        return space_stopped(d, &o);
    position_unknown(d);
    d->mark = MARK_END_OF_DATA;
    return 0;
}

static int write_marks(struct st_drive *d, long count, bool setmarks, bool immediate)
{
    struct ssc_outcome o;

    if (count < 0)
        return fail(EINVAL);
    if (d->write_protected)
        return fail(EACCES);
    ssc_write_filemarks(d->url, (uint32_t)count, setmarks, immediate, &o);
    bool warned = o.has_sense && o.sense.end_of_medium && o.sense.key == KEY_NO_SENSE;
    if (!ssc_good(&o) && !warned) {
        position_unknown(d);
        return failed_command(&o);
    }
    if (setmarks)
        position_blocks(d, count);
    else
        position_filemarks_ahead(d, count);
    d->wrote_last = false;
    d->mark = MARK_NONE;
    if (warned)
        d->warning = WARNING_REFUSE_NEXT;
    return 0;
}

/* LOAD UNLOAD: load (1), unload (0), retension (3). The tape is new to us
 * afterwards: its block size and protection are read again. */
static int load_unload(struct st_drive *d, uint8_t action)
{
    struct ssc_outcome o;

    if (!(action & 0x01) && !st_close_written_file(d))
        return -1;
    ssc_load_unload(d->url, action, &o);
    if (!ssc_good(&o))
        return failed_command(&o);
    d->configured = false;
    position_at_bot(d);
    return 0;
}

static int simple_command(struct st_drive *d, void (*command)(const char *, bool, struct ssc_outcome *), bool flag)
{
    struct ssc_outcome o;

    command(d->url, flag, &o);
    return ssc_good(&o) ? 0 : failed_command(&o);
}

static int erase_tape(struct st_drive *d, bool whole)
{
    if (d->write_protected)
        return fail(EACCES);
    if (simple_command(d, ssc_erase, whole))
        return -1;
    d->mark = MARK_END_OF_DATA;
    return 0;
}

/* MODE SELECT of a block descriptor: density and block length, the drive's
 * buffered mode kept (the 12 bytes st sends; with PF set, which tgt
 * insists on and SCSI-2 drives accept). */
static int set_density_and_block(struct st_drive *d, uint8_t density, long block_size)
{
    struct ssc_outcome o;
    uint8_t data[12] = { 0, 0, (uint8_t)(d->buffer_mode << 4), 8, density };

    if (block_size < 0 || block_size > 0xFFFFFF || (unsigned long)block_size > SGBRIDGE_DATA_MAX)
        return fail(EINVAL);
    data[9] = (uint8_t)(block_size >> 16);
    data[10] = (uint8_t)(block_size >> 8);
    data[11] = (uint8_t)block_size;
    ssc_mode_select(d->url, true, data, sizeof(data), &o);
    if (!ssc_good(&o))
        return fail(EIO);
    d->density = density;
    d->block_size = (uint32_t)block_size;
    if (d->mark == MARK_FILEMARK_AHEAD)
        d->mark = MARK_NONE;
    return 0;
}

/* The data compression page (0x0F): DCE set or cleared where DCC says the
 * drive can; EIO where it cannot, as st. */
static int set_compression(struct st_drive *d, bool on)
{
    struct ssc_outcome o;
    uint8_t data[255];

    ssc_mode_sense(d->url, 0x0F, data, sizeof(data), &o);
    size_t page = 4u + data[3];
    if (!ssc_good(&o) || o.received < page + 4 || (data[page] & 0x3F) != 0x0F || !(data[page + 2] & 0x40))
        return fail(EIO);
    size_t length = page + 2u + data[page + 1];
    if (length > o.received || length > sizeof(data))
        return fail(EIO);
    data[0] = 0;
    data[1] = 0;
    data[2] &= 0x7F;
    data[page] &= 0x3F;
    data[page + 2] = (uint8_t)(on ? data[page + 2] | 0x80 : data[page + 2] & 0x7F);
    ssc_mode_select(d->url, true, data, (uint8_t)length, &o);
    return ssc_good(&o) ? 0 : fail(EIO);
}

static int tape_operation(struct st_drive *d, const struct mtop *op)
{
    long count = op->mt_count;

    switch (op->mt_op) {
    case MTNOP:
        return 0;
    case MTREW:
        return rewind_tape(d);
    case MTFSF:
        return space_filemarks(d, count);
    case MTBSF:
        return space_filemarks(d, -count);
    case MTFSFM:   /* forward, then back to the BOT side of the last filemark */
        return space_filemarks(d, count) ? -1 : space_filemarks(d, -1);
    case MTBSFM:   /* back, then forward to the EOT side of the last filemark */
        return space_filemarks(d, -count) ? -1 : space_filemarks(d, 1);
    case MTFSR:
        return space_blocks(d, count);
    case MTBSR:
        return space_blocks(d, -count);
    case MTEOM:
        return space_to_end_of_data(d);
    case MTSEEK:
        return seek_block(d, count);
    case MTWEOF:
        return write_marks(d, count, false, false);
    case MTWEOFI:
        return write_marks(d, count, false, true);
    case MTWSM:
        return write_marks(d, count, true, false);
    case MTOFFL:
    case MTUNLOAD:
        return load_unload(d, 0x00);
    case MTLOAD:
        return load_unload(d, 0x01);
    case MTRETEN:
        return load_unload(d, 0x03);
    case MTLOCK:
        return simple_command(d, ssc_prevent_removal, true);
    case MTUNLOCK:
        return simple_command(d, ssc_prevent_removal, false);
    case MTERASE:
        return erase_tape(d, count != 0);
    case MTSETBLK:
        return set_density_and_block(d, d->density, count);
    case MTSETDENSITY:
        return set_density_and_block(d, (uint8_t)count, d->block_size);
    case MTCOMPRESSION:
        return set_compression(d, count != 0);
    default:
        return fail(ENOSYS);   /* st's answer to an operation it does not have */
    }
}

static int do_mtioctop(struct st_drive *d, const struct mtop *op)
{
    if (op->mt_op != MTNOP && !st_drive_configure(d))
        return -1;
    /* Tape motion and marks end a run of writes; settings and locks do not. */
    bool ends_writing = op->mt_op != MTLOCK && op->mt_op != MTUNLOCK && op->mt_op != MTSETBLK
                        && op->mt_op != MTSETDENSITY && op->mt_op != MTCOMPRESSION && op->mt_op != MTNOP;
    int result = tape_operation(d, op);
    if (ends_writing)
        d->wrote_last = false;
    return result;
}

static void describe_status(struct st_drive *d, struct mtget *get)
{
    struct ssc_outcome o;

    ssc_test_unit_ready(d->url, &o);
    bool no_tape = o.has_sense && o.sense.key == KEY_NOT_READY && o.sense.asc == 0x3A;
    bool online = ssc_good(&o) || (o.reached && !(o.has_sense && o.sense.key == KEY_NOT_READY));
    if (online)
        st_drive_configure(d);
    memset(get, 0, sizeof(*get));
    get->mt_type = MT_ISSCSI2;
    get->mt_resid = 0;   /* st puts the partition here */
    get->mt_dsreg = (long)(((unsigned long)d->block_size << MT_ST_BLKSIZE_SHIFT) & MT_ST_BLKSIZE_MASK)
                  | (long)(((unsigned long)d->density << MT_ST_DENSITY_SHIFT) & MT_ST_DENSITY_MASK);
    get->mt_fileno = (__daddr_t)d->file;
    get->mt_blkno = (__daddr_t)d->block;
    if (online)
        get->mt_gstat |= GMT_ONLINE(~0L);
    if (no_tape)
        get->mt_gstat |= GMT_DR_OPEN(~0L);
    if (d->write_protected)
        get->mt_gstat |= GMT_WR_PROT(~0L);
    if (d->file == 0 && d->block == 0)
        get->mt_gstat |= GMT_BOT(~0L);
    if (d->mark == MARK_AFTER_FILEMARK || d->mark == MARK_FILEMARK_AHEAD)
        get->mt_gstat |= GMT_EOF(~0L);
    if (d->mark == MARK_END_OF_DATA)
        get->mt_gstat |= GMT_EOD(~0L);
    if (d->warning != WARNING_NONE)
        get->mt_gstat |= GMT_EOT(~0L);
}

/* The drive's READ POSITION when it knows (tgt answers "position unknown"),
 * else the logical position the emulation counted. */
static int describe_position(struct st_drive *d, struct mtpos *pos)
{
    struct ssc_outcome o;
    uint8_t data[20];

    if (!st_drive_configure(d))
        return -1;
    ssc_read_position(d->url, data, &o);
    if (ssc_good(&o) && o.received >= 8 && !(data[0] & 0x04)) {
        d->logical = (long long)((uint32_t)data[4] << 24 | (uint32_t)data[5] << 16 | (uint32_t)data[6] << 8 | data[7]);
    } else if (d->logical < 0) {
        return fail(EIO);
    }
    pos->mt_blkno = (long)d->logical;
    return 0;
}

bool st_is_request(unsigned long request)
{
    return request == MTIOCTOP || request == MTIOCGET || request == MTIOCPOS;
}

int st_ioctl(const struct mapping *m, unsigned long request, void *arg)
{
    struct st_drive *d = st_drive_acquire(m);
    int result, error = 0;

    if (!d)
        return -1;
    d->continuation.armed = false;
    if (request == MTIOCTOP) {
        result = do_mtioctop(d, arg);
        if (result < 0)
            error = errno;
        trace("MTIOCTOP op %d count %d -> %d%s%s (file %ld block %ld)", ((struct mtop *)arg)->mt_op,
                 ((struct mtop *)arg)->mt_count, result, result < 0 ? " " : "", result < 0 ? strerror(error) : "",
                 d->file, d->block);
    } else if (request == MTIOCGET) {
        describe_status(d, arg);
        result = 0;
    } else {
        result = describe_position(d, arg);
        if (result < 0)
            error = errno;
    }
    st_drive_release(d);
    if (result < 0)
        errno = error;
    return result;
}
