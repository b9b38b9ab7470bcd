#include "sim_library.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/engine.h"
#include "platform/plat_time.h"

static struct sim_library *installed;

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put24(uint8_t *p, uint32_t v) { p[0] = (uint8_t)(v >> 16); p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)v; }

/* ---- the simulated clock ---- */

static _Atomic uint64_t simulated_ns;

static uint64_t sim_monotonic_ns(void) { return atomic_load(&simulated_ns); }
static uint64_t sim_now_filetime(void) { return 130000000000000000ull + atomic_load(&simulated_ns) / 100; }
static void sim_sleep_ms(uint32_t milliseconds) { atomic_fetch_add(&simulated_ns, (uint64_t)milliseconds * 1000000u); }

static const struct plat_clock_ops sim_clock = { sim_now_filetime, sim_sleep_ms, sim_monotonic_ns };

void sim_clock_install(void)
{
    atomic_store(&simulated_ns, plat_clock_system.monotonic_ns());
    plat_clock = &sim_clock;
}

void sim_clock_uninstall(void)
{
    plat_clock = &plat_clock_system;
}

uint64_t sim_clock_ms(void)
{
    return plat_monotonic_ns() / 1000000u;
}

/* ---- answers ---- */

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

static ntms_err element_map(struct sim_library *l, struct scsi_request *req)
{
    uint8_t data[4 + 20];

    memset(data, 0, sizeof(data));
    data[0] = sizeof(data) - 1;
    data[4] = 0x1D;
    data[5] = 18;
    put16(data + 6, SIM_TRANSPORT_ADDRESS);
    put16(data + 8, 1);
    put16(data + 10, SIM_FIRST_SLOT);
    put16(data + 12, (uint16_t)l->slot_count);
    put16(data + 14, SIM_FIRST_PORT);
    put16(data + 16, (uint16_t)l->port_count);
    put16(data + 18, SIM_FIRST_DRIVE);
    put16(data + 20, (uint16_t)l->drive_count);
    return reply(req, data, sizeof(data));
}

/* Descriptors: address, flags, ASC/ASCQ, source, volume tag, the
 * identifier's header and for drives (DVCID) vendor 8 + product 16 +
 * serial, as tgt reports them. */
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

struct element_range {
    uint16_t first;
    size_t   count;
};

static struct element_range range_of(const struct sim_library *l, uint8_t type)
{
    switch (type) {
    case 1: return (struct element_range){ SIM_TRANSPORT_ADDRESS, 1 };
    case 2: return (struct element_range){ SIM_FIRST_SLOT, l->slot_count };
    case 3: return (struct element_range){ SIM_FIRST_PORT, l->port_count };
    case 4: return (struct element_range){ SIM_FIRST_DRIVE, l->drive_count };
    default: return (struct element_range){ 0, 0 };
    }
}

static const struct sim_tape *tape_at(const struct sim_library *l, uint8_t type, size_t i, uint16_t *source)
{
    int t = type == 2 ? l->slot_tape[i] : type == 3 ? l->port_tape[i] : type == 4 ? l->drives[i].tape : -1;

    *source = type == 4 ? l->drives[i].source : 0;
    return t >= 0 ? &l->tapes[t] : NULL;
}

static ntms_err element_status(struct sim_library *l, struct scsi_request *req)
{
    uint8_t type = req->cdb[1] & 0x0F;
    uint16_t start = get16(req->cdb + 2), count = get16(req->cdb + 4);
    bool dvcid = (req->cdb[6] & 0x01) && !l->no_identifiers && type == 4;
    struct element_range range = range_of(l, type);
    size_t at = 16, n = 0, descriptor_length = 12 + 36 + 4 + (dvcid ? 32 : 0);
    uint8_t *data = malloc(16 + (range.count ? range.count : 1) * descriptor_length);
    uint16_t first = 0;

    l->element_status_commands++;
    if (!data)
        return check_condition(req, 4, 0x44, 0);
    for (size_t i = 0; i < range.count && n < count; i++) {
        uint16_t address = (uint16_t)(range.first + i), source;
        if (address < start)
            continue;
        const struct sim_tape *tape = tape_at(l, type, i, &source);
        if (!n)
            first = address;
        at += descriptor(data + at, address, tape, source, dvcid, (int)i);
        n++;
    }
    memset(data, 0, 16);
    put16(data, first);
    put16(data + 2, (uint16_t)n);
    put24(data + 5, (uint32_t)(at - 8));
    data[8] = type;
    data[9] = 0x80;   /* primary volume tags */
    put16(data + 10, (uint16_t)descriptor_length);
    put24(data + 13, (uint32_t)(at - 16));
    ntms_err status = reply(req, data, at > 16 + l->cut_reply_tail ? at - l->cut_reply_tail : at);
    free(data);
    return status;
}

