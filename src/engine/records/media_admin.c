#include "engine/records/media_admin.h"

#include <string.h>

#include "engine/records/logical_media.h"
#include "engine/records/media_records.h"
#include "engine/records/object_security.h"
#include "engine/records/system_objects.h"
#include "engine/core/wstr.h"
#include "platform/plat_random.h"

/* RSM's rule for both: modify access to the computer or to the pool. */
static ntms_err may_modify(struct objdb *db, const struct sec_caller *caller, const ntms_guid *pool)
{
    if (object_access_check(db, caller, NULL, RSM_MODIFY_ACCESS) == NTMS_OK)
        return NTMS_OK;
    return object_access_check(db, caller, pool, RSM_MODIFY_ACCESS);
}

static bool id_is_free(struct objdb *db, const ntms_guid *id)
{
    struct rsm_object o;
    return objdb_get(db, id, &o) == NTMS_E_OBJECT_NOT_FOUND;
}

/* A caller-chosen id must be new; a null one is generated. */
static ntms_err claim_id(struct objdb *db, ntms_guid *id)
{
    if (ntms_guid_is_null(id))
        return ntms_guid_generate(id);
    return id_is_free(db, id) ? NTMS_OK : NTMS_E_INVALID_MEDIA;
}

/* The pool must be an Import or application pool of a media type whose
 * side count the caller gave. */
static ntms_err check_pool(struct objdb *db, const struct rsm_object *media, uint32_t count, ntms_guid *type)
{
    struct rsm_object pool, media_type;

    if (objdb_get(db, &media->info.media.media_pool, &pool) != NTMS_OK || pool.type != RSM_MEDIA_POOL
        || (pool.info.pool.pool_type != RSM_POOLTYPE_IMPORT && pool.info.pool.pool_type != RSM_POOLTYPE_APPLICATION))
        return NTMS_E_INVALID_MEDIA_POOL;
    /* A pool of no media type cannot say how many sides its media have. */
    if (objdb_get(db, &pool.info.pool.media_type, &media_type) != NTMS_OK || media_type.type != RSM_MEDIA_TYPE)
        return NTMS_E_INVALID_MEDIA_POOL;
    if (media_type.info.media_type.number_of_sides != count || media->info.media.number_of_partitions != count)
        return NTMS_E_MEDIA_INCOMPATIBLE;
    *type = media_type.id;
    return NTMS_OK;
}

static void trim_barcode(wchar16 *barcode)
{
    size_t n = wstr_length(barcode, RSM_BARCODE_LENGTH);

    while (n > 0 && barcode[n - 1] == ' ')
        barcode[--n] = 0;
}

static ntms_err check_side(struct objdb *db, const struct rsm_object *side, uint32_t options)
{
    const struct rsm_partition *p = &side->info.partition;

    if (side->type != RSM_PARTITION || p->state > RSM_PARTSTATE_RESERVED || !p->omid_label_id_length
        || p->omid_label_id_length > RSM_OMID_ID_LENGTH || !p->omid_label_type[0])
        return NTMS_E_INVALID_PARAMETER;
    if (!(options & CREATE_MEDIA_ERROR_ON_DUPLICATE))
        return NTMS_OK;
    struct rsm_object existing;
    ntms_err status = media_find_by_omid(db, p, &existing);
    return status == NTMS_OK ? NTMS_E_INVALID_MEDIA : status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_OK : status;
}

/* RSM's default name: the barcode; for one side, the label info; else the sequence number. */
static void default_name(struct rsm_object *media, const struct rsm_object *sides, uint32_t count)
{
    const wchar16 *from = media->info.media.sequence_number;

    if (media->name[0])
        return;
    if (media->info.media.barcode[0])
        from = media->info.media.barcode;
    else if (count == 1 && sides[0].info.partition.omid_label_info[0])
        from = sides[0].info.partition.omid_label_info;
    size_t n = wstr_length(from, RSM_NAME_LENGTH - 1);
    memcpy(media->name, from, n * sizeof(wchar16));
}

static ntms_err record_sides(struct objdb *db, const struct rsm_object *media, struct rsm_object *sides,
                             uint32_t count)
{
    ntms_err status = NTMS_OK;

    for (uint32_t i = 0; i < count && status == NTMS_OK; i++) {
        struct rsm_object *s = &sides[i];
        s->operational_state = RSM_READY;
        s->info.partition.physical_media = media->id;
        s->info.partition.side = (uint16_t)i;
        /* The logical medium a side was given is created with it (its id must be new). */
        ntms_guid lmid = s->info.partition.logical_media;
        if (!ntms_guid_is_null(&lmid))
            status = logical_media_create(db, &lmid, &media->info.media.media_pool, s);
        if (status == NTMS_OK)
            status = objdb_put(db, s);
    }
    return status;
}

