/* Discovery: changers and drives by their Windows names, mapped to RSM
 * library, changer, slot, drive and IE port objects. */
#include "engine/engine.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/device_config.h"
#include "engine/device_types.h"
#include "engine/robot.h"
#include "engine/standalone.h"
#include "engine/wstr.h"
#include "platform/plat_file.h"
#include "scsi/scsi_spc.h"

#define MAX_CHANGERS 16   /* \\.\Changer0..15 */
#define MAX_TAPE_NAMES 32 /* \\.\Tape0..31 */
#define MAX_TAPES (MAX_TAPE_NAMES + DEVICE_CONFIG_ENTRIES)
#define MAX_ELEMENTS 4096
#define DEFAULT_DEFER_DISMOUNT_SECONDS 300

/* NTMSAPI_DEFER_DISMOUNT_DELAY (seconds) sets the delay new drives get;
 * RSM's default is 300 s. */
static uint32_t default_defer_dismount_seconds(void)
{
    const char *value = getenv("NTMSAPI_DEFER_DISMOUNT_DELAY");
    char *end;
    unsigned long seconds = value ? strtoul(value, &end, 10) : 0;

    return value && *value && !*end && seconds <= 86400 ? (uint32_t)seconds : DEFAULT_DEFER_DISMOUNT_SECONDS;
}

struct tape_device {
    char name[DEVICE_CONFIG_PATH_MAX];
    char serial[64];
    char vendor[9], product[17];   /* its model, as INQUIRY says */
    bool mapped;          /* behind some changer's data transfer element */
};

struct scan {
    char                  changer_name[DEVICE_CONFIG_PATH_MAX];
    char                  serial[64];
    struct scsi_inquiry   inquiry;
    struct smc_element_map map;
    struct smc_element   *elements[5];   /* per element type */
    size_t                counts[5];
    struct tape_device    tapes[MAX_TAPES];
    size_t                tape_count;
    const struct device_config *config;
    bool                  cannot_tell;   /* a changer left drives without identifiers unmapped */
};

static void free_scan(struct scan *scan)
{
    for (int t = 0; t < 5; t++)
        free(scan->elements[t]);
}

static bool known_tape(const struct scan *scan, const char *name)
{
    for (size_t t = 0; t < scan->tape_count; t++)
        if (device_config_same_path(scan->tapes[t].name, name))
            return true;
    return false;
}

static void describe_tape(struct scsi_transport *tape, struct tape_device *d)
{
    uint8_t data[96];
    struct scsi_request req;
    struct scsi_inquiry inquiry;

    scsi_build_inquiry(&req, data, sizeof(data), false, 0);
    if (robot_run(tape, &req) == NTMS_OK && scsi_parse_inquiry(data, req.transferred, &inquiry)) {
        snprintf(d->vendor, sizeof(d->vendor), "%s", inquiry.vendor);
        snprintf(d->product, sizeof(d->product), "%s", inquiry.product);
    }
}

static void add_tape(struct engine *engine, struct scan *scan, const char *name)
{
    struct scsi_transport *tape;
    struct tape_device *d = &scan->tapes[scan->tape_count];

    if (scan->tape_count == MAX_TAPES || known_tape(scan, name))
        return;
    memset(d, 0, sizeof(*d));
    snprintf(d->name, sizeof(d->name), "%s", name);
    if (engine->open_device(d->name, &tape) != NTMS_OK)
        return;
    if (robot_serial(tape, d->serial, sizeof(d->serial)) == NTMS_OK && d->serial[0]) {
        describe_tape(tape, d);
        scan->tape_count++;
    }
    scsi_transport_close(tape);
}

/* \\.\Tape0..31, then the tapes the configuration names. */
static void find_tapes(struct engine *engine, struct scan *scan, const struct device_config *config)
{
    char name[32];

    for (unsigned n = 0; n < MAX_TAPE_NAMES; n++) {
        snprintf(name, sizeof(name), "\\\\.\\Tape%u", n);
        add_tape(engine, scan, name);
    }
    for (size_t i = 0; i < config->count; i++) {
        const struct device_config_entry *e = &config->entries[i];
        if (e->kind != DEVICE_CONFIG_CHANGER)
            add_tape(engine, scan, e->kind == DEVICE_CONFIG_TAPE ? e->path : e->tape);
    }
}

