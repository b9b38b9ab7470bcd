/* The SSC commands the tape emulation sends through sgbridged, and what
 * came back: status and decoded sense. The sense decides what happened
 * (tgt's transfer lengths and residuals do not always agree with it). */
#ifndef SGBRIDGE_SSC_COMMANDS_H
#define SGBRIDGE_SSC_COMMANDS_H

#include <stdbool.h>
#include <stdint.h>

enum sense_key {
    KEY_NO_SENSE = 0x0, KEY_RECOVERED = 0x1, KEY_NOT_READY = 0x2, KEY_MEDIUM_ERROR = 0x3,
    KEY_ILLEGAL_REQUEST = 0x5, KEY_UNIT_ATTENTION = 0x6, KEY_DATA_PROTECT = 0x7, KEY_BLANK_CHECK = 0x8,
    KEY_VOLUME_OVERFLOW = 0xD,
};

struct ssc_sense {
    uint8_t key, asc, ascq;
    bool    filemark, end_of_medium, incorrect_length;
    bool    information_valid;
    int32_t information;   /* signed: a negative residue is a block longer than asked */
};

struct ssc_outcome {
    bool             reached;    /* a status came back from the device */
    uint8_t          status;     /* 0 GOOD, 2 CHECK CONDITION ... */
    bool             has_sense;
    struct ssc_sense sense;
    uint32_t         received;   /* data-in bytes delivered */
};

enum space_code { SPACE_BLOCKS = 0, SPACE_FILEMARKS = 1, SPACE_END_OF_DATA = 3, SPACE_SETMARKS = 4 };

bool ssc_good(const struct ssc_outcome *o);
bool ssc_sense_is(const struct ssc_outcome *o, uint8_t key, uint8_t asc, uint8_t ascq);
bool ssc_end_of_data(const struct ssc_outcome *o);
bool ssc_beginning_of_medium(const struct ssc_outcome *o);
bool ssc_not_implemented(const struct ssc_outcome *o);

void ssc_test_unit_ready(const char *url, struct ssc_outcome *o);
void ssc_rewind(const char *url, struct ssc_outcome *o);
/* READ(6)/WRITE(6): length is bytes (variable) or blocks (fixed); bytes is the transfer. */
void ssc_read6(const char *url, bool fixed, uint32_t length, void *buffer, uint32_t bytes, struct ssc_outcome *o);
void ssc_write6(const char *url, bool fixed, uint32_t length, const void *buffer, uint32_t bytes,
                struct ssc_outcome *o);
void ssc_write_filemarks(const char *url, uint32_t count, bool setmarks, bool immediate, struct ssc_outcome *o);
void ssc_space(const char *url, enum space_code code, int32_t count, struct ssc_outcome *o);
void ssc_locate(const char *url, uint32_t block, struct ssc_outcome *o);
void ssc_read_position(const char *url, uint8_t data[20], struct ssc_outcome *o);
void ssc_mode_sense(const char *url, uint8_t page, uint8_t *data, uint8_t capacity, struct ssc_outcome *o);
void ssc_mode_select(const char *url, bool page_format, const uint8_t *data, uint8_t length, struct ssc_outcome *o);
/* LOAD UNLOAD byte 4: bit 0 LOAD, bit 1 RETEN. */
void ssc_load_unload(const char *url, uint8_t action, struct ssc_outcome *o);
void ssc_prevent_removal(const char *url, bool prevent, struct ssc_outcome *o);
void ssc_erase(const char *url, bool whole, struct ssc_outcome *o);

#endif
