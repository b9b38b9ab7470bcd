#include "engine/records/operator_messages.h"

#include <stdio.h>

#include "engine/core/wstr.h"
#include "engine/records/pool_names.h"

/* An object as an operator knows it: a pool by its full name, a medium by
 * its barcode (else its name), anything else by its name. */
static void name_of(struct objdb *db, const ntms_guid *id, char *text, size_t capacity)
{
    struct rsm_object o;
    wchar16 pool[512];
    uint32_t length = sizeof(pool) / sizeof(pool[0]);

    snprintf(text, capacity, "(unknown)");
    if (ntms_guid_is_null(id) || objdb_get(db, id, &o) != NTMS_OK)
        return;
    if (o.type == RSM_MEDIA_POOL && pool_full_name(db, id, pool, &length) == NTMS_OK)
        wstr_to_utf8(text, capacity, pool, length);
    else if (o.type == RSM_PHYSICAL_MEDIA && o.info.media.barcode[0])
        wstr_to_utf8(text, capacity, o.info.media.barcode, RSM_BARCODE_LENGTH);
    else
        wstr_to_utf8(text, capacity, o.name, RSM_NAME_LENGTH);
}

void opreq_default_message(struct objdb *db, struct rsm_object *request)
{
    struct rsm_op_request *r = &request->info.op_request;
    char first[256], second[256], text[640];

    name_of(db, &r->arg1, first, sizeof(first));
    name_of(db, &r->arg2, second, sizeof(second));
    switch (r->request) {
    case RSM_OPREQ_NEWMEDIA:
        if (r->arg2_type == RSM_LIBRARY)
            snprintf(text, sizeof(text), "Media pool %s needs new media, in library %s.", first, second);
        else
            snprintf(text, sizeof(text), "Media pool %s needs new media.", first);
        break;
    case RSM_OPREQ_MOVEMEDIA:
        snprintf(text, sizeof(text), "Medium %s is needed in library %s.", first, second);
        break;
    case RSM_OPREQ_CLEANER:
        snprintf(text, sizeof(text), "%s %s needs a cleaner cartridge.",
                 r->arg1_type == RSM_STORAGESLOT ? "Slot" : "Library", first);
        break;
    case RSM_OPREQ_DEVICESERVICE:
        snprintf(text, sizeof(text), "%s needs service.", first);
        break;
    default:
        text[0] = '\0';
        break;
    }
    WSTR_SET(r->message, text);
}
