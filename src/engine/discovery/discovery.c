/* Discovery: changers and drives by their Windows names and the device
 * configuration, mapped to RSM library, changer, slot, drive and IE port
 * objects; tape drives no changer leads to become stand-alone libraries;
 * libraries the scan did not find are marked NOT_PRESENT. One scan at a
 * time per process. */
#include "engine/discovery/discovery.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/record_lookup.h"
#include "engine/discovery/device_config.h"
#include "engine/discovery/discovery_map.h"
#include "engine/discovery/discovery_record.h"
#include "engine/discovery/discovery_scan.h"
#include "engine/discovery/standalone_record.h"
#include "engine/core/wstr.h"
#include "platform/plat_file.h"
#include "platform/plat_lock.h"

#define MAX_CHANGER_NAMES 16   /* \\.\Changer0..15 */
#define DEFAULT_DEFER_DISMOUNT_SECONDS 300

static plat_mutex discovery_lock = PLAT_MUTEX_INIT;

/* NTMSAPI_DEFER_DISMOUNT_DELAY (seconds) sets the delay new drives get;
 * RSM's default is 300 s. */
static uint32_t default_defer_dismount_seconds(void)
{
    const char *value = getenv("NTMSAPI_DEFER_DISMOUNT_DELAY");
    char *end;
    unsigned long seconds = value ? strtoul(value, &end, 10) : 0;

    return value && *value && !*end && seconds <= 86400 ? (uint32_t)seconds : DEFAULT_DEFER_DISMOUNT_SECONDS;
}

/* The libraries found by this scan. */
struct found_list {
    ntms_guid *ids;
    size_t     count;
};

static ntms_err found(struct found_list *list, const ntms_guid *id)
{
    ntms_guid *grown = realloc(list->ids, (list->count + 1) * sizeof(*grown));

    if (!grown)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    list->ids = grown;
    list->ids[list->count++] = *id;
    return NTMS_OK;
}

struct discovery {
    struct engine       *engine;
    struct device_config config;
    struct tape_devices  devices;
    struct found_list    libraries;
    bool                 cannot_tell;   /* a changer left drives without identifiers unmapped */
};

/* NTMSAPI_DEVICES names the configuration; else <data directory>/devices.conf. */
static void load_configuration(struct discovery *d)
{
    char path[1200];
    const char *named = getenv("NTMSAPI_DEVICES");
    uint8_t *text = NULL;
    size_t length = 0;

    snprintf(path, sizeof(path), "%s/devices.conf", d->engine->data_directory);
    if (plat_file->read_all(named && *named ? named : path, &text, &length) == NTMS_OK)
        device_config_parse((const char *)text, length, &d->config);
    free(text);
}

/* One changer: scanned and recorded under its robot lock. */
static ntms_err discover_changer(struct discovery *d, const char *name)
{
    struct changer_scan scan;
    ntms_guid library;
    ntms_err status = scan_changer(d->engine, name, &scan);

    if (status != NTMS_OK)
        return status;
    size_t drives = scan.counts[SMC_DATA_TRANSFER];
    int *tape_of = malloc((drives ? drives : 1) * sizeof(*tape_of));
    if (!tape_of) {
        changer_scan_end(&scan);
        return NTMS_E_NOT_ENOUGH_MEMORY;
    }
    map_drives(&scan, &d->config, &d->devices, tape_of);
    struct discovery_recording recording = { &scan, &d->devices, tape_of, default_defer_dismount_seconds(), false };
    status = record_changer_scan(d->engine->db, &recording, &library);
    changer_scan_end(&scan);
    free(tape_of);
    d->cannot_tell |= recording.cannot_tell;
    return status == NTMS_OK ? found(&d->libraries, &library) : status;
}

/* \\.\Changer0..15, then the changers the configuration names. */
static ntms_err discover_changers(struct discovery *d)
{
    char name[32];
    ntms_err result = NTMS_OK;

    for (size_t n = 0; n < MAX_CHANGER_NAMES + d->config.count; n++) {
        const char *changer = name;
        if (n < MAX_CHANGER_NAMES)
            snprintf(name, sizeof(name), "\\\\.\\Changer%u", (unsigned)n);
        else if (d->config.entries[n - MAX_CHANGER_NAMES].kind == DEVICE_CONFIG_CHANGER)
            changer = d->config.entries[n - MAX_CHANGER_NAMES].path;
        else
            continue;
        ntms_err status = discover_changer(d, changer);
        if (status != NTMS_OK && status != NTMS_E_OBJECT_NOT_FOUND)
            result = status;
    }
    return result;
}

/* ---- stand-alone drives ---- */

static bool drive_with_serial(const struct rsm_object *o, const void *serial)
{
    return wstr_equal_ascii_nocase(o->info.drive.serial_number, RSM_SERIALNUMBER_LENGTH, serial);
}

/* A drive of a library that is only out of sight is no stand-alone drive. */
static bool in_a_changer_library(struct objdb *db, const char *serial)
{
    struct rsm_object drive, library;
    bool owned = false;

    if (objdb_begin_read(db) != NTMS_OK)
        return false;
    owned = records_find(db, RSM_DRIVE, drive_with_serial, serial, &drive) == NTMS_OK
         && objdb_get(db, &drive.info.drive.library, &library) == NTMS_OK
         && library.info.library.library_type == RSM_LIBRARYTYPE_ONLINE;
    objdb_abort(db);
    return owned;
}

