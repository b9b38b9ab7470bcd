#include "engine/ops/media_sides.h"

#include "engine/records/logical_media.h"

ntms_err media_side_resolve(struct engine *engine, const ntms_guid *id, struct media_side *side)
{
    struct rsm_object o;

    if (engine_get_object(engine, id, &o) != NTMS_OK)
        return NTMS_E_INVALID_MEDIA;
    if (o.type == RSM_LOGICAL_MEDIA && engine_logical_media_side(engine, id, &o) != NTMS_OK)
        return NTMS_E_INVALID_MEDIA;
    if (o.type != RSM_PARTITION)
        return NTMS_E_INVALID_MEDIA;
    side->partition = o;
    return engine_get_object(engine, &o.info.partition.physical_media, &side->media) == NTMS_OK
        ? NTMS_OK : NTMS_E_INVALID_MEDIA;
}

ntms_err media_side_in_a_library(struct engine *engine, const struct media_side *side)
{
    struct rsm_object library;

    if (ntms_guid_is_null(&side->media.info.media.current_library)
        || engine_get_object(engine, &side->media.info.media.current_library, &library) != NTMS_OK
        || library.info.library.library_type == RSM_LIBRARYTYPE_OFFLINE)
        return NTMS_E_MEDIA_OFFLINE;
    return NTMS_OK;
}
