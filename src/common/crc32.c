#include "common/crc32.h"

/* CRC-32 (IEEE 802.3, reflected), eight bytes a step ("slicing by 8"):
 * checkpoints of a large database are checked whole on every load. */
static uint32_t tables[8][256];
static int ready;   /* building twice from two threads is harmless: same values */

static void build_tables(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t value = i;
        for (int bit = 0; bit < 8; bit++)
            value = value & 1 ? 0xEDB88320u ^ (value >> 1) : value >> 1;
        tables[0][i] = value;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int t = 1; t < 8; t++)
            tables[t][i] = tables[0][tables[t - 1][i] & 0xFF] ^ (tables[t - 1][i] >> 8);
    __atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
}

static uint32_t eight_bytes(uint32_t crc, const uint8_t *p)
{
    uint32_t low = crc ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
    return tables[7][low & 0xFF] ^ tables[6][(low >> 8) & 0xFF] ^ tables[5][(low >> 16) & 0xFF]
         ^ tables[4][low >> 24] ^ tables[3][p[4]] ^ tables[2][p[5]] ^ tables[1][p[6]] ^ tables[0][p[7]];
}

uint32_t crc32_update(uint32_t crc, const void *data, size_t length)
{
    const uint8_t *bytes = data;
    size_t i = 0;

    if (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE))
        build_tables();
    crc = ~crc;
    for (; i + 8 <= length; i += 8)
        crc = eight_bytes(crc, bytes + i);
    for (; i < length; i++)
        crc = tables[0][(crc ^ bytes[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
