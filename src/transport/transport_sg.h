/* Linux SG_IO on /dev/sgN (or any path that answers SG_IO), so the engine
 * can drive real hardware natively too. */
#ifndef NTMSAPI_TRANSPORT_TRANSPORT_SG_H
#define NTMSAPI_TRANSPORT_TRANSPORT_SG_H

#include "transport/scsi_transport.h"

ntms_err transport_sg_open(const char *path, struct scsi_transport **transport);

#endif
