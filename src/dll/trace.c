#include "trace.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum trace_level configured_level(void)
{
    static volatile long level;   /* 0: not read yet; racing readers agree */

    if (level == 0) {
        const char *value = getenv("NTMSAPI_DEBUG");
        long chosen = TRACE_LEVEL_ERR;
        if (value && !strcmp(value, "trace"))
            chosen = TRACE_LEVEL_TRACE;
        else if (value && !strcmp(value, "fixme"))
            chosen = TRACE_LEVEL_FIXME;
        level = chosen;
    }
    return (enum trace_level)level;
}

void trace_printf(enum trace_level level, const char *function, const char *format, ...)
{
    static const char *const prefix[] = { "", "err", "fixme", "trace" };
    va_list args;

    if (level > configured_level())
        return;
    fprintf(stderr, "ntmsapi:%s:%s ", prefix[level], function);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
}
