#include "engine/discovery/discovery_map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define IDENTIFIER_PREFIX 24   /* tgt: vendor (8) and product (16) before the serial */

static void apply_configured_drives(const struct changer_scan *scan, const struct device_config *config,
                                    const struct tape_devices *devices, int *tape_of, bool *used)
{
    const struct smc_element *drives = scan->elements[SMC_DATA_TRANSFER];

    for (size_t i = 0; i < scan->counts[SMC_DATA_TRANSFER]; i++) {
        const char *configured = device_config_drive(config, scan->name, drives[i].address);
        for (size_t t = 0; configured && t < devices->count; t++) {
            if (!used[t] && device_config_same_path(devices->tapes[t].name, configured)) {
                tape_of[i] = (int)t;
                used[t] = true;
            }
        }
    }
}

static bool identifier_ends_with(const struct smc_element *e, const char *serial)
{
    char id[SMC_IDENTIFIER_MAX + 1];
    size_t s = strlen(serial);

    scsi_copy_ascii(id, sizeof(id), e->identifier, e->identifier_length);
    size_t n = strlen(id);
    return s && n >= s && !strcmp(id + n - s, serial);
}

/* The part of a cut identifier after vendor and product: the start of a serial. */
static bool identifier_begins_serial(const struct smc_element *e, const char *serial)
{
    char id[SMC_IDENTIFIER_MAX + 1];

    if (e->identifier_length <= IDENTIFIER_PREFIX)
        return false;
    scsi_copy_ascii(id, sizeof(id), e->identifier + IDENTIFIER_PREFIX, e->identifier_length - IDENTIFIER_PREFIX);
    return id[0] && !strncmp(serial, id, strlen(id));
}

bool element_names_serial(const struct smc_element *e, const char *serial)
{
    return serial[0] && (identifier_ends_with(e, serial) || identifier_begins_serial(e, serial));
}

static void map_by_whole_identifier(const struct changer_scan *scan, const struct tape_devices *devices,
                                    int *tape_of, bool *used)
{
    const struct smc_element *drives = scan->elements[SMC_DATA_TRANSFER];

    for (size_t i = 0; i < scan->counts[SMC_DATA_TRANSFER]; i++)
        for (size_t t = 0; t < devices->count && tape_of[i] < 0; t++)
            if (!used[t] && identifier_ends_with(&drives[i], devices->tapes[t].serial)) {
                tape_of[i] = (int)t;
                used[t] = true;
            }
}

static void map_by_cut_identifier(const struct changer_scan *scan, const struct tape_devices *devices,
                                  int *tape_of, bool *used)
{
    const struct smc_element *drives = scan->elements[SMC_DATA_TRANSFER];

    for (size_t i = 0; i < scan->counts[SMC_DATA_TRANSFER]; i++) {
        if (tape_of[i] >= 0)
            continue;
        int candidate = -1, candidates = 0;
        for (size_t t = 0; t < devices->count; t++) {
            if (!used[t] && identifier_begins_serial(&drives[i], devices->tapes[t].serial)) {
                candidate = (int)t;
                candidates++;
            }
        }
        if (candidates == 1) {
            tape_of[i] = candidate;
            used[candidate] = true;
        }
    }
}

/* A changer that reports no identifier for its only unmapped drive, with
 * one tape left over: that is the one (anything more is a guess, which
 * the configuration's drive lines are for). */
static void map_the_last_drive(const struct changer_scan *scan, const struct tape_devices *devices, int *tape_of,
                               const bool *used)
{
    const struct smc_element *drives = scan->elements[SMC_DATA_TRANSFER];
    size_t element = SIZE_MAX, unmapped = 0, tape = SIZE_MAX, spare = 0;

    for (size_t i = 0; i < scan->counts[SMC_DATA_TRANSFER]; i++) {
        if (tape_of[i] >= 0)
            continue;
        unmapped++;
        if (!drives[i].identifier_length)
            element = i;
    }
    for (size_t t = 0; t < devices->count; t++) {
        if (!used[t] && !devices->tapes[t].mapped) {
            spare++;
            tape = t;
        }
    }
    if (unmapped == 1 && element != SIZE_MAX && spare == 1)
        tape_of[element] = (int)tape;
}

void map_drives(const struct changer_scan *scan, const struct device_config *config, struct tape_devices *devices,
                int *tape_of)
{
    size_t count = scan->counts[SMC_DATA_TRANSFER];
    bool *used = calloc(devices->count ? devices->count : 1, sizeof(*used));

    for (size_t i = 0; i < count; i++)
        tape_of[i] = -1;
    if (!used)
        return;   /* nothing mapped: the drives are recorded as the database knows them */
    apply_configured_drives(scan, config, devices, tape_of, used);
    map_by_whole_identifier(scan, devices, tape_of, used);
    map_by_cut_identifier(scan, devices, tape_of, used);
    map_the_last_drive(scan, devices, tape_of, used);
    for (size_t i = 0; i < count; i++)
        if (tape_of[i] >= 0)
            devices->tapes[tape_of[i]].mapped = true;
    free(used);
}
