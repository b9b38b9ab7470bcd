/* Wire format between libsgbridge-preload.so (in the Wine or mtx process)
 * and sgbridged (which speaks iSCSI to the target). One request, one
 * response, on a unix stream socket; integers in host byte order (both
 * ends run on the same machine). */
#ifndef SGBRIDGE_PROTOCOL_H
#define SGBRIDGE_PROTOCOL_H

#include <stdint.h>

#define SGBRIDGE_MAGIC      0x31424753u   /* "SGB1" */
#define SGBRIDGE_FILE_MAGIC "SGBRIDGE1 "  /* first bytes of a mapped path */
#define SGBRIDGE_URL_MAX    512
#define SGBRIDGE_CDB_MAX    16
#define SGBRIDGE_SENSE_MAX  252
#define SGBRIDGE_DATA_MAX   (16u << 20)

enum sgbridge_dir { SGBRIDGE_DIR_NONE = 0, SGBRIDGE_DIR_IN = 1, SGBRIDGE_DIR_OUT = 2 };

struct sgbridge_request {
    uint32_t magic;
    uint32_t url_length;       /* bytes of URL that follow, no NUL */
    uint32_t cdb_length;
    uint32_t direction;        /* enum sgbridge_dir */
    uint32_t data_out_length;  /* bytes of data that follow the CDB */
    uint32_t data_in_length;   /* bytes the caller can receive */
    uint32_t timeout_ms;
};

struct sgbridge_response {
    uint32_t magic;
    int32_t  transport_error;  /* 0, or a positive errno: the command did not complete */
    uint32_t status;           /* SCSI status byte */
    uint32_t sense_length;     /* bytes of sense that follow */
    uint32_t data_in_length;   /* bytes of data that follow the sense */
    uint32_t residual;         /* data_in_length requested minus delivered */
};

#endif
