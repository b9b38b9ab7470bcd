/* Windows SCSI pass-through (IOCTL_SCSI_PASS_THROUGH, buffered layout). */
#ifndef NTMSAPI_TRANSPORT_TRANSPORT_WIN32_H
#define NTMSAPI_TRANSPORT_TRANSPORT_WIN32_H

#include "transport/scsi_transport.h"

/* Opens a device by name: "\\.\Changer0", "\\.\Tape1", any path
 * CreateFile takes, or "scsiN:path,target,lun" for a unit behind
 * "\\.\ScsiN:" that has no Windows class driver (addresses in decimal). */
ntms_err transport_win32_open(const char *name_utf8, struct scsi_transport **transport);

#endif
