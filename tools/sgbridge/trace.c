#define _GNU_SOURCE
#include "trace.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

bool trace_enabled(void)
{
    static int enabled = -1;

    if (enabled < 0)
        enabled = getenv("SGBRIDGE_TRACE") != NULL;
    return enabled;
}

void trace(const char *format, ...)
{
    va_list args;

    if (!trace_enabled())
        return;
    int saved_errno = errno;
    va_start(args, format);
    fprintf(stderr, "sgbridge: ");
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    errno = saved_errno;
}
