#include "engine/labels/free_label.h"

#include <string.h>

#include "common/crc32.h"

static const char magic[12] = { 'N', 'T', 'M', 'S', 'A', 'P', 'I', ' ', 'F', 'R', 'E', 'E' };

static void put32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24); }
static uint32_t get32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

void free_label_build(const struct free_label *label, uint8_t block[FREE_LABEL_SIZE])
{
    memset(block, 0, FREE_LABEL_SIZE);
    memcpy(block, magic, sizeof(magic));
    block[12] = 1;
    memcpy(block + 16, label->media.bytes, 16);
    put32(block + 32, (uint32_t)label->written);
    put32(block + 36, (uint32_t)(label->written >> 32));
    memset(block + 40, ' ', 32);
    size_t n = strlen(label->barcode);
    memcpy(block + 40, label->barcode, n < 32 ? n : 32);
    put32(block + FREE_LABEL_SIZE - 4, crc32_of(block, FREE_LABEL_SIZE - 4));
}

bool free_label_parse(const uint8_t *block, size_t length, struct free_label *label)
{
    if (length < FREE_LABEL_SIZE || memcmp(block, magic, sizeof(magic)) || block[12] != 1
        || get32(block + FREE_LABEL_SIZE - 4) != crc32_of(block, FREE_LABEL_SIZE - 4))
        return false;
    memset(label, 0, sizeof(*label));
    memcpy(label->media.bytes, block + 16, 16);
    label->written = get32(block + 32) | (uint64_t)get32(block + 36) << 32;
    size_t n = 32;
    while (n > 0 && block[40 + n - 1] == ' ')
        n--;
    for (size_t i = 0; i < n; i++)   /* printable only */
        label->barcode[i] = block[40 + i] >= 0x20 && block[40 + i] < 0x7F ? (char)block[40 + i] : '?';
    label->barcode[n] = '\0';
    return true;
}
