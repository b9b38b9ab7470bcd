/* The test devices as a Windows program sees them: \\.\Changer0, \\.\Tape0
 * and \\.\Tape1 open, and IOCTL_SCSI_PASS_THROUGH reaches them (in the
 * harness: Wine -> SG_IO -> sgbridged -> tgt). */
#include <windows.h>
#include <ntddscsi.h>
#include <stddef.h>
#include <string.h>

#include "wintest.h"

struct inquiry_packet {
    SCSI_PASS_THROUGH spt;
    ULONG             filler;
    UCHAR             sense[32];
    UCHAR             data[96];
};

static void test_inquiry(const char *path, UCHAR expected_type)
{
    struct inquiry_packet p;
    DWORD returned;
    HANDLE h = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_EXISTING, 0, NULL);

    ok(h != INVALID_HANDLE_VALUE, "%s: open failed, %lu\n", path, GetLastError());
    if (h == INVALID_HANDLE_VALUE)
        return;
    memset(&p, 0, sizeof(p));
    p.spt.Length = sizeof(p.spt);
    p.spt.CdbLength = 6;
    p.spt.SenseInfoLength = sizeof(p.sense);
    p.spt.SenseInfoOffset = offsetof(struct inquiry_packet, sense);
    p.spt.DataIn = SCSI_IOCTL_DATA_IN;
    p.spt.DataTransferLength = sizeof(p.data);
    p.spt.DataBufferOffset = offsetof(struct inquiry_packet, data);
    p.spt.TimeOutValue = 30;
    p.spt.Cdb[0] = 0x12;
    p.spt.Cdb[4] = sizeof(p.data);
    BOOL sent = DeviceIoControl(h, IOCTL_SCSI_PASS_THROUGH, &p, sizeof(p), &p, sizeof(p), &returned, NULL);
    ok(sent, "%s: DeviceIoControl failed, %lu\n", path, GetLastError());
    ok(p.spt.ScsiStatus == 0, "%s: SCSI status %u\n", path, p.spt.ScsiStatus);
    ok(p.spt.DataTransferLength >= 36, "%s: %lu bytes of INQUIRY data\n", path, p.spt.DataTransferLength);
    ok((p.data[0] & 0x1F) == expected_type, "%s: device type %u, expected %u\n", path, p.data[0] & 0x1F,
       expected_type);
    printf("%s: %.8s %.16s (type %u)\n", path, (char *)p.data + 8, (char *)p.data + 16, p.data[0] & 0x1F);
    CloseHandle(h);
}

int main(void)
{
    test_inquiry("\\\\.\\Changer0", 8);
    test_inquiry("\\\\.\\Tape0", 1);
    test_inquiry("\\\\.\\Tape1", 1);
    return wintest_finish();
}
