/* What the st emulation knows of one tape drive, shared by every
 * descriptor of the process that maps it (a drive has one position, and
 * Wine may hand out a new descriptor for the same handle). */
#ifndef SGBRIDGE_ST_DRIVE_H
#define SGBRIDGE_ST_DRIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mapped_path.h"
#include "ssc_commands.h"

/* Where the last reads left us, st's "eof" state reduced to what changes
 * the next answer. */
enum read_mark {
    MARK_NONE,
    MARK_FILEMARK_AHEAD,   /* a fixed-block read stopped at a filemark after delivering data */
    MARK_AFTER_FILEMARK,   /* the last read (or forward space) ended just past a filemark */
    MARK_END_OF_DATA,      /* end of data reported: reads fail with EIO until the tape moves */
};

/* Early warning while writing: the write that meets it succeeds, the next
 * one fails with ENOSPC, the one after is allowed, and so on (st.rst). */
enum write_warning { WARNING_NONE, WARNING_REFUSE_NEXT, WARNING_ALLOW_NEXT };

struct st_drive {
    char     url[SGBRIDGE_URL_MAX + 1];
    bool     configured;        /* block size, density and protection read from the drive */
    uint32_t block_size;        /* 0: variable */
    uint8_t  density, buffer_mode;
    bool     write_protected;
    long     file, block;       /* st's mt_fileno and mt_blkno; -1 unknown */
    long long logical;          /* logical objects (blocks and marks) from BOT; -1 unknown */
    enum read_mark     mark;
    enum write_warning warning;
    bool     wrote_last;        /* data was the last thing written: a filemark goes first before moving */
    struct {                    /* the read Wine makes for the rest of a short block */
        bool   armed;
        int    fd;
        char  *next;
        size_t remaining;
    } continuation;
};

/* The drive of a mapping, with the emulation's lock held; NULL (errno set)
 * when no more drives fit. */
struct st_drive *st_drive_acquire(const struct mapping *m);
void st_drive_release(struct st_drive *d);

/* Reads block size, density and write protection when not yet known;
 * false with errno set when the drive cannot say (no tape, not ready). */
bool st_drive_configure(struct st_drive *d);

void position_at_bot(struct st_drive *d);
void position_unknown(struct st_drive *d);
void position_blocks(struct st_drive *d, long count);        /* moved over data blocks (signed) */
void position_filemarks_ahead(struct st_drive *d, long count);  /* forward over filemarks */

/* The errno st gives for a command that failed with this outcome. */
int st_errno_for(const struct ssc_outcome *o);

/* Writes one filemark if data was the last thing written (st does this
 * before rewinding, unloading, seeking or spacing back). */
bool st_close_written_file(struct st_drive *d);

#endif
