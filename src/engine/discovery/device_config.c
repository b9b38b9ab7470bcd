#include "engine/discovery/device_config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "common/ntms_error.h"

/* The next whitespace-separated word of a line, copied; false when there is none or it does not fit. */
static bool next_word(const char **at, const char *end, char *word, size_t capacity)
{
    const char *p = *at;

    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *start = p;
    while (p < end && *p != ' ' && *p != '\t')
        p++;
    size_t n = (size_t)(p - start);
    *at = p;
    if (!n || n >= capacity)
        return false;
    memcpy(word, start, n);
    word[n] = '\0';
    return true;
}

static bool only_blanks(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    return p == end;
}

static bool parse_element(const char *word, uint16_t *element)
{
    char *stop;
    unsigned long value = strtoul(word, &stop, 0);

    if (*stop || value > 0xFFFF)
        return false;
    *element = (uint16_t)value;
    return true;
}

static bool parse_line(const char *p, const char *end, struct device_config_entry *e)
{
    char kind[16], element[16];

    memset(e, 0, sizeof(*e));
    if (!next_word(&p, end, kind, sizeof(kind)) || !next_word(&p, end, e->path, sizeof(e->path)))
        return false;
    if (!strcmp(kind, "changer"))
        e->kind = DEVICE_CONFIG_CHANGER;
    else if (!strcmp(kind, "tape"))
        e->kind = DEVICE_CONFIG_TAPE;
    else if (!strcmp(kind, "drive") && next_word(&p, end, element, sizeof(element)) && parse_element(element, &e->element)
             && next_word(&p, end, e->tape, sizeof(e->tape)))
        e->kind = DEVICE_CONFIG_DRIVE;
    else
        return false;
    return only_blanks(p, end);
}

/* Room for one more entry; false when memory ran out. */
static bool make_room(struct device_config *config)
{
    if (config->count < config->capacity)
        return true;
    size_t capacity = config->capacity ? config->capacity * 2 : 16;
    struct device_config_entry *grown = realloc(config->entries, capacity * sizeof(*grown));
    if (!grown)
        return false;
    config->entries = grown;
    config->capacity = capacity;
    return true;
}

void device_config_free(struct device_config *config)
{
    free(config->entries);
    config->entries = NULL;
    config->count = config->capacity = config->skipped = 0;
}

void device_config_parse(const char *text, size_t length, struct device_config *config)
{
    const char *p = text, *end = text + length;

    device_config_free(config);
    while (p < end) {
        const char *line_end = memchr(p, '\n', (size_t)(end - p));
        if (!line_end)
            line_end = end;
        const char *comment = memchr(p, '#', (size_t)(line_end - p));
        const char *content_end = comment ? comment : line_end;
        if (content_end > p && content_end[-1] == '\r')
            content_end--;
        if (!only_blanks(p, content_end)) {
            if (make_room(config) && parse_line(p, content_end, &config->entries[config->count]))
                config->count++;
            else
                config->skipped++;
        }
        p = line_end + (line_end < end);
    }
}

/* Windows device paths ignore case. */
static bool same_path(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'a' && *a <= 'z' ? (char)(*a - 32) : *a, y = *b >= 'a' && *b <= 'z' ? (char)(*b - 32) : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

bool device_config_same_path(const char *a, const char *b)
{
    return same_path(a, b);
}

const char *device_config_drive(const struct device_config *config, const char *changer, uint16_t element)
{
    for (size_t i = 0; i < config->count; i++) {
        const struct device_config_entry *e = &config->entries[i];
        if (e->kind == DEVICE_CONFIG_DRIVE && e->element == element && same_path(e->path, changer))
            return e->tape;
    }
    return NULL;
}
