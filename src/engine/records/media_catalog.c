#include "engine/records/media_catalog.h"

#include <string.h>

/* STORAGE_MEDIA_TYPE values from winioctl.h. */
enum {
    SMT_DDS_4MM = 0x20, SMT_QIC = 0x23, SMT_AIT1_8MM = 0x26, SMT_DLT = 0x27,
    SMT_IBM_MAGSTAR_3590 = 0x2B, SMT_CLEANER_CARTRIDGE = 0x32, SMT_STK_9840 = 0x55,
    SMT_LTO_ULTRIUM = 0x56, SMT_AIT_8MM = 0x59, SMT_STK_9940 = 0x5C, SMT_SAIT = 0x5D, SMT_MO_5_RW = 0x3B,
};
enum { FILE_DEVICE_DISK_TYPE = 0x07 };

/* Density codes only where the drive's code names the cartridge generation
 * unambiguously (LTO, READ ATTRIBUTE 0405h / MODE SENSE density); other
 * families are recognised by barcode suffix or take the drive's type. */
static const struct media_kind catalog[] = {
    { "LTO-1",        SMT_LTO_ULTRIUM, MEDIA_RW_REWRITABLE, "L1", 0x40, 0, 1, 0 },
    { "LTO-2",        SMT_LTO_ULTRIUM, MEDIA_RW_REWRITABLE, "L2", 0x42, 0, 1, 0 },
    { "LTO-3",        SMT_LTO_ULTRIUM, MEDIA_RW_REWRITABLE, "L3", 0x44, 0, 1, 0 },
    { "LTO-3 WORM",   SMT_LTO_ULTRIUM, MEDIA_RW_WRITEONCE,  "LT", 0,    0, 1, 0 },
    { "LTO-4",        SMT_LTO_ULTRIUM, MEDIA_RW_REWRITABLE, "L4", 0x46, 0, 1, 0 },
    { "LTO-4 WORM",   SMT_LTO_ULTRIUM, MEDIA_RW_WRITEONCE,  "LU", 0,    0, 1, 0 },
    { "LTO-5",        SMT_LTO_ULTRIUM, MEDIA_RW_REWRITABLE, "L5", 0x58, 0, 1, 0 },
    { "LTO-5 WORM",   SMT_LTO_ULTRIUM, MEDIA_RW_WRITEONCE,  "LV", 0,    0, 1, 0 },
    { "LTO-6",        SMT_LTO_ULTRIUM, MEDIA_RW_REWRITABLE, "L6", 0x5A, 0, 1, 0 },
    { "LTO-6 WORM",   SMT_LTO_ULTRIUM, MEDIA_RW_WRITEONCE,  "LW", 0,    0, 1, 0 },
    { "LTO-7",        SMT_LTO_ULTRIUM, MEDIA_RW_REWRITABLE, "L7", 0x5C, 0, 1, 0 },
    { "LTO-7 WORM",   SMT_LTO_ULTRIUM, MEDIA_RW_WRITEONCE,  "LX", 0,    0, 1, 0 },
    { "LTO-7 Type M", SMT_LTO_ULTRIUM, MEDIA_RW_REWRITABLE, "M8", 0x5D, 0, 1, 0 },
    { "LTO-8",        SMT_LTO_ULTRIUM, MEDIA_RW_REWRITABLE, "L8", 0x5E, 0, 1, 0 },
    { "LTO-8 WORM",   SMT_LTO_ULTRIUM, MEDIA_RW_WRITEONCE,  "LY", 0,    0, 1, 0 },
    { "LTO-9",        SMT_LTO_ULTRIUM, MEDIA_RW_REWRITABLE, "L9", 0x60, 0, 1, 0 },
    { "LTO-9 WORM",   SMT_LTO_ULTRIUM, MEDIA_RW_WRITEONCE,  "LZ", 0,    0, 1, 0 },
    { "LTO Cleaner",  SMT_CLEANER_CARTRIDGE, MEDIA_RW_REWRITABLE, "CU", 0, 1, 1, 0 },
    { "IBM 3592 JA",  SMT_IBM_MAGSTAR_3590, MEDIA_RW_REWRITABLE, "JA", 0, 0, 1, 0 },
    { "IBM 3592 JB",  SMT_IBM_MAGSTAR_3590, MEDIA_RW_REWRITABLE, "JB", 0, 0, 1, 0 },
    { "IBM 3592 JC",  SMT_IBM_MAGSTAR_3590, MEDIA_RW_REWRITABLE, "JC", 0, 0, 1, 0 },
    { "IBM 3592 JD",  SMT_IBM_MAGSTAR_3590, MEDIA_RW_REWRITABLE, "JD", 0, 0, 1, 0 },
    { "IBM 3592 JE",  SMT_IBM_MAGSTAR_3590, MEDIA_RW_REWRITABLE, "JE", 0, 0, 1, 0 },
    { "IBM 3592 Cleaner", SMT_CLEANER_CARTRIDGE, MEDIA_RW_REWRITABLE, "CL", 0, 1, 1, 0 },
    { "T10000 T1",    SMT_STK_9940, MEDIA_RW_REWRITABLE, "T1", 0, 0, 1, 0 },
    { "T10000 T2",    SMT_STK_9940, MEDIA_RW_REWRITABLE, "T2", 0, 0, 1, 0 },
    { "STK 9840",     SMT_STK_9840, MEDIA_RW_REWRITABLE, NULL, 0, 0, 1, 0 },
    { "DLT",          SMT_DLT, MEDIA_RW_REWRITABLE, NULL, 0, 0, 1, 0 },
    { "SDLT",         SMT_DLT, MEDIA_RW_REWRITABLE, NULL, 0, 0, 1, 0 },
    { "AIT",          SMT_AIT1_8MM, MEDIA_RW_REWRITABLE, NULL, 0, 0, 1, 0 },
    { "AIT-2/3/4",    SMT_AIT_8MM, MEDIA_RW_REWRITABLE, NULL, 0, 0, 1, 0 },
    { "SAIT",         SMT_SAIT, MEDIA_RW_REWRITABLE, NULL, 0, 0, 1, 0 },
    { "DDS/DAT",      SMT_DDS_4MM, MEDIA_RW_REWRITABLE, NULL, 0, 0, 1, 0 },
    { "QIC",          SMT_QIC, MEDIA_RW_REWRITABLE, NULL, 0, 0, 1, 0 },
    { "Cleaner",      SMT_CLEANER_CARTRIDGE, MEDIA_RW_REWRITABLE, NULL, 0, 1, 1, 0 },
    /* Two-sided 5.25-inch magneto-optical disks: never found in a tape library. */
    { "MO 5.25",      SMT_MO_5_RW, MEDIA_RW_REWRITABLE, NULL, 0, 0, 2, FILE_DEVICE_DISK_TYPE },
    /* Tapes nothing names (no barcode suffix, no known density). */
    { "Unknown Tape", SMT_DLT, MEDIA_RW_REWRITABLE, NULL, 0, 0, 1, 0 },
};

