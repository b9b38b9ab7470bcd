/* ntmsdb: prints what an ntmsapi database records about libraries, drives
 * (with who holds them), full slots and media, for comparing with what
 * `mtx status` sees. Read-only: it takes no robot lock and sends nothing
 * to any device.
 * usage: ntmsdb <database directory>   (NTMSAPI_DATA_DIR of the process
 *        that wrote it; under Wine the Unix path of that directory) */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/core/objdb.h"
#include "engine/core/rsm_values.h"
#include "engine/core/wstr.h"

static struct objdb *db;

static const char *text(const wchar16 *wide, size_t length, char *buffer, size_t size)
{
    wstr_to_utf8(buffer, size, wide, length);
    return buffer[0] ? buffer : "-";
}

/* "slot N", "drive N", "offline" or the object type of a location. */
static const char *place(const ntms_guid *id, char *buffer, size_t size)
{
    struct rsm_object o;

    if (ntms_guid_is_null(id))
        return "nowhere";
    if (objdb_get(db, id, &o) != NTMS_OK)
        return "missing";
    if (o.type == RSM_STORAGESLOT)
        snprintf(buffer, size, "slot %" PRIu32, o.info.slot.number);
    else if (o.type == RSM_DRIVE)
        snprintf(buffer, size, "drive %" PRIu32, o.info.drive.number);
    else
        snprintf(buffer, size, "type %" PRIu32, o.type);
    return buffer;
}

static const char *barcode_of(const ntms_guid *media, char *buffer, size_t size)
{
    struct rsm_object o;

    if (ntms_guid_is_null(media))
        return "-";
    if (objdb_get(db, media, &o) != NTMS_OK)
        return "missing";
    return text(o.info.media.barcode, RSM_BARCODE_LENGTH, buffer, size);
}

static bool print_library(const struct rsm_object *o, void *context)
{
    char name[200];

    (void)context;
    printf("library %s type %" PRIu32 " state %" PRIu32 "\n", text(o->name, RSM_NAME_LENGTH, name, sizeof(name)),
           o->info.library.library_type, o->operational_state);
    return true;
}

static bool print_drive(const struct rsm_object *o, void *context)
{
    const struct rsm_drive *d = &o->info.drive;
    char barcode[100];

    (void)context;
    printf("drive %" PRIu32 " element %u state %" PRIu32 " media %s source %u due %" PRIu64
           " holder pid %" PRIu32 " started %" PRIu64 " session %" PRIu32 "\n",
           d->number, d->element_address, d->state, barcode_of(&d->loaded_media, barcode, sizeof(barcode)),
           d->tape_source, d->dismount_due, d->holder.process, d->holder.process_started, d->holder.session);
    return true;
}

static bool print_full_slot(const struct rsm_object *o, void *context)
{
    (void)context;
    if (o->info.slot.state == RSM_SLOTSTATE_FULL)
        printf("slot %" PRIu32 " element %u full\n", o->info.slot.number, o->info.slot.element_address);
    return true;
}

static bool print_media(const struct rsm_object *o, void *context)
{
    const struct rsm_physical_media *m = &o->info.media;
    char barcode[100], where[64], home[64];

    (void)context;
    printf("medium %s at %s home %s state %" PRIu32 "\n", text(m->barcode, RSM_BARCODE_LENGTH, barcode, sizeof(barcode)),
           place(&m->location, where, sizeof(where)), place(&m->home_slot, home, sizeof(home)), m->media_state);
    return true;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s <database directory>\n", argv[0]);
        return 2;
    }
    if (objdb_open(argv[1], &db) != NTMS_OK || objdb_begin_read(db) != NTMS_OK) {
        fprintf(stderr, "%s: cannot read the database in %s\n", argv[0], argv[1]);
        return 1;
    }
    objdb_for_each(db, RSM_LIBRARY, print_library, NULL);
    objdb_for_each(db, RSM_DRIVE, print_drive, NULL);
    objdb_for_each(db, RSM_STORAGESLOT, print_full_slot, NULL);
    objdb_for_each(db, RSM_PHYSICAL_MEDIA, print_media, NULL);
    objdb_abort(db);
    objdb_close(db);
    return 0;
}
