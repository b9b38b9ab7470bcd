/* The store: persistence, isolation, damaged files, many entries, many
 * processes, copies. Crashes: test_store_crash.c; the journal and the
 * shared counter: test_store_journal.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <dirent.h>
#include <cmocka.h>

#include "platform/plat_file.h"
#include "store/store.h"
#include "store_fixture.h"

static void commit_persists_and_abort_discards(void **state)
{
    (void)state;
    struct store *s, *again;

    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, true), NTMS_OK);
    put_value(s, 1, "one");
    put_value(s, 2, "two");
    assert_int_equal(store_commit(s), NTMS_OK);
    assert_int_equal(store_begin(s, true), NTMS_OK);
    put_value(s, 3, "three");
    store_abort(s);
    assert_int_equal(store_begin(s, false), NTMS_OK);
    assert_null(get_value(s, 3));
    assert_string_equal(get_value(s, 2), "two");
    store_abort(s);
    store_close(s);

    assert_int_equal(store_open(dir, &again), NTMS_OK);
    assert_int_equal(store_begin(again, false), NTMS_OK);
    assert_string_equal(get_value(again, 1), "one");
    assert_int_equal(count_entries(again), 2);
    assert_int_equal(store_put(again, 1, &(ntms_guid){ { 9 } }, NULL, 0, (const uint8_t *)"x", 1), NTMS_E_INVALID_STATE);
    store_abort(again);
    store_close(again);
}

static void another_handle_sees_commits_at_next_begin(void **state)
{
    (void)state;
    struct store *a, *b;

    assert_int_equal(store_open(dir, &a), NTMS_OK);
    assert_int_equal(store_open(dir, &b), NTMS_OK);
    assert_int_equal(store_begin(b, false), NTMS_OK);
    assert_null(get_value(b, 5));
    store_abort(b);
    assert_int_equal(store_begin(a, true), NTMS_OK);
    put_value(a, 5, "five");
    assert_int_equal(store_commit(a), NTMS_OK);
    assert_int_equal(store_begin(b, false), NTMS_OK);
    assert_string_equal(get_value(b, 5), "five");
    store_abort(b);
    store_close(a);
    store_close(b);
}

static void attributes_are_named_entries(void **state)
{
    (void)state;
    struct store *s;
    struct store_entry e;
    ntms_guid id = id_of(1);
    char long_name[300];

    memset(long_name, 'n', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, true), NTMS_OK);
    put_value(s, 1, "object");
    assert_int_equal(store_put(s, 2, &id, "Owner", 0, (const uint8_t *)"backup", 6), NTMS_OK);
    assert_int_equal(store_put(s, 2, &id, long_name, 0, (const uint8_t *)"x", 1), NTMS_E_INVALID_PARAMETER);
    assert_int_equal(store_get(s, 2, &id, "Owner", &e), NTMS_OK);
    assert_int_equal(e.length, 6);
    assert_int_equal(store_delete_id(s, &id), NTMS_OK);
    assert_int_equal(store_get(s, 2, &id, "Owner", &e), NTMS_E_OBJECT_NOT_FOUND);
    assert_null(get_value(s, 1));
    store_abort(s);
    store_close(s);
}

static void flip_byte(const char *path, long offset)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, offset, SEEK_SET);
    int c = fgetc(f);
    fseek(f, offset, SEEK_SET);
    fputc(c ^ 0x40, f);
    fclose(f);
}

static bool damaged_copy_exists(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    bool found = false;
    while (d && (e = readdir(d)))
        found |= strstr(e->d_name, ".damaged-") != NULL;
    if (d)
        closedir(d);
    return found;
}

/* Checkpoints at every commit: a damaged one is set aside and the state
 * comes from the previous checkpoint and the journals; nothing is lost. */
static void damaged_file_is_kept_aside_and_previous_used(void **state)
{
    (void)state;
    struct store *s;
    char db[300];

    assert_int_equal(store_open(dir, &s), NTMS_OK);
    store_set_checkpoint_after(s, 1);
    const char *values[] = { "first", "second", "third" };
    for (int i = 0; i < 3; i++) {
        assert_int_equal(store_begin(s, true), NTMS_OK);
        put_value(s, 1, values[i]);
        put_value(s, 2 + (unsigned)i, values[i]);
        assert_int_equal(store_commit(s), NTMS_OK);
    }
    store_close(s);
    snprintf(db, sizeof(db), "%s/ntmsapi.db", dir);
    flip_byte(db, 60);                                    /* inside the payload */

    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, false), NTMS_OK);
    assert_string_equal(get_value(s, 1), "third");
    assert_int_equal(count_entries(s), 4);
    store_abort(s);
    assert_int_equal(store_begin(s, true), NTMS_OK);     /* and it goes on */
    put_value(s, 9, "after");
    assert_int_equal(store_commit(s), NTMS_OK);
    store_close(s);
    assert_true(damaged_copy_exists());
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, false), NTMS_OK);
    assert_int_equal(count_entries(s), 5);
    store_abort(s);
    store_close(s);
}

