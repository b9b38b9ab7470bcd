#include "security/sec_sid.h"

#include <string.h>

size_t sec_sid_length(const uint8_t *p, size_t available)
{
    if (!p || available < 8 || p[0] != 1 || p[1] > SEC_SID_MAX_SUB_AUTHORITIES)
        return 0;
    size_t length = 8 + 4 * (size_t)p[1];
    return length <= available ? length : 0;
}

bool sec_sid_from_bytes(struct sec_sid *sid, const uint8_t *p, size_t available)
{
    size_t length = sec_sid_length(p, available);

    if (!length)
        return false;
    memcpy(sid->bytes, p, length);
    sid->length = (uint8_t)length;
    return true;
}

static void build(struct sec_sid *sid, uint8_t authority, uint8_t count, const uint32_t *subs)
{
    memset(sid, 0, sizeof(*sid));
    sid->bytes[0] = 1;
    sid->bytes[1] = count;
    sid->bytes[7] = authority;
    for (uint8_t i = 0; i < count; i++) {
        uint8_t *at = sid->bytes + 8 + 4 * i;
        at[0] = (uint8_t)subs[i];
        at[1] = (uint8_t)(subs[i] >> 8);
        at[2] = (uint8_t)(subs[i] >> 16);
        at[3] = (uint8_t)(subs[i] >> 24);
    }
    sid->length = (uint8_t)(8 + 4 * count);
}

void sec_sid_well_known(enum sec_well_known_sid which, struct sec_sid *sid)
{
    static const uint32_t world[] = { 0 }, owner_rights[] = { 4 }, system[] = { 18 };
    static const uint32_t administrators[] = { 32, 544 }, users[] = { 32, 545 };

    switch (which) {
    case SEC_SID_WORLD:          build(sid, 1, 1, world); break;
    case SEC_SID_OWNER_RIGHTS:   build(sid, 3, 1, owner_rights); break;
    case SEC_SID_LOCAL_SYSTEM:   build(sid, 5, 1, system); break;
    case SEC_SID_ADMINISTRATORS: build(sid, 5, 2, administrators); break;
    case SEC_SID_USERS:          build(sid, 5, 2, users); break;
    }
}

bool sec_sid_equal(const uint8_t *a, const uint8_t *b)
{
    return a[1] == b[1] && !memcmp(a, b, 8 + 4 * (size_t)a[1]);
}
