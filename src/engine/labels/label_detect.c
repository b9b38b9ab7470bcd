#include "engine/labels/label_detect.h"

#include <stdio.h>
#include <string.h>

#include "engine/labels/free_label.h"

static void set_type(struct label_info *label, const char *name)
{
    snprintf(label->type_name, sizeof(label->type_name), "%s", name);
}

static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t le32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }

/* EBCDIC code page 037 for the characters of IBM volume serials. */
static char ebcdic_to_ascii(uint8_t c)
{
    if (c >= 0xC1 && c <= 0xC9) return (char)('A' + c - 0xC1);
    if (c >= 0xD1 && c <= 0xD9) return (char)('J' + c - 0xD1);
    if (c >= 0xE2 && c <= 0xE9) return (char)('S' + c - 0xE2);
    if (c >= 0xF0 && c <= 0xF9) return (char)('0' + c - 0xF0);
    if (c == 0x40) return ' ';
    return '?';
}

/* Copies up to `length` bytes as printable ASCII, stops at NUL or newline,
 * trims trailing spaces. Control characters become '?'. */
static void copy_printable(char *out, size_t capacity, const uint8_t *in, size_t length, int ebcdic)
{
    size_t n = 0;

    for (size_t i = 0; i < length && n + 1 < capacity; i++) {
        char c = ebcdic ? ebcdic_to_ascii(in[i]) : (char)in[i];
        if (!ebcdic && (in[i] == 0 || in[i] == '\n'))
            break;
        out[n++] = (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

static void set_identity(struct label_info *label, const char *volume)
{
    size_t n = strlen(volume);

    snprintf(label->volume_id, sizeof(label->volume_id), "%s", volume);
    label->label_id_length = n < sizeof(label->label_id) ? n : sizeof(label->label_id);
    memcpy(label->label_id, volume, label->label_id_length);
}

static int detect_vol1(const uint8_t *b, size_t length, struct label_info *label)
{
    static const uint8_t ebcdic_vol1[4] = { 0xE5, 0xD6, 0xD3, 0xF1 };
    char volser[8];

    if (length < 80)
        return 0;
    if (!memcmp(b, ebcdic_vol1, 4)) {
        copy_printable(volser, sizeof(volser), b + 4, 6, 1);
        label->format = LABEL_IBM;
        set_type(label, "IBM VOL1");
    } else if (!memcmp(b, "VOL1", 4)) {
        copy_printable(volser, sizeof(volser), b + 4, 6, 0);
        int ltfs = !memcmp(b + 24, "LTFS", 4);
        label->format = ltfs ? LABEL_LTFS : LABEL_ANSI;
        set_type(label, ltfs ? "LTFS" : "ANSI VOL1");
    } else {
        return 0;
    }
    set_identity(label, volser);
    snprintf(label->info, sizeof(label->info), "%s volume %s", label->type_name, volser);
    return 1;
}

/* MTF: TAPE descriptor block, checksum = XOR of the 25 preceding 16-bit words. */
static int detect_mtf(const uint8_t *b, size_t length, struct label_info *label)
{
    uint16_t sum = 0;

    if (length < 94 || memcmp(b, "TAPE", 4))
        return 0;
    for (size_t i = 0; i < 50; i += 2)
        sum ^= le16(b + i);
    if (sum != le16(b + 50))
        return 0;
    uint32_t family = le32(b + 52);
    uint16_t sequence = le16(b + 60);
    char volume[LABEL_VOLUME_MAX];
    snprintf(volume, sizeof(volume), "%08X-%u", (unsigned)family, (unsigned)sequence);
    label->format = LABEL_MTF;
    set_type(label, "MTF");
    set_identity(label, volume);

    char name[48] = "";
    uint16_t name_size = le16(b + 68), name_offset = le16(b + 70);
    if (name_size > 0 && name_offset >= 94 && (size_t)name_offset + name_size <= length) {
        int utf16 = b[48] == 2;
        uint8_t narrow[48];
        size_t n = 0;
        for (size_t i = 0; i < name_size && n < sizeof(narrow); i += utf16 ? 2 : 1)
            narrow[n++] = b[name_offset + i];
        copy_printable(name, sizeof(name), narrow, n, 0);
    }
    snprintf(label->info, sizeof(label->info), "MTF media family %08X, tape %u%s%s", (unsigned)family,
             (unsigned)sequence, name[0] ? ": " : "", name);
    return 1;
}

/* Bacula/Bareos: BB01/BB02 block header, then a label record (FileIndex -1/-2). */
static int detect_bacula(const uint8_t *b, size_t length, struct label_info *label)
{
    static const char bacula_id[] = "Bacula ", bareos_id[] = "Bareos ";
    size_t header = 0;

    if (length >= 24 && !memcmp(b + 12, "BB02", 4))
        header = 24;
    else if (length >= 16 && !memcmp(b + 12, "BB01", 4))
        header = 16;
    if (!header || length < header + 12 + 7)
        return 0;
    size_t record = header + (header == 24 ? 12 : 20);   /* BB01 record headers carry the session too */
    if (length < record + 7)
        return 0;
    int bareos = !memcmp(b + record, bareos_id, 7);
    if (!bareos && memcmp(b + record, bacula_id, 7))
        return 0;
    label->format = bareos ? LABEL_BAREOS : LABEL_BACULA;
    set_type(label, bareos ? "Bareos" : "Bacula");
    char volume[LABEL_VOLUME_MAX] = "";
    size_t id_end = record + strnlen((const char *)b + record, length - record) + 1;
    size_t name_at = id_end + 4 + 8 + 8 + 8 + 8;   /* VerNum, two btimes, two float64 */
    if (name_at < length)
        copy_printable(volume, sizeof(volume), b + name_at, length - name_at, 0);
    set_identity(label, volume);
    snprintf(label->info, sizeof(label->info), "%s volume %s", label->type_name, volume);
    return 1;
}

static int detect_amanda(const uint8_t *b, size_t length, struct label_info *label)
{
    static const char start[] = "AMANDA: TAPESTART DATE ";
    char volume[LABEL_VOLUME_MAX] = "";

    if (length < sizeof(start) - 1 || memcmp(b, start, sizeof(start) - 1))
        return 0;
    size_t scan_end = length < 512 ? length : 512;
    for (size_t i = sizeof(start) - 1; i + 6 <= scan_end; i++) {
        if (!memcmp(b + i, " TAPE ", 6)) {
            copy_printable(volume, sizeof(volume), b + i + 6, scan_end - i - 6, 0);
            break;
        }
    }
    label->format = LABEL_AMANDA;
    set_type(label, "Amanda");
    set_identity(label, volume);
    snprintf(label->info, sizeof(label->info), "Amanda tape %s", volume);
    return 1;
}

static int tar_checksum_ok(const uint8_t *b)
{
    unsigned stored = 0, sum = 0;
    int digits = 0;

    for (int i = 148; i < 156 && b[i] != 0 && b[i] != ' '; i++, digits++) {
        if (b[i] < '0' || b[i] > '7')
            return 0;
        stored = stored * 8 + (unsigned)(b[i] - '0');
    }
    for (int i = 0; i < 512; i++)
        sum += (i >= 148 && i < 156) ? ' ' : b[i];
    return digits > 0 && sum == stored;
}

static int detect_tar(const uint8_t *b, size_t length, struct label_info *label)
{
    if (length < 512 || memcmp(b + 257, "ustar", 5) || !tar_checksum_ok(b))
        return 0;
    label->format = LABEL_TAR;
    set_type(label, "tar");
    if (b[156] == 'V') {   /* GNU tar --label */
        char volume[LABEL_VOLUME_MAX];
        copy_printable(volume, sizeof(volume), b, 100, 0);
        set_identity(label, volume);
        snprintf(label->info, sizeof(label->info), "tar archive, volume %s", volume);
    } else {
        snprintf(label->info, sizeof(label->info), "tar archive");
    }
    return 1;
}

static int detect_free(const uint8_t *b, size_t n, struct label_info *label)
{
    struct free_label free;
    char guid[NTMS_GUID_STRING_LENGTH];

    if (!free_label_parse(b, n, &free))
        return 0;
    label->format = LABEL_FREE;
    set_type(label, "Free");
    memcpy(label->label_id, free.media.bytes, sizeof(free.media.bytes));
    label->label_id_length = sizeof(free.media.bytes);
    snprintf(label->volume_id, sizeof(label->volume_id), "%s", free.barcode);
    ntms_guid_format(&free.media, guid);
    snprintf(label->info, sizeof(label->info), "free medium %s", guid);
    return 1;
}

void label_detect(enum first_read outcome, const uint8_t *block, size_t length, struct label_info *label)
{
    memset(label, 0, sizeof(*label));
    label->format = LABEL_UNKNOWN;
    set_type(label, "Unknown");
    if (outcome == FIRST_READ_BLANK) {
        label->format = LABEL_BLANK;
        set_type(label, "Blank");
        snprintf(label->info, sizeof(label->info), "blank tape");
        return;
    }
    if (outcome == FIRST_READ_FILEMARK || !block || length == 0) {
        snprintf(label->info, sizeof(label->info), "empty first file");
        return;
    }
    if (detect_free(block, length, label) || detect_mtf(block, length, label) || detect_vol1(block, length, label)
        || detect_bacula(block, length, label) || detect_amanda(block, length, label)
        || detect_tar(block, length, label))
        return;
    snprintf(label->info, sizeof(label->info), "unrecognised data, first block %zu bytes", length);
}

int label_has_identity(const struct label_info *label)
{
    return label->label_id_length > 0 && label->format != LABEL_BLANK && label->format != LABEL_UNKNOWN;
}
