/* How long each class of command may take before the transport gives up.
 * A robot move can take minutes; an INQUIRY must not. */
#ifndef NTMSAPI_SCSI_SCSI_TIMEOUT_H
#define NTMSAPI_SCSI_SCSI_TIMEOUT_H

enum {
    SCSI_TIMEOUT_QUICK_MS     = 30 * 1000,        /* INQUIRY, TUR, MODE SENSE, REQUEST SENSE */
    SCSI_TIMEOUT_STATUS_MS    = 5 * 60 * 1000,    /* READ ELEMENT STATUS (may scan barcodes) */
    SCSI_TIMEOUT_MOVE_MS      = 15 * 60 * 1000,   /* MOVE / EXCHANGE MEDIUM, POSITION */
    SCSI_TIMEOUT_INVENTORY_MS = 60 * 60 * 1000,   /* INITIALIZE ELEMENT STATUS */
    SCSI_TIMEOUT_TAPE_MS      = 10 * 60 * 1000,   /* REWIND, LOAD UNLOAD */
    SCSI_TIMEOUT_IO_MS        = 5 * 60 * 1000,    /* READ, WRITE, WRITE FILEMARKS */
};

#endif
