/* EnumerateNtmsObject: which objects a container holds, per type
 * (Microsoft's table of allowed containers; see rsm-api notes 1.2). */
#include "engine/records/enumerate.h"
#include "engine/records/media_types.h"
#include "engine/records/system_objects.h"

#include <stdlib.h>
#include <string.h>

struct collection {
    struct objdb    *db;
    const ntms_guid *container;
    uint32_t         container_type;
    struct rsm_object container_object;
    uint32_t         type;
    bool             top_pools_only;
    ntms_guid       *ids;
    uint32_t        *order;
    size_t           count, capacity;
    ntms_err         status;
};

/* A side belongs to the pool its medium is in. */
static bool side_in_pool(const struct collection *c, const struct rsm_object *side)
{
    struct rsm_object media;

    return objdb_get(c->db, &side->info.partition.physical_media, &media) == NTMS_OK
        && ntms_guid_equal(&media.info.media.media_pool, c->container);
}

static bool side_contained(const struct collection *c, const struct rsm_object *o)
{
    switch (c->container_type) {
    case RSM_PHYSICAL_MEDIA: return ntms_guid_equal(&o->info.partition.physical_media, c->container);
    case RSM_LOGICAL_MEDIA:  return ntms_guid_equal(&o->info.partition.logical_media, c->container);
    default:                 return side_in_pool(c, o);
    }
}

/* A logical medium belongs to its pool, and to the side that names it. */
static bool logical_media_contained(const struct collection *c, const struct rsm_object *o)
{
    if (c->container_type == RSM_PARTITION)
        return ntms_guid_equal(&c->container_object.info.partition.logical_media, &o->id);
    return ntms_guid_equal(&o->info.logical_media.media_pool, c->container);
}

/* Does object o belong to the container? */
static bool contained(const struct collection *c, const struct rsm_object *o)
{
    const ntms_guid *in = c->container;

    if (!in)
        return !c->top_pools_only
            || (ntms_guid_is_null(&o->info.pool.parent) && o->info.pool.pool_type != RSM_POOLTYPE_ROOT);
    switch (o->type) {
    case RSM_STORAGESLOT: return ntms_guid_equal(&o->info.slot.library, in);
    case RSM_DRIVE:       return ntms_guid_equal(&o->info.drive.library, in);
    case RSM_CHANGER:     return ntms_guid_equal(&o->info.changer.library, in);
    case RSM_IEPORT:      return ntms_guid_equal(&o->info.ieport.library, in);
    case RSM_IEDOOR:      return ntms_guid_equal(&o->info.iedoor.library, in);
    case RSM_LIBREQUEST:  return ntms_guid_equal(&o->info.lib_request.library, in);
    case RSM_MEDIA_POOL:  return ntms_guid_equal(&o->info.pool.parent, in);
    case RSM_MEDIA_TYPE:  return library_has_media_type(&c->container_object, &o->id);
    case RSM_PHYSICAL_MEDIA:
        return c->container_type == RSM_MEDIA_POOL ? ntms_guid_equal(&o->info.media.media_pool, in)
                                                   : ntms_guid_equal(&o->info.media.current_library, in);
    case RSM_PARTITION:      return side_contained(c, o);
    case RSM_LOGICAL_MEDIA:  return logical_media_contained(c, o);
    default:              return false;
    }
}

static uint32_t sort_key(const struct rsm_object *o)
{
    switch (o->type) {
    case RSM_STORAGESLOT: return o->info.slot.number;
    case RSM_DRIVE:       return o->info.drive.number;
    case RSM_IEPORT:      return o->info.ieport.number;
    default:              return 0;
    }
}

static bool collect(const struct rsm_object *o, void *context)
{
    struct collection *c = context;

    if (!contained(c, o))
        return true;
    if (c->count == c->capacity) {
        size_t capacity = c->capacity ? c->capacity * 2 : 64;
        ntms_guid *ids = realloc(c->ids, capacity * sizeof(*ids));
        uint32_t *order = ids ? realloc(c->order, capacity * sizeof(*order)) : NULL;
        if (ids)
            c->ids = ids;
        if (!ids || !order) {
            c->status = NTMS_E_NOT_ENOUGH_MEMORY;
            return false;
        }
        c->order = order;
        c->capacity = capacity;
    }
    c->ids[c->count] = o->id;
    c->order[c->count++] = sort_key(o);
    return true;
}

