#include "engine/discovery/discovery_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/device/robot.h"
#include "engine/device/robot_lock.h"

#define MAX_TAPE_NAMES 32 /* \\.\Tape0..31 */

/* ---- tape drives ---- */

static bool known_tape(const struct tape_devices *d, const char *name)
{
    for (size_t t = 0; t < d->count; t++)
        if (device_config_same_path(d->tapes[t].name, name))
            return true;
    return tape_device_busy(d, name);
}

bool tape_device_busy(const struct tape_devices *d, const char *path)
{
    for (size_t i = 0; i < d->busy_count; i++)
        if (device_config_same_path(d->busy[i], path))
            return true;
    return false;
}

static void describe_tape(struct scsi_transport *tape, struct tape_device *t)
{
    uint8_t data[96];
    struct scsi_request req;
    struct scsi_inquiry inquiry;

    scsi_build_inquiry(&req, data, sizeof(data), false, 0);
    if (robot_run(tape, &req) == NTMS_OK && scsi_parse_inquiry(data, req.transferred, &inquiry)) {
        snprintf(t->vendor, sizeof(t->vendor), "%s", inquiry.vendor);
        snprintf(t->product, sizeof(t->product), "%s", inquiry.product);
    }
}

/* A device that is not there answers "not found"; anything else (held
 * open with no sharing, not ours to open) means it is there. */
static bool gone(ntms_err status)
{
    return status == NTMS_E_OBJECT_NOT_FOUND || status == NTMS_E_DEVICE_NOT_CONNECTED;
}

static ntms_err remember_busy(struct tape_devices *d, const char *name)
{
    char (*grown)[DEVICE_CONFIG_PATH_MAX] = realloc(d->busy, (d->busy_count + 1) * sizeof(*grown));

    if (!grown)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    d->busy = grown;
    snprintf(d->busy[d->busy_count++], DEVICE_CONFIG_PATH_MAX, "%s", name);
    return NTMS_OK;
}

static ntms_err add_tape(struct engine *engine, struct tape_devices *d, const char *name)
{
    struct scsi_transport *tape;
    struct tape_device found;

    if (known_tape(d, name))
        return NTMS_OK;
    memset(&found, 0, sizeof(found));
    snprintf(found.name, sizeof(found.name), "%s", name);
    ntms_err status = engine->open_device(found.name, &tape);
    if (status != NTMS_OK)
        return gone(status) ? NTMS_OK : remember_busy(d, name);
    if (robot_serial(tape, found.serial, sizeof(found.serial)) == NTMS_OK && found.serial[0]) {
        describe_tape(tape, &found);
        struct tape_device *grown = realloc(d->tapes, (d->count + 1) * sizeof(*grown));
        if (!grown) {
            scsi_transport_close(tape);
            return NTMS_E_NOT_ENOUGH_MEMORY;
        }
        d->tapes = grown;
        d->tapes[d->count++] = found;
    }
    scsi_transport_close(tape);
    return NTMS_OK;
}

ntms_err scan_tapes(struct engine *engine, const struct device_config *config, struct tape_devices *d)
{
    char name[32];
    ntms_err status = NTMS_OK;

    memset(d, 0, sizeof(*d));
    for (unsigned n = 0; n < MAX_TAPE_NAMES && status == NTMS_OK; n++) {
        snprintf(name, sizeof(name), "\\\\.\\Tape%u", n);
        status = add_tape(engine, d, name);
    }
    for (size_t i = 0; i < config->count && status == NTMS_OK; i++) {
        const struct device_config_entry *e = &config->entries[i];
        if (e->kind != DEVICE_CONFIG_CHANGER)
            status = add_tape(engine, d, e->kind == DEVICE_CONFIG_TAPE ? e->path : e->tape);
    }
    return status;
}

void tape_devices_free(struct tape_devices *d)
{
    free(d->tapes);
    free(d->busy);
    memset(d, 0, sizeof(*d));
}

/* ---- a changer ---- */

static ntms_err identify_changer(struct scsi_transport *changer, struct changer_scan *scan)
{
    uint8_t data[96];
    struct scsi_request req;

    scsi_build_inquiry(&req, data, sizeof(data), false, 0);
    ntms_err status = robot_run(changer, &req);
    if (status != NTMS_OK || !scsi_parse_inquiry(data, req.transferred, &scan->inquiry)
        || scan->inquiry.device_type != 8)
        return NTMS_E_DEVICE_NOT_AVAILABLE;
    if (robot_serial(changer, scan->serial, sizeof(scan->serial)) != NTMS_OK || !scan->serial[0])
        snprintf(scan->serial, sizeof(scan->serial), "%.*s", (int)sizeof(scan->serial) - 1, scan->name);
    return NTMS_OK;
}

/* Every element of every type, as many as page 1Dh says there are. */
static ntms_err read_elements(struct scsi_transport *changer, struct changer_scan *scan)
{
    ntms_err status = robot_element_map(changer, &scan->map);

    for (int type = SMC_TRANSPORT; status == NTMS_OK && type <= SMC_DATA_TRANSFER; type++) {
        uint16_t count = scan->map.count[type];
        scan->elements[type] = calloc(count ? count : 1, sizeof(struct smc_element));
        if (!scan->elements[type])
            return NTMS_E_NOT_ENOUGH_MEMORY;
        if (count)
            status = robot_element_status(changer, type, scan->map.first[type], count, type == SMC_DATA_TRANSFER,
                                          scan->elements[type], &scan->counts[type]);
    }
    return status;
}

ntms_err scan_changer(struct engine *engine, const char *name, struct changer_scan *scan)
{
    struct scsi_transport *changer;
    char lock_path[1200];

    memset(scan, 0, sizeof(*scan));
    snprintf(scan->name, sizeof(scan->name), "%s", name);
    if (engine->open_device(scan->name, &changer) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;   /* no such device: nothing to record */
    /* Who it is first (identity queries move nothing): its serial names the lock. */
    ntms_err status = identify_changer(changer, scan);
    if (status == NTMS_OK) {
        robot_lock_path(engine, scan->serial, lock_path, sizeof(lock_path));
        status = plat_file->lock(lock_path, &scan->lock);
    }
    if (status == NTMS_OK)
        status = read_elements(changer, scan);
    scsi_transport_close(changer);
    if (status != NTMS_OK)
        changer_scan_end(scan);
    return status;
}

void changer_scan_end(struct changer_scan *scan)
{
    for (int t = 0; t < 5; t++) {
        free(scan->elements[t]);
        scan->elements[t] = NULL;
        scan->counts[t] = 0;
    }
    if (scan->lock)
        plat_file->unlock(scan->lock);
    scan->lock = NULL;
}
