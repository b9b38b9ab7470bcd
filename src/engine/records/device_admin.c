#include "engine/records/device_admin.h"

#include <stdlib.h>
#include <string.h>

#include "engine/core/record_lookup.h"
#include "engine/records/media_records.h"

static bool media_in_library(const struct rsm_object *o, const void *library)
{
    return ntms_guid_equal(&o->info.media.current_library, library);
}

/* Collected first, changed after: never while the store is being walked. */
static ntms_err remove_library(struct objdb *db, const ntms_guid *library)
{
    struct record_list devices = { 0 }, media = { 0 };
    ntms_err status = records_collect(db, RSM_UNKNOWN, record_in_library, library, &devices);

    if (status == NTMS_OK)
        status = records_collect(db, RSM_PHYSICAL_MEDIA, media_in_library, library, &media);
    for (size_t i = 0; status == NTMS_OK && i < media.count; i++)
        status = media_move_offline(db, &media.items[i].id);
    for (size_t i = 0; status == NTMS_OK && i < devices.count; i++)
        status = objdb_delete(db, &devices.items[i].id);
    if (status == NTMS_OK)
        status = objdb_delete(db, library);
    record_list_free(&devices);
    record_list_free(&media);
    return status;
}

static ntms_err delete_library(struct objdb *db, const ntms_guid *id)
{
    struct rsm_object library;

    if (objdb_get(db, id, &library) != NTMS_OK || library.type != RSM_LIBRARY
        || library.info.library.library_type == RSM_LIBRARYTYPE_OFFLINE)
        return NTMS_E_INVALID_LIBRARY;
    if (library.operational_state != RSM_NOT_PRESENT)
        return NTMS_E_INVALID_STATE;   /* it is there: RSM deletes only what is gone */
    return remove_library(db, id);
}

ntms_err engine_delete_library(struct engine *engine, const ntms_guid *library)
{
    ntms_err status = objdb_begin_write(engine->db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(engine->db, delete_library(engine->db, library));
}

static ntms_err delete_drive(struct objdb *db, const ntms_guid *id)
{
    struct rsm_object drive, library;

    if (objdb_get(db, id, &drive) != NTMS_OK || drive.type != RSM_DRIVE)
        return NTMS_E_INVALID_DRIVE;
    if (drive.operational_state != RSM_NOT_PRESENT)
        return NTMS_E_INVALID_STATE;
    if (objdb_get(db, &drive.info.drive.library, &library) != NTMS_OK)
        return objdb_delete(db, id);   /* an orphan */
    if (library.info.library.number_of_slots == 0)
        return remove_library(db, &library.id);
    if (library.info.library.number_of_drives > 0)
        library.info.library.number_of_drives--;
    ntms_err status = objdb_put(db, &library);
    return status == NTMS_OK ? objdb_delete(db, id) : status;
}

ntms_err engine_delete_drive(struct engine *engine, const ntms_guid *drive)
{
    ntms_err status = objdb_begin_write(engine->db);

    if (status != NTMS_OK)
        return status;
    return objdb_end(engine->db, delete_drive(engine->db, drive));
}