static ntms_err create(struct objdb *db, const struct sec_caller *caller, struct rsm_object *media,
                       struct rsm_object *sides, uint32_t count, uint32_t options)
{
    struct rsm_physical_media *m = &media->info.media;
    ntms_guid offline, type;
    struct rsm_object existing;
    ntms_err status = system_offline_library(db, &offline);

    if (status != NTMS_OK)
        return status;
    if (!ntms_guid_is_null(&m->current_library) && !ntms_guid_equal(&m->current_library, &offline))
        return NTMS_E_INVALID_PARAMETER;   /* new media are offline */
    if ((status = check_pool(db, media, count, &type)) != NTMS_OK
        || (status = may_modify(db, caller, &m->media_pool)) != NTMS_OK)
        return status;
    trim_barcode(m->barcode);
    if (m->barcode[0] && media_find_by_barcode(db, m->barcode, &existing) == NTMS_OK)
        return NTMS_E_INVALID_MEDIA;       /* a medium with this barcode exists */
    for (uint32_t i = 0; i < count; i++)
        if ((status = check_side(db, &sides[i], options)) != NTMS_OK || (status = claim_id(db, &sides[i].id)) != NTMS_OK)
            return status;
    if (count == 2 && ntms_guid_equal(&sides[0].id, &sides[1].id))
        return NTMS_E_INVALID_MEDIA;
    if ((status = claim_id(db, &media->id)) != NTMS_OK
        || (status = media_next_sequence_number(db, m->sequence_number, RSM_SEQUENCE_LENGTH)) != NTMS_OK)
        return status;
    media->operational_state = RSM_READY;
    m->current_library = offline;
    m->location = m->home_slot = m->mounted_partition = ntms_guid_null;
    m->location_type = RSM_LOCATION_STORAGESLOT;
    m->media_type = type;
    m->media_state = RSM_MEDIASTATE_IDLE;
    m->barcode_state = m->barcode[0] ? RSM_BARCODESTATE_OK : RSM_BARCODESTATE_UNREADABLE;
    default_name(media, sides, count);
    if ((status = objdb_put(db, media)) != NTMS_OK)
        return status;
    return record_sides(db, media, sides, count);
}

ntms_err engine_create_media(struct engine *engine, const struct sec_caller *caller, struct rsm_object *media,
                             struct rsm_object *sides, uint32_t count, uint32_t options)
{
    if (media->type != RSM_PHYSICAL_MEDIA || !count || count > MEDIA_SIDES_MAX)
        return count > MEDIA_SIDES_MAX ? NTMS_E_MEDIA_INCOMPATIBLE : NTMS_E_INVALID_PARAMETER;
    ntms_err status = objdb_begin_write(engine->db);
    if (status != NTMS_OK)
        return status;
    return objdb_end(engine->db, create(engine->db, caller, media, sides, count, options));
}

static ntms_err delete(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id)
{
    struct rsm_object media, library;
    struct media_sides sides;
    ntms_err status;

    if (objdb_get(db, id, &media) != NTMS_OK || media.type != RSM_PHYSICAL_MEDIA)
        return NTMS_E_INVALID_MEDIA;
    if ((status = may_modify(db, caller, &media.info.media.media_pool)) != NTMS_OK)
        return status;
    bool offline = ntms_guid_is_null(&media.info.media.current_library)
                || (objdb_get(db, &media.info.media.current_library, &library) == NTMS_OK
                    && library.info.library.library_type == RSM_LIBRARYTYPE_OFFLINE);
    if (!offline)
        return NTMS_E_INVALID_STATE;       /* only offline media are purged */
    if ((status = media_sides_of(db, id, &sides)) != NTMS_OK)
        return status;
    for (size_t i = 0; i < sides.count; i++)
        if (media_side_in_use(sides.side[i].info.partition.state))
            return NTMS_E_INVALID_STATE;
    for (size_t i = 0; i < sides.count && status == NTMS_OK; i++) {
        const ntms_guid *lmid = &sides.side[i].info.partition.logical_media;
        if (!ntms_guid_is_null(lmid))
            objdb_delete(db, lmid);   /* one already gone is no reason to keep the medium */
        status = objdb_delete(db, &sides.side[i].id);
    }
    return status == NTMS_OK ? objdb_delete(db, id) : status;
}

ntms_err engine_delete_media(struct engine *engine, const struct sec_caller *caller, const ntms_guid *media)
{
    ntms_err status = objdb_begin_write(engine->db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(engine->db, delete(engine->db, caller, media));
}
