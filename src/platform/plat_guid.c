#include "platform/plat_random.h"

ntms_err ntms_guid_generate(ntms_guid *guid)
{
    ntms_err status = plat_random_bytes(guid->bytes, sizeof(guid->bytes));

    if (status != NTMS_OK)
        return status;
    guid->bytes[7] = (uint8_t)((guid->bytes[7] & 0x0F) | 0x40);   /* version 4, in Data3 (LE) */
    guid->bytes[8] = (uint8_t)((guid->bytes[8] & 0x3F) | 0x80);   /* RFC 4122 variant */
    return NTMS_OK;
}
