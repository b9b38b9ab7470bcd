/* CRC-32 (IEEE 802.3, reflected, as zlib): the store's checksum. */
#ifndef NTMSAPI_COMMON_CRC32_H
#define NTMSAPI_COMMON_CRC32_H

#include <stddef.h>
#include <stdint.h>

uint32_t crc32_update(uint32_t crc, const void *data, size_t length);
static inline uint32_t crc32_of(const void *data, size_t length) { return crc32_update(0, data, length); }

#endif
