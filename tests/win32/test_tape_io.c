/* Tape I/O as a backup application does it, through \\.\Tape0 with the
 * Win32 tape calls. Needs a tape in the drive; no ntmsapi.dll involved.
 *
 * Under Wine the calls become the Linux st driver's interface (read, write,
 * MTIOCTOP, MTIOCGET) on the device, and some answers are Wine's, not
 * Windows': where they differ, both are written down and the one for the
 * platform checked (Wine's from dlls/ntdll/unix/tape.c and file.c).
 *
 * usage: test_tape_io.exe [layout-file]
 *   layout-file receives what should now be on the tape, one line per
 *   block ("block <length> <fnv1a-32>"), "filemark" and "end of data",
 *   for a check that reads the tape outside Wine. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wintest.h"

#define READ_BUFFER_SIZE (256u * 1024u)
#define FIXED_BLOCK_SIZE 1024u

static BOOL on_wine;
static BYTE *read_buffer;
static char layout[8192];

/* ---- what is written, and the record of it ---- */

static void fill_block(BYTE *block, DWORD length, unsigned seed)
{
    for (DWORD i = 0; i < length; i++)
        block[i] = (BYTE)(seed * 31u + i * 7u + (i >> 8));
}

static unsigned fnv1a(const BYTE *data, DWORD length)
{
    unsigned hash = 2166136261u;

    for (DWORD i = 0; i < length; i++)
        hash = (hash ^ data[i]) * 16777619u;
    return hash;
}

static void record_block(const BYTE *data, DWORD length)
{
    size_t used = strlen(layout);
    snprintf(layout + used, sizeof(layout) - used, "block %lu %08x\n", length, fnv1a(data, length));
}

static void record_line(const char *line)
{
    size_t used = strlen(layout);
    snprintf(layout + used, sizeof(layout) - used, "%s\n", line);
}

static void save_layout(const char *path)
{
    FILE *f = fopen(path, "wb");   /* "\n", not "\r\n": compared with a Linux program's lines */

    ok(f != NULL, "cannot write the layout to %s\n", path);
    if (f) {
        fputs(layout, f);
        fclose(f);
    }
}

/* The blocks of each file, by length; the seed of block n of file f is f * 16 + n. */
static const DWORD file0[] = { 80, 512, 1000, 65536, 7, 33333 };   /* a label block first */
static const DWORD file1[] = { 2048, 100, 131072 };
static const DWORD file2[] = { 3000 };

static void make_block(BYTE *block, unsigned file, unsigned index, DWORD length)
{
    fill_block(block, length, file * 16 + index);
    if (file == 0 && index == 0) {   /* an ANSI VOL1 label, as backup software writes first */
        memset(block, ' ', length);
        memcpy(block, "VOL1TAPEIO", 10);
        block[79] = '3';
    }
}

/* ---- the calls, checked ---- */

static void expect_position(HANDLE tape, DWORD expected, const char *where)
{
    DWORD partition = 99, low = 99, high = 99;
    DWORD status = GetTapePosition(tape, TAPE_ABSOLUTE_BLOCK, &partition, &low, &high);

    ok(status == NO_ERROR, "%s: GetTapePosition %lu\n", where, status);
    ok(low == expected && high == 0, "%s: position %lu:%lu, expected %lu\n", where, high, low, expected);
}

static void set_position(HANDLE tape, DWORD method, LONG offset, DWORD expected_status, const char *what)
{
    DWORD status = SetTapePosition(tape, method, 0, (DWORD)offset, offset < 0 ? 0xFFFFFFFFu : 0, FALSE);
    ok(status == expected_status, "SetTapePosition %s: %lu, expected %lu\n", what, status, expected_status);
}

static void set_block_size(HANDLE tape, DWORD block_size)
{
    TAPE_SET_MEDIA_PARAMETERS set = { block_size };
    TAPE_GET_MEDIA_PARAMETERS media;
    DWORD size = sizeof(media);

    ok(SetTapeParameters(tape, SET_TAPE_MEDIA_INFORMATION, &set) == NO_ERROR, "block size %lu not set\n",
       block_size);
    ok(GetTapeParameters(tape, GET_TAPE_MEDIA_INFORMATION, &size, &media) == NO_ERROR, "media parameters\n");
    ok(media.BlockSize == block_size, "media block size %lu, expected %lu\n", media.BlockSize, block_size);
}

