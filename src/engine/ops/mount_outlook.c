#include "engine/ops/mount_outlook.h"

#include "engine/core/record_lookup.h"
#include "engine/device/library_access.h"
#include "engine/ops/media_sides.h"

static bool drive_free(const struct rsm_object *d)
{
    return library_drive_usable(d) && !library_drive_taken(d);
}

static const struct rsm_object *drive_holding(const struct record_list *drives, const ntms_guid *media)
{
    for (size_t i = 0; i < drives->count; i++)
        if (ntms_guid_equal(&drives->items[i].info.drive.loaded_media, media))
            return &drives->items[i];
    return NULL;
}

static const struct rsm_object *drive_named(const struct record_list *drives, const ntms_guid *id)
{
    for (size_t i = 0; i < drives->count; i++)
        if (ntms_guid_equal(&drives->items[i].id, id))
            return &drives->items[i];
    return NULL;
}

static enum mount_outlook judge(struct engine *engine, const struct record_list *drives, const ntms_guid *ids,
                                const ntms_guid *named, uint32_t count, uint32_t options)
{
    size_t to_load = 0, free_drives = 0;
    struct media_side side;

    for (uint32_t i = 0; i < count; i++) {
        if (media_side_resolve(engine, &ids[i], &side) != NTMS_OK)
            return MOUNT_CAN_GO;   /* the try says what is wrong */
        const struct rsm_object *holding = drive_holding(drives, &side.media.id);
        if (holding && library_drive_taken(holding))
            return MOUNT_MEDIUM_BUSY;
        if (options & RSM_MOUNT_SPECIFIC_DRIVE) {
            const struct rsm_object *wanted = drive_named(drives, &named[i]);
            if (wanted && wanted != holding && !drive_free(wanted))
                return MOUNT_DRIVES_BUSY;
        } else if (!holding) {
            to_load++;
        }
    }
    for (size_t i = 0; i < drives->count; i++)
        free_drives += drive_free(&drives->items[i]);
    return free_drives >= to_load ? MOUNT_CAN_GO : MOUNT_DRIVES_BUSY;
}

enum mount_outlook mount_outlook(struct engine *engine, const ntms_guid *library, const ntms_guid *ids,
                                 const ntms_guid *drives, uint32_t count, uint32_t options)
{
    struct record_list list = { 0 };
    enum mount_outlook outlook = MOUNT_CAN_GO;

    if (objdb_begin_read(engine->db) != NTMS_OK)
        return outlook;
    ntms_err status = records_collect(engine->db, RSM_DRIVE, record_in_library, library, &list);
    objdb_abort(engine->db);
    if (status == NTMS_OK)
        outlook = judge(engine, &list, ids, drives, count, options);
    record_list_free(&list);
    return outlook;
}