static ntms_err scan_changer(struct scsi_transport *changer, struct scan *scan)
{
    uint8_t data[96];
    struct scsi_request req;

    scsi_build_inquiry(&req, data, sizeof(data), false, 0);
    ntms_err status = robot_run(changer, &req);
    if (status != NTMS_OK || !scsi_parse_inquiry(data, req.transferred, &scan->inquiry)
        || scan->inquiry.device_type != 8)
        return NTMS_E_DEVICE_NOT_AVAILABLE;
    if (robot_serial(changer, scan->serial, sizeof(scan->serial)) != NTMS_OK || !scan->serial[0])
        snprintf(scan->serial, sizeof(scan->serial), "%.*s", (int)sizeof(scan->serial) - 1, scan->changer_name);
    if ((status = robot_element_map(changer, &scan->map)) != NTMS_OK)
        return status;
    for (int type = SMC_TRANSPORT; type <= SMC_DATA_TRANSFER; type++) {
        uint16_t count = scan->map.count[type] < MAX_ELEMENTS ? scan->map.count[type] : MAX_ELEMENTS;
        scan->elements[type] = calloc(count ? count : 1, sizeof(struct smc_element));
        if (!scan->elements[type])
            return NTMS_E_NOT_ENOUGH_MEMORY;
        if (count && (status = robot_element_status(changer, type, scan->map.first[type], count,
                                                     type == SMC_DATA_TRANSFER, scan->elements[type],
                                                     &scan->counts[type])) != NTMS_OK)
            return status;
    }
    return NTMS_OK;
}

/* Which \\.\TapeN is behind each data transfer element. A DVCID
 * identifier ends with the drive's serial (tgt: vendor 8 + product 16 +
 * serial; others: the serial alone). Some devices cut the last descriptor
 * short (tgt loses 8 bytes), leaving only the start of the serial: such a
 * drive is paired with the one remaining tape whose serial begins so. */
/* A drive line of the configuration decides for its element. */
static void apply_configured_drives(struct scan *scan, const struct device_config *config, int *tape_of,
                                    bool *used)
{
    const struct smc_element *drives = scan->elements[SMC_DATA_TRANSFER];

    for (size_t i = 0; i < scan->counts[SMC_DATA_TRANSFER]; i++) {
        const char *configured = device_config_drive(config, scan->changer_name, drives[i].address);
        for (size_t t = 0; configured && t < scan->tape_count; t++) {
            if (!used[t] && device_config_same_path(scan->tapes[t].name, configured)) {
                tape_of[i] = (int)t;
                used[t] = true;
            }
        }
    }
}

/* A changer that reports no identifier for its only unmapped drive, with
 * one tape left over: that is the one (anything more is a guess, which
 * the configuration's drive lines are for). */
static void map_the_last_drive(struct scan *scan, int *tape_of, const bool *used)
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
    for (size_t t = 0; t < scan->tape_count; t++) {
        if (!used[t] && !scan->tapes[t].mapped) {
            spare++;
            tape = t;
        }
    }
    if (unmapped == 1 && element != SIZE_MAX && spare == 1)
        tape_of[element] = (int)tape;
}

