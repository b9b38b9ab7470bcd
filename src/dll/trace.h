/* Diagnostic output of the DLL, quiet by default.
 *
 * NTMSAPI_DEBUG=err|fixme|trace selects how much goes to stderr (default:
 * err). It is read on first use, never in DllMain. */
#ifndef NTMSAPI_DLL_TRACE_H
#define NTMSAPI_DLL_TRACE_H

enum trace_level { TRACE_LEVEL_ERR = 1, TRACE_LEVEL_FIXME = 2, TRACE_LEVEL_TRACE = 3 };

void trace_printf(enum trace_level level, const char *function, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

#define ERR(...)   trace_printf(TRACE_LEVEL_ERR, __func__, __VA_ARGS__)
#define FIXME(...) trace_printf(TRACE_LEVEL_FIXME, __func__, __VA_ARGS__)
#define TRACE(...) trace_printf(TRACE_LEVEL_TRACE, __func__, __VA_ARGS__)

#endif
