/* A minimal Wine-style test harness for the Win32 test programs: ok()
 * counts and reports with file:line, and the program ends with the line
 * "N passed, N failed" that CI reads. */
#ifndef NTMSAPI_TESTS_WINTEST_H
#define NTMSAPI_TESTS_WINTEST_H

#include <stdarg.h>
#include <stdio.h>

static unsigned wintest_passed, wintest_failed;
static const char *wintest_context = "";

static void wintest_ok(int condition, const char *file, int line, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static void wintest_ok(int condition, const char *file, int line, const char *format, ...)
{
    va_list args;

    if (condition) {
        wintest_passed++;
        return;
    }
    wintest_failed++;
    printf("%s:%d: %sTest failed: ", file, line, wintest_context);
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
    fflush(stdout);
}

#define ok(condition, ...) wintest_ok((condition), __FILE__, __LINE__, __VA_ARGS__)

/* The first line of every test program's output: run_win32_test.sh tells a
 * program Wine never started (no such line) from one that ran and failed. */
#define WINTEST_STARTED "wintest: the program started"

__attribute__((constructor)) static void wintest_started(void)
{
    printf("%s\n", WINTEST_STARTED);
    fflush(stdout);
}

static int wintest_finish(void)
{
    printf("%u passed, %u failed\n", wintest_passed, wintest_failed);
    fflush(stdout);
    return wintest_failed ? 1 : 0;
}

#endif
