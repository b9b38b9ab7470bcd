#include "sim_library.h"

#include <stdio.h>
#include <string.h>

#include "engine/engine.h"

static struct sim_library *installed;

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put24(uint8_t *p, uint32_t v) { p[0] = (uint8_t)(v >> 16); p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)v; }

static ntms_err check_condition(struct scsi_request *req, uint8_t key, uint8_t asc, uint8_t ascq)
{
    req->status = 2;
    memset(req->sense, 0, 18);
    req->sense[0] = 0x70;
    req->sense[2] = key;
    req->sense[7] = 10;
    req->sense[12] = asc;
    req->sense[13] = ascq;
    req->sense_len = 18;
    return NTMS_OK;
}

static ntms_err reply(struct scsi_request *req, const uint8_t *data, size_t length)
{
    size_t n = length < req->data_len ? length : req->data_len;
    memcpy(req->data, data, n);
    req->transferred = (uint32_t)n;
    return NTMS_OK;
}

/* An armed fault for this command fires once its good ones are used up. */
static bool faulted(struct sim_library *l, struct scsi_request *req, int drive)
{
    struct sim_fault *f = &l->fault;

    if (!f->armed || f->opcode != req->cdb[0] || (f->drive >= 0 && f->drive != drive))
        return false;
    if (f->after-- > 0)
        return false;
    f->armed = false;
    check_condition(req, f->key, f->asc, f->ascq);
    return true;
}

static ntms_err inquiry(struct scsi_request *req, uint8_t type, const char *product, const char *serial)
{
    uint8_t data[96];

    memset(data, 0, sizeof(data));
    if (req->cdb[1] & 0x01) {                   /* VPD */
        if (req->cdb[2] != 0x80)
            return check_condition(req, 5, 0x24, 0);
        data[0] = type;
        data[1] = 0x80;
        data[3] = (uint8_t)strlen(serial);
        memcpy(data + 4, serial, strlen(serial));
        return reply(req, data, 4 + strlen(serial));
    }
    data[0] = type;
    data[1] = 0x80;
    data[2] = 5;
    data[3] = 2;
    data[4] = 31;
    memcpy(data + 8, "SIMULATE", 8);
    memset(data + 16, ' ', 16);
    memcpy(data + 16, product, strlen(product));
    memcpy(data + 32, "0001", 4);
    return reply(req, data, 36);
}

static void drive_serial(int drive, char *serial, size_t capacity)
{
    snprintf(serial, capacity, "SIMDRV%02u", (unsigned)drive % 100u);
}

/* ---- the changer ---- */

static ntms_err element_map(struct scsi_request *req)
{
    uint8_t data[4 + 20];

    memset(data, 0, sizeof(data));
    data[0] = sizeof(data) - 1;
    data[4] = 0x1D;
    data[5] = 18;
    put16(data + 6, SIM_TRANSPORT_ADDRESS);
    put16(data + 8, 1);
    put16(data + 10, SIM_FIRST_SLOT);
    put16(data + 12, SIM_SLOTS);
    put16(data + 14, 16);
    put16(data + 16, 0);
    put16(data + 18, SIM_FIRST_DRIVE);
    put16(data + 20, SIM_DRIVES);
    return reply(req, data, sizeof(data));
}

/* Descriptors: address, flags, ASC/ASCQ, source, volume tag, and for
 * drives (DVCID) vendor 8 + product 16 + serial, as tgt reports them. */
static size_t descriptor(uint8_t *d, uint16_t address, const struct sim_tape *tape, uint16_t source, bool dvcid,
                         int drive)
{
    size_t length = 12 + 36 + 4 + (dvcid ? 32 : 0);   /* tgt always sends the identifier's header */

    memset(d, 0, length);
    put16(d, address);
    d[2] = tape ? 0x01 : 0;
    if (tape && source) {
        d[9] = 0x80;
        put16(d + 10, source);
    }
    memset(d + 12, ' ', 32);
    if (tape && !tape->no_barcode)
        memcpy(d + 12, tape->barcode, strlen(tape->barcode));
    if (dvcid) {
        char serial[16];
        drive_serial(drive, serial, sizeof(serial));
        d[48] = 2;
        d[49] = 1;
        d[51] = 32;
        memcpy(d + 52, "SIMULATE", 8);
        memcpy(d + 60, "SIMULATED DRIVE ", 16);
        memcpy(d + 76, serial, strlen(serial));
    }
    return length;
}

