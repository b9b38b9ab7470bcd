/* Get/SetNtmsUIOptions: where RSM's messages of each kind go. For the
 * computer or a library the list persists (a named attribute of that
 * object, stored with a final NUL so that a list emptied by DELETE or
 * DELETEALL is told from one never set); for NULL it belongs to the
 * calling application's session. */
#include "engine/records/ui_options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/records/attributes.h"
#include "engine/records/system_objects.h"
#include "engine/core/wstr.h"

#define LIST_MAX UI_LIST_UNITS

/* Index of `name` in the multi-string, or -1. */
static long find_entry(const wchar16 *list, size_t length, const wchar16 *name, size_t name_length)
{
    for (size_t at = 0; at < length;) {
        size_t n = wstr_length(list + at, length - at);
        if (n == name_length && !memcmp(list + at, name, n * sizeof(wchar16)))
            return (long)at;
        at += n + 1;
    }
    return -1;
}

/* Applies ADD / DELETE / DELETEALL to a multi-string of `*length` units
 * (entries, each NUL-terminated; no final extra NUL kept). */
static ntms_err edit(wchar16 *list, size_t *length, uint32_t operation, const wchar16 *name)
{
    size_t name_length = name ? wstr_length(name, LIST_MAX) : 0;

    if (operation == UI_DELETE_ALL) {
        *length = 0;
        return NTMS_OK;
    }
    long at = find_entry(list, *length, name, name_length);
    if (operation == UI_ADD) {
        if (at >= 0)
            return NTMS_E_ALREADY_EXISTS;
        if (*length + name_length + 2 > LIST_MAX)
            return NTMS_E_NOT_ENOUGH_MEMORY;
        memcpy(list + *length, name, name_length * sizeof(wchar16));
        list[*length + name_length] = 0;
        *length += name_length + 1;
        return NTMS_OK;
    }
    if (at < 0)
        return NTMS_E_OBJECT_NOT_FOUND;
    size_t removed = name_length + 1;
    memmove(list + at, list + at + removed, (*length - (size_t)at - removed) * sizeof(wchar16));
    *length -= removed;
    return NTMS_OK;
}

static void attribute_name(uint32_t type, char *name, size_t capacity)
{
    snprintf(name, capacity, "ntmsapi.ui.%u", (unsigned)type);
}

