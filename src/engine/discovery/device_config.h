/* The device configuration: devices Windows does not name \\.\ChangerN or
 * \\.\TapeN, and which tape device is behind a changer's drive when the
 * administrator wants to say so. A text file (UTF-8), one entry a line,
 * '#' starts a comment:
 *
 *     changer <path>                                a changer to scan too
 *     tape    <path>                                a tape drive to scan too
 *     drive   <changer path> <element> <tape path>  that changer's data transfer
 *                                                   element <element> (decimal or 0x..) is that tape
 *
 * Paths are device paths as CreateFile takes them (\\.\Scsi2:0,4,0 ...).
 * A drive line decides over the changer's own identifiers (DVCID). Lines
 * that do not parse are skipped. Parsing is pure; reading is the caller's. */
#ifndef NTMSAPI_ENGINE_DEVICE_CONFIG_H
#define NTMSAPI_ENGINE_DEVICE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DEVICE_CONFIG_PATH_MAX 260

enum device_config_kind { DEVICE_CONFIG_CHANGER, DEVICE_CONFIG_TAPE, DEVICE_CONFIG_DRIVE };

struct device_config_entry {
    enum device_config_kind kind;
    char     path[DEVICE_CONFIG_PATH_MAX];      /* changer or tape; for DRIVE: the changer */
    uint16_t element;                           /* DRIVE only */
    char     tape[DEVICE_CONFIG_PATH_MAX];      /* DRIVE only */
};

struct device_config {
    struct device_config_entry *entries;         /* as many as the file has */
    size_t                      count, capacity;
    size_t                      skipped;         /* lines that did not parse (or found no memory) */
};

/* Fills `config` (zeroed, or freed before); free it with device_config_free. */
void device_config_parse(const char *text, size_t length, struct device_config *config);
void device_config_free(struct device_config *config);
/* Device paths compare without case, as Windows does. */
bool device_config_same_path(const char *a, const char *b);
/* The tape path a drive line gives for this changer's element, or NULL. */
const char *device_config_drive(const struct device_config *config, const char *changer, uint16_t element);

#endif
