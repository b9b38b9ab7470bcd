/* The Linux st driver's interface on a mapped tape path: read and write
 * move tape blocks, and the mtio ioctls (MTIOCTOP, MTIOCGET, MTIOCPOS)
 * position, mark and describe the tape, all through SSC commands sent to
 * the device by sgbridged. Failures return -1 with errno set, as st does. */
#ifndef SGBRIDGE_ST_EMULATION_H
#define SGBRIDGE_ST_EMULATION_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "mapped_path.h"

/* read_call: the data came through read() (not pread(), whose offset a
 * tape ignores), so Wine may come back for the rest of a short block. */
ssize_t st_read(int fd, const struct mapping *m, void *buffer, size_t count, bool read_call);
ssize_t st_write(const struct mapping *m, const void *buffer, size_t count);

bool st_is_request(unsigned long request);
int st_ioctl(const struct mapping *m, unsigned long request, void *arg);

#endif
