/* What the journal and the shared counter buy, and what they must not
 * cost: an unchanged entry commits nothing; another handle reads only the
 * new records (across checkpoints too); a handle nobody committed behind
 * touches no file at all; unflushed commits are seen at once and flushed
 * later; a damaged record ends the journal there. The change feed: every
 * commit told in order; a follower resumes where it stopped without
 * reading the files from their start, and tells what a fresh handle
 * reading the files tells, checkpoints moving the journal meanwhile. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "platform/plat_file.h"
#include "store/store.h"
#include "store_fixture.h"

static long file_size(const char *name)
{
    char path[300];
    struct stat st;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    return stat(path, &st) ? -1 : (long)st.st_size;
}

/* ---- every file operation counted ---- */

static unsigned file_calls, whole_reads, flushes, reads_from_start;

static ntms_err count_read_all(const char *p, uint8_t **d, size_t *l) { file_calls++; whole_reads++; return plat_file_system.read_all(p, d, l); }
static ntms_err count_read_head(const char *p, uint8_t *d, size_t l, size_t *g) { file_calls++; return plat_file_system.read_head(p, d, l, g); }
static ntms_err count_stamp(const char *p, uint64_t *s) { file_calls++; return plat_file_system.change_stamp(p, s); }
static ntms_err count_read_from(const char *p, uint64_t o, uint8_t *h, size_t hl, uint8_t **d, size_t *l) { file_calls++; reads_from_start += !o; return plat_file_system.read_from(p, o, h, hl, d, l); }
static ntms_err count_flush(const char *p) { file_calls++; flushes++; return plat_file_system.flush(p); }

static void count_file_calls(void)
{
    static struct plat_file_ops counting;

    counting = plat_file_system;
    counting.read_all = count_read_all;
    counting.read_head = count_read_head;
    counting.change_stamp = count_stamp;
    counting.read_from = count_read_from;
    counting.flush = count_flush;
    plat_file = &counting;
    file_calls = whole_reads = flushes = reads_from_start = 0;
}

static void stop_counting(void)
{
    plat_file = &plat_file_system;
}

/* ---- the tests ---- */

static void an_unchanged_entry_commits_nothing(void **state)
{
    struct store *s;

    (void)state;
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    commit_value(s, 1, "same");
    commit_value(s, 2, "other");
    long before = file_size("ntmsapi.journal");
    uint64_t generation = store_generation(s);
    commit_value(s, 1, "same");
    assert_int_equal(file_size("ntmsapi.journal"), before);
    assert_int_equal(store_generation(s), generation);
    store_close(s);
}

static void another_handle_reads_only_the_new_records(void **state)
{
    struct store *a, *b;
    char value[32];

    (void)state;
    assert_int_equal(store_open(dir, &a), NTMS_OK);
    assert_int_equal(store_open(dir, &b), NTMS_OK);
    for (unsigned i = 0; i < 100; i++) {
        snprintf(value, sizeof(value), "v%u", i);
        commit_value(a, i, value);
        if (i == 0) {   /* the first commit wrote the first checkpoint: b loads it whole */
            assert_int_equal(store_begin(b, false), NTMS_OK);
            store_abort(b);
        }
        if (i % 10 != 9)
            continue;
        count_file_calls();
        assert_int_equal(store_begin(b, false), NTMS_OK);
        stop_counting();
        assert_string_equal(get_value(b, i), value);
        assert_int_equal(whole_reads, 0);   /* the journal's tail, not the database */
        store_abort(b);
    }
    store_close(a);
    store_close(b);
}

static void another_handle_follows_across_checkpoints(void **state)
{
    struct store *a, *b;
    char value[32];

    (void)state;
    assert_int_equal(store_open(dir, &a), NTMS_OK);
    assert_int_equal(store_open(dir, &b), NTMS_OK);
    store_set_checkpoint_after(a, 2000);
    for (unsigned i = 0; i < 300; i++) {
        snprintf(value, sizeof(value), "value %u", i);
        commit_value(a, i % 50, value);
        if (i % 7)
            continue;
        assert_int_equal(store_begin(b, false), NTMS_OK);
        assert_string_equal(get_value(b, i % 50), value);
        assert_int_equal(store_generation(b), store_generation(a));
        store_abort(b);
    }
    assert_true(file_size("ntmsapi.db.prev") > 0);   /* it did checkpoint */
    store_close(a);
    store_close(b);
}

