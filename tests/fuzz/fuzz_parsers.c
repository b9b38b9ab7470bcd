/* One libFuzzer target per parser, chosen at build time by FUZZ_TARGET:
 * whatever the bytes, a parser reads only what it was given, terminates,
 * and leaves its outputs within their bounds (ASan and UBSan watch). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/discovery/device_config.h"
#include "engine/labels/label_detect.h"
#include "engine/core/rsm_codec.h"
#include "scsi/scsi_logsense.h"
#include "scsi/scsi_mam.h"
#include "scsi/scsi_sense.h"
#include "scsi/scsi_smc.h"
#include "scsi/scsi_spc.h"
#include "scsi/scsi_ssc.h"
#include "security/sec_access.h"
#include "security/sec_descriptor.h"

/* The targets are not static: each build calls one of them. */

/* A copy of exactly `size` bytes, so any over-read hits the redzone. */
static uint8_t *exact_copy(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size ? size : 1);
    if (copy && size)
        memcpy(copy, data, size);
    return copy;
}

void fuzz_element_status(const uint8_t *d, size_t n)
{
    static struct smc_element elements[64];
    struct smc_status_report report;

    smc_parse_element_status(d, n, elements, 64, &report);
    if (report.parsed > 64)
        abort();
}

void fuzz_sense(const uint8_t *d, size_t n)
{
    struct scsi_sense sense;
    struct scsi_request req;

    scsi_sense_decode(d, n, &sense);
    scsi_interpret(n ? d[0] : 2, &sense);
    memset(&req, 0, sizeof(req));
    req.status = 2;
    req.data_len = 1024;
    req.sense_len = n < SCSI_SENSE_MAX ? (uint32_t)n : SCSI_SENSE_MAX;
    memcpy(req.sense, d, req.sense_len);
    if (ssc_interpret_read(&req).length > req.data_len)
        abort();
}

void fuzz_mode_and_inquiry(const uint8_t *d, size_t n)
{
    size_t length;
    struct smc_element_map map;
    struct scsi_inquiry inquiry;
    char serial[64];
    const uint8_t *page = scsi_mode6_page(d, n, 0x1D, &length);

    if (page && (page < d || page + length > d + n))
        abort();
    if (page)
        smc_parse_element_map(page, length, &map);
    scsi_parse_inquiry(d, n, &inquiry);
    scsi_parse_serial_vpd(d, n, serial, sizeof(serial));
    struct scsi_designator designators[8];
    size_t count = scsi_parse_designators(d, n, designators, 8);
    for (size_t i = 0; i < count; i++)
        if (designators[i].value < d || designators[i].value + designators[i].length > d + n)
            abort();
    uint8_t pages[8];
    scsi_parse_supported_vpd(d, n, pages, sizeof(pages));
    page = scsi_mode10_page(d, n, 0x1F, &length);
    struct smc_capabilities caps;
    if (page)
        smc_parse_capabilities(page, length, &caps);
    struct tapealert alerts;
    tapealert_parse(d, n, &alerts);
}

static bool check_attribute(const struct mam_attribute *a, void *context)
{
    const uint8_t *d = ((const uint8_t **)context)[0], *end = ((const uint8_t **)context)[1];
    char text[300];

    if (a->value < d || a->value + a->length > end)
        abort();
    mam_text(a, text, sizeof(text));
    mam_number(a);
    return true;
}

void fuzz_mam(const uint8_t *d, size_t n)
{
    const uint8_t *bounds[2] = { d, d + n };
    mam_parse(d, n, check_attribute, bounds);
}

void fuzz_label(const uint8_t *d, size_t n)
{
    struct label_info label;

    label_detect(FIRST_READ_DATA, d, n, &label);
    if (label.label_id_length > sizeof(label.label_id) || !memchr(label.volume_id, 0, sizeof(label.volume_id)))
        abort();
}

void fuzz_codec(const uint8_t *d, size_t n)
{
    struct rsm_object object;
    uint8_t again[8192];

    if (rsm_decode(d, n, &object) == NTMS_OK && object.type < RSM_TYPE_COUNT)
        rsm_encode(&object, again, sizeof(again));
}

/* A descriptor from an application: parsed, evaluated, merged and written
 * back, and what is written parses again to the same size. */
void fuzz_security_descriptor(const uint8_t *d, size_t n)
{
    static const struct sec_generic_mapping mapping = { 1, 3, 7, 7 };
    struct sec_descriptor sd, again;
    struct sec_identity groups[1] = { { .attributes = SEC_GROUP_ENABLED } };
    struct sec_caller caller = { .groups = groups, .group_count = 1 };
    static uint8_t out[SEC_DESCRIPTOR_MAX];

    if (!sec_descriptor_parse(d, n, &sd))
        return;
    if (sd.owner) {
        sec_sid_from_bytes(&caller.user.sid, sd.owner, SEC_SID_MAX);
        groups[0].sid = caller.user.sid;
    }
    sec_access_granted(&sd, &caller, 0xFFFFFFFFu, &mapping);
    sec_descriptor_merge(&sd, &sd, SEC_INFO_OWNER | SEC_INFO_DACL);
    size_t length = sec_descriptor_write(&sd, out, sizeof(out));
    if (length > sizeof(out) || !sec_descriptor_parse(out, length, &again) || sec_descriptor_size(&again) != length)
        abort();
}

void fuzz_device_config(const uint8_t *d, size_t n)
{
    static struct device_config config;

    device_config_parse((const char *)d, n, &config);
    for (size_t i = 0; i < config.count; i++)
        if (!memchr(config.entries[i].path, 0, sizeof(config.entries[i].path))
            || !memchr(config.entries[i].tape, 0, sizeof(config.entries[i].tape)))
            abort();
    if (config.count > config.capacity)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *copy = exact_copy(data, size);

    if (!copy)
        return 0;
    FUZZ_TARGET(copy, size);
    free(copy);
    return 0;
}
