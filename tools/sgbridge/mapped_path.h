/* Mapped paths: regular files whose first line is
 *     SGBRIDGE1 <iscsi-url> <peripheral-device-type>
 * standing for the device at that URL. */
#ifndef SGBRIDGE_MAPPED_PATH_H
#define SGBRIDGE_MAPPED_PATH_H

#include <stdbool.h>

#include "sgbridge_protocol.h"

#define PERIPHERAL_TAPE 1

struct mapping {
    char url[SGBRIDGE_URL_MAX + 1];
    int  device_type;
};

/* True, with *m filled, when fd is open on a mapped path. Cheap enough to
 * ask on every read and write: one fstat, the first line read once per
 * descriptor and file. */
bool mapping_of_fd(int fd, struct mapping *m);

#endif
