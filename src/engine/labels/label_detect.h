/* What the first block of a tape says about the tape: the on-media
 * identifier (OMID) RSM records in a partition.
 *
 * Pure function over the bytes the drive returned; no I/O. Volume
 * identifiers are sanitised to printable ASCII. */
#ifndef NTMSAPI_ENGINE_LABEL_DETECT_H
#define NTMSAPI_ENGINE_LABEL_DETECT_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/label_offer.h"

enum label_format {
    LABEL_BLANK,        /* BLANK CHECK / end of data on the first read */
    LABEL_UNKNOWN,      /* data no recogniser claims, or an empty first file */
    LABEL_MTF,          /* Microsoft Tape Format (NTBackup, Backup Exec) */
    LABEL_ANSI,         /* ANSI X3.27 VOL1 */
    LABEL_IBM,          /* IBM standard label, EBCDIC VOL1 */
    LABEL_LTFS,         /* LTFS: ANSI VOL1 with implementation id "LTFS" */
    LABEL_BACULA,
    LABEL_BAREOS,
    LABEL_AMANDA,
    LABEL_TAR,
    LABEL_CLAIMED,      /* claimed by an installed media label library (ntmsmli.h) */
    LABEL_FREE,         /* ntmsapi's free label: the tape was put in the Free pool (free_label.h) */
};

/* How the first READ ended, as the SSC layer decoded it. */
enum first_read {
    FIRST_READ_DATA,     /* a block arrived (possibly shorter than asked) */
    FIRST_READ_BLANK,    /* BLANK CHECK or end of data */
    FIRST_READ_FILEMARK, /* an empty first file */
};

#define LABEL_ID_MAX   255   /* OmidLabelId */
#define LABEL_TYPE_MAX 192   /* szOmidLabelType: 64 UTF-16 units as UTF-8 */
#define LABEL_TEXT_MAX 768   /* szOmidLabelInfo: 256 UTF-16 units as UTF-8 */
#define LABEL_VOLUME_MAX 64

struct label_info {
    enum label_format format;
    char        type_name[LABEL_TYPE_MAX]; /* UTF-8, for szOmidLabelType: "MTF", "ANSI VOL1", ... */
    char        volume_id[LABEL_VOLUME_MAX]; /* printable, "" when the format has none */
    uint8_t     label_id[LABEL_ID_MAX];      /* OmidLabelId bytes: the identity of this label */
    size_t      label_id_length;
    char        info[LABEL_TEXT_MAX];        /* UTF-8, for szOmidLabelInfo: human description */
};


/* True when the format carries an identifier RSM can match on later
 * identifications (the Import-pool rule); false for blank/unknown/tar
 * without a volume label. */
int label_has_identity(const struct label_info *label);

void label_detect(enum first_read outcome, const uint8_t *block, size_t length, struct label_info *label);

#endif
