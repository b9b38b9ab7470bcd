/* Object identity: a 16-byte GUID in the memory layout of Windows' GUID
 * (Data1..Data3 little-endian), so the DLL copies it to and from NTMS_GUID
 * with memcpy. */
#ifndef NTMSAPI_COMMON_NTMS_GUID_H
#define NTMSAPI_COMMON_NTMS_GUID_H

#include <stdbool.h>
#include <stdint.h>

#include "common/ntms_error.h"

typedef struct { uint8_t bytes[16]; } ntms_guid;

#define NTMS_GUID_STRING_LENGTH 39   /* "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}" + NUL */

extern const ntms_guid ntms_guid_null;

bool ntms_guid_equal(const ntms_guid *a, const ntms_guid *b);
bool ntms_guid_is_null(const ntms_guid *guid);
/* Registry form, upper-case hex, braces included. */
void ntms_guid_format(const ntms_guid *guid, char text[NTMS_GUID_STRING_LENGTH]);
/* Accepts the registry form with or without braces; false when malformed. */
bool ntms_guid_parse(const char *text, ntms_guid *guid);

#endif
