#include "security/sec_descriptor.h"

#include <string.h>

#include "security/sec_acl.h"
#include "security/sec_sid.h"

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t get32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)v); put16(p + 2, (uint16_t)(v >> 16)); }

enum part_kind { PART_SID, PART_ACL };

/* The part an offset names: NULL for offset 0; *ok false when the offset
 * or the part it leads to does not fit. */
static const uint8_t *part_at(const uint8_t *bytes, size_t length, uint32_t offset, enum part_kind kind, bool *ok)
{
    if (!offset)
        return NULL;
    if (offset < SEC_DESCRIPTOR_HEADER || offset >= length) {
        *ok = false;
        return NULL;
    }
    const uint8_t *p = bytes + offset;
    size_t room = length - offset;
    if ((kind == PART_SID ? sec_sid_length(p, room) : sec_acl_length(p, room)) == 0)
        *ok = false;
    return p;
}

bool sec_descriptor_parse(const uint8_t *bytes, size_t length, struct sec_descriptor *sd)
{
    bool ok = true;

    memset(sd, 0, sizeof(*sd));
    if (!bytes || length < SEC_DESCRIPTOR_HEADER || length > SEC_DESCRIPTOR_MAX || bytes[0] != 1)
        return false;
    sd->control = get16(bytes + 2);
    if (!(sd->control & SEC_SELF_RELATIVE))
        return false;
    sd->owner = part_at(bytes, length, get32(bytes + 4), PART_SID, &ok);
    sd->group = part_at(bytes, length, get32(bytes + 8), PART_SID, &ok);
    if (sd->control & SEC_SACL_PRESENT)
        sd->sacl = part_at(bytes, length, get32(bytes + 12), PART_ACL, &ok);
    if (sd->control & SEC_DACL_PRESENT)
        sd->dacl = part_at(bytes, length, get32(bytes + 16), PART_ACL, &ok);
    return ok;
}

/* Parts are only ever set from well-formed bytes: their own headers say
 * how long they are. */
static size_t sid_size(const uint8_t *sid) { return sid ? 8 + 4 * (size_t)sid[1] : 0; }
static size_t acl_size(const uint8_t *acl) { return acl ? get16(acl + 2) : 0; }

size_t sec_descriptor_size(const struct sec_descriptor *sd)
{
    return SEC_DESCRIPTOR_HEADER + sid_size(sd->owner) + sid_size(sd->group) + acl_size(sd->sacl)
         + acl_size(sd->dacl);
}

static uint32_t place(uint8_t *out, size_t *at, const uint8_t *part, size_t size)
{
    if (!part)
        return 0;
    uint32_t offset = (uint32_t)*at;
    memcpy(out + *at, part, size);
    *at += size;
    return offset;
}

size_t sec_descriptor_write(const struct sec_descriptor *sd, uint8_t *out, size_t capacity)
{
    size_t needed = sec_descriptor_size(sd), at = SEC_DESCRIPTOR_HEADER;

    if (needed > capacity)
        return needed;
    out[0] = 1;
    out[1] = 0;
    put16(out + 2, (uint16_t)(sd->control | SEC_SELF_RELATIVE));
    put32(out + 4, place(out, &at, sd->owner, sid_size(sd->owner)));
    put32(out + 8, place(out, &at, sd->group, sid_size(sd->group)));
    put32(out + 12, place(out, &at, sd->sacl, acl_size(sd->sacl)));
    put32(out + 16, place(out, &at, sd->dacl, acl_size(sd->dacl)));
    return needed;
}

void sec_descriptor_merge(struct sec_descriptor *into, const struct sec_descriptor *from, uint32_t information)
{
    if (information & SEC_INFO_OWNER) {
        into->owner = from->owner;
        into->control = (uint16_t)((into->control & ~SEC_OWNER_DEFAULTED) | (from->control & SEC_OWNER_DEFAULTED));
    }
    if (information & SEC_INFO_GROUP) {
        into->group = from->group;
        into->control = (uint16_t)((into->control & ~SEC_GROUP_DEFAULTED) | (from->control & SEC_GROUP_DEFAULTED));
    }
    if (information & SEC_INFO_DACL) {
        into->dacl = from->dacl;
        into->control = (uint16_t)((into->control & ~SEC_DACL_CONTROL) | (from->control & SEC_DACL_CONTROL));
    }
    if (information & SEC_INFO_SACL) {
        into->sacl = from->sacl;
        into->control = (uint16_t)((into->control & ~SEC_SACL_CONTROL) | (from->control & SEC_SACL_CONTROL));
    }
}

void sec_descriptor_select(struct sec_descriptor *sd, uint32_t information)
{
    struct sec_descriptor all = *sd;

    memset(sd, 0, sizeof(*sd));
    sd->control = SEC_SELF_RELATIVE;
    sec_descriptor_merge(sd, &all, information);
}
