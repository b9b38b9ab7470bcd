/* The engine against tgt over libiscsi: discovery, enumeration and
 * IdentifyNtmsSlot's work, checked against the device itself.
 * Environment: VTL_CHANGER_URL, VTL_TAPE0_URL, VTL_TAPE1_URL (vtl.sh),
 * NTMSAPI_DATA_DIR (a fresh directory). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/engine.h"
#include "engine/records/engine_open.h"
#include "engine/records/enumerate.h"
#include "engine/ops/identify.h"
#include "engine/discovery/discovery.h"
#include "engine/device/robot.h"
#include "engine/core/wstr.h"
#include "transport/transport_iscsi.h"

static unsigned passed, failed;

#define CHECK(condition, ...)                                          \
    do {                                                               \
        if (condition) {                                               \
            passed++;                                                  \
        } else {                                                       \
            failed++;                                                  \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                \
            printf(__VA_ARGS__);                                       \
            printf("\n");                                              \
        }                                                              \
    } while (0)

/* \\.\Changer0 and \\.\TapeN name the tgt LUNs. */
static ntms_err open_by_windows_name(const char *name, struct scsi_transport **t)
{
    char variable[32];
    unsigned n;
    const char *url = NULL;

    if (sscanf(name, "\\\\.\\Changer%u", &n) == 1 && n == 0)
        url = getenv("VTL_CHANGER_URL");
    else if (sscanf(name, "\\\\.\\Tape%u", &n) == 1) {
        snprintf(variable, sizeof(variable), "VTL_TAPE%u_URL", n);
        url = getenv(variable);
    }
    return url ? transport_iscsi_open(url, t) : NTMS_E_OBJECT_NOT_FOUND;
}

static uint32_t count_of(struct engine *e, const ntms_guid *container, uint32_t type, ntms_guid *list, uint32_t capacity)
{
    uint32_t count = capacity;
    ntms_err status = engine_enumerate(e, container, type, 0, list, &count);
    return status == NTMS_OK ? count : 0xFFFFFFFF;
}

static struct rsm_object get(struct engine *e, const ntms_guid *id)
{
    struct rsm_object o;
    memset(&o, 0, sizeof(o));
    engine_get_object(e, id, &o);
    return o;
}

/* Where the changer itself says a barcode is: 'S' slot, 'D' drive, 0 nowhere. */
static char where_is(const char *barcode, uint16_t *address)
{
    struct scsi_transport *changer;
    struct smc_element_map map;
    struct smc_element elements[64];
    char kind = 0;

    ntms_err status = open_by_windows_name("\\\\.\\Changer0", &changer);
    if (status != NTMS_OK) {
        printf("where_is: cannot open the changer: %u\n", (unsigned)status);
        return 0;
    }
    if ((status = robot_element_map(changer, &map)) != NTMS_OK)
        printf("where_is: MODE SENSE failed: %u\n", (unsigned)status);
    for (int type = SMC_STORAGE; type <= SMC_DATA_TRANSFER && !kind; type += 2) {
        size_t found = 0;
        /* With identifiers the descriptors are long enough that tgt's cut
         * of the last 8 bytes spares the volume tag. */
        status = robot_element_status(changer, type, map.first[type], map.count[type], type == SMC_DATA_TRANSFER,
                                      elements, &found);
        if (status != NTMS_OK || found != map.count[type])
            printf("where_is: READ ELEMENT STATUS type %d: status %u, %zu of %u\n", type, (unsigned)status, found,
                   map.count[type]);
        if (getenv("WHERE_DEBUG"))
            for (size_t i = 0; i < found; i++)
                printf("where_is: type %d address %u full %d tag '%s'\n", type, elements[i].address, elements[i].full,
                       elements[i].primary_tag);
        for (size_t i = 0; i < found && !kind; i++)
            if (elements[i].full && !strcmp(elements[i].primary_tag, barcode)) {
                kind = type == SMC_STORAGE ? 'S' : 'D';
                *address = elements[i].address;
            }
    }
    scsi_transport_close(changer);
    return kind;
}

