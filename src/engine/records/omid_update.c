#include "engine/records/omid_update.h"

#include <string.h>

#include "engine/core/wstr.h"
#include "engine/labels/label_recognise.h"
#include "engine/records/logical_media.h"
#include "engine/records/media_recording.h"
#include "engine/records/object_security.h"

/* The side of the logical medium, with modify access to its pool. */
static ntms_err side_of(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id, struct rsm_object *side)
{
    struct rsm_object lmid;
    ntms_err status = logical_media_get(db, id, &lmid, side);

    return status == NTMS_OK ? object_access_check(db, caller, &lmid.info.logical_media.media_pool, RSM_MODIFY_ACCESS)
                             : status;
}

static ntms_err record_label(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id,
                             const struct label_info *label)
{
    struct rsm_object side;
    ntms_err status = side_of(db, caller, id, &side);

    if (status != NTMS_OK)
        return status;
    media_set_omid(&side.info.partition, label);
    return objdb_put(db, &side);
}

static ntms_err check_side(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id)
{
    struct rsm_object side;
    return side_of(db, caller, id, &side);
}

static ntms_err logical_media_checked(struct engine *engine, const struct sec_caller *caller, const ntms_guid *lmid)
{
    OBJDB_TRANSACTION(engine->db, false, check_side(engine->db, caller, lmid));
}

/* The logical medium is checked before the label libraries are asked,
 * and they are asked outside any transaction (they are others' code). */
ntms_err engine_update_omid_label(struct engine *engine, const struct sec_caller *caller, const ntms_guid *lmid,
                                  const uint8_t *block, size_t length)
{
    struct label_info label;
    ntms_err status = logical_media_checked(engine, caller, lmid);

    if (status != NTMS_OK)
        return status;
    label_recognise(FIRST_READ_DATA, block, length, engine->offer_label, &label);
    if (!label_has_identity(&label))
        return NTMS_E_BAD_FORMAT;
    OBJDB_TRANSACTION(engine->db, true, record_label(engine->db, caller, lmid, &label));
}

static void filesystem_omid(const struct omid_filesystem *fs, struct rsm_partition *p)
{
    size_t volume_bytes = wstr_length(fs->volume, 256) * sizeof(wchar16);
    uint8_t *id = p->omid_label_id;

    memset(p->omid_label_id, 0, sizeof(p->omid_label_id));
    for (int i = 0; i < 4; i++)
        id[i] = (uint8_t)(fs->serial >> (8 * i));
    if (volume_bytes > RSM_OMID_ID_LENGTH - 4)
        volume_bytes = RSM_OMID_ID_LENGTH - 4;
    for (size_t i = 0; i < volume_bytes / 2; i++) {
        id[4 + 2 * i] = (uint8_t)fs->volume[i];
        id[5 + 2 * i] = (uint8_t)(fs->volume[i] >> 8);
    }
    p->omid_label_id_length = (uint32_t)(4 + volume_bytes / 2 * 2);
    memset(p->omid_label_type, 0, sizeof(p->omid_label_type));
    memcpy(p->omid_label_type, fs->file_system, wstr_length(fs->file_system, 64) * sizeof(wchar16));
    p->omid_label_type[RSM_OMID_TYPE_LENGTH - 1] = 0;
    memset(p->omid_label_info, 0, sizeof(p->omid_label_info));
    memcpy(p->omid_label_info, fs->volume, wstr_length(fs->volume, 256) * sizeof(wchar16));
    p->omid_label_info[RSM_OMID_INFO_LENGTH - 1] = 0;
}

static ntms_err record_filesystem(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id,
                                  const struct omid_filesystem *fs)
{
    struct rsm_object side;
    ntms_err status = side_of(db, caller, id, &side);

    if (status != NTMS_OK)
        return status;
    filesystem_omid(fs, &side.info.partition);
    return objdb_put(db, &side);
}

ntms_err engine_update_omid_filesystem(struct engine *engine, const struct sec_caller *caller, const ntms_guid *lmid,
                                       const struct omid_filesystem *filesystem)
{
    if (!filesystem->file_system[0])
        return NTMS_E_INVALID_PARAMETER;   /* a file system needs its type */
    OBJDB_TRANSACTION(engine->db, true, record_filesystem(engine->db, caller, lmid, filesystem));
}
