#include "scsi/scsi_mam.h"

#include "scsi/be.h"
#include "scsi/scsi_request.h"
#include "scsi/scsi_spc.h"
#include "scsi/scsi_timeout.h"

/* Standard attributes: device (0000-03FF), medium (0400-07FF), host (0800-0BFF). */
static const struct mam_attribute_info attributes[] = {
    { 0x0000, 0x0000, "Remaining capacity in partition (MiB)", MAM_BINARY, 8 },
    { 0x0001, 0x0001, "Maximum capacity in partition (MiB)", MAM_BINARY, 8 },
    { 0x0002, 0x0002, "TapeAlert flags", MAM_BINARY, 8 },
    { 0x0003, 0x0003, "Load count", MAM_BINARY, 8 },
    { 0x0004, 0x0004, "MAM space remaining", MAM_BINARY, 8 },
    { 0x0005, 0x0005, "Assigning organization", MAM_ASCII, 8 },
    { 0x0006, 0x0006, "Format density code", MAM_BINARY, 1 },
    { 0x0007, 0x0007, "Initialization count", MAM_BINARY, 2 },
    { 0x0008, 0x0008, "Volume identifier", MAM_ASCII, 32 },
    { 0x0009, 0x0009, "Volume change reference", MAM_BINARY, 0 },
    { 0x020A, 0x020D, "Device vendor/serial number at load", MAM_ASCII, 40 },
    { 0x0220, 0x0220, "Total MiB written in medium life", MAM_BINARY, 8 },
    { 0x0221, 0x0221, "Total MiB read in medium life", MAM_BINARY, 8 },
    { 0x0222, 0x0222, "Total MiB written in current/last load", MAM_BINARY, 8 },
    { 0x0223, 0x0223, "Total MiB read in current/last load", MAM_BINARY, 8 },
    { 0x0224, 0x0224, "Logical position of first encrypted block", MAM_BINARY, 8 },
    { 0x0225, 0x0225, "Logical position of first unencrypted block after first encrypted block", MAM_BINARY, 8 },
    { 0x0340, 0x0340, "Medium usage history", MAM_BINARY, 90 },
    { 0x0341, 0x0341, "Partition usage history", MAM_BINARY, 60 },
    { 0x0400, 0x0400, "Medium manufacturer", MAM_ASCII, 8 },
    { 0x0401, 0x0401, "Medium serial number", MAM_ASCII, 32 },
    { 0x0402, 0x0402, "Medium length (m)", MAM_BINARY, 4 },
    { 0x0403, 0x0403, "Medium width (0.1 mm)", MAM_BINARY, 4 },
    { 0x0404, 0x0404, "Assigning organization", MAM_ASCII, 8 },
    { 0x0405, 0x0405, "Medium density code", MAM_BINARY, 1 },
    { 0x0406, 0x0406, "Medium manufacture date", MAM_ASCII, 8 },
    { 0x0407, 0x0407, "MAM capacity", MAM_BINARY, 8 },
    { 0x0408, 0x0408, "Medium type", MAM_BINARY, 1 },
    { 0x0409, 0x0409, "Medium type information", MAM_BINARY, 2 },
    { 0x040A, 0x040A, "Numeric medium serial number", MAM_BINARY, 0 },
    { 0x0800, 0x0800, "Application vendor", MAM_ASCII, 8 },
    { 0x0801, 0x0801, "Application name", MAM_ASCII, 32 },
    { 0x0802, 0x0802, "Application version", MAM_ASCII, 8 },
    { 0x0803, 0x0803, "User medium text label", MAM_TEXT, 160 },
    { 0x0804, 0x0804, "Date and time last written", MAM_ASCII, 12 },
    { 0x0805, 0x0805, "Text localization identifier", MAM_BINARY, 1 },
    { 0x0806, 0x0806, "Barcode", MAM_ASCII, 32 },
    { 0x0807, 0x0807, "Owning host textual name", MAM_TEXT, 80 },
    { 0x0808, 0x0808, "Media pool", MAM_TEXT, 160 },
    { 0x0809, 0x0809, "Partition user text label", MAM_ASCII, 16 },
    { 0x080A, 0x080A, "Load/unload at partition", MAM_BINARY, 1 },
    { 0x080B, 0x080B, "Application format version", MAM_ASCII, 16 },
    { 0x080C, 0x080C, "Volume coherency information", MAM_BINARY, 0 },
    { 0x0820, 0x0820, "Medium globally unique identifier", MAM_BINARY, 36 },
    { 0x0821, 0x0821, "Media pool globally unique identifier", MAM_BINARY, 36 },
};

const struct mam_attribute_info *mam_attribute_info(uint16_t id)
{
    for (size_t i = 0; i < sizeof(attributes) / sizeof(attributes[0]); i++)
        if (id >= attributes[i].id && id <= attributes[i].last_id)
            return &attributes[i];
    return NULL;
}

void mam_build_read_attribute(struct scsi_request *req, void *buffer, uint32_t length, uint16_t first_id)
{
    scsi_request_init(req, 16, SCSI_DIR_IN, buffer, length, SCSI_TIMEOUT_QUICK_MS);
    req->cdb[0] = 0x8C;
    req->cdb[1] = 0x00;   /* ATTRIBUTE VALUES */
    put_be16(req->cdb + 8, first_id);
    req->cdb[10] = (uint8_t)(length >> 24);
    put_be24(req->cdb + 11, length & 0xFFFFFF);
}

size_t mam_parse(const uint8_t *data, size_t received, mam_visitor visit, void *context)
{
    size_t count = 0;

    if (received < 4)
        return 0;
    size_t end = 4 + (size_t)be32(data);   /* may claim more than the allocation allowed */
    if (end > received)
        end = received;
    for (size_t at = 4; at + 5 <= end;) {
        struct mam_attribute a = { .id = be16(data + at), .read_only = data[at + 2] & 0x80,
                                   .format = data[at + 2] & 0x03, .length = be16(data + at + 3) };
        if (a.length > end - at - 5)
            a.length = (uint16_t)(end - at - 5);   /* the last one arrived cut short */
        a.value = data + at + 5;
        count++;
        if (!visit(&a, context))
            break;
        at += 5 + (size_t)a.length;
    }
    return count;
}

void mam_text(const struct mam_attribute *a, char *out, size_t capacity)
{
    scsi_copy_ascii(out, capacity, a->value, a->length);
}

uint64_t mam_number(const struct mam_attribute *a)
{
    uint64_t value = 0;

    for (uint16_t i = 0; i < a->length && i < 8; i++)
        value = value << 8 | a->value[a->length - (a->length < 8 ? a->length : 8) + i];
    return value;
}
