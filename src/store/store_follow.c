#include "store/store_follow.h"

#include <stdbool.h>
#include <stdlib.h>

#include "platform/plat_file.h"
#include "store/store_journal.h"

#define FOLLOW_ATTEMPTS 3

/* Where a follower that read up to `generation` finds the next record of
 * the current journal. */
static void remember_point(struct store_follow *f, uint64_t generation, uint64_t offset)
{
    for (unsigned i = 0; i < FOLLOW_POINTS; i++)
        if (f->points[i].generation == generation) {
            f->points[i].offset = offset;
            return;
        }
    f->points[f->next] = (struct follow_point){ generation, offset };
    f->next = (f->next + 1) % FOLLOW_POINTS;
}

/* The records of one journal file after *last, visited in order; where
 * they end is remembered when it is the current journal. */
static ntms_err follow_file(struct store_follow *f, const char *path, bool current, store_change_visitor visit,
                            void *context, uint64_t *last)
{
    uint8_t *data;
    size_t length, used;
    ntms_err status = plat_file->read_from(path, 0, NULL, 0, &data, &length);

    if (status == NTMS_E_OBJECT_NOT_FOUND)
        return NTMS_OK;
    if (status != NTMS_OK)
        return NTMS_E_DATABASE_FAILURE;
    if (journal_header_valid(data, length)) {
        uint64_t before = *last;
        journal_read_changes(data + JOURNAL_HEADER, length - JOURNAL_HEADER, before, visit, context, last, &used);
        if (current && *last != before)
            remember_point(f, *last, JOURNAL_HEADER + used);
    }
    free(data);
    return NTMS_OK;
}

/* The common case: a follower of this store stopped at `after` before,
 * and the current journal still holds the record after it where it was
 * then: whole, checked, of the next generation. Generations never repeat
 * and every new journal starts past them, so that record is the one that
 * followed; the records after it are read, not the whole files. False
 * when the point is unknown or stale (a checkpoint or an import replaced
 * the journal, a commit was cut short there): nothing was visited. */
static bool follow_from_point(struct store_follow *f, const char *journal_path, uint64_t after,
                              store_change_visitor visit, void *context, uint64_t *last)
{
    uint8_t *data;
    size_t length, used;
    unsigned i = 0;

    while (i < FOLLOW_POINTS && (f->points[i].generation != after || !f->points[i].offset))
        i++;
    if (i == FOLLOW_POINTS || plat_file->read_from(journal_path, f->points[i].offset, NULL, 0, &data, &length) != NTMS_OK)
        return false;
    bool same = journal_starts_with(data, length, after + 1);
    if (same) {
        journal_read_changes(data, length, after, visit, context, last, &used);
        remember_point(f, *last, f->points[i].offset + used);
    }
    free(data);
    return same;
}

/* A visitor that remembers it was told to stop. */
struct following {
    store_change_visitor visit;
    void                *context;
    bool                 stopped;
};

static bool follow_one(const struct store_change *change, void *context)
{
    struct following *f = context;
    bool going = f->visit(change, f->context);

    f->stopped |= !going;
    return going;
}

ntms_err store_follow_changes(struct store_follow *follow, const char *journal_prev_path, const char *journal_path,
                              uint64_t after, uint64_t now, store_change_visitor visit, void *context,
                              uint64_t *last)
{
    struct following f = { visit, context, false };
    ntms_err status;

    *last = after;
    follow_from_point(follow, journal_path, after, follow_one, &f, last);
    /* The previous journal, then the current one, for what the point did
     * not reach; a checkpoint that moves one to the other between the two
     * reads leaves a gap: read again. */
    for (int attempt = 0; attempt < FOLLOW_ATTEMPTS && *last < now && !f.stopped; attempt++) {
        if ((status = follow_file(follow, journal_prev_path, false, follow_one, &f, last)) != NTMS_OK)
            return status;
        if (!f.stopped && (status = follow_file(follow, journal_path, true, follow_one, &f, last)) != NTMS_OK)
            return status;
    }
    return *last >= now || f.stopped ? NTMS_OK : NTMS_E_NO_DATA;
}