static void map_drives(struct scan *scan, const struct device_config *config, int *tape_of)
{
    const struct smc_element *drives = scan->elements[SMC_DATA_TRANSFER];
    bool used[MAX_TAPES] = { false };
    size_t count = scan->counts[SMC_DATA_TRANSFER];

    for (size_t i = 0; i < count; i++)
        tape_of[i] = -1;
    apply_configured_drives(scan, config, tape_of, used);
    for (size_t i = 0; i < count; i++) {
        char id[SMC_IDENTIFIER_MAX + 1];
        scsi_copy_ascii(id, sizeof(id), drives[i].identifier, drives[i].identifier_length);
        size_t n = strlen(id);
        for (size_t t = 0; t < scan->tape_count && tape_of[i] < 0; t++) {
            size_t s = strlen(scan->tapes[t].serial);
            if (!used[t] && s && n >= s && !strcmp(id + n - s, scan->tapes[t].serial)) {
                tape_of[i] = (int)t;
                used[t] = true;
            }
        }
    }
    for (size_t i = 0; i < count; i++) {
        if (tape_of[i] >= 0 || drives[i].identifier_length <= 24)
            continue;
        char id[SMC_IDENTIFIER_MAX + 1];
        scsi_copy_ascii(id, sizeof(id), drives[i].identifier + 24, drives[i].identifier_length - 24u);
        int candidate = -1, candidates = 0;
        for (size_t t = 0; t < scan->tape_count; t++) {
            if (!used[t] && id[0] && !strncmp(scan->tapes[t].serial, id, strlen(id))) {
                candidate = (int)t;
                candidates++;
            }
        }
        if (candidates == 1) {
            tape_of[i] = candidate;
            used[candidate] = true;
        }
    }
    map_the_last_drive(scan, tape_of, used);
}

struct lookup {
    uint32_t        mode;       /* 0: by library serial; 1: by (library, element address) */
    const char     *serial;
    const ntms_guid *library;
    uint16_t        address;
    struct rsm_object found;
    int             hit;
};

static bool match(const struct rsm_object *o, void *context)
{
    struct lookup *l = context;
    bool same = false;

    if (l->mode == 0)
        same = o->info.library.library_type == RSM_LIBRARYTYPE_ONLINE
            && wstr_equal_ascii_nocase(o->info.library.serial_number, RSM_SERIALNUMBER_LENGTH, l->serial);
    else if (o->type == RSM_STORAGESLOT)
        same = ntms_guid_equal(&o->info.slot.library, l->library) && o->info.slot.element_address == l->address;
    else if (o->type == RSM_DRIVE)
        same = ntms_guid_equal(&o->info.drive.library, l->library) && o->info.drive.element_address == l->address;
    else if (o->type == RSM_IEPORT)
        same = ntms_guid_equal(&o->info.ieport.library, l->library) && o->info.ieport.element_address == l->address;
    else if (o->type == RSM_CHANGER)
        same = ntms_guid_equal(&o->info.changer.library, l->library);
    else if (o->type == RSM_IEDOOR)
        same = ntms_guid_equal(&o->info.iedoor.library, l->library);
    if (same) {
        l->found = *o;
        l->hit = 1;
    }
    return !same;
}

/* The existing object this device element already has, or a new one. */
static ntms_err existing_or_new(struct objdb *db, uint32_t type, struct lookup *l, struct rsm_object *o)
{
    l->hit = 0;
    ntms_err status = objdb_for_each(db, type, match, l);
    if (status != NTMS_OK)
        return status;
    if (l->hit) {
        *o = l->found;
        return NTMS_OK;
    }
    memset(o, 0, sizeof(*o));
    o->type = type;
    o->enabled = 1;
    return ntms_guid_generate(&o->id);
}

static ntms_err record_library(struct objdb *db, const struct scan *scan, struct rsm_object *library)
{
    struct lookup l = { .mode = 0, .serial = scan->serial };
    ntms_err status = existing_or_new(db, RSM_LIBRARY, &l, library);

    if (status != NTMS_OK)
        return status;
    struct rsm_library *lib = &library->info.library;
    if (!l.hit) {
        char name[RSM_NAME_LENGTH * 2];
        snprintf(name, sizeof(name), "%s %s", scan->inquiry.vendor, scan->inquiry.product);
        WSTR_SET(library->name, name);
        lib->inventory_method = 1;       /* NTMS_INVENTORY_FAST */
        lib->auto_recovery = 1;
        lib->library_type = RSM_LIBRARYTYPE_ONLINE;
    }
    library->operational_state = RSM_READY;
    WSTR_SET(lib->serial_number, scan->serial);
    WSTR_SET(lib->device_path, scan->changer_name);
    lib->barcode_reader_installed = 1;
    lib->first_drive_number = lib->first_slot_number = lib->first_port_number = lib->first_changer_number = 1;
    lib->number_of_drives = (uint32_t)scan->counts[SMC_DATA_TRANSFER];
    lib->number_of_slots = (uint32_t)scan->counts[SMC_STORAGE];
    lib->number_of_ports = (uint32_t)scan->counts[SMC_IMPORT_EXPORT];
    lib->number_of_changers = 1;
    lib->number_of_doors = lib->first_door_number = 1;
    return objdb_put(db, library);
}

