/* Security identifiers in their binary form (revision, sub-authority
 * count, 48-bit authority, 32-bit little-endian sub-authorities), as
 * Windows lays them out inside security descriptors and tokens. */
#ifndef NTMSAPI_SECURITY_SEC_SID_H
#define NTMSAPI_SECURITY_SEC_SID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SEC_SID_MAX_SUB_AUTHORITIES 15
#define SEC_SID_MAX (8 + 4 * SEC_SID_MAX_SUB_AUTHORITIES)

struct sec_sid {
    uint8_t length;
    uint8_t bytes[SEC_SID_MAX];
};

enum sec_well_known_sid {
    SEC_SID_WORLD,            /* S-1-1-0 Everyone */
    SEC_SID_OWNER_RIGHTS,     /* S-1-3-4 */
    SEC_SID_LOCAL_SYSTEM,     /* S-1-5-18 */
    SEC_SID_ADMINISTRATORS,   /* S-1-5-32-544 */
    SEC_SID_USERS,            /* S-1-5-32-545 */
};

/* Length of the SID at p when it is well formed within `available`
 * bytes; 0 otherwise. */
size_t sec_sid_length(const uint8_t *p, size_t available);
/* Copies a well-formed SID; false when it is not one. */
bool sec_sid_from_bytes(struct sec_sid *sid, const uint8_t *p, size_t available);
void sec_sid_well_known(enum sec_well_known_sid which, struct sec_sid *sid);
/* Both sides must be well formed. */
bool sec_sid_equal(const uint8_t *a, const uint8_t *b);

#endif
