#include "engine/discovery/discovery_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/record_lookup.h"
#include "engine/records/device_types.h"
#include "engine/discovery/discovery_map.h"
#include "engine/discovery/holder_records.h"
#include "engine/core/wstr.h"
#include "platform/plat_random.h"

/* ---- the library's existing element objects, by element address ---- */

/* Element objects (slots, ports, drives) sorted by element address. */
struct element_index {
    struct record_list list;
    uint32_t           type;
};

static uint16_t address_of(const struct rsm_object *o)
{
    switch (o->type) {
    case RSM_STORAGESLOT: return o->info.slot.element_address;
    case RSM_IEPORT:      return o->info.ieport.element_address;
    case RSM_DRIVE:       return o->info.drive.element_address;
    default:              return 0;
    }
}

static int by_address(const struct rsm_object *a, const struct rsm_object *b)
{
    uint16_t x = address_of(a), y = address_of(b);
    return x < y ? -1 : x > y;
}

static ntms_err build_index(struct objdb *db, const ntms_guid *library, uint32_t type, struct element_index *x)
{
    *x = (struct element_index){ .type = type };
    ntms_err status = records_collect(db, type, record_in_library, library, &x->list);
    record_list_sort(&x->list, by_address);
    return status;
}

/* The object this element already has, or a new one (*known false). */
static ntms_err existing_or_new(const struct element_index *x, uint16_t address, struct rsm_object *o, bool *known)
{
    struct rsm_object probe = { .type = x->type };

    if (x->type == RSM_STORAGESLOT)
        probe.info.slot.element_address = address;
    else if (x->type == RSM_IEPORT)
        probe.info.ieport.element_address = address;
    else
        probe.info.drive.element_address = address;
    const struct rsm_object *hit = record_list_search(&x->list, by_address, &probe);
    *known = hit != NULL;
    if (hit) {
        *o = *hit;
        return NTMS_OK;
    }
    memset(o, 0, sizeof(*o));
    o->type = x->type;
    o->enabled = 1;
    return ntms_guid_generate(&o->id);
}

/* The one object of this type the library has (changer, door), or a new one. */
static ntms_err single_or_new(struct objdb *db, const ntms_guid *library, uint32_t type, struct rsm_object *o)
{
    bool known;
    return records_find_or_new(db, type, record_in_library, library, o, &known);
}

/* ---- the library, changer and door ---- */

static bool online_with_serial(const struct rsm_object *o, const void *serial)
{
    return o->info.library.library_type == RSM_LIBRARYTYPE_ONLINE
        && wstr_equal_ascii_nocase(o->info.library.serial_number, RSM_SERIALNUMBER_LENGTH, serial);
}

static ntms_err record_library(struct objdb *db, const struct changer_scan *scan, struct rsm_object *library)
{
    bool known;
    ntms_err status = records_find_or_new(db, RSM_LIBRARY, online_with_serial, scan->serial, library, &known);

    if (status != NTMS_OK)
        return status;
    struct rsm_library *lib = &library->info.library;
    if (!known) {
        char name[RSM_NAME_LENGTH * 2];
        snprintf(name, sizeof(name), "%s %s", scan->inquiry.vendor, scan->inquiry.product);
        WSTR_SET(library->name, name);
        lib->inventory_method = RSM_INVENTORY_FAST;
        lib->auto_recovery = 1;
        lib->library_type = RSM_LIBRARYTYPE_ONLINE;
    }
    library->operational_state = RSM_READY;
    WSTR_SET(lib->serial_number, scan->serial);
    WSTR_SET(lib->device_path, scan->name);
    lib->barcode_reader_installed = 1;
    lib->first_drive_number = lib->first_slot_number = lib->first_port_number = lib->first_changer_number = 1;
    lib->number_of_drives = (uint32_t)scan->counts[SMC_DATA_TRANSFER];
    lib->number_of_slots = (uint32_t)scan->counts[SMC_STORAGE];
    lib->number_of_ports = (uint32_t)scan->counts[SMC_IMPORT_EXPORT];
    lib->number_of_changers = 1;
    lib->number_of_doors = lib->first_door_number = 1;
    return objdb_put(db, library);
}

static ntms_err record_changer(struct objdb *db, const struct changer_scan *scan, const struct rsm_object *library)
{
    struct rsm_object o;
    ntms_err status = single_or_new(db, &library->id, RSM_CHANGER, &o);

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
    WSTR_SET(o.info.changer.device_name, scan->name);
    o.info.changer.transport_address = scan->map.count[SMC_TRANSPORT] ? scan->map.first[SMC_TRANSPORT] : 0;
    return objdb_put(db, &o);
}

