#include "engine/records/device_types.h"
#include "engine/core/record_lookup.h"

#include <stdio.h>
#include <string.h>

#include "engine/core/wstr.h"
#include "platform/plat_random.h"

#define DEVICE_TYPE_CHANGER 0x30   /* FILE_DEVICE_CHANGER */
#define DEVICE_TYPE_TAPE    0x1F   /* FILE_DEVICE_TAPE */

struct model {
    const char *vendor, *product;
};

static bool same_model(const struct rsm_object *o, const void *key)
{
    const struct model *m = key;

    return wstr_equal_ascii_nocase(o->info.device_type.vendor, RSM_VENDOR_LENGTH, m->vendor)
        && wstr_equal_ascii_nocase(o->info.device_type.product, RSM_PRODUCT_LENGTH, m->product);
}

ntms_err device_type_of(struct objdb *db, uint32_t object_type, const char *vendor, const char *product,
                        ntms_guid *id)
{
    struct model model = { vendor, product };
    struct rsm_object o;
    char name[RSM_NAME_LENGTH];
    ntms_err status = records_find(db, object_type, same_model, &model, &o);

    if (status != NTMS_E_OBJECT_NOT_FOUND) {
        *id = status == NTMS_OK ? o.id : ntms_guid_null;
        return status;
    }
    memset(&o, 0, sizeof(o));
    o.type = object_type;
    o.enabled = 1;
    snprintf(name, sizeof(name), "%s %s", vendor, product);
    WSTR_SET(o.name, name);
    WSTR_SET(o.info.device_type.vendor, vendor);
    WSTR_SET(o.info.device_type.product, product);
    o.info.device_type.device_type = object_type == RSM_CHANGER_TYPE ? DEVICE_TYPE_CHANGER : DEVICE_TYPE_TAPE;
    o.info.device_type.number_of_heads = object_type == RSM_DRIVE_TYPE ? 1 : 0;
    if ((status = ntms_guid_generate(&o.id)) != NTMS_OK)
        return status;
    *id = o.id;
    return objdb_put(db, &o);
}
