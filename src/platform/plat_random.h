/* Cryptographically strong random bytes from the operating system (GUIDs). */
#ifndef NTMSAPI_PLATFORM_PLAT_RANDOM_H
#define NTMSAPI_PLATFORM_PLAT_RANDOM_H

#include <stddef.h>

#include "common/ntms_error.h"
#include "common/ntms_guid.h"

ntms_err plat_random_bytes(void *buffer, size_t length);
/* A new random (version 4) GUID. */
ntms_err ntms_guid_generate(ntms_guid *guid);

#endif
