#define _GNU_SOURCE
#include "ssc_commands.h"

#include <string.h>

#include "bridge_client.h"
#include "trace.h"

#define TRANSFER_TIMEOUT_MS 120000u
#define MOTION_TIMEOUT_MS   3600000u   /* rewinds and long spaces take minutes on real drives */

static int32_t be32(const uint8_t *p)
{
    return (int32_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
}

static void put_be24(uint8_t *p, uint32_t value)
{
    p[0] = (uint8_t)(value >> 16);
    p[1] = (uint8_t)(value >> 8);
    p[2] = (uint8_t)value;
}

static bool decode_fixed(const uint8_t *s, uint32_t length, struct ssc_sense *sense)
{
    if (length < 3)
        return false;
    sense->key = s[2] & 0x0F;
    sense->filemark = s[2] & 0x80;
    sense->end_of_medium = s[2] & 0x40;
    sense->incorrect_length = s[2] & 0x20;
    sense->information_valid = (s[0] & 0x80) && length >= 7;
    sense->information = sense->information_valid ? be32(s + 3) : 0;
    sense->asc = length > 12 ? s[12] : 0;
    sense->ascq = length > 13 ? s[13] : 0;
    return true;
}

/* Descriptor format: the information descriptor (type 0) and the stream
 * commands descriptor (type 4) carry what the fixed format has in bytes 2-6. */
static bool decode_descriptors(const uint8_t *s, uint32_t length, struct ssc_sense *sense)
{
    if (length < 4)
        return false;
    sense->key = s[1] & 0x0F;
    sense->asc = s[2];
    sense->ascq = s[3];
    uint32_t end = length < 8 ? length : 8u + s[7];
    if (end > length)
        end = length;
    for (uint32_t at = 8; at + 2 <= end && at + 2u + s[at + 1] <= end; at += 2u + s[at + 1]) {
        const uint8_t *d = s + at;
        if (d[0] == 0x00 && d[1] >= 0x0A) {
            sense->information_valid = d[2] & 0x80;
            sense->information = be32(d + 8);   /* low 32 bits of the 64-bit field */
        } else if (d[0] == 0x04 && d[1] >= 0x02) {
            sense->filemark = d[3] & 0x80;
            sense->end_of_medium = d[3] & 0x40;
            sense->incorrect_length = d[3] & 0x20;
        }
    }
    return true;
}

static bool decode_sense(const uint8_t *s, uint32_t length, struct ssc_sense *sense)
{
    memset(sense, 0, sizeof(*sense));
    if (length == 0)
        return false;
    switch (s[0] & 0x7F) {
    case 0x70:
    case 0x71:
        return decode_fixed(s, length, sense);
    case 0x72:
    case 0x73:
        return decode_descriptors(s, length, sense);
    default:
        return false;
    }
}

static void run(const char *url, const uint8_t *cdb, uint32_t cdb_length, enum sgbridge_dir direction, void *data,
                uint32_t bytes, uint32_t timeout_ms, struct ssc_outcome *o)
{
    struct sgbridge_request rq = { .magic = SGBRIDGE_MAGIC, .url_length = (uint32_t)strlen(url),
                                   .cdb_length = cdb_length, .direction = direction, .timeout_ms = timeout_ms };
    struct sgbridge_response rs;
    uint8_t sense[SGBRIDGE_SENSE_MAX];

    if (direction == SGBRIDGE_DIR_IN)
        rq.data_in_length = bytes;
    else if (direction == SGBRIDGE_DIR_OUT)
        rq.data_out_length = bytes;
    memset(o, 0, sizeof(*o));
    if (bridge_call(&rq, url, cdb, data, &rs, sense, sizeof(sense), data) || rs.transport_error) {
        trace("command %02x: no answer from the bridge", cdb[0]);
        return;
    }
    o->reached = true;
    o->status = (uint8_t)rs.status;
    o->received = rs.data_in_length;
    o->has_sense = rs.status == 0x02 && decode_sense(sense, rs.sense_length, &o->sense);
    if (o->status)
        trace("command %02x: status %02x, sense %x/%02x/%02x%s%s%s, information %d%s", cdb[0], o->status,
              o->sense.key, o->sense.asc, o->sense.ascq, o->sense.filemark ? " FMK" : "",
              o->sense.end_of_medium ? " EOM" : "", o->sense.incorrect_length ? " ILI" : "",
              o->sense.information, o->sense.information_valid ? "" : " (not valid)");
}

bool ssc_good(const struct ssc_outcome *o)
{
    return o->reached && o->status == 0x00;
}

bool ssc_sense_is(const struct ssc_outcome *o, uint8_t key, uint8_t asc, uint8_t ascq)
{
    return o->has_sense && o->sense.key == key && o->sense.asc == asc && o->sense.ascq == ascq;
}

/* BLANK CHECK, or the END-OF-DATA DETECTED code that tgt sends with NO SENSE after a SPACE. */
bool ssc_end_of_data(const struct ssc_outcome *o)
{
    return o->has_sense && (o->sense.key == KEY_BLANK_CHECK || (o->sense.asc == 0x00 && o->sense.ascq == 0x05));
}

bool ssc_beginning_of_medium(const struct ssc_outcome *o)
{
    return o->has_sense && o->sense.asc == 0x00 && o->sense.ascq == 0x04;
}

bool ssc_not_implemented(const struct ssc_outcome *o)
{
    return ssc_sense_is(o, KEY_ILLEGAL_REQUEST, 0x20, 0x00);
}

void ssc_test_unit_ready(const char *url, struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x00 };
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_NONE, NULL, 0, TRANSFER_TIMEOUT_MS, o);
}

