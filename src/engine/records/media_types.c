/* Which media types a library holds: AddNtmsMediaType, DeleteNtmsMediaType,
 * and the relation identification adds for the media it finds. */
#include "engine/records/media_types.h"

#include <string.h>

#include "engine/core/record_lookup.h"

static int relation_index(const struct rsm_library *library, const ntms_guid *type)
{
    for (int i = 0; i < RSM_LIBRARY_MEDIA_TYPES; i++)
        if (ntms_guid_equal(&library->media_types[i], type))
            return i;
    return -1;
}

ntms_err library_relate_media_type(struct rsm_object *library, const ntms_guid *type)
{
    struct rsm_library *l = &library->info.library;

    if (relation_index(l, type) >= 0)
        return NTMS_OK;
    int free_slot = relation_index(l, &ntms_guid_null);
    if (free_slot < 0)
        return NTMS_E_DATABASE_FULL;
    l->media_types[free_slot] = *type;
    l->number_of_media_types++;
    return NTMS_OK;
}

static ntms_err load_pair(struct objdb *db, const ntms_guid *type_id, const ntms_guid *library_id,
                          struct rsm_object *type, struct rsm_object *library)
{
    if (objdb_get(db, type_id, type) != NTMS_OK || type->type != RSM_MEDIA_TYPE)
        return NTMS_E_INVALID_MEDIA;
    if (objdb_get(db, library_id, library) != NTMS_OK || library->type != RSM_LIBRARY)
        return NTMS_E_INVALID_LIBRARY;
    return NTMS_OK;
}

static ntms_err add(struct objdb *db, const ntms_guid *type_id, const ntms_guid *library_id)
{
    struct rsm_object type, library;
    ntms_err status = load_pair(db, type_id, library_id, &type, &library);

    if (status == NTMS_OK)
        status = library_relate_media_type(&library, type_id);
    /* The type's system pools exist from the start (system_objects.c). */
    return status == NTMS_OK ? objdb_put(db, &library) : status;
}

ntms_err engine_add_media_type(struct engine *engine, const ntms_guid *type, const ntms_guid *library)
{
    ntms_err status = objdb_begin_write(engine->db);

    return status == NTMS_OK ? objdb_end(engine->db, add(engine->db, type, library)) : status;
}

struct holding {
    const ntms_guid *type, *library;
};

static bool holds_type(const struct rsm_object *o, const void *key)
{
    const struct holding *h = key;

    return ntms_guid_equal(&o->info.media.media_type, h->type)
        && ntms_guid_equal(&o->info.media.current_library, h->library);
}

static ntms_err delete_relation(struct objdb *db, const ntms_guid *type_id, const ntms_guid *library_id)
{
    struct rsm_object type, library, media;
    struct holding h = { .type = type_id, .library = library_id };
    ntms_err status = load_pair(db, type_id, library_id, &type, &library);

    if (status == NTMS_OK)
        status = records_find(db, RSM_PHYSICAL_MEDIA, holds_type, &h, &media);
    if (status == NTMS_OK)
        return NTMS_E_NOT_EMPTY;
    if (status != NTMS_E_OBJECT_NOT_FOUND)
        return status;
    int at = relation_index(&library.info.library, type_id);
    if (at < 0)
        return NTMS_OK;   /* no relation: nothing to remove */
    library.info.library.media_types[at] = ntms_guid_null;
    library.info.library.number_of_media_types--;
    return objdb_put(db, &library);
}

ntms_err engine_delete_media_type(struct engine *engine, const ntms_guid *type, const ntms_guid *library)
{
    ntms_err status = objdb_begin_write(engine->db);

    return status == NTMS_OK ? objdb_end(engine->db, delete_relation(engine->db, type, library)) : status;
}

bool library_has_media_type(const struct rsm_object *library, const ntms_guid *type)
{
    return relation_index(&library->info.library, type) >= 0;
}
