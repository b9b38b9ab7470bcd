/* A crash at every step of every kind of commit: the first one of a new
 * database, an append to the journal, one that writes a checkpoint; with
 * the write that meets the crash torn or not. After it, the state read by
 * a fresh handle is exactly the old one or the new one, and the new one
 * whenever the commit had returned success. Also: a writer process killed
 * mid-commit leaves the shared counter odd and nothing blocked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "platform/plat_file.h"
#include "store/store.h"
#include "store_fixture.h"

/* ---- the real file layer until step N, then nothing ---- */

static int steps_left;      /* mutating operations still allowed */
static int torn;            /* tear the write that meets the crash */
static int steps_taken;

static bool step(void)
{
    steps_taken++;
    return steps_left-- > 0;
}

static ntms_err crash_write(const char *path, const uint8_t *data, size_t length)
{
    if (step())
        return plat_file_system.write_durable(path, data, length);
    if (torn)
        plat_file_system.write_durable(path, data, length / 2);   /* half the image made it */
    return NTMS_E_DATABASE_FAILURE;
}

static ntms_err crash_write_at(const char *path, uint64_t offset, const uint8_t *data, size_t length, bool flush)
{
    if (step())
        return plat_file_system.write_at(path, offset, data, length, flush);
    if (torn)
        plat_file_system.write_at(path, offset, data, length / 2, true);
    return NTMS_E_DATABASE_FAILURE;
}

static ntms_err crash_replace(const char *from, const char *to)
{
    return step() ? plat_file_system.replace(from, to) : NTMS_E_DATABASE_FAILURE;
}

static const struct plat_file_ops *crashing_after(int steps)
{
    static struct plat_file_ops crashing;

    crashing = plat_file_system;
    crashing.write_durable = crash_write;
    crashing.write_at = crash_write_at;
    crashing.replace = crash_replace;
    steps_left = steps;
    steps_taken = 0;
    return &crashing;
}

/* ---- the scenarios ---- */

struct scenario {
    const char *name;
    int         old_commits;        /* 0: the crashing commit is the database's first */
    size_t      checkpoint_after;   /* for the crashing commit (0: the normal rule) */
};

/* Old state: 1 old-1, 2 old-2, 3 old-3 (or nothing). */
static void commit_old_state(struct store *s, int commits)
{
    if (commits >= 1) {
        assert_int_equal(store_begin(s, true), NTMS_OK);
        put_value(s, 1, "old-1");
        put_value(s, 2, "old-2");
        assert_int_equal(store_commit(s), NTMS_OK);
    }
    if (commits >= 2) {
        assert_int_equal(store_begin(s, true), NTMS_OK);
        put_value(s, 3, "old-3");
        assert_int_equal(store_commit(s), NTMS_OK);
    }
}

/* New: 1 changed, 2 removed, 4 added. */
static ntms_err commit_new_state(struct store *s)
{
    ntms_guid two = id_of(2);

    assert_int_equal(store_begin(s, true), NTMS_OK);
    put_value(s, 1, "new-1");
    put_value(s, 4, "new-4");
    if (get_value(s, 2))
        assert_int_equal(store_delete(s, 1, &two, NULL), NTMS_OK);
    return store_commit(s);
}

static bool is_old(struct store *s, int old_commits)
{
    if (!old_commits)
        return count_entries(s) == 0;
    const char *one = get_value(s, 1), *two = get_value(s, 2), *three = get_value(s, 3);
    return one && !strcmp(one, "old-1") && two && !strcmp(two, "old-2") && three && !strcmp(three, "old-3")
        && count_entries(s) == 3;
}

static bool is_new(struct store *s, int old_commits)
{
    const char *one = get_value(s, 1), *four = get_value(s, 4), *three = get_value(s, 3);
    bool rest = old_commits ? three && !strcmp(three, "old-3") && count_entries(s) == 3 : count_entries(s) == 2;
    return one && !strcmp(one, "new-1") && four && !strcmp(four, "new-4") && !get_value(s, 2) && rest;
}

/* Crashes the new commit at step `n`; true when it took fewer steps (the
 * last run of the scenario). Counts the outcomes. */
