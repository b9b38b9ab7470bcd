/* The checkpoint file (ntmsapi.db): a header with its generation and two
 * checksums, then every entry in key order. */
#ifndef NTMSAPI_STORE_IMAGE_H
#define NTMSAPI_STORE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store_table.h"

#define STORE_IMAGE_HEADER 40

uint8_t *image_serialise(const struct store_table *table, uint64_t generation, size_t *length);
/* Checks the whole image before anything is taken from it. */
bool image_valid(const uint8_t *image, size_t length);
uint64_t image_generation(const uint8_t *image);
/* Sets the generation of a valid image (its header checksum with it). */
void image_set_generation(uint8_t *image, uint64_t generation);
/* A valid image's entries into an empty table. */
ntms_err image_parse(const uint8_t *image, size_t length, struct store_table *table);
/* Is this the start of an image (its magic)? */
bool image_head_looks_valid(const uint8_t *head, size_t length);

#endif
