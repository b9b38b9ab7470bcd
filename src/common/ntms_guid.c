#include "common/ntms_guid.h"

#include <stdio.h>
#include <string.h>

const ntms_guid ntms_guid_null;

bool ntms_guid_equal(const ntms_guid *a, const ntms_guid *b)
{
    return memcmp(a->bytes, b->bytes, sizeof(a->bytes)) == 0;
}

bool ntms_guid_is_null(const ntms_guid *guid)
{
    return ntms_guid_equal(guid, &ntms_guid_null);
}

/* Byte order of the text form: Data1..Data3 are stored little-endian. */
static const uint8_t text_order[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };

void ntms_guid_format(const ntms_guid *guid, char text[NTMS_GUID_STRING_LENGTH])
{
    char *out = text;

    *out++ = '{';
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *out++ = '-';
        out += sprintf(out, "%02X", guid->bytes[text_order[i]]);
    }
    *out++ = '}';
    *out = '\0';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool ntms_guid_parse(const char *text, ntms_guid *guid)
{
    bool braced = text[0] == '{';
    const char *in = text + braced;
    ntms_guid parsed;

    for (int i = 0; i < 16; i++) {
        if ((i == 4 || i == 6 || i == 8 || i == 10) && *in++ != '-')
            return false;
        int high = hex_value(in[0]);
        int low = high < 0 ? -1 : hex_value(in[1]);
        if (low < 0)
            return false;
        parsed.bytes[text_order[i]] = (uint8_t)(high << 4 | low);
        in += 2;
    }
    if ((braced && *in++ != '}') || *in != '\0')
        return false;
    *guid = parsed;
    return true;
}
