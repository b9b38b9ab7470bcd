/* Reads the tape in a drive from BOT to end of data over iSCSI (libiscsi,
 * no Wine, no preload) and prints what is on it, one line per object:
 *     block <length> <fnv1a-32 of its bytes>
 *     filemark
 *     end of data
 * The same lines test_tape_io.exe records for what it wrote, so the two
 * can be compared. Rewinds before and after.
 * usage: read_tape_layout <tape-url> */
#include <stdio.h>
#include <stdlib.h>

#include "engine/device/robot.h"
#include "engine/device/tape_drive.h"
#include "scsi/scsi_ssc.h"
#include "transport/transport_iscsi.h"

#define LARGEST_BLOCK (1u << 20)   /* tgt's largest block */

static unsigned fnv1a(const uint8_t *data, size_t length)
{
    unsigned hash = 2166136261u;

    for (size_t i = 0; i < length; i++)
        hash = (hash ^ data[i]) * 16777619u;
    return hash;
}

static int rewind_tape(struct scsi_transport *tape)
{
    struct scsi_request req;

    ssc_build_rewind(&req);
    return robot_run(tape, &req) == NTMS_OK ? 0 : -1;
}

/* 0 at end of data, 1 after a block or filemark, -1 on an error. */
static int print_next_object(struct scsi_transport *tape, uint8_t *buffer)
{
    struct scsi_request req;

    ssc_build_read6(&req, buffer, LARGEST_BLOCK, false);
    if (scsi_transport_execute(tape, &req) != NTMS_OK) {
        fprintf(stderr, "read_tape_layout: the READ(6) did not reach the drive\n");
        return -1;
    }
    struct ssc_read read = ssc_interpret_read(&req);
    switch (read.result) {
    case SSC_READ_DATA:
        printf("block %zu %08x\n", read.length, fnv1a(buffer, read.length));
        return 1;
    case SSC_READ_FILEMARK:
        printf("filemark\n");
        return 1;
    case SSC_READ_BLANK:
        printf("end of data\n");
        return 0;
    default:
        fprintf(stderr, "read_tape_layout: read failed (%d, error %u)\n", (int)read.result, (unsigned)read.error);
        return -1;
    }
}

int main(int argc, char **argv)
{
    struct scsi_transport *tape;
    uint8_t *buffer = malloc(LARGEST_BLOCK);
    int more = 1;

    if (argc != 2 || !buffer || transport_iscsi_open(argv[1], &tape) != NTMS_OK) {
        fprintf(stderr, "usage: read_tape_layout <tape-url>\n");
        return 2;
    }
    if (tape_wait_ready(tape, 30000) != NTMS_OK || rewind_tape(tape))
        more = -1;
    while (more > 0)
        more = print_next_object(tape, buffer);
    if (rewind_tape(tape))
        more = -1;
    scsi_transport_close(tape);
    free(buffer);
    return more < 0 ? 1 : 0;
}
