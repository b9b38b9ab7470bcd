/* Self-relative security descriptors, the form Windows stores and passes
 * around as one block of bytes: a 20-byte header (revision 1, control
 * flags, offsets of owner, group, SACL and DACL) and the parts it points
 * to. Parsing checks every offset and length against the bytes given. */
#ifndef NTMSAPI_SECURITY_SEC_DESCRIPTOR_H
#define NTMSAPI_SECURITY_SEC_DESCRIPTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SEC_DESCRIPTOR_HEADER 20
#define SEC_DESCRIPTOR_MAX 0x10000

enum {   /* SECURITY_INFORMATION */
    SEC_INFO_OWNER = 0x1, SEC_INFO_GROUP = 0x2, SEC_INFO_DACL = 0x4, SEC_INFO_SACL = 0x8,
};
enum {   /* SECURITY_DESCRIPTOR_CONTROL */
    SEC_OWNER_DEFAULTED = 0x0001, SEC_GROUP_DEFAULTED = 0x0002,
    SEC_DACL_PRESENT = 0x0004, SEC_DACL_DEFAULTED = 0x0008,
    SEC_SACL_PRESENT = 0x0010, SEC_SACL_DEFAULTED = 0x0020,
    SEC_DACL_AUTO_INHERIT_REQ = 0x0100, SEC_SACL_AUTO_INHERIT_REQ = 0x0200,
    SEC_DACL_AUTO_INHERITED = 0x0400, SEC_SACL_AUTO_INHERITED = 0x0800,
    SEC_DACL_PROTECTED = 0x1000, SEC_SACL_PROTECTED = 0x2000,
    SEC_SELF_RELATIVE = 0x8000,
};
#define SEC_DACL_CONTROL (SEC_DACL_PRESENT | SEC_DACL_DEFAULTED | SEC_DACL_AUTO_INHERIT_REQ \
                          | SEC_DACL_AUTO_INHERITED | SEC_DACL_PROTECTED)
#define SEC_SACL_CONTROL (SEC_SACL_PRESENT | SEC_SACL_DEFAULTED | SEC_SACL_AUTO_INHERIT_REQ \
                          | SEC_SACL_AUTO_INHERITED | SEC_SACL_PROTECTED)

/* A descriptor as parts; each pointer is NULL when the part is absent.
 * A DACL that is present but NULL (control has SEC_DACL_PRESENT, dacl is
 * NULL) grants everyone everything, as in Windows. */
struct sec_descriptor {
    uint16_t       control;
    const uint8_t *owner, *group, *sacl, *dacl;
};

/* Parses a self-relative descriptor of exactly `length` bytes or fewer;
 * false when it is not well formed. The parts point into `bytes`. */
bool sec_descriptor_parse(const uint8_t *bytes, size_t length, struct sec_descriptor *sd);
/* Bytes the self-relative form of sd needs. */
size_t sec_descriptor_size(const struct sec_descriptor *sd);
/* Writes the self-relative form when it fits; returns the size needed.
 * The parts must not lie inside `out`. */
size_t sec_descriptor_write(const struct sec_descriptor *sd, uint8_t *out, size_t capacity);

/* The parts of `from` that `information` names replace those of `into`
 * (as SetPrivateObjectSecurity does); other parts stay. */
void sec_descriptor_merge(struct sec_descriptor *into, const struct sec_descriptor *from, uint32_t information);
/* Keeps only the parts that `information` names (GetPrivateObjectSecurity). */
void sec_descriptor_select(struct sec_descriptor *sd, uint32_t information);

#endif
