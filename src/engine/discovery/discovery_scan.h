/* What discovery learns from the devices: the tape drives that answer
 * (and those that are there but busy: held open by an application, or not
 * ours to open), and for one changer its identity and every element, read
 * under the library's robot lock. */
#ifndef NTMSAPI_ENGINE_DISCOVERY_SCAN_H
#define NTMSAPI_ENGINE_DISCOVERY_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/discovery/device_config.h"
#include "engine/core/engine.h"
#include "platform/plat_file.h"
#include "scsi/scsi_smc.h"
#include "scsi/scsi_spc.h"

struct tape_device {
    char name[DEVICE_CONFIG_PATH_MAX];
    char serial[64];
    char vendor[9], product[17];   /* its model, as INQUIRY says */
    bool mapped;                   /* behind some changer's data transfer element */
};

struct tape_devices {
    struct tape_device *tapes;     /* those that answered */
    size_t              count;
    char              (*busy)[DEVICE_CONFIG_PATH_MAX];   /* there, but could not be opened */
    size_t              busy_count;
};

/* \\.\Tape0..31, then the tapes the configuration names. */
ntms_err scan_tapes(struct engine *engine, const struct device_config *config, struct tape_devices *devices);
void tape_devices_free(struct tape_devices *devices);
bool tape_device_busy(const struct tape_devices *devices, const char *path);

struct changer_scan {
    char                   name[DEVICE_CONFIG_PATH_MAX];
    char                   serial[64];
    struct scsi_inquiry    inquiry;
    struct smc_element_map map;
    struct smc_element    *elements[5];   /* per element type, as many as the changer reports */
    size_t                 counts[5];
    struct plat_lock      *lock;          /* the library's robot lock, held from identity to recording */
};

/* Opens `name`; NTMS_E_OBJECT_NOT_FOUND when there is no such changer.
 * On success the robot lock is held: release it with changer_scan_end. */
ntms_err scan_changer(struct engine *engine, const char *name, struct changer_scan *scan);
void changer_scan_end(struct changer_scan *scan);

#endif