static ntms_err record_changer(struct objdb *db, const struct scan *scan, const struct rsm_object *library)
{
    struct rsm_object o;
    struct lookup l = { .mode = 1, .library = &library->id };
    ntms_err status = existing_or_new(db, RSM_CHANGER, &l, &o);

    if (status != NTMS_OK)
        return status;
    WSTR_SET(o.name, scan->inquiry.product);
    if ((status = device_type_of(db, RSM_CHANGER_TYPE, scan->inquiry.vendor, scan->inquiry.product,
                                 &o.info.changer.changer_type)) != NTMS_OK)
        return status;
    o.info.changer.number = 1;
    o.info.changer.library = library->id;
    WSTR_SET(o.info.changer.serial_number, scan->serial);
    WSTR_SET(o.info.changer.revision, scan->inquiry.revision);
    WSTR_SET(o.info.changer.device_name, scan->changer_name);
    o.info.changer.transport_address = scan->map.count[SMC_TRANSPORT] ? scan->map.first[SMC_TRANSPORT] : 0;
    return objdb_put(db, &o);
}

/* Libraries have a door; SMC does not say, so every changer library gets one. */
static ntms_err record_door(struct objdb *db, const struct rsm_object *library)
{
    struct rsm_object o;
    struct lookup l = { .mode = 1, .library = &library->id };
    ntms_err status = existing_or_new(db, RSM_IEDOOR, &l, &o);

    if (status != NTMS_OK)
        return status;
    WSTR_SET(o.name, "Door 1");
    o.info.iedoor.number = 1;
    o.info.iedoor.library = library->id;
    return objdb_put(db, &o);
}

static ntms_err record_elements(struct objdb *db, struct scan *scan, const struct rsm_object *library,
                                uint32_t object_type, enum smc_element_type element_type)
{
    int tape_of[MAX_ELEMENTS];

    if (element_type == SMC_DATA_TRANSFER)
        map_drives(scan, scan->config, tape_of);
    for (size_t i = 0; i < scan->counts[element_type]; i++) {
        const struct smc_element *e = &scan->elements[element_type][i];
        struct rsm_object o;
        struct lookup l = { .mode = 1, .library = &library->id, .address = e->address };
        char name[32];
        ntms_err status = existing_or_new(db, object_type, &l, &o);
        if (status != NTMS_OK)
            return status;
        uint32_t number = (uint32_t)i + 1;
        if (object_type == RSM_STORAGESLOT) {
            snprintf(name, sizeof(name), "Slot %u", number);
            o.info.slot = (struct rsm_slot){ number, e->full ? RSM_SLOTSTATE_FULL : RSM_SLOTSTATE_EMPTY,
                                             library->id, e->address };
        } else if (object_type == RSM_IEPORT) {
            snprintf(name, sizeof(name), "Port %u", number);
            o.info.ieport = (struct rsm_ieport){ number, e->full ? 1u : 2u, 0, 0, library->id, e->address };
        } else {
            struct tape_device *tape = tape_of[i] >= 0 ? &scan->tapes[tape_of[i]] : NULL;
            if (tape)
                tape->mapped = true;
            else if (!e->identifier_length)
                scan->cannot_tell = true;
            snprintf(name, sizeof(name), "Drive %u", number);
            struct rsm_drive *d = &o.info.drive;
            d->number = number;
            d->library = library->id;
            d->element_address = e->address;
            if (!l.hit)
                d->defer_dismount_delay = default_defer_dismount_seconds();
            WSTR_SET(d->device_name, tape ? tape->name : "");
            WSTR_SET(d->device_path, tape ? tape->name : "");
            if (tape && (status = device_type_of(db, RSM_DRIVE_TYPE, tape->vendor, tape->product,
                                                 &d->drive_type)) != NTMS_OK)
                return status;
            WSTR_SET(d->serial_number, tape ? tape->serial : "");
            o.operational_state = tape ? RSM_READY : RSM_NOT_PRESENT;
        }
        WSTR_SET(o.name, name);
        if ((status = objdb_put(db, &o)) != NTMS_OK)
            return status;
    }
    return NTMS_OK;
}