static ntms_err element_status(struct sim_library *l, struct scsi_request *req)
{
    static uint8_t data[8192];
    uint8_t type = req->cdb[1] & 0x0F;
    uint16_t start = get16(req->cdb + 2), count = get16(req->cdb + 4);
    bool dvcid = (req->cdb[6] & 0x01) && !l->no_identifiers;
    size_t at = 16, n = 0;
    uint16_t first = 0;

    for (int i = 0; i < (type == 2 ? SIM_SLOTS : type == 4 ? SIM_DRIVES : type == 1 ? 1 : 0) && n < count; i++) {
        uint16_t address = type == 2 ? SIM_FIRST_SLOT + i : type == 4 ? SIM_FIRST_DRIVE + i : SIM_TRANSPORT_ADDRESS;
        if (address < start)
            continue;
        int t = type == 2 ? l->slot_tape[i] : type == 4 ? l->drive_tape[i] : -1;
        const struct sim_tape *tape = t >= 0 ? &l->tapes[t] : NULL;
        if (!n)
            first = address;
        at += descriptor(data + at, address, tape, type == 4 ? l->drive_source[i] : 0, dvcid && type == 4, i);
        n++;
    }
    memset(data, 0, 16);
    put16(data, first);
    put16(data + 2, (uint16_t)n);
    put24(data + 5, (uint32_t)(at - 8));
    data[8] = type;
    data[9] = 0x80;   /* primary volume tags */
    put16(data + 10, (uint16_t)(12 + 36 + 4 + (dvcid && type == 4 ? 32 : 0)));
    put24(data + 13, (uint32_t)(at - 16));
    return reply(req, data, at > 16 + l->cut_reply_tail ? at - l->cut_reply_tail : at);
}

static int *holder(struct sim_library *l, uint16_t address, uint16_t **source)
{
    *source = NULL;
    if (address >= SIM_FIRST_SLOT && address < SIM_FIRST_SLOT + SIM_SLOTS)
        return &l->slot_tape[address - SIM_FIRST_SLOT];
    if (address >= SIM_FIRST_DRIVE && address < SIM_FIRST_DRIVE + SIM_DRIVES) {
        *source = &l->drive_source[address - SIM_FIRST_DRIVE];
        return &l->drive_tape[address - SIM_FIRST_DRIVE];
    }
    return NULL;
}

static ntms_err move(struct sim_library *l, struct scsi_request *req)
{
    uint16_t from = get16(req->cdb + 4), to = get16(req->cdb + 6), *ignored, *source;
    int *src = holder(l, from, &ignored), *dst = holder(l, to, &source);

    if (!src || !dst)
        return check_condition(req, 5, 0x21, 0x01);
    if (*src < 0)
        return check_condition(req, 5, 0x3B, 0x0E);
    if (*dst >= 0)
        return check_condition(req, 5, 0x3B, 0x0D);
    *dst = *src;
    *src = -1;
    if (source)
        *source = from;
    l->moves++;
    return NTMS_OK;
}

static ntms_err changer_command(struct sim_library *l, struct scsi_request *req)
{
    switch (req->cdb[0]) {
    case 0x12: return inquiry(req, 8, "SIMULATED LIB", "SIMLIB01");
    case 0x1A: return element_map(req);
    case 0xB8: return element_status(l, req);
    case 0xA5: return move(l, req);
    case 0x00: case 0x1E: case 0x07: return NTMS_OK;
    default:   return check_condition(req, 5, 0x20, 0);
    }
}

/* ---- the drives ---- */

