/* Access control lists in their binary form: an 8-byte header (revision,
 * size, ACE count) and ACEs of (type, flags, size, body). Reading never
 * goes past the sizes the list itself declares, and those are checked
 * against the bytes that are really there. */
#ifndef NTMSAPI_SECURITY_SEC_ACL_H
#define NTMSAPI_SECURITY_SEC_ACL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "security/sec_sid.h"

enum {
    SEC_ACE_ACCESS_ALLOWED = 0, SEC_ACE_ACCESS_DENIED = 1,
    SEC_ACE_SYSTEM_AUDIT = 2, SEC_ACE_SYSTEM_ALARM = 3,
};
enum {   /* AceFlags */
    SEC_ACE_OBJECT_INHERIT = 0x01, SEC_ACE_CONTAINER_INHERIT = 0x02,
    SEC_ACE_NO_PROPAGATE_INHERIT = 0x04, SEC_ACE_INHERIT_ONLY = 0x08, SEC_ACE_INHERITED = 0x10,
};

struct sec_ace {
    uint8_t        type, flags;
    uint16_t       size;
    uint32_t       mask;        /* for the four basic types; 0 otherwise */
    const uint8_t *sid;         /* for the four basic types; NULL otherwise */
    const uint8_t *raw;         /* the whole ACE, `size` bytes */
};

/* Size of the ACL at p when it and every ACE in it are well formed within
 * `available` bytes; 0 otherwise. */
size_t sec_acl_length(const uint8_t *p, size_t available);
struct sec_acl_cursor {
    size_t index, offset;
};
#define SEC_ACL_CURSOR_START { 0, 0 }
/* The next ACE of a well-formed ACL. */
bool sec_acl_next(const uint8_t *acl, struct sec_acl_cursor *cursor, struct sec_ace *ace);

struct sec_acl_builder {
    uint8_t *buffer;
    size_t   capacity, length;
    uint16_t count;
    bool     overflow;
};

void sec_acl_begin(struct sec_acl_builder *b, uint8_t *buffer, size_t capacity);
void sec_acl_add(struct sec_acl_builder *b, uint8_t type, uint8_t flags, uint32_t mask, const struct sec_sid *sid);
/* Appends an ACE as it is (from another well-formed ACL), with new flags. */
void sec_acl_add_copy(struct sec_acl_builder *b, const struct sec_ace *ace, uint8_t flags);
/* Writes the header; the ACL's length, or 0 when it did not fit. */
size_t sec_acl_end(struct sec_acl_builder *b);

#endif
