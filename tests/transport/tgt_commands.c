/* The SCSI layer against a real device, through whichever transport this
 * program was built with: libiscsi (native) or Windows pass-through (run
 * under Wine through the SG_IO bridge). The same source, the same checks;
 * "reply" lines print the raw bytes of the read-only commands so a script
 * can check that both transports return the same bytes.
 *
 * usage: tgt_commands <changer> <tape0>    (iSCSI URLs, or \\.\Changer0 \\.\Tape0) */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "scsi/scsi_sense.h"
#include "scsi/scsi_smc.h"
#include "scsi/scsi_spc.h"
#include "scsi/scsi_ssc.h"
#ifdef _WIN32
#include "transport/transport_win32.h"
#define open_device transport_win32_open
#else
#include "transport/transport_iscsi.h"
#include "transport/transport_sg.h"
/* iSCSI URLs through libiscsi; paths through SG_IO (sg nodes, or the
 * bridge's mapped paths with its preload). */
static ntms_err open_device(const char *name, struct scsi_transport **t)
{
    return name[0] == '/' ? transport_sg_open(name, t) : transport_iscsi_open(name, t);
}
#endif

static unsigned passed, failed;
static uint8_t buffer[1 << 16];
static struct smc_element elements[64];

static void check(bool condition, const char *what)
{
    if (condition) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s\n", what);
    }
}

static void print_reply(const char *name, const uint8_t *data, size_t length)
{
    printf("reply %s %zu:", name, length);
    for (size_t i = 0; i < length; i++)
        printf("%02x", data[i]);
    printf("\n");
}

/* Sends a command; retries unit attentions and waits for becoming-ready. */
static bool run(struct scsi_transport *t, struct scsi_request *req)
{
    for (int attempt = 0; attempt < 20; attempt++) {
        if (scsi_transport_execute(t, req) != NTMS_OK)
            return false;
        struct scsi_sense sense;
        scsi_sense_decode(req->sense, req->sense_len, &sense);
        struct scsi_outcome o = scsi_interpret(req->status, &sense);
        if (o.next == SCSI_STEP_DONE)
            return o.error == NTMS_OK;
    }
    return false;
}

static size_t read_status(struct scsi_transport *changer, enum smc_element_type type, uint16_t first,
                          bool voltag, bool dvcid, const char *label)
{
    struct scsi_request req;
    struct smc_status_report report;

    smc_build_read_element_status(&req, buffer, 4096, type, first, 64, voltag, dvcid ? SMC_RES_DVCID : 0);
    check(run(changer, &req), label);
    print_reply(label, buffer, req.transferred);
    smc_parse_element_status(buffer, req.transferred, elements, 64, &report);
    return report.parsed;
}

static bool element_map(struct scsi_transport *changer, struct smc_element_map *map)
{
    struct scsi_request req;
    size_t length;

    scsi_build_mode_sense6(&req, buffer, 255, 0x1D, true);
    check(run(changer, &req), "MODE SENSE page 1Dh");
    print_reply("mode-1d", buffer, req.transferred);
    const uint8_t *page = scsi_mode6_page(buffer, req.transferred, 0x1D, &length);
    return page && smc_parse_element_map(page, length, map);
}

static void identify_devices(struct scsi_transport *changer, struct scsi_transport *tape, char *serial)
{
    struct scsi_request req;
    struct scsi_inquiry inq;

    scsi_build_inquiry(&req, buffer, 96, false, 0);
    check(run(changer, &req) && scsi_parse_inquiry(buffer, req.transferred, &inq) && inq.device_type == 8,
          "INQUIRY: the changer is a medium changer");
    print_reply("inquiry-changer", buffer, req.transferred);
    scsi_build_inquiry(&req, buffer, 96, false, 0);
    check(run(tape, &req) && scsi_parse_inquiry(buffer, req.transferred, &inq) && inq.device_type == 1,
          "INQUIRY: the tape is a sequential-access device");
    scsi_build_inquiry(&req, buffer, 255, true, 0x80);
    check(run(tape, &req) && scsi_parse_serial_vpd(buffer, req.transferred, serial, 64) && serial[0],
          "VPD 80h: the tape drive has a serial number");
}

/* The data transfer element whose DVCID names this drive's serial. */
static int find_drive(size_t count, const char *serial)
{
    for (size_t i = 0; i < count; i++) {
        char id[SMC_IDENTIFIER_MAX + 1];
        scsi_copy_ascii(id, sizeof(id), elements[i].identifier, elements[i].identifier_length);
        size_t n = strlen(id), s = strlen(serial);
        if (n >= s && !strcmp(id + n - s, serial))
            return (int)i;
    }
    return -1;
}

static void move(struct scsi_transport *changer, uint16_t transport, uint16_t from, uint16_t to, const char *what)
{
    struct scsi_request req;

    smc_build_move_medium(&req, transport, from, to);
    check(run(changer, &req), what);
}

