/* A simulated tape library for engine tests: an SMC changer and SSC tape
 * drives that answer the commands the engine sends from their state
 * (MOVE MEDIUM really moves a tape, READ ELEMENT STATUS reports where
 * they are), with faults to inject. tgt is the real peer; this is the
 * device that misbehaves on demand. */
#ifndef NTMSAPI_TESTS_SIM_LIBRARY_H
#define NTMSAPI_TESTS_SIM_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "transport/scsi_transport.h"

#define SIM_SLOTS 8
#define SIM_DRIVES 2
#define SIM_TAPES 8
#define SIM_TRANSPORT_ADDRESS 1
#define SIM_FIRST_SLOT 4096
#define SIM_FIRST_DRIVE 256

struct sim_tape {
    char    barcode[16];
    uint8_t block[512];          /* the first block; length 0: blank */
    size_t  length;
    bool    readable_in[SIM_DRIVES];   /* false: the drive reports 30/00 incompatible */
    bool    no_barcode;                /* its label cannot be read: the volume tag is blank */
};

struct sim_library;

struct sim_device {
    struct scsi_transport base;
    struct sim_library   *library;
    int                   drive;   /* -1: the changer */
};

struct sim_fault {
    uint8_t  opcode;             /* the command that fails (0xA5 MOVE, 0x08 READ ...) */
    int      drive;              /* for tape commands: which drive; -1 any */
    int      after;              /* this many good ones first */
    uint8_t  key, asc, ascq;
    bool     armed;
};

struct sim_library {
    struct sim_device changer, drives[SIM_DRIVES];
    struct sim_tape   tapes[SIM_TAPES];
    int               slot_tape[SIM_SLOTS];     /* tape index, -1 empty */
    int               drive_tape[SIM_DRIVES];
    uint16_t          drive_source[SIM_DRIVES]; /* where the tape in a drive came from */
    struct sim_fault  fault;
    bool              no_identifiers;           /* a changer without DVCID: it cannot tell its drives */
    unsigned          cut_reply_tail;           /* bytes missing from every READ ELEMENT STATUS reply (tgt: 8) */
    unsigned          moves, reads, writes, turs[SIM_DRIVES];
};

/* Slots 1..SIM_SLOTS hold tapes 0.. where `barcodes` names one ("" or NULL: empty). */
void sim_library_init(struct sim_library *library, const char *const barcodes[SIM_SLOTS]);
/* The engine's device opener over the simulator: \\.\Changer0, \\.\Tape0, \\.\Tape1. */
void sim_library_install(struct sim_library *library);
/* Where a tape is: slot number (1-based), or -1 - drive index, or 0 nowhere. */
int sim_library_where(const struct sim_library *library, const char *barcode);

#endif