static void write_file_of_blocks(HANDLE tape, unsigned file, const DWORD *lengths, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        DWORD written = 0;
        make_block(read_buffer, file, (unsigned)i, lengths[i]);
        BOOL done = WriteFile(tape, read_buffer, lengths[i], &written, NULL);
        ok(done && written == lengths[i], "file %u block %u: WriteFile %d (%lu), %lu of %lu bytes\n", file,
           (unsigned)i, done, GetLastError(), written, lengths[i]);
        record_block(read_buffer, lengths[i]);
    }
    DWORD status = WriteTapemark(tape, TAPE_FILEMARKS, 1, FALSE);
    ok(status == NO_ERROR, "file %u: WriteTapemark %lu\n", file, status);
    record_line("filemark");
}

static void expect_block(HANDLE tape, unsigned file, unsigned index, DWORD length)
{
    static BYTE expected[READ_BUFFER_SIZE];
    DWORD got = 0;

    memset(read_buffer, 0xEE, READ_BUFFER_SIZE);
    BOOL done = ReadFile(tape, read_buffer, READ_BUFFER_SIZE, &got, NULL);
    ok(done && got == length, "file %u block %u: ReadFile %d (%lu), %lu bytes, expected %lu\n", file, index, done,
       GetLastError(), got, length);
    make_block(expected, file, index, length);
    ok(got != length || !memcmp(read_buffer, expected, length), "file %u block %u: the bytes differ\n", file, index);
}

/* Windows fails ReadFile at a filemark with ERROR_FILEMARK_DETECTED. Wine
 * turns st's empty read into end of file: TRUE with no bytes. */
static void expect_filemark(HANDLE tape, const char *where)
{
    DWORD got = 99;

    SetLastError(0);
    BOOL done = ReadFile(tape, read_buffer, READ_BUFFER_SIZE, &got, NULL);
    if (on_wine)
        ok(done && got == 0, "%s: filemark read %d (%lu), %lu bytes\n", where, done, GetLastError(), got);
    else
        ok(!done && GetLastError() == ERROR_FILEMARK_DETECTED, "%s: filemark read %d (%lu)\n", where, done,
           GetLastError());
}

/* Windows: ERROR_NO_DATA_DETECTED. st (so Wine) says end of data with a
 * second empty read after the filemark, then fails reads with EIO, which
 * Wine reports as ERROR_NOT_READY. */
static void expect_end_of_data(HANDLE tape)
{
    DWORD got = 99;

    if (on_wine) {
        BOOL done = ReadFile(tape, read_buffer, READ_BUFFER_SIZE, &got, NULL);
        ok(done && got == 0, "end of data: the second empty read %d (%lu), %lu bytes\n", done, GetLastError(), got);
    }
    SetLastError(0);
    BOOL done = ReadFile(tape, read_buffer, READ_BUFFER_SIZE, &got, NULL);
    DWORD expected = on_wine ? ERROR_NOT_READY : ERROR_NO_DATA_DETECTED;
    ok(!done && GetLastError() == expected, "end of data: read %d (%lu), expected error %lu\n", done, GetLastError(),
       expected);
}

/* ---- the test ---- */

static HANDLE open_tape(DWORD share)
{
    return CreateFileW(L"\\\\.\\Tape0", GENERIC_READ | GENERIC_WRITE, share, NULL, OPEN_EXISTING, 0, NULL);
}

static void test_parameters(HANDLE tape)
{
    TAPE_GET_DRIVE_PARAMETERS drive;
    TAPE_GET_MEDIA_PARAMETERS media;
    DWORD size = sizeof(drive), status;

    status = GetTapeParameters(tape, GET_TAPE_DRIVE_INFORMATION, &size, &drive);
    ok(status == NO_ERROR, "drive parameters: %lu\n", status);
    printf("drive: default block %lu, min %lu, max %lu, partitions %lu, features %08lx:%08lx\n",
           drive.DefaultBlockSize, drive.MinimumBlockSize, drive.MaximumBlockSize, drive.MaximumPartitionCount,
           drive.FeaturesHigh, drive.FeaturesLow);
    size = sizeof(media);
    status = GetTapeParameters(tape, GET_TAPE_MEDIA_INFORMATION, &size, &media);
    ok(status == NO_ERROR, "media parameters: %lu\n", status);
    ok(!media.WriteProtected, "the tape is write protected\n");
    ok(media.PartitionCount <= 1, "%lu partitions\n", media.PartitionCount);
    printf("media: block %lu, partitions %lu, capacity %lld\n", media.BlockSize, media.PartitionCount,
           (long long)media.Capacity.QuadPart);
}

