/* Parse rate of READ ELEMENT STATUS: a 10,000-element reply with volume
 * tags, parsed repeatedly; prints elements per second. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/plat_time.h"
#include "scsi/be.h"
#include "scsi/scsi_smc.h"

int main(void)
{
    enum { ELEMENTS = 10000, DESCRIPTOR = 52, ROUNDS = 200 };
    size_t length = 16 + (size_t)ELEMENTS * DESCRIPTOR;
    uint8_t *reply = calloc(1, length);
    struct smc_element *elements = calloc(ELEMENTS, sizeof(*elements));
    struct smc_status_report report;

    put_be16(reply + 2, ELEMENTS);
    put_be24(reply + 5, (uint32_t)(length - 8));
    reply[8] = SMC_STORAGE;
    reply[9] = 0x80;
    put_be16(reply + 10, DESCRIPTOR);
    put_be24(reply + 13, (uint32_t)(length - 16));
    for (int i = 0; i < ELEMENTS; i++) {
        uint8_t *d = reply + 16 + (size_t)i * DESCRIPTOR;
        put_be16(d, (uint16_t)(4096 + i));
        d[2] = 1;
        snprintf((char *)d + 12, 33, "N%04dL6                         ", i % 10000);
    }
    uint64_t start = plat_monotonic_ns();
    for (int r = 0; r < ROUNDS; r++)
        smc_parse_element_status(reply, length, elements, ELEMENTS, &report);
    double seconds = (double)(plat_monotonic_ns() - start) / 1e9;
    printf("READ ELEMENT STATUS parse: %d elements x %d rounds in %.3f s = %.1f million elements/s "
           "(%.1f MB/s of reply)\n", ELEMENTS, ROUNDS, seconds, ELEMENTS * (double)ROUNDS / seconds / 1e6,
           (double)length * ROUNDS / seconds / 1e6);
    free(reply);
    free(elements);
    return report.parsed == ELEMENTS ? 0 : 1;
}
