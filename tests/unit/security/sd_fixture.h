/* Descriptors for the security tests, built with the layer's own builders. */
#ifndef NTMSAPI_TESTS_SD_FIXTURE_H
#define NTMSAPI_TESTS_SD_FIXTURE_H

#include <string.h>

#include "security/sec_acl.h"
#include "security/sec_descriptor.h"

struct sd_fixture {
    uint8_t acl[512];
    uint8_t bytes[1024];
    size_t  length;
};

struct ace_spec {
    uint8_t  type, flags;
    uint32_t mask;
    const struct sec_sid *sid;
};

/* Owner, group and a DACL of `count` ACEs (count < 0: no DACL at all;
 * null_dacl: a present but NULL DACL). */
static void sd_build(struct sd_fixture *f, const struct sec_sid *owner, const struct sec_sid *group,
                     const struct ace_spec *aces, int count, int null_dacl)
{
    struct sec_acl_builder b;
    struct sec_descriptor sd = { .control = SEC_SELF_RELATIVE };

    sd.owner = owner ? owner->bytes : NULL;
    sd.group = group ? group->bytes : NULL;
    if (null_dacl) {
        sd.control |= SEC_DACL_PRESENT;
    } else if (count >= 0) {
        sec_acl_begin(&b, f->acl, sizeof(f->acl));
        for (int i = 0; i < count; i++)
            sec_acl_add(&b, aces[i].type, aces[i].flags, aces[i].mask, aces[i].sid);
        if (sec_acl_end(&b)) {
            sd.dacl = f->acl;
            sd.control |= SEC_DACL_PRESENT;
        }
    }
    f->length = sec_descriptor_write(&sd, f->bytes, sizeof(f->bytes));
}

#endif
