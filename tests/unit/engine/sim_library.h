/* A simulated tape library for engine tests: an SMC changer and SSC tape
 * drives that answer the commands the engine sends from their state
 * (MOVE MEDIUM really moves a tape, READ ELEMENT STATUS reports where
 * they are), with faults to inject. tgt is the real peer; this is the
 * device that misbehaves on demand: replies cut short as tgt cuts them,
 * drives that take (simulated) hours to become ready, drives another
 * process holds open, libraries of any size. */
#ifndef NTMSAPI_TESTS_SIM_LIBRARY_H
#define NTMSAPI_TESTS_SIM_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "transport/scsi_transport.h"

#define SIM_SLOTS 8              /* the default library: sim_library_init */
#define SIM_DRIVES 2
#define SIM_MAX_DRIVES 16
#define SIM_TRANSPORT_ADDRESS 1
#define SIM_FIRST_PORT 16
#define SIM_FIRST_DRIVE 256
#define SIM_FIRST_SLOT 4096

struct sim_tape {
    char    barcode[16];
    uint8_t block[512];          /* the first block; length 0: blank */
    size_t  length;
    bool    readable_in[SIM_MAX_DRIVES];   /* false: the drive reports 30/00 incompatible */
    bool    no_barcode;          /* its label cannot be read: the volume tag is blank */
    bool    write_protected;
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

struct sim_drive_state {
    int      tape;               /* tape index, -1 empty */
    uint16_t source;             /* where its tape came from */
    uint64_t ready_at_ms;        /* simulated time the loaded tape becomes ready */
    uint32_t load_ms;            /* how long a load takes: becoming ready (02/04/01) until then */
    bool     held_elsewhere;     /* another process has it open exclusively: opening fails */
    bool     gone;               /* the device no longer exists: opening finds nothing */
    unsigned turs;
};

struct sim_library {
    struct sim_device       changer, drive_devices[SIM_MAX_DRIVES];
    struct sim_tape        *tapes;
    size_t                  tape_count;
    int                    *slot_tape;          /* tape index, -1 empty */
    size_t                  slot_count;
    int                    *port_tape;
    size_t                  port_count;
    struct sim_drive_state  drives[SIM_MAX_DRIVES];
    size_t                  drive_count;
    struct sim_fault        fault;
    bool                    no_identifiers;     /* a changer without DVCID: it cannot tell its drives */
    unsigned                cut_reply_tail;     /* bytes missing from every READ ELEMENT STATUS reply (tgt: 8) */
    /* Called on every TEST UNIT READY a drive answers "becoming ready". */
    void                  (*on_becoming_ready)(struct sim_library *library, int drive);
    /* Called when a drive with a tape is told to unload (LOAD UNLOAD): the
     * engine has let go of the robot lock then; another "process" may act. */
    void                  (*on_unload)(struct sim_library *library, int drive);
    unsigned                moves, reads, writes, element_status_commands;
};

/* The default library: SIM_SLOTS slots, SIM_DRIVES drives, no ports;
 * slots 1..SIM_SLOTS hold tapes 0.. where `barcodes` names one ("" or
 * NULL: empty). Free it with sim_library_free. */
void sim_library_init(struct sim_library *library, const char *const barcodes[SIM_SLOTS]);
/* A library of any size; the first `tapes` slots hold tapes with barcodes
 * T<number:05>L6, readable in every drive. */
void sim_library_init_sized(struct sim_library *library, size_t slots, size_t drives, size_t ports, size_t tapes);
void sim_library_free(struct sim_library *library);
/* The engine's device opener over the simulator: \\.\Changer0, \\.\TapeN. */
void sim_library_install(struct sim_library *library);
/* Where a tape is: slot number (1-based), or -1 - drive index, or 0 nowhere. */
int sim_library_where(const struct sim_library *library, const char *barcode);

/* A simulated clock for the engine (plat_clock): sleeping advances it at
 * once, so a drive that needs hours to become ready takes no time. */
void sim_clock_install(void);
void sim_clock_uninstall(void);
uint64_t sim_clock_ms(void);

#endif