static void nothing_valid_refuses_to_open(void **state)
{
    (void)state;
    struct store *s;
    char path[300];

    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, true), NTMS_OK);
    put_value(s, 1, "only");
    assert_int_equal(store_commit(s), NTMS_OK);
    store_close(s);
    snprintf(path, sizeof(path), "%s/ntmsapi.db", dir);
    flip_byte(path, 3);                                   /* the magic */
    assert_int_equal(store_open(dir, &s), NTMS_E_DATABASE_FAILURE);
    assert_null(s);
}

static void truncated_file_is_detected(void **state)
{
    (void)state;
    struct store *s;
    char path[300];

    assert_int_equal(store_open(dir, &s), NTMS_OK);
    store_set_checkpoint_after(s, 1);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(store_begin(s, true), NTMS_OK);
        put_value(s, 1 + (unsigned)i, "value");
        assert_int_equal(store_commit(s), NTMS_OK);
    }
    store_close(s);
    snprintf(path, sizeof(path), "%s/ntmsapi.db", dir);
    assert_int_equal(truncate(path, 50), 0);
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, false), NTMS_OK);
    assert_int_equal(count_entries(s), 2);                /* the previous checkpoint and its journal */
    store_abort(s);
    store_close(s);
}

static void ten_thousand_entries(void **state)
{
    (void)state;
    struct store *s;
    char value[32];

    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, true), NTMS_OK);
    for (unsigned i = 0; i < 10000; i++) {
        snprintf(value, sizeof(value), "v%u", i);
        put_value(s, i * 7919u, value);
    }
    assert_int_equal(store_commit(s), NTMS_OK);
    store_close(s);
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, false), NTMS_OK);
    assert_int_equal(count_entries(s), 10000);
    assert_string_equal(get_value(s, 9999 * 7919u), "v9999");
    store_abort(s);
    store_close(s);
}

static void many_processes_lose_nothing(void **state)
{
    (void)state;
    enum { CHILDREN = 4, EACH = 25 };

    for (int c = 0; c < CHILDREN; c++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            struct store *s;
            if (store_open(dir, &s) != NTMS_OK)
                _exit(1);
            for (int i = 0; i < EACH; i++) {
                ntms_guid id = id_of((unsigned)(c * 1000 + i));
                if (store_begin(s, true) != NTMS_OK
                    || store_put(s, 1, &id, NULL, 0, (const uint8_t *)"child", 6) != NTMS_OK
                    || store_commit(s) != NTMS_OK)
                    _exit(2);
            }
            store_close(s);
            _exit(0);
        }
    }
    for (int c = 0; c < CHILDREN; c++) {
        int status = 0;
        wait(&status);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    struct store *s;
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_begin(s, false), NTMS_OK);
    assert_int_equal(count_entries(s), CHILDREN * EACH);
    store_abort(s);
    store_close(s);
}

static void export_then_import_restores_the_copy(void **state)
{
    (void)state;
    struct store *s, *other;
    char copy[300];

    snprintf(copy, sizeof(copy), "%s/copy.db", dir);
    assert_int_equal(store_open(dir, &s), NTMS_OK);
    assert_int_equal(store_open(dir, &other), NTMS_OK);
    assert_int_equal(store_begin(s, true), NTMS_OK);
    put_value(s, 1, "exported");
    assert_int_equal(store_commit(s), NTMS_OK);
    assert_int_equal(store_export(s, copy), NTMS_OK);
    assert_int_equal(store_begin(s, true), NTMS_OK);
    put_value(s, 1, "later");
    put_value(s, 2, "later too");
    assert_int_equal(store_commit(s), NTMS_OK);
    assert_int_equal(store_import(s, copy), NTMS_OK);
    assert_int_equal(store_begin(other, false), NTMS_OK);   /* another handle sees it too */
    assert_string_equal(get_value(other, 1), "exported");
    assert_null(get_value(other, 2));
    store_abort(other);
    flip_byte(copy, 50);
    assert_int_equal(store_import(s, copy), NTMS_E_DATABASE_FAILURE);   /* a damaged copy is refused */
    assert_int_equal(store_begin(s, false), NTMS_OK);
    assert_string_equal(get_value(s, 1), "exported");
    store_abort(s);
    store_close(s);
    store_close(other);
}

/* A reader loads the file; another process commits before the reader has
 * taken the file's stamp. The reader must not take its (old) cache for
 * the new state: its next write would overwrite that commit. */
static struct store *committer;

static ntms_err read_then_someone_commits(const char *path, uint8_t **data, size_t *length)
{
    ntms_err status = plat_file_system.read_all(path, data, length);
    if (committer) {
        struct store *other = committer;
        committer = NULL;   /* once; and the committer's own reads are plain */
        plat_file = &plat_file_system;
        assert_int_equal(store_begin(other, true), NTMS_OK);
        put_value(other, 2, "from the other process");
        assert_int_equal(store_commit(other), NTMS_OK);
    }
    return status;
}