/* Libraries have a door; SMC does not say, so every changer library gets one. */
static ntms_err record_door(struct objdb *db, const struct rsm_object *library)
{
    struct rsm_object o;
    ntms_err status = single_or_new(db, &library->id, RSM_IEDOOR, &o);

    if (status != NTMS_OK)
        return status;
    WSTR_SET(o.name, "Door 1");
    o.info.iedoor.number = 1;
    o.info.iedoor.library = library->id;
    return objdb_put(db, &o);
}

/* ---- drives ---- */

/* No tape device answered for this element: is the recorded drive still
 * there, only busy? */
static bool still_there(const struct rsm_object *drive, const struct smc_element *e,
                        const struct tape_devices *devices)
{
    char serial[RSM_SERIALNUMBER_LENGTH * 3], path[RSM_DEVICE_PATH_LENGTH * 3];

    wstr_to_utf8(serial, sizeof(serial), drive->info.drive.serial_number, RSM_SERIALNUMBER_LENGTH);
    wstr_to_utf8(path, sizeof(path), drive->info.drive.device_path, RSM_DEVICE_PATH_LENGTH);
    if (!serial[0] || !path[0])
        return false;
    if (e->identifier_length)
        return element_names_serial(e, serial);   /* the changer vouches for it */
    return tape_device_busy(devices, path);
}

static ntms_err describe_drive(struct objdb *db, struct rsm_object *o, const struct tape_device *tape)
{
    struct rsm_drive *d = &o->info.drive;

    WSTR_SET(d->device_name, tape ? tape->name : "");
    WSTR_SET(d->device_path, tape ? tape->name : "");
    WSTR_SET(d->serial_number, tape ? tape->serial : "");
    o->operational_state = tape ? RSM_READY : RSM_NOT_PRESENT;
    return tape ? device_type_of(db, RSM_DRIVE_TYPE, tape->vendor, tape->product, &d->drive_type) : NTMS_OK;
}

static ntms_err record_drive(struct objdb *db, struct discovery_recording *r, const struct rsm_object *library,
                             const struct element_index *x, size_t i)
{
    const struct smc_element *e = &r->scan->elements[SMC_DATA_TRANSFER][i];
    const struct tape_device *tape = r->tape_of[i] >= 0 ? &r->devices->tapes[r->tape_of[i]] : NULL;
    struct rsm_object o;
    bool known;
    char name[32];
    ntms_err status = existing_or_new(x, e->address, &o, &known);

    if (status != NTMS_OK)
        return status;
    struct rsm_drive *d = &o.info.drive;
    d->number = (uint32_t)i + 1;
    d->library = library->id;
    d->element_address = e->address;
    if (!known)
        d->defer_dismount_delay = r->defer_dismount_seconds;
    snprintf(name, sizeof(name), "Drive %u", d->number);
    WSTR_SET(o.name, name);
    if (tape || !known || !still_there(&o, e, r->devices)) {
        if (!tape && !e->identifier_length)
            r->cannot_tell = true;
        status = describe_drive(db, &o, tape);
    } else {
        o.operational_state = RSM_READY;   /* busy, not gone: its record stands */
    }
    return status == NTMS_OK ? objdb_put(db, &o) : status;
}

static ntms_err record_drives(struct objdb *db, struct discovery_recording *r, const struct rsm_object *library)
{
    struct element_index x;
    ntms_err status = build_index(db, &library->id, RSM_DRIVE, &x);

    for (size_t i = 0; status == NTMS_OK && i < r->scan->counts[SMC_DATA_TRANSFER]; i++)
        status = record_drive(db, r, library, &x, i);
    record_list_free(&x.list);
    return status;
}

ntms_err record_changer_scan(struct objdb *db, struct discovery_recording *r, ntms_guid *library_id)
{
    struct rsm_object library;
    ntms_err status = objdb_begin_write(db);

    if (status != NTMS_OK)
        return status;
    if ((status = record_library(db, r->scan, &library)) == NTMS_OK
        && (status = record_changer(db, r->scan, &library)) == NTMS_OK
        && (status = record_door(db, &library)) == NTMS_OK
        && (status = record_holders(db, r->scan, &library, RSM_STORAGESLOT, SMC_STORAGE)) == NTMS_OK
        && (status = record_holders(db, r->scan, &library, RSM_IEPORT, SMC_IMPORT_EXPORT)) == NTMS_OK)
        status = record_drives(db, r, &library);
    if (status == NTMS_OK)
        *library_id = library.id;
    return objdb_end(db, status);
}
