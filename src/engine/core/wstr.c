#include "engine/core/wstr.h"

#include <ctype.h>

/* Decodes one UTF-8 sequence; returns bytes used (>= 1) and U+FFFD for
 * anything malformed or outside the BMP. */
static size_t decode_utf8(const unsigned char *s, unsigned *code)
{
    if (s[0] < 0x80) {
        *code = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *code = (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
        return 2;
    }
    if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *code = (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
        return 3;
    }
    *code = 0xFFFD;
    size_t n = 1;
    while (s[n] && (s[n] & 0xC0) == 0x80 && n < 4)
        n++;
    return n;
}

bool wstr_from_utf8(wchar16 *dst, size_t capacity, const char *text)
{
    const unsigned char *in = (const unsigned char *)(text ? text : "");
    size_t n = 0;

    if (capacity == 0)
        return false;
    while (*in && n + 1 < capacity) {
        unsigned code;
        in += decode_utf8(in, &code);
        dst[n++] = (wchar16)code;
    }
    bool complete = *in == '\0';
    while (n < capacity)
        dst[n++] = 0;
    return complete;
}

void wstr_to_utf8(char *dst, size_t capacity, const wchar16 *src, size_t src_capacity)
{
    size_t n = 0;

    if (capacity == 0)
        return;
    for (size_t i = 0; i < src_capacity && src[i]; i++) {
        unsigned c = src[i];
        size_t need = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        if (n + need >= capacity)
            break;
        if (need == 1) {
            dst[n++] = (char)c;
        } else if (need == 2) {
            dst[n++] = (char)(0xC0 | c >> 6);
            dst[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            dst[n++] = (char)(0xE0 | c >> 12);
            dst[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            dst[n++] = (char)(0x80 | (c & 0x3F));
        }
    }
    dst[n] = '\0';
}

bool wstr_equal_ascii_nocase(const wchar16 *a, size_t capacity, const char *b)
{
    size_t i = 0;

    for (; i < capacity && a[i] && b[i]; i++)
        if (a[i] > 0x7F || tolower(a[i]) != tolower((unsigned char)b[i]))
            return false;
    return (i == capacity || a[i] == 0) && b[i] == '\0';
}

size_t wstr_length(const wchar16 *s, size_t capacity)
{
    size_t n = 0;

    while (n < capacity && s[n])
        n++;
    return n;
}

size_t wstr_units_of_utf8(const char *text)
{
    size_t units = 0;

    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if ((*p & 0xC0) != 0x80)
            units++;                 /* a character starts here */
        if (*p >= 0xF0)
            units++;                 /* outside the BMP: a surrogate pair */
    }
    return units;
}
