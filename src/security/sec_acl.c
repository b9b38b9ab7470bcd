#include "security/sec_acl.h"

#include <string.h>

#define ACL_HEADER 8
#define ACL_MAX 0xFFFC

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t get32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)v); put16(p + 2, (uint16_t)(v >> 16)); }

static bool has_sid_body(uint8_t type)
{
    return type <= SEC_ACE_SYSTEM_ALARM;
}

/* One ACE at p, inside `room` bytes of its ACL. */
static bool ace_valid(const uint8_t *p, size_t room)
{
    if (room < 4)
        return false;
    uint16_t size = get16(p + 2);
    if (size < 4 || size > room || size % 4)
        return false;
    if (!has_sid_body(p[0]))
        return true;
    return size >= 8 && sec_sid_length(p + 8, (size_t)size - 8) != 0;
}

size_t sec_acl_length(const uint8_t *p, size_t available)
{
    if (!p || available < ACL_HEADER || (p[0] != 2 && p[0] != 4))
        return 0;
    size_t size = get16(p + 2), count = get16(p + 4);
    if (size < ACL_HEADER || size > available || size % 4)
        return 0;
    size_t at = ACL_HEADER;
    for (size_t i = 0; i < count; i++) {
        if (!ace_valid(p + at, size - at))
            return 0;
        at += get16(p + at + 2);
    }
    return size;
}

bool sec_acl_next(const uint8_t *acl, struct sec_acl_cursor *cursor, struct sec_ace *ace)
{
    if (cursor->index >= get16(acl + 4))
        return false;
    if (!cursor->offset)
        cursor->offset = ACL_HEADER;
    const uint8_t *p = acl + cursor->offset;
    ace->type = p[0];
    ace->flags = p[1];
    ace->size = get16(p + 2);
    ace->raw = p;
    ace->mask = has_sid_body(p[0]) ? get32(p + 4) : 0;
    ace->sid = has_sid_body(p[0]) ? p + 8 : NULL;
    cursor->index++;
    cursor->offset += ace->size;
    return true;
}

void sec_acl_begin(struct sec_acl_builder *b, uint8_t *buffer, size_t capacity)
{
    b->buffer = buffer;
    b->capacity = capacity < ACL_MAX ? capacity : ACL_MAX;
    b->length = ACL_HEADER;
    b->count = 0;
    b->overflow = capacity < ACL_HEADER;
}

static uint8_t *reserve(struct sec_acl_builder *b, size_t size)
{
    if (b->overflow || b->length + size > b->capacity || b->count == 0xFFFF) {
        b->overflow = true;
        return NULL;
    }
    uint8_t *at = b->buffer + b->length;
    b->length += size;
    b->count++;
    return at;
}

void sec_acl_add(struct sec_acl_builder *b, uint8_t type, uint8_t flags, uint32_t mask, const struct sec_sid *sid)
{
    size_t size = 8 + (size_t)sid->length;
    uint8_t *at = reserve(b, size);

    if (!at)
        return;
    at[0] = type;
    at[1] = flags;
    put16(at + 2, (uint16_t)size);
    put32(at + 4, mask);
    memcpy(at + 8, sid->bytes, sid->length);
}

void sec_acl_add_copy(struct sec_acl_builder *b, const struct sec_ace *ace, uint8_t flags)
{
    uint8_t *at = reserve(b, ace->size);

    if (!at)
        return;
    memcpy(at, ace->raw, ace->size);
    at[1] = flags;
}

size_t sec_acl_end(struct sec_acl_builder *b)
{
    if (b->overflow)
        return 0;
    b->buffer[0] = 2;   /* ACL_REVISION */
    b->buffer[1] = 0;
    put16(b->buffer + 2, (uint16_t)b->length);
    put16(b->buffer + 4, b->count);
    put16(b->buffer + 6, 0);
    return b->length;
}