const struct media_kind *media_catalog(size_t *count)
{
    *count = sizeof(catalog) / sizeof(catalog[0]);
    return catalog;
}

static const struct media_kind *kind_with_suffix(const char suffix[2])
{
    for (size_t i = 0; i < sizeof(catalog) / sizeof(catalog[0]); i++)
        if (catalog[i].barcode_suffix && !memcmp(catalog[i].barcode_suffix, suffix, 2))
            return &catalog[i];
    return NULL;
}

const struct media_kind *media_kind_from_barcode(const char *barcode)
{
    size_t length = barcode ? strlen(barcode) : 0;

    while (length > 0 && barcode[length - 1] == ' ')
        length--;
    if (length == 0)
        return NULL;
    const struct media_kind *kind = length >= 3 ? kind_with_suffix(barcode + length - 2) : NULL;
    if (strncmp(barcode, "CLN", 3) == 0)
        return kind && kind->cleaner ? kind : media_kind_by_name("Cleaner");
    return kind;
}

const struct media_kind *media_kind_from_density(uint8_t density_code)
{
    for (size_t i = 0; density_code && i < sizeof(catalog) / sizeof(catalog[0]); i++)
        if (catalog[i].density_code == density_code)
            return &catalog[i];
    return NULL;
}

const struct media_kind *media_kind_by_name(const char *name)
{
    for (size_t i = 0; i < sizeof(catalog) / sizeof(catalog[0]); i++)
        if (!strcmp(catalog[i].name, name))
            return &catalog[i];
    return NULL;
}