static ntms_err record_scan(struct objdb *db, struct scan *scan, ntms_guid *found)
{
    struct rsm_object library;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    if ((status = record_library(db, scan, &library)) == NTMS_OK
        && (status = record_changer(db, scan, &library)) == NTMS_OK
        && (status = record_door(db, &library)) == NTMS_OK
        && (status = record_elements(db, scan, &library, RSM_STORAGESLOT, SMC_STORAGE)) == NTMS_OK
        && (status = record_elements(db, scan, &library, RSM_IEPORT, SMC_IMPORT_EXPORT)) == NTMS_OK)
        status = record_elements(db, scan, &library, RSM_DRIVE, SMC_DATA_TRANSFER);
    *found = library.id;
    return objdb_end(db, status);
}

/* Libraries this scan did not find, and their drives, are not present
 * (until a scan finds them again: then they are the same objects). */
struct absent {
    struct objdb    *db;
    const ntms_guid *found;
    size_t           found_count;
    ntms_guid        gone[1024];
    size_t           gone_count;
};

static bool was_found(const struct absent *a, const ntms_guid *id)
{
    for (size_t i = 0; i < a->found_count; i++)
        if (ntms_guid_equal(&a->found[i], id))
            return true;
    return false;
}

static bool collect_absent(const struct rsm_object *o, void *context)
{
    struct absent *a = context;
    uint32_t kind = o->info.library.library_type;
    bool gone = o->type == RSM_LIBRARY
              ? (kind == RSM_LIBRARYTYPE_ONLINE || kind == RSM_LIBRARYTYPE_STANDALONE) && !was_found(a, &o->id)
              : !was_found(a, &o->info.drive.library);
    if (gone && o->operational_state != RSM_NOT_PRESENT && a->gone_count < sizeof(a->gone) / sizeof(a->gone[0]))
        a->gone[a->gone_count++] = o->id;
    return true;
}

static ntms_err mark_absent(struct objdb *db, const ntms_guid *found, size_t found_count)
{
    struct absent *a = calloc(1, sizeof(*a));
    struct rsm_object o;

    if (!a)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    *a = (struct absent){ .db = db, .found = found, .found_count = found_count };
    ntms_err status = objdb_begin_write(db);
    if (status != NTMS_OK) {
        free(a);
        return status;
    }
    if ((status = objdb_for_each(db, RSM_LIBRARY, collect_absent, a)) == NTMS_OK)
        status = objdb_for_each(db, RSM_DRIVE, collect_absent, a);
    for (size_t i = 0; status == NTMS_OK && i < a->gone_count; i++) {
        if ((status = objdb_get(db, &a->gone[i], &o)) != NTMS_OK)
            break;
        o.operational_state = RSM_NOT_PRESENT;
        status = objdb_put(db, &o);
    }
    free(a);
    return objdb_end(db, status);
}

/* NTMSAPI_DEVICES names the configuration; else <data directory>/devices.conf. */
static void load_configuration(const struct engine *engine, struct device_config *config)
{
    char path[1200];
    const char *named = getenv("NTMSAPI_DEVICES");
    uint8_t *text = NULL;
    size_t length = 0;

    snprintf(path, sizeof(path), "%s/devices.conf", engine->data_directory);
    config->count = config->skipped = 0;
    if (plat_file->read_all(named && *named ? named : path, &text, &length) == NTMS_OK)
        device_config_parse((const char *)text, length, config);
    free(text);
}

