/* libiscsi transport (native builds: tests and tools against tgt). */
#ifndef NTMSAPI_TRANSPORT_TRANSPORT_ISCSI_H
#define NTMSAPI_TRANSPORT_TRANSPORT_ISCSI_H

#include "transport/scsi_transport.h"

/* url: iscsi://host:port/target-iqn/lun */
ntms_err transport_iscsi_open(const char *url, struct scsi_transport **transport);

#endif