static void wait_ready(struct scsi_transport *tape)
{
    struct scsi_request req;

    for (int i = 0; i < 50; i++) {
        scsi_build_test_unit_ready(&req);
        if (run(tape, &req))
            return;
    }
    check(false, "the drive becomes ready");
}

static void tape_round_trip(struct scsi_transport *tape)
{
    static const char label[81] = "VOL1NTMTST                                                                     3";
    struct scsi_request req;

    wait_ready(tape);
    ssc_build_rewind(&req);
    check(run(tape, &req), "REWIND");
    ssc_build_read6(&req, buffer, sizeof(buffer), true);
    scsi_transport_execute(tape, &req);
    struct ssc_read first = ssc_interpret_read(&req);
    check(first.result == SSC_READ_BLANK || (first.result == SSC_READ_DATA && first.length == 80),
          "first READ: blank, or the label an earlier run wrote");
    ssc_build_rewind(&req);
    run(tape, &req);
    ssc_build_write6(&req, label, 80);
    check(run(tape, &req), "WRITE(6) an 80-byte VOL1 label");
    ssc_build_write_filemarks(&req, 1);
    check(run(tape, &req), "WRITE FILEMARKS");
    ssc_build_rewind(&req);
    run(tape, &req);
    ssc_build_read6(&req, buffer, sizeof(buffer), true);
    scsi_transport_execute(tape, &req);
    struct ssc_read back = ssc_interpret_read(&req);
    check(back.result == SSC_READ_DATA && back.length == 80 && !memcmp(buffer, label, 80),
          "READ(6) returns the label, its length from the sense, not the transfer count");
    ssc_build_read6(&req, buffer, sizeof(buffer), true);
    scsi_transport_execute(tape, &req);
    check(ssc_interpret_read(&req).result == SSC_READ_FILEMARK, "the next READ meets the filemark");
    ssc_build_rewind(&req);
    run(tape, &req);
}

int main(int argc, char **argv)
{
    struct scsi_transport *changer, *tape;
    struct smc_element_map map;
    char serial[64] = "";
    /* --read-only: only the commands whose replies a second transport must
     * reproduce byte for byte (no moves, nothing written). */
    bool read_only = argc == 4 && !strcmp(argv[3], "--read-only");

    if (read_only)
        argc = 3;
    if (argc != 3 || open_device(argv[1], &changer) != NTMS_OK || open_device(argv[2], &tape) != NTMS_OK) {
        printf("usage: tgt_commands <changer> <tape0> (devices must open)\n0 passed, 1 failed\n");
        return 1;
    }
    identify_devices(changer, tape, serial);
    check(element_map(changer, &map) && map.count[SMC_STORAGE] > 0 && map.count[SMC_DATA_TRANSFER] > 0,
          "element map has slots and drives");
    read_status(changer, SMC_STORAGE, map.first[SMC_STORAGE], false, false, "res-storage");
    size_t slots = read_status(changer, SMC_STORAGE, map.first[SMC_STORAGE], true, false, "res-storage-voltag");
    check(slots == map.count[SMC_STORAGE], "one descriptor per slot");
    int full = -1;
    for (size_t i = 0; i < slots && full < 0; i++)
        full = elements[i].full && elements[i].primary_tag[0] ? (int)i : -1;
    check(full >= 0, "a full slot with a barcode");
    uint16_t slot = full >= 0 ? elements[full].address : 0;
    char barcode[SMC_VOLTAG_LENGTH + 1];
    snprintf(barcode, sizeof(barcode), "%s", full >= 0 ? elements[full].primary_tag : "");
    size_t drives = read_status(changer, SMC_DATA_TRANSFER, map.first[SMC_DATA_TRANSFER], true, true, "res-drives-dvcid");
    int d = find_drive(drives, serial);
    check(d >= 0 && !elements[d].full, "DVCID maps the tape drive to an empty data transfer element");
    if (d < 0 || full < 0 || read_only)
        goto done;
    uint16_t drive = elements[d].address;
    move(changer, map.first[SMC_TRANSPORT], slot, drive, "MOVE MEDIUM slot -> drive");
    read_status(changer, SMC_DATA_TRANSFER, drive, true, false, "res-drive-loaded");
    check(elements[0].full && !strcmp(elements[0].primary_tag, barcode) && elements[0].source_valid
          && elements[0].source == slot, "the drive holds the barcode, with the slot as its source");
    tape_round_trip(tape);
    move(changer, map.first[SMC_TRANSPORT], drive, slot, "MOVE MEDIUM drive -> slot");
    read_status(changer, SMC_STORAGE, slot, true, false, "res-slot-back");
    check(elements[0].full && !strcmp(elements[0].primary_tag, barcode), "the tape is home again");
done:
    scsi_transport_close(tape);
    scsi_transport_close(changer);
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
