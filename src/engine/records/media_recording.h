/* What an identification found on a tape, into RSM's records, by RSM's
 * rules: a medium already known (by barcode, or without one by its
 * label's on-media identifier) keeps its pool and side states; a new one
 * goes to the Import pool of its media type when its label type is known
 * (side IMPORT), else to Unrecognized (side FOREIGN). Shared by
 * IdentifyNtmsSlot and the stand-alone drives' inventory. */
#ifndef NTMSAPI_ENGINE_RECORDS_MEDIA_RECORDING_H
#define NTMSAPI_ENGINE_RECORDS_MEDIA_RECORDING_H

#include <stdbool.h>

#include "engine/core/objdb.h"
#include "engine/labels/cartridge_memory.h"
#include "engine/labels/label_detect.h"
#include "scsi/scsi_smc.h"

struct identified {
    char               barcode[SMC_VOLTAG_LENGTH + 1];   /* "" without a reader or a MAM barcode */
    struct label_info  label;
    struct mam_summary mam;
    bool               has_mam;
    bool               incompatible;   /* no drive of the library could read it */
};

/* A label as the side's on-media identifier (type, id, info). */
void media_set_omid(struct rsm_partition *side, const struct label_info *label);

/* Inside the caller's write transaction: the medium and its first side,
 * found or created, with the label recorded on the side, the mount
 * counted, the library set and related to the medium's type. A tape
 * without barcode and without label identity is told apart by nothing
 * but where it was found: it is the medium recorded there (`recorded_here`,
 * NULL or null for none) when that one has neither either. The caller
 * sets the location and writes both. */
ntms_err media_identified_record(struct objdb *db, const struct identified *found, const ntms_guid *library,
                                 const ntms_guid *recorded_here, struct rsm_object *media, struct rsm_object *side);

#endif
