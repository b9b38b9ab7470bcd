/* Named attributes of any object (Get/SetNtmsObjectAttribute). */
#ifndef NTMSAPI_ENGINE_RECORDS_ATTRIBUTES_H
#define NTMSAPI_ENGINE_RECORDS_ATTRIBUTES_H

#include <stddef.h>

#include "engine/core/engine.h"

#define ATTRIBUTE_NAME_MAX_CHARS (RSM_MAXATTR_NAMELEN - 1)   /* in WCHARs, without the NUL */

/* *size: capacity in, the attribute's size out (also with INSUFFICIENT_BUFFER). */
ntms_err engine_attribute_get(struct engine *engine, const ntms_guid *id, const char *name_utf8, void *buffer,
                              size_t *size);
/* A size of 0 deletes the attribute. */
ntms_err engine_attribute_set(struct engine *engine, const ntms_guid *id, const char *name_utf8, const void *data,
                              size_t size);

#endif
