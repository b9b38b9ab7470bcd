/* Which tape device is behind each data transfer element of a changer: a
 * drive line of the configuration decides; else the DVCID identifier,
 * which ends with the drive's serial (tgt: vendor 8 + product 16 +
 * serial; others: the serial alone); an identifier the changer cut short
 * (tgt loses 8 bytes of its last descriptor) pairs with the one remaining
 * tape whose serial begins so; a changer without identifiers gets its one
 * remaining drive paired with the one remaining tape, and no more. */
#ifndef NTMSAPI_ENGINE_DISCOVERY_MAP_H
#define NTMSAPI_ENGINE_DISCOVERY_MAP_H

#include "engine/discovery/discovery_scan.h"

/* tape_of[i]: the index in devices->tapes of drive element i, or -1. */
void map_drives(const struct changer_scan *scan, const struct device_config *config, struct tape_devices *devices,
                int *tape_of);

/* Does the element's identifier name this serial (whole, or cut short)? */
bool element_names_serial(const struct smc_element *element, const char *serial);

#endif
