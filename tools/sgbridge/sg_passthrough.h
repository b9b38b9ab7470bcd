/* The Linux sg driver's interface on a mapped path: SG_IO commands go to
 * the device through sgbridged; the identity queries are answered here. */
#ifndef SGBRIDGE_SG_PASSTHROUGH_H
#define SGBRIDGE_SG_PASSTHROUGH_H

#include <stdbool.h>

#include "mapped_path.h"

bool sg_is_request(unsigned long request);
/* errno set and -1 returned on failure, as ioctl does. */
int sg_ioctl(const struct mapping *m, unsigned long request, void *arg);

#endif