/* Slots, drives and ports come back in their numbering order (insertion sort: stable, lists are small). */
static void sort_by_number(struct collection *c)
{
    for (size_t i = 1; i < c->count; i++) {
        for (size_t j = i; j > 0 && c->order[j - 1] > c->order[j]; j--) {
            uint32_t k = c->order[j]; c->order[j] = c->order[j - 1]; c->order[j - 1] = k;
            ntms_guid g = c->ids[j]; c->ids[j] = c->ids[j - 1]; c->ids[j - 1] = g;
        }
    }
}

/* The kinds of container each type accepts; 0-terminated. */
static const uint32_t *allowed_containers(uint32_t type)
{
    static const uint32_t none[] = { 0 };
    static const uint32_t library[] = { RSM_LIBRARY, 0 };
    static const uint32_t pool[] = { RSM_MEDIA_POOL, 0 };
    static const uint32_t media[] = { RSM_MEDIA_POOL, RSM_LIBRARY, 0 };
    static const uint32_t partition[] = { RSM_PHYSICAL_MEDIA, RSM_LOGICAL_MEDIA, RSM_MEDIA_POOL, 0 };
    static const uint32_t logical_media[] = { RSM_MEDIA_POOL, RSM_PARTITION, 0 };

    switch (type) {
    case RSM_CHANGER: case RSM_DRIVE: case RSM_IEDOOR: case RSM_IEPORT: case RSM_STORAGESLOT: case RSM_LIBREQUEST:
        return library;
    case RSM_MEDIA_POOL: return pool;
    case RSM_MEDIA_TYPE: return library;
    case RSM_PHYSICAL_MEDIA: return media;
    case RSM_PARTITION: return partition;
    case RSM_LOGICAL_MEDIA: return logical_media;
    default: return none;
    }
}

static ntms_err check_container(struct engine *engine, struct collection *c)
{
    struct rsm_object container;

    if (!c->container)
        return NTMS_OK;
    if (objdb_get(engine->db, c->container, &container) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;
    if (container.type == RSM_MEDIA_POOL && container.info.pool.pool_type == RSM_POOLTYPE_ROOT
        && c->type == RSM_MEDIA_POOL) {
        c->container = NULL;            /* the root holds the top-level pools */
        c->top_pools_only = true;
        return NTMS_OK;
    }
    for (const uint32_t *kind = allowed_containers(c->type); *kind; kind++) {
        if (*kind == container.type) {
            c->container_type = container.type;
            c->container_object = container;
            return NTMS_OK;
        }
    }
    return NTMS_E_INVALID_PARAMETER;
}

static ntms_err add_root_pool(struct engine *engine, struct collection *c)
{
    struct rsm_object root;
    ntms_guid id;
    ntms_err status = system_pool(engine->db, RSM_POOLTYPE_ROOT, NULL, &id);

    if (status == NTMS_OK)
        status = objdb_get(engine->db, &id, &root);
    if (status == NTMS_OK) {
        c->top_pools_only = false;      /* collect() takes it whatever it is */
        collect(&root, c);
        c->top_pools_only = true;
    }
    return status;
}

ntms_err engine_enumerate(struct engine *engine, const ntms_guid *container, uint32_t type, uint32_t options,
                          ntms_guid *list, uint32_t *count)
{
    struct collection c = { .db = engine->db, .container = container, .type = type,
                            .top_pools_only = type == RSM_MEDIA_POOL && !container };
    ntms_err status = objdb_begin_read(engine->db);

    if (status != NTMS_OK)
        return status;
    status = check_container(engine, &c);
    /* The hidden root pool first, then the top level. */
    if (status == NTMS_OK && options == RSM_ENUM_ROOTPOOL && type == RSM_MEDIA_POOL && !container)
        status = add_root_pool(engine, &c);
    if (status == NTMS_OK)
        status = objdb_for_each(engine->db, type, collect, &c);
    objdb_abort(engine->db);
    if (status == NTMS_OK)
        status = c.status;
    if (status == NTMS_OK) {
        sort_by_number(&c);
        uint32_t capacity = *count;
        *count = (uint32_t)c.count;
        if (list && capacity)
            memcpy(list, c.ids, (c.count < capacity ? c.count : capacity) * sizeof(*list));
        if (c.count > capacity)
            status = NTMS_E_INSUFFICIENT_BUFFER;
    }
    free(c.ids);
    free(c.order);
    return status;
}
