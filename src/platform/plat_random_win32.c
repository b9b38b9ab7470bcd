#include "platform/plat_random.h"

#include <windows.h>
#include <ntsecapi.h>   /* RtlGenRandom, exported by advapi32 as SystemFunction036 */

ntms_err plat_random_bytes(void *buffer, size_t length)
{
    return length <= 0xFFFFFFFFu && RtlGenRandom(buffer, (ULONG)length) ? NTMS_OK : NTMS_E_NOT_ENOUGH_MEMORY;
}