static void test_exclusive_open(void)
{
    HANDLE second = open_tape(0);

    ok(second == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION,
       "a second open of the drive: %p (%lu)\n", second, GetLastError());
    if (second != INVALID_HANDLE_VALUE)
        CloseHandle(second);
}

static void test_prepare(HANDLE tape)
{
    ok(PrepareTape(tape, TAPE_LOAD, FALSE) == NO_ERROR, "PrepareTape(TAPE_LOAD)\n");
    ok(PrepareTape(tape, TAPE_LOCK, FALSE) == NO_ERROR, "PrepareTape(TAPE_LOCK)\n");
    ok(PrepareTape(tape, TAPE_UNLOCK, FALSE) == NO_ERROR, "PrepareTape(TAPE_UNLOCK)\n");
}

static void test_write_variable(HANDLE tape)
{
    set_position(tape, TAPE_REWIND, 0, NO_ERROR, "rewind");
    expect_position(tape, 0, "at BOT");
    set_block_size(tape, 0);
    write_file_of_blocks(tape, 0, file0, ARRAYSIZE(file0));
    write_file_of_blocks(tape, 1, file1, ARRAYSIZE(file1));
    /* st counts blocks within the file (Wine reports that); Windows counts from BOT, marks included. */
    expect_position(tape, on_wine ? 0 : ARRAYSIZE(file0) + 1 + ARRAYSIZE(file1) + 1, "after two files");
}

static void test_read_back(HANDLE tape)
{
    set_position(tape, TAPE_REWIND, 0, NO_ERROR, "rewind");
    for (unsigned i = 0; i < ARRAYSIZE(file0); i++)
        expect_block(tape, 0, i, file0[i]);
    expect_position(tape, ARRAYSIZE(file0), "end of file 0");
    expect_filemark(tape, "end of file 0");
    for (unsigned i = 0; i < ARRAYSIZE(file1); i++)
        expect_block(tape, 1, i, file1[i]);
    expect_filemark(tape, "end of file 1");
    expect_end_of_data(tape);
}

static void test_spacing(HANDLE tape)
{
    set_position(tape, TAPE_REWIND, 0, NO_ERROR, "rewind");
    set_position(tape, TAPE_SPACE_FILEMARKS, 1, NO_ERROR, "one filemark forward");
    expect_block(tape, 1, 0, file1[0]);
    expect_position(tape, on_wine ? 1 : ARRAYSIZE(file0) + 2, "file 1 after a block");
    /* Back over a filemark, to its BOT side in file 0, and forward over it
     * again: file 1 from its start. (Where in file 0 the first space ends
     * is left alone: tgt stops one block short of the filemark.) */
    set_position(tape, TAPE_SPACE_FILEMARKS, -1, NO_ERROR, "one filemark back");
    set_position(tape, TAPE_SPACE_FILEMARKS, 1, NO_ERROR, "and forward again");
    expect_block(tape, 1, 0, file1[0]);
    /* Wine's tape.c refuses relative block spacing; Windows spaces. */
    set_position(tape, TAPE_SPACE_RELATIVE_BLOCKS, 1, on_wine ? ERROR_INVALID_PARAMETER : NO_ERROR,
                 "one block forward");
    if (!on_wine)
        expect_block(tape, 1, 2, file1[2]);
    /* Absolute block addresses count the filemarks: file 1 block 1 is object 8. */
    set_position(tape, TAPE_ABSOLUTE_BLOCK, ARRAYSIZE(file0) + 2, NO_ERROR, "to block 8");
    expect_block(tape, 1, 1, file1[1]);
    /* st no longer knows block numbers after a seek, so Wine says 0xFFFFFFFF. */
    expect_position(tape, on_wine ? 0xFFFFFFFFu : ARRAYSIZE(file0) + 3, "after a seek and a read");
}

static void test_append_at_end_of_data(HANDLE tape)
{
    set_position(tape, TAPE_SPACE_END_OF_DATA, 0, NO_ERROR, "to end of data");
    write_file_of_blocks(tape, 2, file2, ARRAYSIZE(file2));
}

