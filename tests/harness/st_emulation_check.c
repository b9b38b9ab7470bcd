/* The bridge's st emulation as a Linux program sees it (run with the
 * preload, on the mapped path of a drive holding a tape it may overwrite):
 * what Wine never asks for too (MTIOCPOS, record spacing, a buffer smaller
 * than the block, the reads after end of data), checked against what the
 * st driver documents.
 * usage: st_emulation_check <mapped-tape-path> */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mtio.h>
#include <unistd.h>

static int tape, passed, failed;
static unsigned char buffer[65536];

static void check(bool condition, const char *format, ...) __attribute__((format(printf, 2, 3)));

static void check(bool condition, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    printf("%s: ", condition ? "ok" : "FAIL");
    vprintf(format, args);
    putchar('\n');
    va_end(args);
    condition ? passed++ : failed++;
}

static int op(short operation, int count)
{
    struct mtop mtop = { operation, count };
    return ioctl(tape, MTIOCTOP, &mtop);
}

static void expect_op_fails(short operation, int count, int expected_errno, const char *what)
{
    errno = 0;
    int result = op(operation, count), error = errno;
    check(result == -1 && error == expected_errno, "%s: %d (%s)", what, result, strerror(error));
}

static struct mtget status(void)
{
    struct mtget get;

    memset(&get, 0, sizeof(get));
    if (ioctl(tape, MTIOCGET, &get))
        check(false, "MTIOCGET: %s", strerror(errno));
    return get;
}

static long position(void)
{
    struct mtpos pos = { -1 };
    return ioctl(tape, MTIOCPOS, &pos) ? -1 : pos.mt_blkno;
}

static void write_block(size_t length, int seed)
{
    memset(buffer, seed, length);
    ssize_t put = write(tape, buffer, length);
    check(put == (ssize_t)length, "write of a %zu-byte block: %zd", length, put);
}

static void expect_read(size_t asked, ssize_t expected, int expected_errno, const char *what)
{
    errno = 0;
    ssize_t got = read(tape, buffer, asked);
    int error = errno;
    check(got == expected && (expected >= 0 || error == expected_errno), "%s: read %zu -> %zd (%s)", what, asked,
          got, got < 0 ? strerror(error) : "-");
}

static void expect_file_block(long file, long block, const char *where)
{
    struct mtget get = status();
    check(get.mt_fileno == file && get.mt_blkno == block, "%s: file %ld block %ld, expected %ld %ld", where,
          (long)get.mt_fileno, (long)get.mt_blkno, file, block);
}

/* A: 100 bytes, B: 2000, filemark, C: 300, filemark; logical objects 0..4. */
static void write_two_files(void)
{
    check(op(MTREW, 1) == 0, "rewind");
    check(op(MTSETBLK, 0) == 0, "variable block mode");
    write_block(100, 'A');
    write_block(2000, 'B');
    check(op(MTWEOF, 1) == 0, "filemark");
    write_block(300, 'C');
    check(op(MTWEOF, 1) == 0, "filemark");
    check(position() == 5, "MTIOCPOS after two files: %ld", position());
    expect_file_block(2, 0, "after two files");
}

static void read_to_end_of_data(void)
{
    check(op(MTREW, 1) == 0, "rewind");
    check((status().mt_gstat & GMT_BOT(~0L)) != 0, "MTIOCGET says BOT");
    expect_read(50, -1, ENOMEM, "a buffer smaller than the block");
    expect_file_block(0, 1, "after the block that did not fit");
    expect_read(4096, 2000, 0, "B, into a larger buffer (no Wine: no empty read after it)");
    expect_read(4096, 0, 0, "the filemark");
    check((status().mt_gstat & GMT_EOF(~0L)) != 0, "MTIOCGET says a filemark was just read");
    expect_file_block(1, 0, "after the filemark");
    expect_read(4096, 300, 0, "C");
    expect_read(4096, 0, 0, "the second filemark");
    expect_read(4096, 0, 0, "end of data: the second empty read");
    expect_read(4096, -1, EIO, "past end of data");
    check((status().mt_gstat & GMT_EOD(~0L)) != 0, "MTIOCGET says end of data");
}

static void space_and_seek(void)
{
    check(op(MTREW, 1) == 0, "rewind");
    check(op(MTFSR, 1) == 0, "one record forward");
    expect_file_block(0, 1, "after a record");
    expect_read(4096, 2000, 0, "B after spacing over A");
    check(op(MTBSR, 2) == 0, "two records back");
    check(position() == 0, "MTIOCPOS back at 0: %ld", position());
    expect_read(4096, 100, 0, "A after spacing back");
    check(op(MTSEEK, 3) == 0, "seek to object 3");
    expect_read(4096, 300, 0, "C at object 3");
    check(position() == 4, "MTIOCPOS after reading C: %ld", position());
    expect_file_block(-1, -1, "after a seek (st: not known)");
    check(op(MTREW, 1) == 0 && op(MTFSF, 2) == 0, "rewind, two filemarks forward");
    expect_file_block(2, 0, "after spacing two filemarks");
    expect_op_fails(MTFSF, 1, EIO, "spacing a filemark past end of data");
}

static void append_and_fixed_blocks(void)
{
    check(op(MTEOM, 1) == 0, "to end of data");
    check(op(MTSETBLK, 512) == 0, "512-byte blocks");
    check((status().mt_dsreg & MT_ST_BLKSIZE_MASK) == 512, "MTIOCGET block size 512");
    write_block(1536, 'D');
    errno = 0;
    ssize_t put = write(tape, buffer, 100);
    int error = errno;
    check(put == -1 && error == EINVAL, "a write of part of a block: %zd (%s)", put, strerror(error));
    check(op(MTWEOF, 1) == 0, "filemark");
    check(op(MTREW, 1) == 0, "rewind");
    check(op(MTFSF, 2) == 0, "to file 2");
    expect_read(1024, 1024, 0, "two fixed blocks");
    expect_read(1024, 512, 0, "the last block, cut short by the filemark");
    expect_read(1024, 0, 0, "then the filemark");
    expect_read(1000, -1, EINVAL, "part of a block");
    check(op(MTSETBLK, 0) == 0, "variable block mode again");
}

static void what_tgt_lacks(void)
{
    expect_op_fails(MTCOMPRESSION, 1, EIO, "compression (tgt's page says it cannot be changed)");
    expect_op_fails(MTERASE, 0, EIO, "erase (tgt has no ERASE)");
    check(op(MTLOCK, 1) == 0 && op(MTUNLOCK, 1) == 0, "lock and unlock");
    expect_op_fails(MTMKPART, 1, ENOSYS, "an operation st does not have");
}

int main(int argc, char **argv)
{
    if (argc != 2 || (tape = open(argv[1], O_RDWR)) < 0) {
        fprintf(stderr, "usage: st_emulation_check <mapped-tape-path>\n");
        return 2;
    }
    write_two_files();
    read_to_end_of_data();
    space_and_seek();
    append_and_fixed_blocks();
    what_tgt_lacks();
    check(op(MTREW, 1) == 0, "rewind at the end");
    close(tape);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