static bool standalone_at(const struct rsm_object *o, const void *device_path)
{
    char path[RSM_DEVICE_PATH_LENGTH * 3];

    if (o->info.library.library_type != RSM_LIBRARYTYPE_STANDALONE)
        return false;
    wstr_to_utf8(path, sizeof(path), o->info.library.device_path, RSM_DEVICE_PATH_LENGTH);
    return device_config_same_path(path, device_path);
}

/* A stand-alone drive an application holds open is still there. */
static ntms_err keep_busy_standalone(struct discovery *d)
{
    struct rsm_object library;
    ntms_err status = NTMS_OK;

    if (objdb_begin_read(d->engine->db) != NTMS_OK)
        return NTMS_E_DATABASE_FAILURE;
    for (size_t i = 0; i < d->devices.busy_count && status == NTMS_OK; i++)
        if (records_find(d->engine->db, RSM_LIBRARY, standalone_at, d->devices.busy[i], &library) == NTMS_OK)
            status = found(&d->libraries, &library.id);
    objdb_abort(d->engine->db);
    return status;
}

/* Tapes no changer leads to are stand-alone libraries; but while a
 * changer could not tell which tapes its drives are, none is taken for
 * stand-alone (configure its drive lines). */
static ntms_err discover_standalone(struct discovery *d)
{
    ntms_err result = NTMS_OK;
    ntms_guid library;

    if (d->cannot_tell)
        return NTMS_OK;
    for (size_t t = 0; t < d->devices.count; t++) {
        struct tape_device *tape = &d->devices.tapes[t];
        if (tape->mapped || in_a_changer_library(d->engine->db, tape->serial))
            continue;
        ntms_err status = standalone_record(d->engine->db, tape->name, tape->serial, tape->vendor, tape->product,
                                            default_defer_dismount_seconds(), &library);
        if (status == NTMS_OK)
            status = found(&d->libraries, &library);
        if (status != NTMS_OK)
            result = status;
    }
    ntms_err busy = keep_busy_standalone(d);
    return result != NTMS_OK ? result : busy;
}

/* ---- what the scan did not find ---- */

static bool was_found(const struct found_list *f, const ntms_guid *id)
{
    for (size_t i = 0; i < f->count; i++)
        if (ntms_guid_equal(&f->ids[i], id))
            return true;
    return false;
}

/* A library (online or stand-alone) this scan did not find, or a drive of
 * one, not yet marked absent. */
static bool newly_absent(const struct rsm_object *o, const void *found)
{
    uint32_t kind = o->info.library.library_type;
    bool gone = o->type == RSM_LIBRARY
              ? (kind == RSM_LIBRARYTYPE_ONLINE || kind == RSM_LIBRARYTYPE_STANDALONE) && !was_found(found, &o->id)
              : !was_found(found, &o->info.drive.library);
    return gone && o->operational_state != RSM_NOT_PRESENT;
}

/* Libraries this scan did not find, and their drives, are not present
 * (until a scan finds them again: then they are the same objects). */
static ntms_err mark_absent(struct objdb *db, const struct found_list *found)
{
    struct record_list gone = { 0 };
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    if ((status = records_collect(db, RSM_LIBRARY, newly_absent, found, &gone)) == NTMS_OK)
        status = records_collect(db, RSM_DRIVE, newly_absent, found, &gone);
    for (size_t i = 0; status == NTMS_OK && i < gone.count; i++) {
        gone.items[i].operational_state = RSM_NOT_PRESENT;
        status = objdb_put(db, &gone.items[i]);
    }
    record_list_free(&gone);
    return objdb_end(db, status);
}

static ntms_err discover(struct engine *engine)
{
    struct discovery d;

    memset(&d, 0, sizeof(d));
    d.engine = engine;
    load_configuration(&d);
    ntms_err result = scan_tapes(engine, &d.config, &d.devices);
    ntms_err status = discover_changers(&d);
    if (result == NTMS_OK)
        result = status;
    status = discover_standalone(&d);
    if (result == NTMS_OK)
        result = status;
    if (result == NTMS_OK)   /* a failed scan proves nothing about what is absent */
        result = mark_absent(engine->db, &d.libraries);
    tape_devices_free(&d.devices);
    device_config_free(&d.config);
    free(d.libraries.ids);
    return result;
}

ntms_err engine_discover(struct engine *engine)
{
    if (!engine->open_device)
        return NTMS_OK;
    plat_mutex_lock(&discovery_lock);
    ntms_err status = discover(engine);
    engine->discovered_at = objdb_now();
    engine->discovered = 1;
    plat_mutex_unlock(&discovery_lock);
    return status;
}

ntms_err engine_discover_once(struct engine *engine)
{
    ntms_err status = NTMS_OK;

    plat_mutex_lock(&discovery_lock);
    if (!engine->discovered && engine->open_device) {
        status = discover(engine);
        engine->discovered_at = objdb_now();
        engine->discovered = 1;
    }
    plat_mutex_unlock(&discovery_lock);
    return status;
}

ntms_err engine_rediscover(struct engine *engine, uint32_t seconds)
{
    plat_mutex_lock(&discovery_lock);
    bool recent = engine->discovered && objdb_now() - engine->discovered_at < (uint64_t)seconds * 10000000u;
    plat_mutex_unlock(&discovery_lock);
    return recent ? NTMS_OK : engine_discover(engine);
}
