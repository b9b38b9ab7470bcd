#include "store/store_image.h"

#include <stdlib.h>
#include <string.h>

#include "common/crc32.h"
#include "store/store_bytes.h"
#include "store/store.h"

#define ENTRY_HEADER 28   /* kind, name length, 2 reserved, tag, guid, value length */
static const uint8_t image_magic[8] = { 'N', 'T', 'M', 'S', 'D', 'B', 0, 1 };

static size_t image_size(const struct store_table *t)
{
    return STORE_IMAGE_HEADER + t->count * ENTRY_HEADER + t->bytes;
}

static uint8_t *put_entry(uint8_t *at, const struct table_entry *e)
{
    size_t name_length = strlen(e->name);

    at[0] = e->kind;
    at[1] = (uint8_t)name_length;
    put32(at + 4, e->tag);
    memcpy(at + 8, e->id.bytes, 16);
    put32(at + 24, (uint32_t)e->length);
    memcpy(at + ENTRY_HEADER, e->name, name_length);
    memcpy(at + ENTRY_HEADER + name_length, e->value, e->length);
    return at + ENTRY_HEADER + name_length + e->length;
}

uint8_t *image_serialise(const struct store_table *t, uint64_t generation, size_t *length)
{
    size_t total = image_size(t);
    uint8_t *image = calloc(1, total);

    if (!image)
        return NULL;
    uint8_t *at = image + STORE_IMAGE_HEADER;
    for (size_t i = 0; i < t->count; i++)
        at = put_entry(at, &t->entries[i]);
    memcpy(image, image_magic, 8);
    put32(image + 8, STORE_FORMAT_VERSION);
    put32(image + 12, STORE_IMAGE_HEADER);
    put32(image + 24, (uint32_t)t->count);
    put32(image + 28, (uint32_t)(total - STORE_IMAGE_HEADER));
    put32(image + 32, crc32_of(image + STORE_IMAGE_HEADER, total - STORE_IMAGE_HEADER));
    image_set_generation(image, generation);
    *length = total;
    return image;
}

void image_set_generation(uint8_t *image, uint64_t generation)
{
    put64(image + 16, generation);
    put32(image + 36, crc32_of(image, 36));
}

uint64_t image_generation(const uint8_t *image)
{
    return get64(image + 16);
}

bool image_head_looks_valid(const uint8_t *head, size_t length)
{
    return length >= STORE_IMAGE_HEADER && !memcmp(head, image_magic, 8);
}

bool image_valid(const uint8_t *image, size_t length)
{
    if (!image_head_looks_valid(image, length) || get32(image + 36) != crc32_of(image, 36))
        return false;
    if (get32(image + 8) != STORE_FORMAT_VERSION || get32(image + 12) != STORE_IMAGE_HEADER)
        return false;
    size_t payload = get32(image + 28);
    return payload == length - STORE_IMAGE_HEADER
        && get32(image + 32) == crc32_of(image + STORE_IMAGE_HEADER, payload);
}

static ntms_err take_entry(const uint8_t *at, size_t name_length, size_t value_length, struct store_table *t)
{
    struct table_entry e = { .kind = at[0], .tag = get32(at + 4), .length = value_length };

    memcpy(e.id.bytes, at + 8, 16);
    e.name = malloc(name_length + 1);
    e.value = malloc(value_length ? value_length : 1);
    if (e.name && e.value) {
        memcpy(e.name, at + ENTRY_HEADER, name_length);
        e.name[name_length] = '\0';
        memcpy(e.value, at + ENTRY_HEADER + name_length, value_length);
        if (table_append(t, &e) == NTMS_OK)
            return NTMS_OK;
    }
    free(e.name);
    free(e.value);
    return NTMS_E_NOT_ENOUGH_MEMORY;
}

ntms_err image_parse(const uint8_t *image, size_t length, struct store_table *t)
{
    uint32_t count = get32(image + 24);
    const uint8_t *at = image + STORE_IMAGE_HEADER, *end = image + length;

    for (uint32_t i = 0; i < count; i++) {
        if ((size_t)(end - at) < ENTRY_HEADER)
            return NTMS_E_DATABASE_FAILURE;
        size_t name_length = at[1], value_length = get32(at + 24);
        if ((size_t)(end - at) - ENTRY_HEADER < name_length + (uint64_t)value_length)
            return NTMS_E_DATABASE_FAILURE;
        ntms_err status = take_entry(at, name_length, value_length, t);
        if (status != NTMS_OK)
            return status;
        at += ENTRY_HEADER + name_length + value_length;
    }
    return at == end ? NTMS_OK : NTMS_E_DATABASE_FAILURE;
}
