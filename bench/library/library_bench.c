/* Against a tgt library over libiscsi (run.sh starts it):
 *   scan     - a full element scan: commands, bytes, wall time
 *   identify - SCSI commands and wall time per IdentifyNtmsSlot, immediate
 *              and deferred, and the host CPU time without the device's
 *   inventory - the native engine (no Wine, no bridge): discovery, a first
 *              FAST inventory, an unchanged one, reads of every slot and
 *              medium; wall, device and host CPU time of each
 * Environment: VTL_CHANGER_URL, VTL_TAPE0_URL, VTL_TAPE1_URL, NTMSAPI_DATA_DIR. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/core/engine.h"
#include "engine/records/engine_open.h"
#include "engine/records/enumerate.h"
#include "engine/ops/identify.h"
#include "engine/ops/inventory.h"
#include "engine/discovery/discovery.h"
#include "engine/device/robot.h"
#include "platform/plat_time.h"
#include "transport/transport_counting.h"
#include "transport/transport_iscsi.h"

static struct transport_counts counts;

/* \\.\Changer0 and \\.\TapeN name the tgt LUNs; every command is counted. */
static ntms_err open_counted(const char *name, struct scsi_transport **t)
{
    char variable[32];
    unsigned n;
    const char *url = NULL;
    struct scsi_transport *inner;

    if (sscanf(name, "\\\\.\\Changer%u", &n) == 1 && n == 0)
        url = getenv("VTL_CHANGER_URL");
    else if (sscanf(name, "\\\\.\\Tape%u", &n) == 1) {
        snprintf(variable, sizeof(variable), "VTL_TAPE%u_URL", n);
        url = getenv(variable);
    }
    if (!url || transport_iscsi_open(url, &inner) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;
    struct counting_transport *wrapper = malloc(sizeof(*wrapper));
    counting_transport_wrap(wrapper, inner, &counts);
    *t = &wrapper->base;
    return NTMS_OK;   /* the wrapper is leaked on close: a benchmark's worth */
}

static double cpu_seconds(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

static int scan(void)
{
    struct scsi_transport *changer;
    struct smc_element_map map;
    static struct smc_element elements[4096];
    size_t total = 0;

    if (open_counted("\\\\.\\Changer0", &changer) != NTMS_OK || robot_element_map(changer, &map) != NTMS_OK)
        return 1;
    memset(&counts, 0, sizeof(counts));
    uint64_t start = plat_monotonic_ns();
    for (int type = SMC_TRANSPORT; type <= SMC_DATA_TRANSFER; type++) {
        size_t found = 0;
        robot_element_status(changer, type, map.first[type], map.count[type], type == SMC_DATA_TRANSFER,
                             elements, &found);
        total += found;
    }
    double seconds = (double)(plat_monotonic_ns() - start) / 1e9;
    printf("full element scan (ntmsapi): %zu elements, %llu commands, %llu bytes, %.4f s\n", total,
           (unsigned long long)counts.commands, (unsigned long long)counts.bytes, seconds);
    return 0;
}

static void measure(struct engine *e, const ntms_guid *slot, uint32_t option, const char *what)
{
    memset(&counts, 0, sizeof(counts));
    double cpu = cpu_seconds();
    uint64_t start = plat_monotonic_ns();
    ntms_err status = engine_identify_slot(e, NULL, slot, option);
    double wall = (double)(plat_monotonic_ns() - start) / 1e9;
    printf("IdentifyNtmsSlot %-9s: %s, %llu SCSI commands (%llu bytes), %.3f s wall, %.3f s in the device, "
           "%.4f s host CPU\n", what, status == NTMS_OK ? "ok" : "FAILED", (unsigned long long)counts.commands,
           (unsigned long long)counts.bytes, wall, (double)counts.device_ns / 1e9, cpu_seconds() - cpu);
}

static int identify(void)
{
    struct engine *e;
    ntms_guid libraries[4], slots[64];
    uint32_t count = 4, slot_count = 64;

    engine_set_device_opener(open_counted);
    if (engine_acquire(&e) != NTMS_OK || engine_discover(e) != NTMS_OK
        || engine_enumerate(e, NULL, RSM_LIBRARY, 0, libraries, &count) != NTMS_OK)
        return 1;
    for (uint32_t i = 0; i < count; i++) {
        struct rsm_object library;
        engine_get_object(e, &libraries[i], &library);
        if (library.info.library.library_type == RSM_LIBRARYTYPE_ONLINE)
            engine_enumerate(e, &library.id, RSM_STORAGESLOT, 0, slots, &slot_count);
    }
    measure(e, &slots[0], IDENTIFY_IMMEDIATE, "IMMEDIATE");
    measure(e, &slots[0], IDENTIFY_IMMEDIATE, "again");
    measure(e, &slots[1], IDENTIFY_DEFERRED, "DEFERRED");
    measure(e, &slots[3], IDENTIFY_IMMEDIATE, "empty");
    return 0;
}

struct phase {
    uint64_t wall_start;
    double   cpu_start;
};

static void phase_start(struct phase *p)
{
    memset(&counts, 0, sizeof(counts));
    p->cpu_start = cpu_seconds();
    p->wall_start = plat_monotonic_ns();
}

static void phase_end(const struct phase *p, const char *what, ntms_err status, unsigned items)
{
    double wall = (double)(plat_monotonic_ns() - p->wall_start) / 1e9;
    double device = (double)counts.device_ns / 1e9, cpu = cpu_seconds() - p->cpu_start;

    printf("%-28s %s: %.3f s wall, %.3f s in the device, %.3f s host CPU, %llu SCSI commands", what,
           status == NTMS_OK ? "ok" : "FAILED", wall, device, cpu, (unsigned long long)counts.commands);
    if (items)
        printf("; per item %.2f ms wall, %.2f ms host (wall - device)", wall * 1e3 / items,
               (wall - device) * 1e3 / items);
    printf("\n");
}

static ntms_guid online_library(struct engine *e)
{
    ntms_guid libraries[16];
    uint32_t count = 16;
    struct rsm_object library;

    engine_enumerate(e, NULL, RSM_LIBRARY, 0, libraries, &count);
    for (uint32_t i = 0; i < count; i++)
        if (engine_get_object(e, &libraries[i], &library) == NTMS_OK
            && library.info.library.library_type == RSM_LIBRARYTYPE_ONLINE)
            return library.id;
    return ntms_guid_null;
}

static unsigned read_every(struct engine *e, const ntms_guid *library, uint32_t type)
{
    uint32_t count = 0;
    struct rsm_object o;

    engine_enumerate(e, type == RSM_STORAGESLOT ? library : NULL, type, 0, NULL, &count);
    ntms_guid *ids = calloc(count ? count : 1, sizeof(*ids));
    if (!ids || engine_enumerate(e, type == RSM_STORAGESLOT ? library : NULL, type, 0, ids, &count) != NTMS_OK)
        count = 0;
    for (uint32_t i = 0; i < count; i++)
        engine_get_object(e, &ids[i], &o);
    free(ids);
    return count;
}

/* The engine opened and the devices discovered, timed as one phase. */
static ntms_err open_and_discover(struct engine **e)
{
    struct phase p;

    engine_set_device_opener(open_counted);
    phase_start(&p);
    ntms_err status = engine_acquire(e);
    if (status == NTMS_OK)
        status = engine_discover(*e);
    phase_end(&p, "open + discovery", status, 0);
    return status;
}

static int inventory(void)
{
    struct engine *e;
    struct phase p;

    ntms_err status = open_and_discover(&e);
    ntms_guid library = online_library(e);
    unsigned tapes = (unsigned)atoi(getenv("VTL_TAPES_IN_SLOTS") ? getenv("VTL_TAPES_IN_SLOTS") : "0");
    phase_start(&p);
    status = engine_inventory(e, &library, RSM_INVENTORY_FAST);
    phase_end(&p, "first FAST inventory", status, tapes);
    const char *repeat_text = getenv("BENCH_UNCHANGED_REPEAT");
    unsigned repeat = repeat_text && atoi(repeat_text) > 0 ? (unsigned)atoi(repeat_text) : 1;
    phase_start(&p);
    for (unsigned i = 0; i < repeat; i++)
        status = engine_inventory(e, &library, RSM_INVENTORY_FAST);
    phase_end(&p, "unchanged FAST inventory", status, repeat > 1 ? repeat : 0);
    uint64_t start = plat_monotonic_ns();
    unsigned reads = read_every(e, &library, RSM_STORAGESLOT) + read_every(e, &library, RSM_PHYSICAL_MEDIA);
    double seconds = (double)(plat_monotonic_ns() - start) / 1e9;
    printf("%-28s %u objects, %.0f reads/s (with the enumerations)\n", "every slot and medium", reads,
           reads / seconds);
    return 0;
}

/* Discovery alone (a known library after an earlier run on the same data). */
static int discover_only(void)
{
    struct engine *e;

    return open_and_discover(&e) != NTMS_OK;
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "discover-only"))
        return discover_only();
    if (argc == 2 && !strcmp(argv[1], "inventory"))
        return inventory();
    if (argc == 2 && !strcmp(argv[1], "scan"))
        return scan();
    if (argc == 2 && !strcmp(argv[1], "identify"))
        return identify();
    fprintf(stderr, "usage: bench_library scan|identify|inventory|discover-only\n");
    return 2;
}