int main(void)
{
    struct engine *e;
    ntms_guid libraries[4], slots[64], media[64], drives[8];
    uint16_t address;

    engine_set_device_opener(open_by_windows_name);
    CHECK(engine_acquire(&e) == NTMS_OK, "engine opens its database");
    CHECK(engine_discover(e) == NTMS_OK, "discovery");
    CHECK(engine_discover(e) == NTMS_OK, "discovery again");
    CHECK(count_of(e, NULL, RSM_LIBRARY, libraries, 4) == 2, "the offline library and one online library");
    struct rsm_object library = get(e, &libraries[0]);
    if (library.info.library.library_type != RSM_LIBRARYTYPE_ONLINE)
        library = get(e, &libraries[1]);
    CHECK(library.info.library.library_type == RSM_LIBRARYTYPE_ONLINE, "an online library");
    CHECK(count_of(e, &library.id, RSM_STORAGESLOT, slots, 64) == 8, "8 slots, not duplicated by a second discovery");
    CHECK(count_of(e, &library.id, RSM_DRIVE, drives, 8) == 2, "2 drives");
    struct rsm_object drive0 = get(e, &drives[0]);
    char device[64];
    wstr_to_utf8(device, sizeof(device), drive0.info.drive.device_name, RSM_DEVICENAME_LENGTH);
    CHECK(!strcmp(device, "\\\\.\\Tape0"), "drive 1 mapped by DVCID to \\\\.\\Tape0 (got '%s')", device);
    struct rsm_object drive1 = get(e, &drives[1]);
    wstr_to_utf8(device, sizeof(device), drive1.info.drive.device_name, RSM_DEVICENAME_LENGTH);
    CHECK(drive1.type == RSM_DRIVE && !strcmp(device, "\\\\.\\Tape1"), "drive 2 mapped to \\\\.\\Tape1 (got '%s', type %u)", device, drive1.type);

    /* slot 1: a blank tape, IMMEDIATE */
    CHECK(engine_identify_slot(e, NULL, &slots[0], IDENTIFY_IMMEDIATE) == NTMS_OK, "identify slot 1, immediate");
    CHECK(count_of(e, NULL, RSM_PHYSICAL_MEDIA, media, 64) == 1, "one medium recorded");
    struct rsm_object m = get(e, &media[0]);
    char barcode[64];
    wstr_to_utf8(barcode, sizeof(barcode), m.info.media.barcode, RSM_BARCODE_LENGTH);
    CHECK(!strcmp(barcode, "N0001L6"), "its barcode is N0001L6 (got %s)", barcode);
    CHECK(ntms_guid_equal(&m.info.media.home_slot, &slots[0]), "home slot is slot 1");
    struct rsm_object pool = get(e, &m.info.media.media_pool);
    CHECK(pool.info.pool.pool_type == RSM_POOLTYPE_FOREIGN, "a blank tape goes to Unrecognized");
    char pool_name[64];
    wstr_to_utf8(pool_name, sizeof(pool_name), pool.name, RSM_NAME_LENGTH);
    CHECK(!strcmp(pool_name, "LTO-6"), "the Unrecognized pool of its media type, LTO-6 (got %s)", pool_name);
    CHECK(where_is("N0001L6", &address) == 'S' && address == 4096, "mtx-style witness: the tape is back in slot 4096");

    /* the same slot twice: no second record */
    CHECK(engine_identify_slot(e, NULL, &slots[0], IDENTIFY_IMMEDIATE) == NTMS_OK, "identify slot 1 again");
    CHECK(count_of(e, NULL, RSM_PHYSICAL_MEDIA, media, 64) == 1, "still one medium");

    /* slot 4 is empty */
    CHECK(engine_identify_slot(e, NULL, &slots[3], IDENTIFY_IMMEDIATE) == NTMS_OK, "identify empty slot 4");
    CHECK(get(e, &slots[3]).info.slot.state == RSM_SLOTSTATE_EMPTY, "slot 4 recorded empty");
    CHECK(count_of(e, NULL, RSM_PHYSICAL_MEDIA, media, 64) == 1, "no record for an empty slot");

    /* slot 2: DEFERRED leaves it in a drive */
    CHECK(engine_identify_slot(e, NULL, &slots[1], IDENTIFY_DEFERRED) == NTMS_OK, "identify slot 2, deferred");
    char where = where_is("N0002L6", &address);
    CHECK(where == 'D', "the tape stays in a drive (found '%c' at %u)", where ? where : '-', address);
    struct rsm_object d1 = get(e, &drives[0]), d2 = get(e, &drives[1]);
    CHECK(d1.info.drive.state == RSM_DRIVESTATE_DISMOUNTABLE || d2.info.drive.state == RSM_DRIVESTATE_DISMOUNTABLE,
          "a drive is dismountable (states %u, %u)", d1.info.drive.state, d2.info.drive.state);
    /* slot 3 needs a drive: the idle one */
    CHECK(engine_identify_slot(e, NULL, &slots[2], IDENTIFY_IMMEDIATE) == NTMS_OK, "identify slot 3 meanwhile");
    CHECK(where_is("N0003L6", &address) == 'S', "slot 3's tape home again");
    /* slot 2 again: identified in place in its drive */
    CHECK(engine_identify_slot(e, NULL, &slots[1], IDENTIFY_IMMEDIATE) == NTMS_OK, "identify slot 2 again, immediate");
    CHECK(where_is("N0002L6", &address) == 'S' && address == 4097, "then it goes home to slot 4097");
    CHECK(count_of(e, NULL, RSM_PHYSICAL_MEDIA, media, 64) == 3, "three media recorded");

    /* bad input */
    ntms_guid unknown = { { 1, 2, 3 } };
    CHECK(engine_identify_slot(e, NULL, &unknown, IDENTIFY_IMMEDIATE) == NTMS_E_INVALID_PARAMETER, "unknown slot");
    CHECK(engine_identify_slot(e, NULL, &drives[0], IDENTIFY_IMMEDIATE) == NTMS_E_INVALID_PARAMETER, "a drive is no slot");
    uint32_t small = 2;
    CHECK(engine_enumerate(e, &library.id, RSM_STORAGESLOT, 0, slots, &small) == NTMS_E_INSUFFICIENT_BUFFER
          && small == 8, "a short list gets INSUFFICIENT_BUFFER and the needed count");
    small = 4;
    CHECK(engine_enumerate(e, &unknown, RSM_STORAGESLOT, 0, slots, &small) == NTMS_E_OBJECT_NOT_FOUND,
          "an unknown container");
    CHECK(engine_enumerate(e, &drives[0], RSM_STORAGESLOT, 0, slots, &small) == NTMS_E_INVALID_PARAMETER,
          "the wrong kind of container");

    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
