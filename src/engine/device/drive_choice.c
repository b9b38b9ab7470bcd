#include "engine/device/drive_choice.h"

#include "engine/device/drive_moves.h"

static bool excluded(const struct rsm_object *d, const ntms_guid *exclude, size_t exclude_count)
{
    for (size_t i = 0; i < exclude_count; i++)
        if (ntms_guid_equal(&d->id, &exclude[i]))
            return true;
    return false;
}

/* The lowest-numbered drive that is idle, or (second choice) waits under a
 * deferred dismount; how many are in use. */
static void pick(const struct drive_list *list, const ntms_guid *exclude, size_t exclude_count,
                 const struct rsm_object **idle, const struct rsm_object **deferred, size_t *in_use)
{
    *idle = *deferred = NULL;
    *in_use = 0;
    for (size_t i = 0; i < list->count; i++) {
        const struct rsm_object *d = &list->drives[i];
        if (!library_drive_usable(d) || excluded(d, exclude, exclude_count))
            continue;
        if (library_drive_idle(d)) {
            if (!*idle || d->info.drive.number < (*idle)->info.drive.number)
                *idle = d;
        } else if (library_drive_waits_deferred(d)) {
            if (!*deferred || d->info.drive.number < (*deferred)->info.drive.number)
                *deferred = d;
        } else {
            (*in_use)++;
        }
    }
}

ntms_err library_take_drive(struct library_access *a, bool may_empty, const ntms_guid *exclude,
                            size_t exclude_count, struct rsm_object *drive)
{
    struct drive_list list;
    const struct rsm_object *idle, *deferred;
    size_t in_use;
    ntms_err status = library_drives(a, &list);

    if (status != NTMS_OK)
        return status;
    pick(&list, exclude, exclude_count, &idle, &deferred, &in_use);
    a->drives_busy = false;
    status = NTMS_E_BUSY;
    if (idle || (deferred && may_empty)) {
        *drive = idle ? *idle : *deferred;
        status = library_take_this_drive(a, drive);
    } else {
        a->drives_busy = in_use > 0;   /* without drives in use, waiting frees none */
    }
    drive_list_free(&list);
    return status;
}

ntms_err library_take_this_drive(struct library_access *a, struct rsm_object *drive)
{
    ntms_err status = library_claim_drive(a, drive);

    if (status == NTMS_OK && !ntms_guid_is_null(&drive->info.drive.loaded_media)
        && (status = library_empty_for_use(a, drive)) != NTMS_OK)
        library_give_back(a, drive);
    return status;
}