static void a_commit_during_a_load_is_not_lost(void **state)
{
    (void)state;
    struct store *reader, *other;
    static struct plat_file_ops racing;

    assert_int_equal(store_open(dir, &reader), NTMS_OK);
    assert_int_equal(store_open(dir, &other), NTMS_OK);
    assert_int_equal(store_begin(other, true), NTMS_OK);
    put_value(other, 1, "first");
    assert_int_equal(store_commit(other), NTMS_OK);
    racing = plat_file_system;
    racing.read_all = read_then_someone_commits;
    committer = other;
    plat_file = &racing;
    assert_int_equal(store_begin(reader, false), NTMS_OK);
    plat_file = &plat_file_system;
    store_abort(reader);
    assert_int_equal(store_begin(reader, true), NTMS_OK);
    assert_non_null(get_value(reader, 2));   /* the old code kept the cache from before the commit */
    assert_string_equal(get_value(reader, 2), "from the other process");
    put_value(reader, 3, "from the reader");
    assert_int_equal(store_commit(reader), NTMS_OK);
    assert_int_equal(store_begin(other, false), NTMS_OK);
    assert_string_equal(get_value(other, 2), "from the other process");
    assert_string_equal(get_value(other, 3), "from the reader");
    store_abort(other);
    store_close(reader);
    store_close(other);
}

/* A reader loads while a checkpoint is half done: the new checkpoint is
 * in place, the old journal not yet moved aside. It reads the new
 * checkpoint and the old journal. A new journal then starts, shorter than
 * the old one: the reader must see that its journal was replaced, or it
 * reads the new one at the old one's end (nothing there, for good) and
 * its next commit is written there, past the others' (the stale reader of
 * a Wine test that never heard another commit). */
static struct store *half_checkpoint_reader;

static ntms_err replace_after_a_load(const char *from, const char *to)
{
    size_t length = strlen(to), suffix = strlen("ntmsapi.journal.prev");

    if (half_checkpoint_reader && length >= suffix && !strcmp(to + length - suffix, "ntmsapi.journal.prev")) {
        struct store *reader = half_checkpoint_reader;
        half_checkpoint_reader = NULL;
        assert_int_equal(store_begin(reader, false), NTMS_OK);
        store_abort(reader);
    }
    return plat_file_system.replace(from, to);
}

static void a_load_during_a_checkpoint_follows_the_new_journal(void **state)
{
    (void)state;
    struct store *reader, *writer;
    static struct plat_file_ops racing;
    char value[64];

    assert_int_equal(store_open(dir, &reader), NTMS_OK);
    assert_int_equal(store_open(dir, &writer), NTMS_OK);
    store_set_checkpoint_after(writer, 4000);
    for (unsigned n = 1; n <= 40; n++) {
        snprintf(value, sizeof(value), "value %u, long enough to fill the journal quickly", n);
        racing = plat_file_system;
        racing.replace = replace_after_a_load;
        half_checkpoint_reader = reader;
        plat_file = &racing;
        commit_value(writer, n, value);
        plat_file = &plat_file_system;
        if (!half_checkpoint_reader)
            break;   /* this commit wrote a checkpoint, the reader loaded in its middle */
    }
    assert_null(half_checkpoint_reader);
    commit_value(writer, 100, "after the checkpoint");
    assert_int_equal(store_begin(reader, false), NTMS_OK);
    assert_non_null(get_value(reader, 100));   /* the old code read the new journal at the old one's end */
    store_abort(reader);
    commit_value(reader, 101, "from the reader");
    commit_value(writer, 102, "from the writer again");
    struct store *fresh;
    assert_int_equal(store_open(dir, &fresh), NTMS_OK);
    assert_int_equal(store_begin(fresh, false), NTMS_OK);
    assert_string_equal(get_value(fresh, 100), "after the checkpoint");
    assert_string_equal(get_value(fresh, 101), "from the reader");
    assert_string_equal(get_value(fresh, 102), "from the writer again");
    store_abort(fresh);
    store_close(fresh);
    store_close(reader);
    store_close(writer);
}

#define T(f) cmocka_unit_test_setup_teardown(f, make_dir, remove_dir)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(commit_persists_and_abort_discards),
        T(another_handle_sees_commits_at_next_begin),
        T(attributes_are_named_entries),
        T(damaged_file_is_kept_aside_and_previous_used),
        T(nothing_valid_refuses_to_open),
        T(truncated_file_is_detected),
        T(ten_thousand_entries),
        T(many_processes_lose_nothing),
        T(export_then_import_restores_the_copy),
        T(a_commit_during_a_load_is_not_lost),
        T(a_load_during_a_checkpoint_follows_the_new_journal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
