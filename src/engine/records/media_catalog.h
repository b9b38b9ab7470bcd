/* The media types ntmsapi knows, as RSM's media type objects: tapes, and
 * one two-sided magneto-optical type (RSM's libraries held those too;
 * applications allocate both sides of one with NTMS_ALLOCATE_NEW/NEXT).
 *
 * RSM named each type and gave it a STORAGE_MEDIA_TYPE code (winioctl.h).
 * That enumeration has one code per family (LTO_Ultrium) and none for IBM
 * 3592 or Oracle T10000, so generations are separate types that share
 * their family's code, and 3592/T10000 use the code of their predecessor
 * family (IBM_Magstar_3590, STK_9940). The table also says how to
 * recognise a cartridge: its barcode suffix (LTO, 3592, T10000 labels
 * carry one) or the density code its drive reports. */
#ifndef NTMSAPI_ENGINE_MEDIA_CATALOG_H
#define NTMSAPI_ENGINE_MEDIA_CATALOG_H

#include <stddef.h>
#include <stdint.h>

enum { MEDIA_RW_REWRITABLE = 1, MEDIA_RW_WRITEONCE = 2 };   /* NTMS_RW_* */

struct media_kind {
    const char *name;              /* the media type object's name */
    uint32_t    storage_media_type;
    uint32_t    read_write;        /* MEDIA_RW_* */
    const char *barcode_suffix;    /* last two characters of the label, or NULL */
    uint8_t     density_code;      /* SSC density code, 0 when none is known */
    int         cleaner;           /* 1 for cleaning cartridges */
    uint32_t    sides;             /* 2 for two-sided media; 0 (or 1): one side */
    uint32_t    device_type;       /* FILE_DEVICE_* of the drives that take it; 0: tape */
};

/* The whole catalogue, in a fixed order (index = stable id). */
const struct media_kind *media_catalog(size_t *count);

/* The kind a barcode names by its suffix ("000123L6" -> LTO-6), or NULL.
 * Barcodes starting with "CLN" are cleaners of the family the suffix
 * names, or the generic cleaner. */
const struct media_kind *media_kind_from_barcode(const char *barcode);
const struct media_kind *media_kind_from_density(uint8_t density_code);
const struct media_kind *media_kind_by_name(const char *name);

#endif
