#include "scsi/scsi_spc.h"

#include <string.h>

#include "scsi/be.h"
#include "scsi/scsi_request.h"
#include "scsi/scsi_timeout.h"

void scsi_build_inquiry(struct scsi_request *req, void *buffer, uint16_t length, bool vpd, uint8_t page)
{
    scsi_request_init(req, 6, SCSI_DIR_IN, buffer, length, SCSI_TIMEOUT_QUICK_MS);
    req->cdb[0] = 0x12;
    req->cdb[1] = vpd ? 0x01 : 0x00;
    req->cdb[2] = vpd ? page : 0;
    put_be16(req->cdb + 3, length);
}

void scsi_build_test_unit_ready(struct scsi_request *req)
{
    scsi_request_init(req, 6, SCSI_DIR_NONE, NULL, 0, SCSI_TIMEOUT_QUICK_MS);
}

void scsi_build_request_sense(struct scsi_request *req, void *buffer, uint8_t length)
{
    scsi_request_init(req, 6, SCSI_DIR_IN, buffer, length, SCSI_TIMEOUT_QUICK_MS);
    req->cdb[0] = 0x03;
    req->cdb[4] = length;
}

void scsi_build_mode_sense6(struct scsi_request *req, void *buffer, uint8_t length, uint8_t page, bool dbd)
{
    scsi_request_init(req, 6, SCSI_DIR_IN, buffer, length, SCSI_TIMEOUT_QUICK_MS);
    req->cdb[0] = 0x1A;
    req->cdb[1] = dbd ? 0x08 : 0x00;
    req->cdb[2] = page & 0x3F;
    req->cdb[4] = length;
}

void scsi_build_mode_sense10(struct scsi_request *req, void *buffer, uint16_t length, uint8_t page, bool dbd)
{
    scsi_request_init(req, 10, SCSI_DIR_IN, buffer, length, SCSI_TIMEOUT_QUICK_MS);
    req->cdb[0] = 0x5A;
    req->cdb[1] = dbd ? 0x08 : 0x00;
    req->cdb[2] = page & 0x3F;
    put_be16(req->cdb + 7, length);
}

size_t scsi_parse_supported_vpd(const uint8_t *data, size_t received, uint8_t *pages, size_t capacity)
{
    if (received < 4 || data[1] != 0x00)
        return 0;
    size_t n = be16(data + 2);
    if (n > received - 4)
        n = received - 4;
    if (n > capacity)
        n = capacity;
    memcpy(pages, data + 4, n);
    return n;
}

size_t scsi_parse_designators(const uint8_t *data, size_t received, struct scsi_designator *out, size_t capacity)
{
    size_t count = 0;

    if (received < 4 || data[1] != 0x83)
        return 0;
    size_t end = 4 + (size_t)be16(data + 2);
    if (end > received)
        end = received;
    for (size_t at = 4; at + 4 <= end && count < capacity;) {
        size_t length = data[at + 3];
        if (at + 4 + length > end)
            break;                               /* a cut-off descriptor is dropped, not read past */
        out[count++] = (struct scsi_designator){ data[at] & 0x0F, (uint8_t)((data[at + 1] >> 4) & 0x03),
                                                 data[at + 1] & 0x0F, (uint8_t)length, data + at + 4 };
        at += 4 + length;
    }
    return count;
}

/* Walks mode pages from `at` to `end` (both already clamped). */
static const uint8_t *find_mode_page(const uint8_t *data, size_t at, size_t end, uint8_t page_code,
                                     size_t *page_length)
{
    while (at + 2 <= end) {
        bool subpage = data[at] & 0x40;
        size_t length = subpage ? (at + 4 <= end ? 4 + (size_t)be16(data + at + 2) : end - at + 1)
                                : 2 + (size_t)data[at + 1];
        if (at + length > end)
            return NULL;
        if ((data[at] & 0x3F) == page_code && !subpage) {
            *page_length = length;
            return data + at;
        }
        at += length;
    }
    return NULL;
}

const uint8_t *scsi_mode10_page(const uint8_t *data, size_t received, uint8_t page_code, size_t *page_length)
{
    if (received < 8)
        return NULL;
    size_t end = 2 + (size_t)be16(data);
    if (end > received)
        end = received;
    return find_mode_page(data, 8 + (size_t)be16(data + 6), end, page_code, page_length);
}

void scsi_copy_ascii(char *out, size_t capacity, const uint8_t *in, size_t length)
{
    size_t n = 0;

    if (capacity == 0)
        return;
    for (size_t i = 0; i < length && n + 1 < capacity; i++)
        out[n++] = (in[i] >= 0x20 && in[i] < 0x7F) || in[i] == 0 ? (char)in[i] : '?';
    out[n] = '\0';
    n = strnlen(out, n);   /* a NUL ends the field */
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

bool scsi_parse_inquiry(const uint8_t *data, size_t received, struct scsi_inquiry *out)
{
    memset(out, 0, sizeof(*out));
    if (received < 36)
        return false;
    out->device_type = data[0] & 0x1F;
    out->removable = data[1] & 0x80;
    scsi_copy_ascii(out->vendor, sizeof(out->vendor), data + 8, 8);
    scsi_copy_ascii(out->product, sizeof(out->product), data + 16, 16);
    scsi_copy_ascii(out->revision, sizeof(out->revision), data + 32, 4);
    return true;
}

bool scsi_parse_serial_vpd(const uint8_t *data, size_t received, char *serial, size_t capacity)
{
    if (capacity)
        serial[0] = '\0';
    if (received < 4 || data[1] != 0x80)
        return false;
    size_t length = be16(data + 2);
    if (length > received - 4)
        length = received - 4;
    size_t first = 0;
    while (first < length && (data[4 + first] == ' ' || data[4 + first] == 0))
        first++;
    scsi_copy_ascii(serial, capacity, data + 4 + first, length - first);
    return true;
}

const uint8_t *scsi_mode6_page(const uint8_t *data, size_t received, uint8_t page_code, size_t *page_length)
{
    if (received < 4)
        return NULL;
    size_t end = (size_t)data[0] + 1;   /* mode data length excludes itself */
    if (end > received)
        end = received;
    return find_mode_page(data, 4 + (size_t)data[3], end, page_code, page_length);
}
