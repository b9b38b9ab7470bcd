/* The journal (ntmsapi.journal): what each commit since the checkpoint
 * changed, appended in order. A header names the checkpoint generation it
 * follows; each record carries its generation, its changes (an entry's
 * new bytes, or its removal) and a checksum over all of it. Records are
 * applied in generation order: those the state already has are skipped,
 * a gap or a record that does not check ends the journal there (a commit
 * cut short by a crash never returned success). */
#ifndef NTMSAPI_STORE_JOURNAL_H
#define NTMSAPI_STORE_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/store_table.h"

#define JOURNAL_HEADER 32

struct journal_key {
    uint8_t   kind;
    ntms_guid id;
    char     *name;
    bool      existed;    /* before the transaction: an update or removal, not an insertion */
    uint32_t  old_tag;    /* the tag it had then (a removal carries it) */
    bool      note;       /* a signal only: no entry behind it */
    size_t    order;      /* when it was first touched */
};



/* The header of a journal that follows checkpoint `base`. */
void journal_header(uint8_t header[JOURNAL_HEADER], uint64_t base);
/* Is this a journal's header? */
bool journal_header_valid(const uint8_t *data, size_t length);

/* One record: the current entry (or its absence) under each key, which
 * are sorted and distinct; *record NULL when nothing is left to say
 * (entries made and removed in one transaction). */
ntms_err journal_record(const struct store_table *table, const struct journal_key *keys, size_t count,
                        uint64_t generation, uint8_t **record, size_t *length);

/* Applies the records in data[0..length) that follow *generation onto the
 * table. *used is how many bytes were taken (skipped or applied): where
 * the next append goes. NTMS_E_NOT_ENOUGH_MEMORY leaves the table half
 * done: load it again. */
ntms_err journal_apply(const uint8_t *data, size_t length, struct store_table *table, uint64_t *generation,
                       size_t *used);

/* Every change of the records in data[0..length) whose generation is
 * after `after`, in order, until visit returns false. *last is the last
 * generation seen (after, if none); *used the bytes of whole records. */
void journal_read_changes(const uint8_t *data, size_t length, uint64_t after, store_change_visitor visit,
                          void *context, uint64_t *last, size_t *used);
/* Is the first record of data[0..length) whole, checked and of this generation? */
bool journal_starts_with(const uint8_t *data, size_t length, uint64_t generation);
/* The generation a journal's header says it follows. */
uint64_t journal_base(const uint8_t *header);

#endif
