/* A changer's slots and import/export ports into their RSM objects, known
 * again by element address. A holder the records already have exactly as
 * the scan says is not written: discovering an unchanged library of
 * 10,000 slots writes nothing and decodes each slot once. Inside the
 * caller's write transaction. */
#ifndef NTMSAPI_ENGINE_HOLDER_RECORDS_H
#define NTMSAPI_ENGINE_HOLDER_RECORDS_H

#include "engine/discovery/discovery_scan.h"

/* object_type RSM_STORAGESLOT or RSM_IEPORT, from the scan's elements of element_type. */
ntms_err record_holders(struct objdb *db, const struct changer_scan *scan, const struct rsm_object *library,
                        uint32_t object_type, enum smc_element_type element_type);

#endif
