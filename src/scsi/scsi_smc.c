#include "scsi/scsi_smc.h"

#include <string.h>

#include "scsi/be.h"
#include "scsi/scsi_request.h"
#include "scsi/scsi_spc.h"
#include "scsi/scsi_timeout.h"

/* Largest descriptor we ask for: 12 base + 2 x 36 volume tags + 4 + 64 id. */
#define SMC_DESCRIPTOR_MAX (12 + 72 + 4 + SMC_IDENTIFIER_MAX)

bool smc_parse_element_map(const uint8_t *page, size_t length, struct smc_element_map *map)
{
    memset(map, 0, sizeof(*map));
    if (length < 18 || (page[0] & 0x3F) != 0x1D || page[1] < 16)
        return false;
    for (int type = SMC_TRANSPORT; type <= SMC_DATA_TRANSFER; type++) {
        map->first[type] = be16(page + 2 + 4 * (type - 1));
        map->count[type] = be16(page + 4 + 4 * (type - 1));
    }
    return true;
}

bool smc_parse_capabilities(const uint8_t *page, size_t length, struct smc_capabilities *caps)
{
    memset(caps, 0, sizeof(*caps));
    if (length < 16 || (page[0] & 0x3F) != 0x1F || page[1] < 14)
        return false;
    uint8_t stor = page[2];
    /* StorMT bit0, StorST bit1, StorIE bit2, StorDT bit3: the same layout. */
    caps->storage = stor & 0x0F;
    for (int type = SMC_TRANSPORT; type <= SMC_DATA_TRANSFER; type++) {
        caps->move_from[type] = page[4 + type - 1] & 0x0F;
        caps->exchange_from[type] = page[12 + type - 1] & 0x0F;
    }
    return true;
}

size_t smc_parse_transport_geometry(const uint8_t *page, size_t length, bool *can_rotate, size_t capacity)
{
    size_t count = 0;

    if (length < 2 || (page[0] & 0x3F) != 0x1E)
        return 0;
    size_t end = 2 + (size_t)page[1] < length ? 2 + (size_t)page[1] : length;
    for (size_t at = 2; at + 2 <= end && count < capacity; at += 2)
        can_rotate[count++] = page[at] & 0x01;
    return count;
}

void smc_build_read_element_status(struct scsi_request *req, void *buffer, uint32_t length,
                                   enum smc_element_type type, uint16_t start_address, uint16_t count,
                                   bool voltag, uint8_t options)
{
    scsi_request_init(req, 12, SCSI_DIR_IN, buffer, length, SCSI_TIMEOUT_STATUS_MS);
    req->cdb[0] = 0xB8;
    req->cdb[1] = (uint8_t)((voltag ? 0x10 : 0) | (type & 0x0F));
    put_be16(req->cdb + 2, start_address);
    put_be16(req->cdb + 4, count);
    req->cdb[6] = options & (SMC_RES_DVCID | SMC_RES_CURDATA);
    put_be24(req->cdb + 7, length);
}

void smc_build_move_medium(struct scsi_request *req, uint16_t transport, uint16_t source, uint16_t destination)
{
    scsi_request_init(req, 12, SCSI_DIR_NONE, NULL, 0, SCSI_TIMEOUT_MOVE_MS);
    req->cdb[0] = 0xA5;
    put_be16(req->cdb + 2, transport);
    put_be16(req->cdb + 4, source);
    put_be16(req->cdb + 6, destination);
}

void smc_build_exchange_medium(struct scsi_request *req, uint16_t transport, uint16_t source,
                               uint16_t first_destination, uint16_t second_destination)
{
    scsi_request_init(req, 12, SCSI_DIR_NONE, NULL, 0, SCSI_TIMEOUT_MOVE_MS);
    req->cdb[0] = 0xA6;
    put_be16(req->cdb + 2, transport);
    put_be16(req->cdb + 4, source);
    put_be16(req->cdb + 6, first_destination);
    put_be16(req->cdb + 8, second_destination);
}

void smc_build_initialize_element_status(struct scsi_request *req)
{
    scsi_request_init(req, 6, SCSI_DIR_NONE, NULL, 0, SCSI_TIMEOUT_INVENTORY_MS);
    req->cdb[0] = 0x07;
}

void smc_build_initialize_element_status_range(struct scsi_request *req, uint16_t start_address, uint16_t count)
{
    scsi_request_init(req, 10, SCSI_DIR_NONE, NULL, 0, SCSI_TIMEOUT_INVENTORY_MS);
    req->cdb[0] = 0xE7;
    req->cdb[1] = 0x01;   /* RANGE: use the start address and count below */
    put_be16(req->cdb + 2, start_address);
    put_be16(req->cdb + 6, count);
}

