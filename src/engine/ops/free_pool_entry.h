/* Entering the Free pool: RSM wrote a free label on the tape first
 * (LM_WRITESCRATCH), so that the tape is known to be free wherever it is
 * identified next. A medium in a library is mounted for it (in place when
 * it waits in a drive, or in its stand-alone drive); an offline medium
 * has nothing written. */
#ifndef NTMSAPI_ENGINE_OPS_FREE_POOL_ENTRY_H
#define NTMSAPI_ENGINE_OPS_FREE_POOL_ENTRY_H

#include <stdbool.h>

#include "engine/core/engine.h"

/* Writes the free label; *written is the label as identification will read it. */
ntms_err free_pool_write_label(struct engine *engine, const struct rsm_object *media, struct label_info *written);

/* A medium that entered Free before its free label was written
 * (UNPREPARED sides: a deallocation to Free) gets it now, and its sides
 * become AVAILABLE. One another process prepared meanwhile is left as it is. */
ntms_err free_pool_prepare(struct engine *engine, const ntms_guid *media);

#endif