static void a_handle_nobody_committed_behind_touches_no_file(void **state)
{
    struct store *a, *b;

    (void)state;
    assert_int_equal(store_open(dir, &a), NTMS_OK);
    assert_int_equal(store_open(dir, &b), NTMS_OK);
    commit_value(a, 1, "one");
    assert_int_equal(store_begin(b, false), NTMS_OK);   /* catches up */
    store_abort(b);
    count_file_calls();
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(store_begin(b, false), NTMS_OK);
        store_abort(b);
    }
    assert_int_equal(file_calls, 0);
    stop_counting();
    commit_value(a, 2, "two");
    count_file_calls();
    assert_int_equal(store_begin(b, false), NTMS_OK);
    stop_counting();
    assert_true(file_calls > 0);
    assert_string_equal(get_value(b, 2), "two");
    store_abort(b);
    store_close(a);
    store_close(b);
}

static void unflushed_commits_are_seen_at_once_and_flushed_later(void **state)
{
    struct store *a, *b;

    (void)state;
    assert_int_equal(store_open(dir, &a), NTMS_OK);
    assert_int_equal(store_open(dir, &b), NTMS_OK);
    commit_value(a, 1, "flushed");
    count_file_calls();
    for (unsigned i = 2; i < 6; i++) {
        assert_int_equal(store_begin(a, true), NTMS_OK);
        put_value(a, i, "unflushed");
        assert_int_equal(store_commit_unflushed(a), NTMS_OK);
    }
    assert_int_equal(flushes, 0);
    assert_int_equal(store_begin(b, false), NTMS_OK);
    assert_string_equal(get_value(b, 5), "unflushed");
    store_abort(b);
    assert_int_equal(store_flush(a), NTMS_OK);
    assert_int_equal(store_flush(a), NTMS_OK);
    stop_counting();
    assert_int_equal(flushes, 1);
    store_close(a);
    store_close(b);
}

static void flip_last_byte(const char *name)
{
    char path[300];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    assert_non_null(f = fopen(path, "r+b"));
    fseek(f, -1, SEEK_END);
    int c = fgetc(f);
    fseek(f, -1, SEEK_END);
    fputc(c ^ 0x21, f);
    fclose(f);
}

static void a_damaged_record_ends_the_journal(void **state)
{
    struct store *s;

    (void)state;
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    commit_value(s, 1, "one");
    commit_value(s, 2, "two");
    commit_value(s, 3, "three");
    store_close(s);
    flip_last_byte("ntmsapi.journal");
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, false), NTMS_OK);
    assert_string_equal(get_value(s, 2), "two");
    assert_null(get_value(s, 3));
    store_abort(s);
    commit_value(s, 4, "four");   /* written over the damaged record */
    store_close(s);
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, false), NTMS_OK);
    assert_string_equal(get_value(s, 4), "four");
    store_abort(s);
    store_close(s);
}

/* ---- the change feed ---- */

struct seen_changes {
    char     text[64][300];
    size_t   count;
    size_t   stop_after;   /* 0: never stop */
};

static bool remember(const struct store_change *c, void *context)
{
    struct seen_changes *seen = context;
    static const char *const what[] = { "", "updated", "removed", "inserted", "noted" };
    unsigned n;

    memcpy(&n, c->id.bytes, sizeof(n));
    if (seen->count < 64)
        snprintf(seen->text[seen->count++], 300, "%llu %s %u/%u %s", (unsigned long long)c->generation, what[c->what],
                 (unsigned)c->kind, n, c->name);
    return !seen->stop_after || seen->count < seen->stop_after;
}

