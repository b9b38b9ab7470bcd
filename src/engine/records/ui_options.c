/* Get/SetNtmsUIOptions: where RSM's messages of each kind go. For the
 * computer or a library the list persists (a named attribute of that
 * object); for NULL it belongs to the calling application's session. */
#include "engine/records/ui_options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/records/attributes.h"
#include "engine/core/wstr.h"

#define LIST_MAX 4096   /* UTF-16 units of one multi-string */

/* Index of `name` in the multi-string, or -1. */
static long find_entry(const wchar16 *list, size_t length, const wchar16 *name, size_t name_length)
{
    for (size_t at = 0; at < length && list[at];) {
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
        if (*length + name_length + 1 > LIST_MAX)
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

/* The current list into `list`/`length`. */
static ntms_err read_list(struct engine *engine, struct ntms_session *session, const ntms_guid *object,
                          uint32_t type, wchar16 *list, size_t *length)
{
    char name[32];
    size_t bytes = LIST_MAX * sizeof(wchar16);

    if (!object) {
        *length = session->ui_lengths[type];
        memcpy(list, session->ui_destinations[type], *length * sizeof(wchar16));
        return NTMS_OK;
    }
    attribute_name(type, name, sizeof(name));
    ntms_err status = engine_attribute_get(engine, object, name, list, &bytes);
    *length = status == NTMS_OK ? bytes / sizeof(wchar16) : 0;
    return status == NTMS_E_OBJECT_NOT_FOUND ? NTMS_OK : status;   /* none set yet */
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
    if (status == NTMS_OK && object) {
        char name[32];
        attribute_name(type, name, sizeof(name));
        status = engine_attribute_set(engine, object, name, list, n * sizeof(wchar16));
    } else if (status == NTMS_OK) {
        void *copy = n ? malloc(n * sizeof(wchar16)) : NULL;
        if (n && !copy) {
            status = NTMS_E_NOT_ENOUGH_MEMORY;
        } else {
            if (n)
                memcpy(copy, list, n * sizeof(wchar16));
            free(session->ui_destinations[type]);
            session->ui_destinations[type] = copy;
            session->ui_lengths[type] = n;
        }
    }
    free(list);
    return status;
}