static int *holder(struct sim_library *l, uint16_t address, struct sim_drive_state **drive)
{
    *drive = NULL;
    if (address >= SIM_FIRST_SLOT && (size_t)(address - SIM_FIRST_SLOT) < l->slot_count)
        return &l->slot_tape[address - SIM_FIRST_SLOT];
    if (address >= SIM_FIRST_PORT && (size_t)(address - SIM_FIRST_PORT) < l->port_count)
        return &l->port_tape[address - SIM_FIRST_PORT];
    if (address >= SIM_FIRST_DRIVE && (size_t)(address - SIM_FIRST_DRIVE) < l->drive_count) {
        *drive = &l->drives[address - SIM_FIRST_DRIVE];
        return &(*drive)->tape;
    }
    return NULL;
}

static ntms_err move(struct sim_library *l, struct scsi_request *req)
{
    uint16_t from = get16(req->cdb + 4), to = get16(req->cdb + 6);
    struct sim_drive_state *ignored, *drive;
    int *src = holder(l, from, &ignored), *dst = holder(l, to, &drive);

    if (!src || !dst)
        return check_condition(req, 5, 0x21, 0x01);
    if (*src < 0)
        return check_condition(req, 5, 0x3B, 0x0E);
    if (*dst >= 0)
        return check_condition(req, 5, 0x3B, 0x0D);
    *dst = *src;
    *src = -1;
    if (drive) {
        drive->source = from;
        drive->ready_at_ms = sim_clock_ms() + drive->load_ms;
    }
    l->moves++;
    return NTMS_OK;
}

static ntms_err changer_command(struct sim_library *l, struct scsi_request *req)
{
    switch (req->cdb[0]) {
    case 0x12: return inquiry(req, 8, "SIMULATED LIB", "SIMLIB01");
    case 0x1A: return element_map(l, req);
    case 0xB8: return element_status(l, req);
    case 0xA5: return move(l, req);
    case 0x00: case 0x1E: case 0x07: return NTMS_OK;
    default:   return check_condition(req, 5, 0x20, 0);
    }
}

/* ---- the drives ---- */

static ntms_err tape_command(struct sim_library *l, struct sim_drive_state *d, struct sim_tape *tape,
                             struct scsi_request *req)
{
    switch (req->cdb[0]) {
    case 0x00: case 0x01: case 0x1B: case 0x10: return NTMS_OK;
    case 0x0A:                                    /* WRITE(6): the first block, as the tests only write labels */
        if (tape->write_protected)
            return check_condition(req, 7, 0x27, 0);
        tape->length = req->data_len < sizeof(tape->block) ? req->data_len : sizeof(tape->block);
        memcpy(tape->block, req->data, tape->length);
        l->writes++;
        return NTMS_OK;
    case 0x1A: {                                  /* MODE SENSE(6): the header's write-protect bit */
        uint8_t header[4] = { 3, 0, (uint8_t)(0x10 | (tape->write_protected ? 0x80 : 0)), 0 };
        return reply(req, header, sizeof(header));
    }
    case 0x08:
        l->reads++;
        if (!tape->length)
            return check_condition(req, 8, 0, 5);   /* blank */
        return reply(req, tape->block, tape->length);
    default:
        (void)d;
        return check_condition(req, 5, 0x20, 0);    /* no MAM, no more */
    }
}

static ntms_err drive_command(struct sim_library *l, int drive, struct scsi_request *req)
{
    char serial[16];
    struct sim_drive_state *d = &l->drives[drive];
    struct sim_tape *tape = d->tape >= 0 ? &l->tapes[d->tape] : NULL;

    drive_serial(drive, serial, sizeof(serial));
    if (req->cdb[0] == 0x12)
        return inquiry(req, 1, "SIMULATED DRIVE", serial);
    if (req->cdb[0] == 0x00)
        d->turs++;
    if (!tape)
        return check_condition(req, 2, 0x3A, 0);
    if (req->cdb[0] == 0x1B && l->on_unload)
        l->on_unload(l, drive);
    if (sim_clock_ms() < d->ready_at_ms && req->cdb[0] != 0x1B) {
        if (req->cdb[0] == 0x00 && l->on_becoming_ready)
            l->on_becoming_ready(l, drive);
        return check_condition(req, 2, 0x04, 0x01);   /* becoming ready */
    }
    if (!tape->readable_in[drive] && req->cdb[0] != 0x1B)
        return check_condition(req, 2, 0x30, 0);
    return tape_command(l, d, tape, req);
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
    return 1u << 20;
}

