/* The free (scratch) label: what is written on a tape when it enters the
 * Free pool, so that an identification later, on this machine or
 * another, finds it free. RSM's own free label (Mll_scr.dll) was never
 * documented; this is ntmsapi's, one 512-byte block:
 *
 *     0   "NTMSAPI FREE"       12 bytes
 *     12  version (1)          1 byte, then 3 zero bytes
 *     16  medium GUID          16 bytes (the id RSM's records know it by)
 *     32  written at           8 bytes, FILETIME, little-endian
 *     40  barcode              32 bytes, ASCII, space-padded
 *     72  zeros to 508, then CRC-32 of bytes 0..507, little-endian */
#ifndef NTMSAPI_ENGINE_FREE_LABEL_H
#define NTMSAPI_ENGINE_FREE_LABEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/ntms_guid.h"

#define FREE_LABEL_SIZE 512

struct free_label {
    ntms_guid media;
    uint64_t  written;
    char      barcode[33];
};

void free_label_build(const struct free_label *label, uint8_t block[FREE_LABEL_SIZE]);
/* True when the block is one (and its checksum holds). */
bool free_label_parse(const uint8_t *block, size_t length, struct free_label *label);

#endif
