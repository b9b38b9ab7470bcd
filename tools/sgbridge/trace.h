/* SGBRIDGE_TRACE=1 in the environment logs the tape emulation's
 * operations and the device's failed answers on stderr. */
#ifndef SGBRIDGE_TRACE_H
#define SGBRIDGE_TRACE_H

#include <stdbool.h>

bool trace_enabled(void);
void trace(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