static void the_feed_tells_every_commit_in_order(void **state)
{
    struct store *a, *b;
    struct seen_changes seen = { .count = 0 };
    uint64_t last;
    ntms_guid one = id_of(1), two = id_of(2), nine = id_of(9);

    (void)state;
    assert_int_equal(store_open(dir, &a), NTMS_OK);
    assert_int_equal(store_open(dir, &b), NTMS_OK);
    commit_value(a, 1, "one");                                   /* 1 */
    commit_value(a, 1, "one again");                             /* 2 */
    assert_int_equal(store_begin(a, true), NTMS_OK);             /* 3 */
    put_value(a, 2, "two");
    assert_int_equal(store_delete(a, 1, &one, NULL), NTMS_OK);
    assert_int_equal(store_note(a, 4, &nine, "5.5"), NTMS_OK);
    assert_int_equal(store_commit(a), NTMS_OK);
    assert_int_equal(store_begin(a, true), NTMS_OK);             /* made and removed: nothing to commit */
    put_value(a, 3, "gone");
    ntms_guid three = id_of(3);
    assert_int_equal(store_delete(a, 1, &three, NULL), NTMS_OK);
    assert_int_equal(store_commit(a), NTMS_OK);
    assert_int_equal(store_changes_since(b, 0, remember, &seen, &last), NTMS_OK);
    assert_int_equal(last, 3);
    assert_int_equal(seen.count, 5);
    assert_string_equal(seen.text[0], "1 inserted 1/1 ");
    assert_string_equal(seen.text[1], "2 updated 1/1 ");
    assert_string_equal(seen.text[2], "3 removed 1/1 ");
    assert_string_equal(seen.text[3], "3 inserted 1/2 ");
    assert_string_equal(seen.text[4], "3 noted 4/9 5.5");
    /* from the middle, and a stop that still finishes its commit */
    seen = (struct seen_changes){ .stop_after = 1 };
    assert_int_equal(store_changes_since(b, 2, remember, &seen, &last), NTMS_OK);
    assert_int_equal(last, 3);
    assert_int_equal(seen.count, 3);
    seen = (struct seen_changes){ .count = 0 };
    assert_int_equal(store_changes_since(b, 3, remember, &seen, &last), NTMS_OK);
    assert_int_equal(seen.count, 0);
    (void)two;
    store_close(a);
    store_close(b);
}

static void the_feed_reaches_back_one_checkpoint_then_says_no_data(void **state)
{
    struct store *a, *b;
    struct seen_changes seen = { .count = 0 };
    uint64_t last;
    char value[32];

    (void)state;
    assert_int_equal(store_open(dir, &a), NTMS_OK);
    assert_int_equal(store_open(dir, &b), NTMS_OK);
    store_set_checkpoint_after(a, 600);
    for (unsigned i = 0; i < 12; i++) {
        snprintf(value, sizeof(value), "value %u", i);
        commit_value(a, i, value);
    }
    uint64_t now;
    assert_int_equal(store_current_generation(b, &now), NTMS_OK);
    assert_int_equal(store_changes_since(b, now - 3, remember, &seen, &last), NTMS_OK);
    assert_int_equal(last, now);
    assert_int_equal(seen.count, 3);
    for (unsigned i = 0; i < 40; i++)
        commit_value(a, i, "more");
    seen = (struct seen_changes){ .count = 0 };
    assert_int_equal(store_changes_since(b, 1, remember, &seen, &last), NTMS_E_NO_DATA);
    store_close(a);
    store_close(b);
}

/* What a handle that never followed (no follow point: the files read
 * from their start) tells after `after`. */
static void changes_read_fresh(uint64_t after, struct seen_changes *seen, uint64_t *last)
{
    struct store *fresh;

    *seen = (struct seen_changes){ .count = 0 };
    assert_int_equal(store_open(dir, &fresh), NTMS_OK);
    assert_int_equal(store_changes_since(fresh, after, remember, seen, last), NTMS_OK);
    store_close(fresh);
}

static void assert_same_changes(const struct seen_changes *x, const struct seen_changes *y)
{
    assert_int_equal(x->count, y->count);
    for (size_t i = 0; i < x->count; i++)
        assert_string_equal(x->text[i], y->text[i]);
}

