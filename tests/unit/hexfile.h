/* Commented-hex fixtures for the unit tests: '#' starts a comment, bytes
 * are pairs of hex digits separated by white space. */
#ifndef NTMSAPI_TESTS_HEXFILE_H
#define NTMSAPI_TESTS_HEXFILE_H

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Reads $NTMSAPI_TEST_DATA/<name> into buffer; returns the byte count, or
 * -1 when the file is missing or malformed. */
static inline long hexfile_load(const char *name, uint8_t *buffer, size_t capacity)
{
    char path[1024];
    const char *dir = getenv("NTMSAPI_TEST_DATA");
    if (name[0] == '/')
        snprintf(path, sizeof(path), "%s", name);
    else
        snprintf(path, sizeof(path), "%s/%s", dir ? dir : "tests/data", name);
    FILE *f = fopen(path, "r");
    long count = 0;
    int c, high = -1;

    if (!f)
        return -1;
    while ((c = fgetc(f)) != EOF) {
        if (c == '#') {
            while ((c = fgetc(f)) != EOF && c != '\n')
                ;
            continue;
        }
        if (isspace(c))
            continue;
        if (!isxdigit(c) || (size_t)count >= capacity) {
            fclose(f);
            return -1;
        }
        int value = isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
        if (high < 0) {
            high = value;
        } else {
            buffer[count++] = (uint8_t)(high << 4 | value);
            high = -1;
        }
    }
    fclose(f);
    return high < 0 ? count : -1;
}

#endif
