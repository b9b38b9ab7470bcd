/* Fixed-size UTF-16 fields of RSM records, filled from ASCII/UTF-8. */
#ifndef NTMSAPI_ENGINE_WSTR_H
#define NTMSAPI_ENGINE_WSTR_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/core/rsm_object.h"

/* Copies `text` (UTF-8) into dst[capacity], always terminated; characters
 * outside the BMP become U+FFFD. Returns false when it had to truncate. */
bool wstr_from_utf8(wchar16 *dst, size_t capacity, const char *text);
/* UTF-16 to UTF-8 for logs and names; always terminated. */
void wstr_to_utf8(char *dst, size_t capacity, const wchar16 *src, size_t src_capacity);
bool wstr_equal_ascii_nocase(const wchar16 *a, size_t capacity, const char *b);
size_t wstr_length(const wchar16 *s, size_t capacity);
/* How many UTF-16 units (WCHARs) a UTF-8 text takes: RSM's name limits
 * count these, not bytes. */
size_t wstr_units_of_utf8(const char *text);

#define WSTR_SET(field, text) wstr_from_utf8((field), sizeof(field) / sizeof((field)[0]), (text))

#endif
