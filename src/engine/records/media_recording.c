#include "engine/records/media_recording.h"

#include <stdio.h>
#include <string.h>

#include "engine/records/media_catalog.h"
#include "engine/records/media_records.h"
#include "engine/records/media_types.h"
#include "engine/records/system_objects.h"
#include "engine/core/wstr.h"
#include "platform/plat_random.h"

/* The barcode's suffix names the type; else the density the cartridge
 * memory reports; else it is an unknown tape. */
static const struct media_kind *kind_of(const struct identified *found)
{
    const struct media_kind *kind = media_kind_from_barcode(found->barcode);
    if (!kind && found->has_mam)
        kind = media_kind_from_density(found->mam.density_code);
    return kind ? kind : media_kind_by_name("Unknown Tape");
}

void media_set_omid(struct rsm_partition *p, const struct label_info *label)
{
    p->omid_label_id_length = (uint32_t)label->label_id_length;
    memset(p->omid_label_id, 0, sizeof(p->omid_label_id));
    memcpy(p->omid_label_id, label->label_id, label->label_id_length);
    WSTR_SET(p->omid_label_type, label->type_name);
    WSTR_SET(p->omid_label_info, label->info);
}

/* RSM's pools for a new medium: incompatible ones are held in
 * Unrecognized; a free label means Free (available); a label of a known
 * type, Import; anything else, Unrecognized. */
static void classify(const struct identified *found, bool labelled, uint32_t *pool_type, uint32_t *side_state)
{
    if (found->incompatible) {
        *pool_type = RSM_POOLTYPE_FOREIGN;
        *side_state = RSM_PARTSTATE_INCOMPATIBLE;
    } else if (found->label.format == LABEL_FREE) {
        *pool_type = RSM_POOLTYPE_SCRATCH;
        *side_state = RSM_PARTSTATE_AVAILABLE;
    } else if (labelled) {
        *pool_type = RSM_POOLTYPE_IMPORT;
        *side_state = RSM_PARTSTATE_IMPORT;
    } else {
        *pool_type = RSM_POOLTYPE_FOREIGN;
        *side_state = RSM_PARTSTATE_FOREIGN;
    }
}

static ntms_err create_media(struct objdb *db, const struct identified *found, struct rsm_object *media,
                             struct rsm_object *side)
{
    const struct media_kind *kind = kind_of(found);
    bool labelled = label_has_identity(&found->label);
    const char *name = found->barcode[0] ? found->barcode : found->label.volume_id;
    ntms_guid type_id, pool_id;
    ntms_err status = system_media_type_by_name(db, kind->name, &type_id);

    uint32_t pool_type, side_state;
    classify(found, labelled, &pool_type, &side_state);
    if (status == NTMS_OK)
        status = system_pool(db, pool_type, &type_id, &pool_id);
    if (status != NTMS_OK)
        return status;
    memset(media, 0, sizeof(*media));
    memset(side, 0, sizeof(*side));
    if ((status = ntms_guid_generate(&media->id)) != NTMS_OK || (status = ntms_guid_generate(&side->id)) != NTMS_OK)
        return status;
    media->type = RSM_PHYSICAL_MEDIA;
    media->enabled = side->enabled = 1;
    WSTR_SET(media->name, name);
    struct rsm_physical_media *m = &media->info.media;
    m->media_pool = pool_id;
    m->media_type = type_id;
    m->media_type_code = kind->storage_media_type;
    m->number_of_partitions = 1;
    WSTR_SET(m->barcode, found->barcode);
    m->barcode_state = found->barcode[0] ? RSM_BARCODESTATE_OK : RSM_BARCODESTATE_UNREADABLE;
    if ((status = media_next_sequence_number(db, m->sequence_number, RSM_SEQUENCE_LENGTH)) != NTMS_OK)
        return status;
    side->type = RSM_PARTITION;
    WSTR_SET(side->name, name);
    side->info.partition.physical_media = media->id;
    side->info.partition.state = side_state;
    return NTMS_OK;
}

/* Neither barcode nor label identity: a medium as anonymous as the tape
 * found, recorded where it was found, is that tape. */
static ntms_err anonymous_here(struct objdb *db, const ntms_guid *recorded_here, struct rsm_object *media)
{
    struct media_sides sides;

    if (!recorded_here || ntms_guid_is_null(recorded_here) || objdb_get(db, recorded_here, media) != NTMS_OK
        || media->type != RSM_PHYSICAL_MEDIA || media->info.media.barcode[0])
        return NTMS_E_OBJECT_NOT_FOUND;
    if (media_sides_of(db, &media->id, &sides) != NTMS_OK || !sides.count
        || sides.side[0].info.partition.omid_label_id_length)
        return NTMS_E_OBJECT_NOT_FOUND;
    return NTMS_OK;
}

static ntms_err known_media(struct objdb *db, const struct identified *found, const ntms_guid *recorded_here,
                            struct rsm_object *media, struct rsm_object *side)
{
    wchar16 barcode[RSM_BARCODE_LENGTH];
    struct media_sides sides;
    struct rsm_partition omid;
    struct rsm_object labelled;
    ntms_err status;

    if (found->barcode[0]) {
        WSTR_SET(barcode, found->barcode);
        status = media_find_by_barcode(db, barcode, media);
    } else if (label_has_identity(&found->label)) {
        memset(&omid, 0, sizeof(omid));
        media_set_omid(&omid, &found->label);
        status = media_find_by_omid(db, &omid, &labelled);
        if (status == NTMS_OK)
            status = objdb_get(db, &labelled.info.partition.physical_media, media);
    } else {
        status = anonymous_here(db, recorded_here, media);
    }
    if (status == NTMS_OK && (status = media_sides_of(db, &media->id, &sides)) == NTMS_OK && !sides.count)
        status = NTMS_E_DATABASE_FAILURE;
    if (status == NTMS_OK)
        *side = sides.side[0];
    return status;
}

ntms_err media_identified_record(struct objdb *db, const struct identified *found, const ntms_guid *library_id,
                                 const ntms_guid *recorded_here, struct rsm_object *media, struct rsm_object *side)
{
    ntms_err status = known_media(db, found, recorded_here, media, side);

    if (status == NTMS_E_OBJECT_NOT_FOUND)
        status = create_media(db, found, media, side);
    if (status != NTMS_OK)
        return status;
    media_set_omid(&side->info.partition, &found->label);
    side->info.partition.mount_count++;
    media->info.media.current_library = *library_id;
    /* RSM relates a library to the media types it has seen in it (the
     * record is read again inside this transaction: no lost update). */
    struct rsm_object library;
    if (objdb_get(db, library_id, &library) == NTMS_OK && !library_has_media_type(&library, &media->info.media.media_type)
        && library_relate_media_type(&library, &media->info.media.media_type) == NTMS_OK)
        status = objdb_put(db, &library);
    return status;
}
