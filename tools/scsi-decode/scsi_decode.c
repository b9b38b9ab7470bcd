/* scsi-decode: prints what ntmsapi's SCSI parsers make of a commented-hex
 * file (the --inhex format of sg3_utils), for debugging and for checking
 * the parsers against sg3_utils.
 *
 * usage: scsi-decode sense|inquiry|vpd80|element-status|mam <file.hex> */
#include <stdio.h>
#include <string.h>

#include "hexfile.h"
#include "scsi/scsi_mam.h"
#include "scsi/scsi_sense.h"
#include "scsi/scsi_smc.h"
#include "scsi/scsi_spc.h"

static const char *const key_names[16] = {
    "No Sense", "Recovered Error", "Not Ready", "Medium Error", "Hardware Error", "Illegal Request",
    "Unit Attention", "Data Protect", "Blank Check", "Vendor specific", "Copy Aborted",
    "Aborted Command", "Equal", "Volume Overflow", "Miscompare", "Completed",
};

static int print_sense(const uint8_t *data, size_t n)
{
    struct scsi_sense s;

    if (!scsi_sense_decode(data, n, &s))
        return 1;
    printf("key=%s\nasc=%02x\nascq=%02x\nfilemark=%d\neom=%d\nili=%d\n", key_names[s.key], s.asc, s.ascq,
           s.filemark, s.eom, s.ili);
    if (s.information_valid)
        printf("information=0x%llx\n", (unsigned long long)s.information);
    if (s.field_pointer_valid)
        printf("field_pointer=%u\n", s.field_pointer);
    return 0;
}

static int print_inquiry(const uint8_t *data, size_t n)
{
    struct scsi_inquiry inq;

    if (!scsi_parse_inquiry(data, n, &inq))
        return 1;
    printf("type=%u\nvendor=%s\nproduct=%s\nrevision=%s\n", inq.device_type, inq.vendor, inq.product,
           inq.revision);
    return 0;
}

static int print_elements(const uint8_t *data, size_t n)
{
    static struct smc_element e[4096];
    struct smc_status_report r;

    if (!smc_parse_element_status(data, n, e, 4096, &r))
        return 1;
    printf("elements=%zu truncated=%d\n", r.parsed, r.truncated);
    for (size_t i = 0; i < r.parsed; i++)
        printf("%u type=%u full=%d tag=%s source=%d\n", e[i].address, e[i].type, e[i].full, e[i].primary_tag,
               e[i].source_valid ? e[i].source : -1);
    return 0;
}

static bool print_attribute(const struct mam_attribute *a, void *context)
{
    char text[256];

    (void)context;
    if (a->format == MAM_BINARY && a->length <= 8) {
        printf("0x%04x=%llu\n", a->id, (unsigned long long)mam_number(a));
    } else {
        mam_text(a, text, sizeof(text));
        printf("0x%04x=%s\n", a->id, text);
    }
    return true;
}

int main(int argc, char **argv)
{
    static uint8_t data[1 << 20];
    char serial[256];

    if (argc != 3) {
        fprintf(stderr, "usage: scsi-decode sense|inquiry|vpd80|element-status|mam <file.hex>\n");
        return 2;
    }
    setenv("NTMSAPI_TEST_DATA", ".", 0);
    long n = hexfile_load(argv[2], data, sizeof(data));
    if (n < 0) {
        fprintf(stderr, "scsi-decode: cannot read %s\n", argv[2]);
        return 2;
    }
    if (!strcmp(argv[1], "sense"))
        return print_sense(data, (size_t)n);
    if (!strcmp(argv[1], "inquiry"))
        return print_inquiry(data, (size_t)n);
    if (!strcmp(argv[1], "mam"))
        return mam_parse(data, (size_t)n, print_attribute, NULL) ? 0 : 1;
    if (!strcmp(argv[1], "element-status"))
        return print_elements(data, (size_t)n);
    if (!strcmp(argv[1], "vpd80") && scsi_parse_serial_vpd(data, (size_t)n, serial, sizeof(serial))) {
        printf("serial=%s\n", serial);
        return 0;
    }
    return 1;
}
