#include "common/crc32.h"

static uint32_t table_entry(uint32_t index)
{
    uint32_t value = index;

    for (int bit = 0; bit < 8; bit++)
        value = value & 1 ? 0xEDB88320u ^ (value >> 1) : value >> 1;
    return value;
}

uint32_t crc32_update(uint32_t crc, const void *data, size_t length)
{
    static uint32_t table[256];
    static volatile int ready;   /* building twice from two threads is harmless */
    const uint8_t *bytes = data;

    if (!ready) {
        for (uint32_t i = 0; i < 256; i++)
            table[i] = table_entry(i);
        ready = 1;
    }
    crc = ~crc;
    for (size_t i = 0; i < length; i++)
        crc = table[(crc ^ bytes[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
