/* RSM sessions: what OpenNtmsSession creates and every other call names.
 *
 * Handles are small integers with a generation count, never pointers, so a
 * garbage, stale or closed handle is recognised and refused instead of
 * being dereferenced. Lookups take a reference: a session closed by one
 * thread while another thread is inside a call stays alive until that call
 * releases it. */
#ifndef NTMSAPI_ENGINE_SESSION_H
#define NTMSAPI_ENGINE_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/ntms_error.h"

#define SESSION_NAME_MAX 64        /* NTMS_APPLICATIONNAME_LENGTH etc. */
#define SESSION_TABLE_SIZE 1024    /* open sessions per process */

#define SESSION_UI_TYPES 4   /* NTMS_UITYPE_INFO .. NTMS_UITYPE_ERR, index 0 unused */

struct ntms_session {
    char     application[SESSION_NAME_MAX];  /* UTF-8; "RSM" when the caller gave none */
    char     user[SESSION_NAME_MAX];         /* UTF-8, who opened it and where: library */
    char     computer[SESSION_NAME_MAX];     /* requests name them (szUser, szComputer) */
    uint32_t options;
    /* UI destinations set for this application (lpObjectId NULL): UTF-16
     * multi-strings, dropped with the session. */
    uint16_t *ui_destinations[SESSION_UI_TYPES];
    size_t    ui_lengths[SESSION_UI_TYPES];     /* in UTF-16 units */
    uint32_t serial;                         /* unique in this process, never 0: what owns a mount */
    unsigned table_index;                    /* owned by session_table.c */
};

/* Opens a session for the local computer. *handle is never 0 and never
 * all-ones (INVALID_HANDLE_VALUE). */
ntms_err session_open(const char *application_utf8, uint32_t options, uintptr_t *handle);

/* Records who opened the session and on which computer (UTF-8, may be NULL). */
void session_describe_client(struct ntms_session *session, const char *user, const char *computer);

/* The session behind a handle with a reference taken, or NULL when the
 * handle is not an open session. Pair with session_release(). */
struct ntms_session *session_acquire(uintptr_t handle);
void session_release(struct ntms_session *session);

/* Invalidates the handle at once; the session is freed when the last
 * reference goes. NTMS_E_INVALID_HANDLE for anything but an open session. */
ntms_err session_close(uintptr_t handle);

/* Is the session with this serial number still open in this process? */
bool session_serial_open(uint32_t serial);

/* Number of sessions currently open (tests, diagnostics). */
unsigned session_count_open(void);

#endif
