/* Following the commits of every process: the changes the journals record
 * after a generation, read from the files (the previous journal, then the
 * current one), or, when a follower resumes where one stopped before, from
 * that point of the current journal only. */
#ifndef NTMSAPI_STORE_FOLLOW_H
#define NTMSAPI_STORE_FOLLOW_H

#include <stdint.h>

#include "store/store.h"

#define FOLLOW_POINTS 8   /* where in the journal recent followers stopped */

/* A follower stopped after this generation, whose next record was then at
 * this offset of the current journal (0: unused). */
struct follow_point {
    uint64_t generation, offset;
};

struct store_follow {
    struct follow_point points[FOLLOW_POINTS];
    unsigned            next;   /* the point to reuse next */
};

/* Visits the changes committed after `after`, up to the generation `now`
 * the store has reached (see store_changes_since). */
ntms_err store_follow_changes(struct store_follow *follow, const char *journal_prev_path, const char *journal_path,
                              uint64_t after, uint64_t now, store_change_visitor visit, void *context,
                              uint64_t *last);

#endif