static ntms_err drive_command(struct sim_library *l, int drive, struct scsi_request *req)
{
    char serial[16];
    int t = l->drive_tape[drive];
    const struct sim_tape *tape = t >= 0 ? &l->tapes[t] : NULL;

    drive_serial(drive, serial, sizeof(serial));
    if (req->cdb[0] == 0x12)
        return inquiry(req, 1, "SIMULATED DRIVE", serial);
    if (req->cdb[0] == 0x00)
        l->turs[drive]++;
    if (!tape)
        return check_condition(req, 2, 0x3A, 0);
    if (!tape->readable_in[drive] && req->cdb[0] != 0x1B)
        return check_condition(req, 2, 0x30, 0);
    switch (req->cdb[0]) {
    case 0x00: case 0x01: case 0x1B: case 0x10: return NTMS_OK;
    case 0x0A: {                                   /* WRITE(6): the first block, as the tests only write labels */
        struct sim_tape *written = &l->tapes[t];
        written->length = req->data_len < sizeof(written->block) ? req->data_len : sizeof(written->block);
        memcpy(written->block, req->data, written->length);
        l->writes++;
        return NTMS_OK;
    }
    case 0x08:
        l->reads++;
        if (!tape->length)
            return check_condition(req, 8, 0, 5);   /* blank */
        return reply(req, tape->block, tape->length);
    default: return check_condition(req, 5, 0x20, 0);   /* no MAM, no more */
    }
}

static ntms_err sim_execute(struct scsi_transport *base, struct scsi_request *req)
{
    struct sim_device *d = (struct sim_device *)base;

    req->status = 0;
    req->sense_len = 0;
    req->transferred = 0;
    if (faulted(d->library, req, d->drive))
        return NTMS_OK;
    return d->drive < 0 ? changer_command(d->library, req) : drive_command(d->library, d->drive, req);
}

static uint32_t sim_max_transfer(struct scsi_transport *base)
{
    (void)base;
    return 65536;
}

static void sim_close(struct scsi_transport *base)
{
    (void)base;   /* owned by the test */
}

static const struct scsi_transport_ops sim_ops = { sim_execute, sim_max_transfer, sim_close };

void sim_library_init(struct sim_library *l, const char *const barcodes[SIM_SLOTS])
{
    memset(l, 0, sizeof(*l));
    l->changer = (struct sim_device){ { &sim_ops, "changer" }, l, -1 };
    for (int d = 0; d < SIM_DRIVES; d++) {
        l->drives[d] = (struct sim_device){ { &sim_ops, "drive" }, l, d };
        l->drive_tape[d] = -1;
    }
    for (int s = 0; s < SIM_SLOTS; s++) {
        l->slot_tape[s] = -1;
        if (barcodes && barcodes[s] && barcodes[s][0]) {
            snprintf(l->tapes[s].barcode, sizeof(l->tapes[s].barcode), "%s", barcodes[s]);
            for (int d = 0; d < SIM_DRIVES; d++)
                l->tapes[s].readable_in[d] = true;
            l->slot_tape[s] = s;
        }
    }
}

static ntms_err sim_open(const char *name, struct scsi_transport **transport)
{
    struct sim_library *l = installed;

    if (!l)
        return NTMS_E_OBJECT_NOT_FOUND;
    if (!strcmp(name, "\\\\.\\Changer0"))
        *transport = &l->changer.base;
    else if (!strcmp(name, "\\\\.\\Tape0"))
        *transport = &l->drives[0].base;
    else if (!strcmp(name, "\\\\.\\Tape1"))
        *transport = &l->drives[1].base;
    else
        return NTMS_E_OBJECT_NOT_FOUND;
    return NTMS_OK;
}

void sim_library_install(struct sim_library *library)
{
    installed = library;
    engine_set_device_opener(sim_open);
}

int sim_library_where(const struct sim_library *l, const char *barcode)
{
    for (int s = 0; s < SIM_SLOTS; s++)
        if (l->slot_tape[s] >= 0 && !strcmp(l->tapes[l->slot_tape[s]].barcode, barcode))
            return s + 1;
    for (int d = 0; d < SIM_DRIVES; d++)
        if (l->drive_tape[d] >= 0 && !strcmp(l->tapes[l->drive_tape[d]].barcode, barcode))
            return -1 - d;
    return 0;
}