void smc_build_position_to_element(struct scsi_request *req, uint16_t transport, uint16_t destination)
{
    scsi_request_init(req, 10, SCSI_DIR_NONE, NULL, 0, SCSI_TIMEOUT_MOVE_MS);
    req->cdb[0] = 0x2B;
    put_be16(req->cdb + 2, transport);
    put_be16(req->cdb + 4, destination);
}

void smc_build_prevent_allow(struct scsi_request *req, bool prevent)
{
    scsi_request_init(req, 6, SCSI_DIR_NONE, NULL, 0, SCSI_TIMEOUT_QUICK_MS);
    req->cdb[0] = 0x1E;
    req->cdb[4] = prevent ? 0x01 : 0x00;
}

uint32_t smc_status_allocation(uint16_t count, uint32_t limit)
{
    uint64_t wanted = 8 + 8 + (uint64_t)count * SMC_DESCRIPTOR_MAX;

    if (wanted > 0xFFFFFF)
        wanted = 0xFFFFFF;
    return wanted < limit ? (uint32_t)wanted : limit;
}

/* One descriptor of `length` bytes (already clamped to what arrived). */
static void parse_descriptor(const uint8_t *d, size_t length, uint8_t type, uint8_t page_flags,
                             struct smc_element *e)
{
    memset(e, 0, sizeof(*e));
    e->type = type;
    e->address = be16(d);
    e->full = d[2] & 0x01;
    e->impexp = d[2] & 0x02;
    e->except = d[2] & 0x04;
    e->access = d[2] & 0x08;
    if (length >= 6) {
        e->asc = d[4];
        e->ascq = d[5];
    }
    if (length >= 12) {
        e->source_valid = d[9] & 0x80;
        e->source = be16(d + 10);
    }
    /* A volume tag is its 32 identifier bytes, then reserved bytes and a
     * sequence number nobody uses: the identifier alone is enough (tgt
     * cuts the rest off the last descriptor of a reply). */
    size_t at = 12;
    if ((page_flags & 0x80) && length >= at + SMC_VOLTAG_LENGTH) {
        e->has_primary_tag = true;
        scsi_copy_ascii(e->primary_tag, sizeof(e->primary_tag), d + at, SMC_VOLTAG_LENGTH);
    }
    at += (page_flags & 0x80) ? 36 : 0;
    if ((page_flags & 0x40) && length >= at + SMC_VOLTAG_LENGTH) {
        e->has_alternate_tag = true;
        scsi_copy_ascii(e->alternate_tag, sizeof(e->alternate_tag), d + at, SMC_VOLTAG_LENGTH);
    }
    at += (page_flags & 0x40) ? 36 : 0;
    if (length >= at + 4) {
        size_t n = d[at + 3];
        if (n > length - at - 4)          /* tgt cuts the last descriptor short */
            n = length - at - 4;
        if (n > SMC_IDENTIFIER_MAX)
            n = SMC_IDENTIFIER_MAX;
        e->identifier_code_set = d[at] & 0x0F;
        e->identifier_type = d[at + 1] & 0x0F;
        e->identifier_length = (uint8_t)n;
        memcpy(e->identifier, d + at + 4, n);
    }
}

bool smc_parse_element_status(const uint8_t *data, size_t received, struct smc_element *elements,
                              size_t capacity, struct smc_status_report *report)
{
    memset(report, 0, sizeof(*report));
    if (received < 8)
        return false;
    report->first_address = be16(data);
    report->elements_available = be16(data + 2);
    report->bytes_available = be24(data + 5);
    size_t end = 8 + (size_t)report->bytes_available;
    if (end > received) {
        end = received;
        report->truncated = true;
    }
    for (size_t at = 8; at + 8 <= end;) {
        const uint8_t *page = data + at;
        size_t descriptor_length = be16(page + 2), page_bytes = be24(page + 5);
        size_t page_end = at + 8 + page_bytes;
        if (page_end > end) {
            page_end = end;
            report->truncated = true;
        }
        if (descriptor_length < 4)   /* a zero length would never advance */
            break;
        for (size_t d = at + 8; d + 4 <= page_end; d += descriptor_length) {
            size_t available = page_end - d < descriptor_length ? page_end - d : descriptor_length;
            if (available < descriptor_length)
                report->truncated = true;
            if (report->parsed == capacity) {
                report->more = true;
                return true;
            }
            parse_descriptor(data + d, available, page[0] & 0x0F, page[1], &elements[report->parsed]);
            elements[report->parsed++].truncated = available < descriptor_length;
        }
        at = page_end;
    }
    return true;
}
