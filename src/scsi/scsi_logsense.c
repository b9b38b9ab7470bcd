#include "scsi/scsi_logsense.h"

#include <string.h>

#include "scsi/be.h"
#include "scsi/scsi_request.h"
#include "scsi/scsi_timeout.h"

void tapealert_build_log_sense(struct scsi_request *req, void *buffer, uint16_t length)
{
    scsi_request_init(req, 10, SCSI_DIR_IN, buffer, length, SCSI_TIMEOUT_QUICK_MS);
    req->cdb[0] = 0x4D;
    req->cdb[2] = 0x40 | 0x2E;    /* PC 01b: current cumulative values; page 2Eh */
    put_be16(req->cdb + 7, length);
}

bool tapealert_parse(const uint8_t *data, size_t received, struct tapealert *alerts)
{
    memset(alerts, 0, sizeof(*alerts));
    if (received < 4 || (data[0] & 0x3F) != 0x2E)
        return false;
    size_t end = 4 + (size_t)be16(data + 2);
    if (end > received)
        end = received;
    for (size_t at = 4; at + 4 <= end;) {
        uint16_t code = be16(data + at);
        size_t length = data[at + 3];
        if (at + 4 + length > end)
            break;
        if (code >= 1 && code <= 64 && length >= 1) {
            alerts->parameters++;
            if (data[at + 4] & 0x01)
                alerts->flags |= 1ull << (code - 1);
        }
        at += 4 + length;
    }
    return true;
}

bool tapealert_needs_cleaning(const struct tapealert *alerts)
{
    return tapealert_raised(alerts, TAPEALERT_CLEAN_NOW) || tapealert_raised(alerts, TAPEALERT_CLEAN_PERIODIC);
}
