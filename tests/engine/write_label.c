/* Writes a tape label onto the tape in a slot of the tgt library, as a
 * backup application would have: slot -> drive 1, label block + filemark,
 * drive -> slot. For tests and the demo.
 * usage: write_label <changer-url> <tape0-url> <slot-number> ansi|mtf|raw <volume>
 *   raw writes <volume> itself as the block (a label of a format of one's own);
 *   a changer of "-" writes onto the tape already in <tape0-url> (a stand-alone drive). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/device/robot.h"
#include "engine/device/tape_drive.h"
#include "scsi/scsi_ssc.h"
#include "transport/transport_iscsi.h"

static size_t ansi_label(uint8_t *block, const char *volume)
{
    memset(block, ' ', 80);
    memcpy(block, "VOL1", 4);
    memcpy(block + 4, volume, strlen(volume) < 6 ? strlen(volume) : 6);
    block[79] = '3';
    return 80;
}

static size_t mtf_label(uint8_t *block, const char *volume)
{
    memset(block, 0, 1024);
    memcpy(block, "TAPE", 4);
    block[48] = 1;                                         /* ANSI strings */
    block[52] = 0x44; block[53] = 0x33; block[54] = 0x22; block[55] = 0x11;   /* media family 11223344 */
    block[60] = 1;                                         /* tape 1 */
    size_t n = strlen(volume);
    block[68] = (uint8_t)n;                                /* media name size ... */
    block[70] = 100;                                       /* ... and offset */
    memcpy(block + 100, volume, n);
    uint16_t sum = 0;
    for (int i = 0; i < 50; i += 2)
        sum ^= (uint16_t)(block[i] | block[i + 1] << 8);
    block[50] = (uint8_t)sum;
    block[51] = (uint8_t)(sum >> 8);
    return 1024;
}

static size_t raw_label(uint8_t *block, const char *text)
{
    size_t n = strlen(text) < 512 ? strlen(text) : 512;

    memset(block, 0, 512);
    memcpy(block, text, n);
    return 512;
}

/* The label block and a filemark at the start of the tape in the drive. */
static ntms_err write_block(struct scsi_transport *tape, const uint8_t *block, size_t length)
{
    struct scsi_request req;
    ntms_err status = tape_wait_ready(tape, 30000);

    if (status == NTMS_OK) {
        ssc_build_rewind(&req);
        status = robot_run(tape, &req);
    }
    if (status == NTMS_OK) {
        ssc_build_write6(&req, block, (uint32_t)length);
        status = robot_run(tape, &req);
    }
    if (status == NTMS_OK) {
        ssc_build_write_filemarks(&req, 1);
        status = robot_run(tape, &req);
    }
    ssc_build_rewind(&req);
    robot_run(tape, &req);
    return status;
}

int main(int argc, char **argv)
{
    struct scsi_transport *changer = NULL, *tape;
    struct smc_element_map map;
    uint8_t block[1024];
    bool standalone = argc == 6 && !strcmp(argv[1], "-");

    if (argc != 6 || (!standalone && transport_iscsi_open(argv[1], &changer)) || transport_iscsi_open(argv[2], &tape)
        || (!standalone && robot_element_map(changer, &map))) {
        fprintf(stderr, "usage: write_label <changer-url>|- <tape0-url> <slot> ansi|mtf|raw <volume>\n");
        return 2;
    }
    size_t length = !strcmp(argv[4], "mtf") ? mtf_label(block, argv[5])
                  : !strcmp(argv[4], "raw") ? raw_label(block, argv[5]) : ansi_label(block, argv[5]);
    ntms_err status = NTMS_OK, back = NTMS_OK;
    if (standalone) {
        status = write_block(tape, block, length);
    } else {
        uint16_t slot = (uint16_t)(map.first[SMC_STORAGE] + atoi(argv[3]) - 1), drive = map.first[SMC_DATA_TRANSFER];
        status = robot_move(changer, map.first[SMC_TRANSPORT], slot, drive);
        if (status == NTMS_OK)
            status = write_block(tape, block, length);
        back = robot_move(changer, map.first[SMC_TRANSPORT], drive, slot);
    }
    scsi_transport_close(tape);
    scsi_transport_close(changer);
    if (status || back) {
        fprintf(stderr, "write_label: failed (%u, %u)\n", (unsigned)status, (unsigned)back);
        return 1;
    }
    return 0;
}