static void sim_close(struct scsi_transport *base)
{
    (void)base;   /* owned by the test */
}

static const struct scsi_transport_ops sim_ops = { sim_execute, sim_max_transfer, sim_close };

static int *empty_elements(size_t count)
{
    int *elements = malloc((count ? count : 1) * sizeof(*elements));

    for (size_t i = 0; elements && i < count; i++)
        elements[i] = -1;
    return elements;
}

static void init_devices(struct sim_library *l, size_t slots, size_t drives, size_t ports, size_t tapes)
{
    memset(l, 0, sizeof(*l));
    l->changer = (struct sim_device){ { &sim_ops, "changer" }, l, -1 };
    l->drive_count = drives < SIM_MAX_DRIVES ? drives : SIM_MAX_DRIVES;
    for (size_t d = 0; d < l->drive_count; d++) {
        l->drive_devices[d] = (struct sim_device){ { &sim_ops, "drive" }, l, (int)d };
        l->drives[d].tape = -1;
    }
    l->slot_count = slots;
    l->port_count = ports;
    l->tape_count = tapes;
    l->slot_tape = empty_elements(slots);
    l->port_tape = empty_elements(ports);
    l->tapes = calloc(tapes ? tapes : 1, sizeof(*l->tapes));
    if (!l->slot_tape || !l->port_tape || !l->tapes)
        abort();
}

static void new_tape(struct sim_library *l, size_t t, const char *barcode)
{
    snprintf(l->tapes[t].barcode, sizeof(l->tapes[t].barcode), "%s", barcode);
    for (size_t d = 0; d < SIM_MAX_DRIVES; d++)
        l->tapes[t].readable_in[d] = true;
}

void sim_library_init(struct sim_library *l, const char *const barcodes[SIM_SLOTS])
{
    init_devices(l, SIM_SLOTS, SIM_DRIVES, 0, SIM_SLOTS);
    for (int s = 0; s < SIM_SLOTS; s++) {
        if (barcodes && barcodes[s] && barcodes[s][0]) {
            new_tape(l, (size_t)s, barcodes[s]);
            l->slot_tape[s] = s;
        }
    }
}

void sim_library_init_sized(struct sim_library *l, size_t slots, size_t drives, size_t ports, size_t tapes)
{
    char barcode[16];

    init_devices(l, slots, drives, ports, tapes < slots ? tapes : slots);
    for (size_t t = 0; t < l->tape_count; t++) {
        snprintf(barcode, sizeof(barcode), "T%05uL6", (unsigned)(t + 1) % 100000u);
        new_tape(l, t, barcode);
        l->slot_tape[t] = (int)t;
    }
}

void sim_library_free(struct sim_library *l)
{
    if (installed == l)
        installed = NULL;
    free(l->slot_tape);
    free(l->port_tape);
    free(l->tapes);
    l->slot_tape = l->port_tape = NULL;
    l->tapes = NULL;
}

static ntms_err sim_open(const char *name, struct scsi_transport **transport)
{
    struct sim_library *l = installed;
    unsigned n;
    char tail;

    if (!l)
        return NTMS_E_OBJECT_NOT_FOUND;
    if (!strcmp(name, "\\\\.\\Changer0")) {
        *transport = &l->changer.base;
        return NTMS_OK;
    }
    if (sscanf(name, "\\\\.\\Tape%u%c", &n, &tail) != 1 || n >= l->drive_count || l->drives[n].gone)
        return NTMS_E_OBJECT_NOT_FOUND;
    if (l->drives[n].held_elsewhere)
        return NTMS_E_SHARING_VIOLATION;
    *transport = &l->drive_devices[n].base;
    return NTMS_OK;
}

void sim_library_install(struct sim_library *library)
{
    installed = library;
    engine_set_device_opener(sim_open);
}

static bool named(const struct sim_library *l, int tape, const char *barcode)
{
    return tape >= 0 && !strcmp(l->tapes[tape].barcode, barcode);
}

int sim_library_where(const struct sim_library *l, const char *barcode)
{
    for (size_t s = 0; s < l->slot_count; s++)
        if (named(l, l->slot_tape[s], barcode))
            return (int)s + 1;
    for (size_t d = 0; d < l->drive_count; d++)
        if (named(l, l->drives[d].tape, barcode))
            return -1 - (int)d;
    return 0;
}