static ntms_err check_scope(struct engine *engine, const ntms_guid *object, uint32_t type)
{
    struct rsm_object o;

    if (type < UI_INFO || type > UI_ERR)
        return NTMS_E_INVALID_PARAMETER;
    if (!object)
        return type == UI_ERR ? NTMS_E_INVALID_PARAMETER : NTMS_OK;   /* ERR has no application scope */
    if (engine_get_object(engine, object, &o) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;
    return o.type == RSM_COMPUTER || o.type == RSM_LIBRARY ? NTMS_OK : NTMS_E_INVALID_PARAMETER;
}

/* An object's stored list; *set false when none was ever stored. Stored
 * lists end with an extra NUL; a list stored before that (no extra NUL
 * after its last entry) is read as it is. */
static ntms_err read_stored(struct engine *engine, const ntms_guid *object, uint32_t type, wchar16 *list,
                            size_t *length, bool *set)
{
    char name[32];
    size_t bytes = LIST_MAX * sizeof(wchar16);

    attribute_name(type, name, sizeof(name));
    ntms_err status = engine_attribute_get(engine, object, name, list, &bytes);
    size_t n = status == NTMS_OK ? bytes / sizeof(wchar16) : 0;
    *set = status == NTMS_OK;
    if (n && !list[n - 1] && (n == 1 || !list[n - 2]))
        n--;   /* the final NUL */
    *length = n;
    return status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_OK : status;
}

/* The current list into `list`/`length`. */
static ntms_err read_list(struct engine *engine, const struct ntms_session *session, const ntms_guid *object,
                          uint32_t type, wchar16 *list, size_t *length)
{
    bool set;

    if (!object) {
        *length = session->ui_lengths[type];
        if (*length)
            memcpy(list, session->ui_destinations[type], *length * sizeof(wchar16));
        return NTMS_OK;
    }
    return read_stored(engine, object, type, list, length, &set);
}

ntms_err engine_ui_get(struct engine *engine, struct ntms_session *session, const ntms_guid *object, uint32_t type,
                       wchar16 *out, uint32_t *length)
{
    static const wchar16 none;
    wchar16 *list = malloc(LIST_MAX * sizeof(wchar16));
    size_t n = 0;
    ntms_err status = list ? check_scope(engine, object, type) : NTMS_E_NOT_ENOUGH_MEMORY;

    if (status == NTMS_OK)
        status = read_list(engine, session, object, type, list, &n);
    if (status == NTMS_OK) {
        uint32_t needed = n ? (uint32_t)n + 1 : 0;    /* the multi-string's final NUL */
        uint32_t capacity = *length;
        *length = needed;
        if (capacity < needed) {
            status = NTMS_E_INSUFFICIENT_BUFFER;
        } else if (needed) {
            memcpy(out, list, n * sizeof(wchar16));
            out[n] = none;
        }
    }
    free(list);
    return status;
}

static ntms_err store_list(struct engine *engine, const ntms_guid *object, uint32_t type, wchar16 *list, size_t n)
{
    char name[32];

    if (n >= LIST_MAX)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    attribute_name(type, name, sizeof(name));
    list[n] = 0;   /* the final NUL: an empty list is still a list */
    return engine_attribute_set(engine, object, name, list, (n + 1) * sizeof(wchar16));
}

static ntms_err keep_in_session(struct ntms_session *session, uint32_t type, const wchar16 *list, size_t n)
{
    void *copy = n ? malloc(n * sizeof(wchar16)) : NULL;

    if (n && !copy)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    if (n)
        memcpy(copy, list, n * sizeof(wchar16));
    free(session->ui_destinations[type]);
    session->ui_destinations[type] = copy;
    session->ui_lengths[type] = n;
    return NTMS_OK;
}

ntms_err engine_ui_set(struct engine *engine, struct ntms_session *session, const ntms_guid *object, uint32_t type,
                       uint32_t operation, const wchar16 *destination)
{
    wchar16 *list = malloc(LIST_MAX * sizeof(wchar16));
    size_t n = 0;
    ntms_err status = list ? check_scope(engine, object, type) : NTMS_E_NOT_ENOUGH_MEMORY;

    if (status == NTMS_OK && operation != UI_ADD && operation != UI_DELETE && operation != UI_DELETE_ALL)
        status = NTMS_E_INVALID_PARAMETER;
    if (status == NTMS_OK)
        status = read_list(engine, session, object, type, list, &n);
    if (status == NTMS_OK)
        status = edit(list, &n, operation, destination);
    if (status == NTMS_OK)
        status = object ? store_list(engine, object, type, list, n) : keep_in_session(session, type, list, n);
    free(list);
    return status;
}

/* ---- where operator requests go ---- */

/* The entries of `from` not yet in `to`, appended. */
static void merge(wchar16 *to, size_t capacity, size_t *length, const wchar16 *from, size_t from_length)
{
    for (size_t at = 0; at < from_length;) {
        size_t n = wstr_length(from + at, from_length - at);
        if (find_entry(to, *length, from + at, n) < 0 && *length + n + 1 <= capacity) {
            memcpy(to + *length, from + at, n * sizeof(wchar16));
            to[*length + n] = 0;
            *length += n + 1;
        }
        at += n + 1;
    }
}

/* A persistent scope's list merged in; *any_set when it was ever set. */
static ntms_err merge_stored(struct engine *engine, const ntms_guid *object, wchar16 *to, size_t capacity,
                             size_t *length, bool *any_set)
{
    wchar16 *list = malloc(LIST_MAX * sizeof(wchar16));
    size_t n = 0;
    bool set = false;
    ntms_err status = list ? read_stored(engine, object, UI_REQ, list, &n, &set) : NTMS_E_NOT_ENOUGH_MEMORY;

    if (status == NTMS_OK && set) {
        *any_set = true;
        merge(to, capacity, length, list, n);
    }
    free(list);
    return status;
}

static ntms_err the_computer(struct engine *engine, ntms_guid *id)
{
    OBJDB_TRANSACTION(engine->db, false, system_computer(engine->db, id));
}

ntms_err ui_request_destinations(struct engine *engine, const struct ntms_session *session, const ntms_guid *library,
                                 wchar16 *list, size_t capacity, size_t *length)
{
    ntms_guid computer;
    bool any_set = false;
    ntms_err status = NTMS_OK;

    *length = 0;
    if (session && session->ui_lengths[UI_REQ]) {
        any_set = true;
        merge(list, capacity, length, session->ui_destinations[UI_REQ], session->ui_lengths[UI_REQ]);
    }
    if (library)
        status = merge_stored(engine, library, list, capacity, length, &any_set);
    if (status == NTMS_OK && (status = the_computer(engine, &computer)) == NTMS_OK)
        status = merge_stored(engine, &computer, list, capacity, length, &any_set);
    if (status == NTMS_OK && !any_set && capacity) {
        list[0] = 0;   /* the local computer */
        *length = 1;
    }
    return status;
}
