/* The access check: what a descriptor's DACL grants a caller, by the
 * rules of Windows' AccessCheck for the ACE types RSM objects carry
 * (allowed and denied ACEs in order, a denial counting only for bits not
 * yet granted; no DACL grants all; the owner's implicit READ_CONTROL and
 * WRITE_DAC unless an OWNER RIGHTS ACE says otherwise; restricted tokens
 * pass the check twice). */
#ifndef NTMSAPI_SECURITY_SEC_ACCESS_H
#define NTMSAPI_SECURITY_SEC_ACCESS_H

#include <stdint.h>

#include "security/sec_caller.h"
#include "security/sec_descriptor.h"

enum {
    SEC_DELETE = 0x00010000u, SEC_READ_CONTROL = 0x00020000u, SEC_WRITE_DAC = 0x00040000u,
    SEC_WRITE_OWNER = 0x00080000u, SEC_ACCESS_SYSTEM_SECURITY = 0x01000000u,
    SEC_GENERIC_ALL = 0x10000000u, SEC_GENERIC_EXECUTE = 0x20000000u,
    SEC_GENERIC_WRITE = 0x40000000u, SEC_GENERIC_READ = 0x80000000u,
};

struct sec_generic_mapping {
    uint32_t read, write, execute, all;
};

uint32_t sec_map_generic(uint32_t mask, const struct sec_generic_mapping *mapping);
/* Maps the generic rights of a well-formed ACL's effective ACEs in place,
 * as Windows does when it stores a descriptor. */
void sec_acl_map_generic(uint8_t *acl, const struct sec_generic_mapping *mapping);
/* The bits of `desired` (generic bits mapped first) that the descriptor grants the caller. */
uint32_t sec_access_granted(const struct sec_descriptor *sd, const struct sec_caller *caller, uint32_t desired,
                            const struct sec_generic_mapping *mapping);

#endif