void ssc_rewind(const char *url, struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x01 };
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_NONE, NULL, 0, MOTION_TIMEOUT_MS, o);
}

void ssc_read6(const char *url, bool fixed, uint32_t length, void *buffer, uint32_t bytes, struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x08, fixed ? 0x01 : 0x00 };
    put_be24(cdb + 2, length);
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_IN, buffer, bytes, TRANSFER_TIMEOUT_MS, o);
}

void ssc_write6(const char *url, bool fixed, uint32_t length, const void *buffer, uint32_t bytes,
                struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x0A, fixed ? 0x01 : 0x00 };
    put_be24(cdb + 2, length);
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_OUT, (void *)buffer, bytes, TRANSFER_TIMEOUT_MS, o);
}

void ssc_write_filemarks(const char *url, uint32_t count, bool setmarks, bool immediate, struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x10, (uint8_t)((setmarks ? 0x02 : 0) | (immediate ? 0x01 : 0)) };
    put_be24(cdb + 2, count);
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_NONE, NULL, 0, MOTION_TIMEOUT_MS, o);
}

void ssc_space(const char *url, enum space_code code, int32_t count, struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x11, (uint8_t)code };
    put_be24(cdb + 2, (uint32_t)count);   /* 24-bit two's complement */
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_NONE, NULL, 0, MOTION_TIMEOUT_MS, o);
}

void ssc_locate(const char *url, uint32_t block, struct ssc_outcome *o)
{
    uint8_t cdb[10] = { 0x2B, 0, 0, (uint8_t)(block >> 24), (uint8_t)(block >> 16), (uint8_t)(block >> 8),
                        (uint8_t)block };
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_NONE, NULL, 0, MOTION_TIMEOUT_MS, o);
}

void ssc_read_position(const char *url, uint8_t data[20], struct ssc_outcome *o)
{
    uint8_t cdb[10] = { 0x34 };
    memset(data, 0, 20);
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_IN, data, 20, TRANSFER_TIMEOUT_MS, o);
}

void ssc_mode_sense(const char *url, uint8_t page, uint8_t *data, uint8_t capacity, struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x1A, 0, page, 0, capacity };
    memset(data, 0, capacity);
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_IN, data, capacity, TRANSFER_TIMEOUT_MS, o);
}

void ssc_mode_select(const char *url, bool page_format, const uint8_t *data, uint8_t length, struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x15, page_format ? 0x10 : 0x00, 0, 0, length };
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_OUT, (void *)data, length, TRANSFER_TIMEOUT_MS, o);
}

void ssc_load_unload(const char *url, uint8_t action, struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x1B, 0, 0, 0, action };
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_NONE, NULL, 0, MOTION_TIMEOUT_MS, o);
}

void ssc_prevent_removal(const char *url, bool prevent, struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x1E, 0, 0, 0, prevent ? 0x01 : 0x00 };
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_NONE, NULL, 0, TRANSFER_TIMEOUT_MS, o);
}

void ssc_erase(const char *url, bool whole, struct ssc_outcome *o)
{
    uint8_t cdb[6] = { 0x19, whole ? 0x01 : 0x00 };
    run(url, cdb, sizeof(cdb), SGBRIDGE_DIR_NONE, NULL, 0, MOTION_TIMEOUT_MS, o);
}
