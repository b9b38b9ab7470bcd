/* The objects that always exist ([MS-RSMP] 3.2.1.2): the computer, the
 * offline library, a media type per catalogue entry, and the system pools
 * Free, Import and Unrecognized with one child per media type. Created
 * once per database, found again by their contents, never duplicated. */
#ifndef NTMSAPI_ENGINE_SYSTEM_OBJECTS_H
#define NTMSAPI_ENGINE_SYSTEM_OBJECTS_H

#include "engine/core/objdb.h"

#define FILE_DEVICE_TAPE_TYPE 0x1F
#define RSM_PURGE_TIME_SECONDS 259200   /* 72 h, as Windows ([MS-RSMP] notes 15-16) */

/* Creates whatever is missing, in a write transaction of its own. */
ntms_err system_objects_ensure(struct objdb *db);

/* Lookups inside the caller's transaction. */
/* The computer object (there is one). */
ntms_err system_computer(struct objdb *db, ntms_guid *id);
ntms_err system_offline_library(struct objdb *db, ntms_guid *id);
ntms_err system_media_type_by_name(struct objdb *db, const char *name, ntms_guid *id);
/* The system pool of a kind (RSM_POOLTYPE_SCRATCH/FOREIGN/IMPORT) for a
 * media type; a null media type gives the top-level pool.
 * RSM_POOLTYPE_ROOT gives the hidden root pool. */
ntms_err system_pool(struct objdb *db, uint32_t pool_type, const ntms_guid *media_type, ntms_guid *id);

#endif
