/* Records <-> bytes for the store.
 *
 * Each field is written as (field id, length, raw bytes), without its
 * trailing zero bytes (decoding zero-fills them). Field ids are
 * stable forever: a newer engine adds ids, an older one skips ids it does
 * not know, and a field missing from an older record reads as zero. The
 * raw bytes are the little-endian in-memory form, identical for the i686
 * and x86_64 DLLs that share one database. */
#ifndef NTMSAPI_ENGINE_RSM_CODEC_H
#define NTMSAPI_ENGINE_RSM_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "common/ntms_error.h"
#include "engine/core/rsm_object.h"

/* Bytes rsm_encode() needs for this object. */
size_t rsm_encoded_size(const struct rsm_object *object);
/* Writes the record; returns the length used, 0 when capacity is short. */
size_t rsm_encode(const struct rsm_object *object, uint8_t *out, size_t capacity);
/* NTMS_E_DATABASE_FAILURE for a record that is not well formed. */
ntms_err rsm_decode(const uint8_t *in, size_t length, struct rsm_object *object);

#endif
