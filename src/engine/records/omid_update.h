/* UpdateNtmsOmidInfo: the label an application has just written on its
 * newly allocated medium becomes the on-media identifier of the logical
 * medium's side, exactly as an identification of that tape would record
 * it, so that identifying the tape later finds the same side. */
#ifndef NTMSAPI_ENGINE_RECORDS_OMID_UPDATE_H
#define NTMSAPI_ENGINE_RECORDS_OMID_UPDATE_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/engine.h"
#include "security/sec_caller.h"

/* NTMS_OMID_TYPE_RAW_LABEL: the first block as written, recognised as
 * IdentifyNtmsSlot recognises it (the media label libraries, then the
 * built-in recognisers); NTMS_E_BAD_FORMAT when nothing recognises an
 * identity in it. Modify access to the logical medium's pool. */
ntms_err engine_update_omid_label(struct engine *engine, const struct sec_caller *caller, const ntms_guid *lmid,
                                  const uint8_t *block, size_t length);

/* NTMS_OMID_TYPE_FILESYSTEM_INFO (NTMS_FILESYSTEM_INFO): the file system
 * type is the label type, the serial number (4 bytes, little-endian) and
 * the volume name (UTF-16LE) the label id, the volume name its info. */
struct omid_filesystem {
    wchar16  file_system[64];
    wchar16  volume[256];
    uint32_t serial;
};
ntms_err engine_update_omid_filesystem(struct engine *engine, const struct sec_caller *caller, const ntms_guid *lmid,
                                       const struct omid_filesystem *filesystem);

#endif
