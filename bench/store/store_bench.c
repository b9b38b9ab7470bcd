/* The object database with 10,000 media records: object reads and
 * enumerations per second (what GetNtmsObjectInformationW and
 * EnumerateNtmsObject cost beneath the DLL), commit latency of one change,
 * and database size per 1,000 media.
 * usage: bench_store                    the figures
 *        bench_store seed DIR [COUNT]   only a database of COUNT media (default
 *                                       10,000) in DIR (bench/dll and
 *                                       bench/table.sh use it) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/core/engine.h"
#include "engine/records/engine_open.h"
#include "engine/records/enumerate.h"
#include "engine/core/objdb.h"
#include "engine/records/system_objects.h"
#include "engine/core/wstr.h"
#include "platform/plat_time.h"
#include "platform/plat_random.h"

enum { MEDIA = 10000 };

static double seconds_since(uint64_t start)
{
    return (double)(plat_monotonic_ns() - start) / 1e9;
}

static ntms_guid ids[MEDIA], list[MEDIA + 16];

/* COUNT media in the Import pool, in no library; the first MEDIA ids kept in ids[]. */
static void seed(struct objdb *db, const ntms_guid *pool, long count)
{
    objdb_begin_write(db);
    for (long i = 0; i < count; i++) {
        struct rsm_object o;
        char barcode[16];
        memset(&o, 0, sizeof(o));
        ntms_guid_generate(&o.id);
        if (i < MEDIA)
            ids[i] = o.id;
        o.type = RSM_PHYSICAL_MEDIA;
        o.enabled = 1;
        o.info.media.media_pool = *pool;
        snprintf(barcode, sizeof(barcode), "B%05ldL6", i);
        WSTR_SET(o.info.media.barcode, barcode);
        WSTR_SET(o.name, barcode);
        objdb_put(db, &o);
    }
    objdb_commit(db);
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/ntmsapi-bench-XXXXXX", path[300];
    struct engine *engine;
    struct stat st;
    ntms_guid import_pool;
    bool seed_only = (argc == 3 || argc == 4) && !strcmp(argv[1], "seed");
    long count = argc == 4 && seed_only ? strtol(argv[3], NULL, 10) : MEDIA;

    if ((seed_only ? setenv("NTMSAPI_DATA_DIR", argv[2], 1) : !mkdtemp(dir) || setenv("NTMSAPI_DATA_DIR", dir, 1))
        || engine_acquire(&engine) != NTMS_OK)
        return 1;
    struct objdb *db = engine->db;
    objdb_begin_read(db);
    system_pool(db, RSM_POOLTYPE_IMPORT, NULL, &import_pool);
    objdb_abort(db);
    uint64_t start = plat_monotonic_ns();
    if (count < 1 || count > 999999)
        return 2;
    seed(db, &import_pool, count);
    if (seed_only)
        return 0;
    printf("create %d media records in one transaction: %.3f s\n", MEDIA, seconds_since(start));

    enum { GETS = 200000 };
    start = plat_monotonic_ns();
    struct rsm_object o;
    for (int i = 0; i < GETS; i++)
        engine_get_object(engine, &ids[(i * 7919) % MEDIA], &o);
    double s = seconds_since(start);
    printf("object reads (engine_get_object, a transaction each): %.0f per second\n", GETS / s);

    enum { ENUMS = 50 };
    start = plat_monotonic_ns();
    for (int i = 0; i < ENUMS; i++) {
        uint32_t count = MEDIA + 16;
        engine_enumerate(engine, NULL, RSM_PHYSICAL_MEDIA, 0, list, &count);
    }
    s = seconds_since(start);
    printf("enumerations of all %d media: %.1f per second (%.2f ms each)\n", MEDIA, ENUMS / s, s / ENUMS * 1e3);

    enum { COMMITS = 20 };
    start = plat_monotonic_ns();
    for (int i = 0; i < COMMITS; i++) {
        objdb_begin_write(db);
        objdb_get(db, &ids[i], &o);
        o.info.media.media_state = (uint32_t)(i & 1);
        objdb_put(db, &o);
        objdb_commit(db);
    }
    printf("commit of one change on a %d-media database: %.1f ms (includes fsync)\n", MEDIA,
           seconds_since(start) / COMMITS * 1e3);

    snprintf(path, sizeof(path), "%s/ntmsapi.db", dir);
    stat(path, &st);
    printf("database size: %.1f KiB in all, %.1f KiB per 1,000 media\n", (double)st.st_size / 1024,
           (double)st.st_size / 1024 / (MEDIA / 1000.0));
    snprintf(path, sizeof(path), "rm -rf '%s'", dir);
    return system(path);
}