/* 1024-byte blocks: 4096 bytes are four blocks on tape; a read of eight
 * blocks stops at the filemark after five. */
static void test_fixed_blocks(HANDLE tape)
{
    static BYTE written[5 * FIXED_BLOCK_SIZE];
    DWORD done_bytes = 0;

    set_block_size(tape, FIXED_BLOCK_SIZE);
    fill_block(written, sizeof(written), 3 * 16);
    ok(WriteFile(tape, written, 4 * FIXED_BLOCK_SIZE, &done_bytes, NULL) && done_bytes == 4 * FIXED_BLOCK_SIZE,
       "fixed: four blocks in one write (%lu, %lu bytes)\n", GetLastError(), done_bytes);
    ok(WriteFile(tape, written + 4 * FIXED_BLOCK_SIZE, FIXED_BLOCK_SIZE, &done_bytes, NULL),
       "fixed: one more block (%lu)\n", GetLastError());
    SetLastError(0);
    ok(!WriteFile(tape, written, 1000, &done_bytes, NULL) && GetLastError() == ERROR_INVALID_PARAMETER,
       "fixed: a write of part of a block (%lu)\n", GetLastError());
    ok(WriteTapemark(tape, TAPE_FILEMARKS, 1, FALSE) == NO_ERROR, "fixed: WriteTapemark\n");
    for (unsigned i = 0; i < 5; i++)
        record_block(written + i * FIXED_BLOCK_SIZE, FIXED_BLOCK_SIZE);
    record_line("filemark");

    set_position(tape, TAPE_REWIND, 0, NO_ERROR, "rewind");
    set_position(tape, TAPE_SPACE_FILEMARKS, 3, NO_ERROR, "to file 3");
    SetLastError(0);
    ok(!ReadFile(tape, read_buffer, 1000, &done_bytes, NULL) && GetLastError() == ERROR_INVALID_PARAMETER,
       "fixed: a read of part of a block (%lu)\n", GetLastError());
    memset(read_buffer, 0xEE, 8 * FIXED_BLOCK_SIZE);
    SetLastError(0);
    BOOL done = ReadFile(tape, read_buffer, 8 * FIXED_BLOCK_SIZE, &done_bytes, NULL);
    /* Windows reads up to the filemark and fails; under Wine the data comes, the filemark next. */
    ok(on_wine ? done : !done && GetLastError() == ERROR_FILEMARK_DETECTED, "fixed: read of 8 blocks %d (%lu)\n",
       done, GetLastError());
    ok(done_bytes == sizeof(written) && !memcmp(read_buffer, written, sizeof(written)),
       "fixed: %lu bytes read back, expected %u\n", done_bytes, (unsigned)sizeof(written));
    if (on_wine)
        expect_filemark(tape, "end of the fixed-block file");
    set_block_size(tape, 0);
}

static void test_status(HANDLE tape)
{
    DWORD status = GetTapeStatus(tape);

    /* Wine answers from whatever errno last was (tape.c), so only Windows' answer is checked. */
    printf("GetTapeStatus: %lu\n", status);
    if (!on_wine)
        ok(status == NO_ERROR, "GetTapeStatus %lu\n", status);
}

int main(int argc, char **argv)
{
    on_wine = GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version") != NULL;
    read_buffer = malloc(READ_BUFFER_SIZE);
    HANDLE tape = open_tape(0);

    ok(tape != INVALID_HANDLE_VALUE, "\\\\.\\Tape0: open failed, %lu\n", GetLastError());
    if (tape == INVALID_HANDLE_VALUE || !read_buffer)
        return wintest_finish();
    test_exclusive_open();
    test_parameters(tape);
    test_prepare(tape);
    test_write_variable(tape);
    test_read_back(tape);
    test_spacing(tape);
    test_append_at_end_of_data(tape);
    test_fixed_blocks(tape);
    test_status(tape);
    set_position(tape, TAPE_REWIND, 0, NO_ERROR, "rewind at the end");
    ok(PrepareTape(tape, TAPE_UNLOAD, FALSE) == NO_ERROR, "PrepareTape(TAPE_UNLOAD)\n");
    CloseHandle(tape);
    record_line("end of data");
    if (argc > 1)
        save_layout(argv[1]);
    free(read_buffer);
    return wintest_finish();
}