/* One changer: scanned, recorded; *found gets its library. */
static ntms_err discover_changer(struct engine *engine, struct scan *scan, const char *name, ntms_guid *found)
{
    struct scsi_transport *changer;

    snprintf(scan->changer_name, sizeof(scan->changer_name), "%s", name);
    if (engine->open_device(scan->changer_name, &changer) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;   /* no such device: nothing to record */
    ntms_err status = scan_changer(changer, scan);
    scsi_transport_close(changer);
    if (status == NTMS_OK)
        status = record_scan(engine->db, scan, found);
    free_scan(scan);
    memset(scan->elements, 0, sizeof(scan->elements));
    memset(scan->counts, 0, sizeof(scan->counts));
    return status;
}

/* A drive of a library that is only out of sight is no stand-alone drive. */
struct owner_search {
    const char *serial;
    ntms_guid   library;
    bool        hit;
};

static bool drive_with_serial(const struct rsm_object *o, void *context)
{
    struct owner_search *s = context;

    s->hit = wstr_equal_ascii_nocase(o->info.drive.serial_number, RSM_SERIALNUMBER_LENGTH, s->serial);
    if (s->hit)
        s->library = o->info.drive.library;
    return !s->hit;
}

static bool in_a_changer_library(struct objdb *db, const char *serial)
{
    struct owner_search s = { .serial = serial };
    struct rsm_object library;
    bool owned = false;

    if (objdb_begin_read(db) != NTMS_OK)
        return false;
    objdb_for_each(db, RSM_DRIVE, drive_with_serial, &s);
    owned = s.hit && objdb_get(db, &s.library, &library) == NTMS_OK
         && library.info.library.library_type == RSM_LIBRARYTYPE_ONLINE;
    objdb_abort(db);
    return owned;
}

/* Tapes no changer leads to are stand-alone libraries; but while a
 * changer could not tell which tapes its drives are, none is taken for
 * stand-alone (configure its drive lines). */
static ntms_err discover_standalone(struct engine *engine, struct scan *scan, ntms_guid *found, size_t *found_count)
{
    ntms_err result = NTMS_OK;

    if (scan->cannot_tell)
        return NTMS_OK;
    for (size_t t = 0; t < scan->tape_count; t++) {
        struct tape_device *tape = &scan->tapes[t];
        if (tape->mapped || in_a_changer_library(engine->db, tape->serial))
            continue;
        ntms_err status = standalone_record(engine->db, tape->name, tape->serial, tape->vendor, tape->product,
                                            default_defer_dismount_seconds(), &found[*found_count]);
        if (status == NTMS_OK)
            (*found_count)++;
        else
            result = status;
    }
    return result;
}

ntms_err engine_discover(struct engine *engine)
{
    struct scan *scan = calloc(1, sizeof(*scan));
    struct device_config *config = calloc(1, sizeof(*config));
    ntms_guid found[MAX_CHANGERS + DEVICE_CONFIG_ENTRIES + MAX_TAPES];
    size_t found_count = 0;
    ntms_err result = NTMS_OK;
    char name[32];

    if (!engine->open_device || !scan || !config) {
        free(scan);
        free(config);
        return engine->open_device ? NTMS_E_NOT_ENOUGH_MEMORY : NTMS_OK;
    }
    load_configuration(engine, config);
    scan->config = config;
    find_tapes(engine, scan, config);
    for (size_t n = 0; n < MAX_CHANGERS + config->count; n++) {
        const char *changer = name;
        if (n < MAX_CHANGERS)
            snprintf(name, sizeof(name), "\\\\.\\Changer%u", (unsigned)n);
        else if (config->entries[n - MAX_CHANGERS].kind == DEVICE_CONFIG_CHANGER)
            changer = config->entries[n - MAX_CHANGERS].path;
        else
            continue;
        ntms_err status = discover_changer(engine, scan, changer, &found[found_count]);
        if (status == NTMS_OK)
            found_count++;
        else if (status != NTMS_E_OBJECT_NOT_FOUND)
            result = status;
    }
    ntms_err standalone = discover_standalone(engine, scan, found, &found_count);
    if (result == NTMS_OK)
        result = standalone;
    free(scan);
    free(config);
    if (result == NTMS_OK)   /* a failed scan proves nothing about what is absent */
        result = mark_absent(engine->db, found, found_count);
    engine->discovered = 1;
    engine->discovered_at = objdb_now();
    return result;
}

ntms_err engine_rediscover(struct engine *engine, uint32_t seconds)
{
    if (engine->discovered && objdb_now() - engine->discovered_at < (uint64_t)seconds * 10000000u)
        return NTMS_OK;
    return engine_discover(engine);
}