static void a_follower_resumes_where_it_stopped(void **state)
{
    struct store *a, *b;
    struct seen_changes seen = { .count = 0 }, fresh;
    uint64_t last, fresh_last;

    (void)state;
    assert_int_equal(store_open(dir, &a), NTMS_OK);
    assert_int_equal(store_open(dir, &b), NTMS_OK);
    for (unsigned i = 1; i <= 5; i++)
        commit_value(a, i, "first");
    assert_int_equal(store_changes_since(b, 0, remember, &seen, &last), NTMS_OK);
    assert_int_equal(last, 5);
    for (unsigned i = 6; i <= 8; i++)
        commit_value(a, i, "then");
    seen = (struct seen_changes){ .count = 0 };
    count_file_calls();
    assert_int_equal(store_changes_since(b, 5, remember, &seen, &last), NTMS_OK);
    stop_counting();
    assert_int_equal(reads_from_start, 0);   /* only the new records */
    assert_int_equal(last, 8);
    assert_int_equal(seen.count, 3);
    assert_string_equal(seen.text[0], "6 inserted 1/6 ");
    changes_read_fresh(5, &fresh, &fresh_last);
    assert_int_equal(fresh_last, 8);
    assert_same_changes(&seen, &fresh);
    /* stopped within the new records: resumed from there */
    commit_value(a, 9, "nine");
    commit_value(a, 10, "ten");
    seen = (struct seen_changes){ .stop_after = 1 };
    assert_int_equal(store_changes_since(b, 8, remember, &seen, &last), NTMS_OK);
    assert_int_equal(last, 9);
    seen = (struct seen_changes){ .count = 0 };
    count_file_calls();
    assert_int_equal(store_changes_since(b, 9, remember, &seen, &last), NTMS_OK);
    stop_counting();
    assert_int_equal(reads_from_start, 0);
    assert_int_equal(seen.count, 1);
    assert_string_equal(seen.text[0], "10 inserted 1/10 ");
    store_close(a);
    store_close(b);
}

/* Every generation after `after` once, in order, up to `last`. */
static void assert_consecutive(const struct seen_changes *seen, uint64_t after, uint64_t last)
{
    assert_int_equal(seen->count, last - after);
    for (size_t i = 0; i < seen->count; i++)
        assert_int_equal(strtoull(seen->text[i], NULL, 10), after + 1 + i);
}

/* Records of one size: a point left in a replaced journal lands on a
 * whole record of another generation, or past the end. */
static void a_follower_whose_journal_moved_reads_the_files(void **state)
{
    struct store *a, *b;
    struct seen_changes seen, fresh;
    uint64_t after = 0, last, fresh_last;
    unsigned fast = 0, moved = 0, n = 0;
    char value[16];

    (void)state;
    assert_int_equal(store_open(dir, &a), NTMS_OK);
    assert_int_equal(store_open(dir, &b), NTMS_OK);
    store_set_checkpoint_after(a, 700);
    for (unsigned round = 0; round < 60; round++) {
        long journal_before = file_size("ntmsapi.journal");
        for (unsigned k = round % 3 + 1; k > 0; k--, n++) {
            snprintf(value, sizeof(value), "v%06u", n);
            commit_value(a, n % 5, value);
        }
        bool replaced = file_size("ntmsapi.journal") <= journal_before;
        seen = (struct seen_changes){ .count = 0 };
        count_file_calls();
        assert_int_equal(store_changes_since(b, after, remember, &seen, &last), NTMS_OK);
        stop_counting();
        fast += round > 0 && !reads_from_start;
        moved += replaced;
        changes_read_fresh(after, &fresh, &fresh_last);
        assert_int_equal(last, fresh_last);
        assert_consecutive(&seen, after, last);
        assert_same_changes(&seen, &fresh);
        after = last;
    }
    assert_true(fast > 20);    /* the points were used ... */
    assert_true(moved > 5);    /* ... and left behind by checkpoints */
    store_close(a);
    store_close(b);
}

#define T(f) cmocka_unit_test_setup_teardown(f, make_dir, remove_dir)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(an_unchanged_entry_commits_nothing),
        T(another_handle_reads_only_the_new_records),
        T(another_handle_follows_across_checkpoints),
        T(a_handle_nobody_committed_behind_touches_no_file),
        T(unflushed_commits_are_seen_at_once_and_flushed_later),
        T(a_damaged_record_ends_the_journal),
        T(the_feed_tells_every_commit_in_order),
        T(the_feed_reaches_back_one_checkpoint_then_says_no_data),
        T(a_follower_resumes_where_it_stopped),
        T(a_follower_whose_journal_moved_reads_the_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