static bool crash_at(const struct scenario *c, int n, int outcomes[2])
{
    struct store *s;

    clear_dir();
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    commit_old_state(s, c->old_commits);
    store_set_checkpoint_after(s, c->checkpoint_after);
    plat_file = crashing_after(n);
    ntms_err committed = commit_new_state(s);
    bool ran_out = steps_taken <= n;
    plat_file = &plat_file_system;
    store_close(s);          /* the process "dies" here */

    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, false), NTMS_OK);
    bool now_new = is_new(s, c->old_commits);
    if (!now_new && !is_old(s, c->old_commits))
        fail_msg("%s, crash at step %d%s: neither the old state nor the new", c->name, n, torn ? " (torn)" : "");
    if (committed == NTMS_OK && !now_new)
        fail_msg("%s, crash at step %d: a commit that succeeded was lost", c->name, n);
    outcomes[now_new]++;
    store_abort(s);
    store_close(s);
    return ran_out;
}

static void run_scenario(const struct scenario *c)
{
    int outcomes[2] = { 0, 0 };

    for (torn = 0; torn <= 1; torn++)
        for (int n = 0; n < 20 && !crash_at(c, n, outcomes); n++)
            ;
    print_message("%s: %d crash points left the old state, %d the new\n", c->name, outcomes[0], outcomes[1]);
    assert_true(outcomes[0] > 0 && outcomes[1] > 0);
}

static void crash_at_every_step_of_the_first_commit(void **state)
{
    (void)state;
    run_scenario(&(struct scenario){ "first commit", 0, 0 });
}

static void crash_at_every_step_of_a_journal_append(void **state)
{
    (void)state;
    run_scenario(&(struct scenario){ "journal append", 2, 0 });
}

static void crash_at_every_step_of_a_checkpoint(void **state)
{
    (void)state;
    run_scenario(&(struct scenario){ "checkpoint", 2, 1 });
}

/* A record torn by a crash is written over by the next commit. */
static void a_torn_record_is_written_over(void **state)
{
    struct store *s;

    (void)state;
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    commit_old_state(s, 2);
    torn = 1;
    plat_file = crashing_after(0);
    assert_int_not_equal(commit_new_state(s), NTMS_OK);
    plat_file = &plat_file_system;
    store_close(s);
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(commit_new_state(s), NTMS_OK);
    assert_int_equal(store_begin(s, true), NTMS_OK);
    put_value(s, 5, "after");
    assert_int_equal(store_commit(s), NTMS_OK);
    store_close(s);
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, false), NTMS_OK);
    assert_string_equal(get_value(s, 1), "new-1");
    assert_string_equal(get_value(s, 5), "after");
    assert_int_equal(count_entries(s), 4);
    store_abort(s);
    store_close(s);
}

/* ---- a writer process killed between making the counter odd and settling it ---- */

static ntms_err die_in_write_at(const char *path, uint64_t offset, const uint8_t *data, size_t length, bool flush)
{
    (void)path; (void)offset; (void)data; (void)length; (void)flush;
    _exit(0);
}

static void a_writer_killed_mid_commit_blocks_nobody(void **state)
{
    struct store *s, *reader;
    int status = 0;

    (void)state;
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    commit_old_state(s, 2);
    store_close(s);
    assert_int_equal(store_open(dir, &reader), NTMS_OK);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        static struct plat_file_ops dying;
        dying = plat_file_system;
        dying.write_at = die_in_write_at;
        plat_file = &dying;
        if (store_open(dir, &s) == NTMS_OK)
            commit_new_state(s);
        _exit(1);
    }
    waitpid(child, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(store_begin(reader, false), NTMS_OK);   /* the odd counter: the files decide */
    assert_true(is_old(reader, 2));
    store_abort(reader);
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(commit_new_state(s), NTMS_OK);
    assert_int_equal(store_begin(reader, false), NTMS_OK);
    assert_true(is_new(reader, 2));
    store_abort(reader);
    store_close(s);
    store_close(reader);
}

#define T(f) cmocka_unit_test_setup_teardown(f, make_dir, remove_dir)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(crash_at_every_step_of_the_first_commit),
        T(crash_at_every_step_of_a_journal_append),
        T(crash_at_every_step_of_a_checkpoint),
        T(a_torn_record_is_written_over),
        T(a_writer_killed_mid_commit_blocks_nobody),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
