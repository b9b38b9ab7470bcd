/* ntmsdemo: what an RSM application sees through ntmsapi.dll, printed as a
 * report. Run by tools/demo.sh under Wine against the virtual library. */
#include <windows.h>
#include <ntddscsi.h>
#include <ntmsapi.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct inquiry_packet {
    SCSI_PASS_THROUGH spt;
    ULONG             filler;
    UCHAR             sense[32];
    UCHAR             data[96];
};

static void show_device(const char *path)
{
    struct inquiry_packet p;
    DWORD returned;
    HANDLE h = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_EXISTING, 0, NULL);

    if (h == INVALID_HANDLE_VALUE) {
        printf("  %-14s not present (error %lu)\n", path, GetLastError());
        return;
    }
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
    if (DeviceIoControl(h, IOCTL_SCSI_PASS_THROUGH, &p, sizeof(p), &p, sizeof(p), &returned, NULL))
        printf("  %-14s %.8s %.16s %.4s  (%s)\n", path, (char *)p.data + 8, (char *)p.data + 16,
               (char *)p.data + 32, (p.data[0] & 0x1F) == 8 ? "media changer" : "tape drive");
    else
        printf("  %-14s IOCTL_SCSI_PASS_THROUGH failed (error %lu)\n", path, GetLastError());
    CloseHandle(h);
}

static const char *status_text(DWORD code)
{
    switch (code) {
    case ERROR_SUCCESS: return "ERROR_SUCCESS";
    case ERROR_INVALID_HANDLE: return "ERROR_INVALID_HANDLE";
    case ERROR_INVALID_PARAMETER: return "ERROR_INVALID_PARAMETER";
    case ERROR_CALL_NOT_IMPLEMENTED: return "ERROR_CALL_NOT_IMPLEMENTED (not yet in ntmsapi)";
    default: return "other error";
    }
}

int main(void)
{
    NTMS_GUID libraries[8];
    DWORD count = ARRAYSIZE(libraries);
    NTMS_GUID slot = { 0 };

    printf("Devices a Windows program sees (\\\\.\\ names, SCSI pass-through):\n");
    show_device("\\\\.\\Changer0");
    show_device("\\\\.\\Tape0");
    show_device("\\\\.\\Tape1");

    printf("\nRSM through ntmsapi.dll:\n");
    HANDLE session = OpenNtmsSessionW(NULL, L"ntmsapi demo", 0);
    if (session == INVALID_HANDLE_VALUE) {
        printf("  OpenNtmsSessionW failed: %lu\n", GetLastError());
        return 1;
    }
    printf("  OpenNtmsSessionW(local computer)      -> session %p\n", session);
    DWORD result = EnumerateNtmsObject(session, NULL, libraries, &count, NTMS_LIBRARY, 0);
    printf("  EnumerateNtmsObject(NTMS_LIBRARY)     -> %lu %s\n", result, status_text(result));
    result = IdentifyNtmsSlot(session, &slot, NTMS_DISMOUNT_IMMEDIATE);
    printf("  IdentifyNtmsSlot(slot, IMMEDIATE)     -> %lu %s\n", result, status_text(result));
    result = IdentifyNtmsSlot(session, &slot, 7);
    printf("  IdentifyNtmsSlot(slot, option 7)      -> %lu %s\n", result, status_text(result));
    result = CloseNtmsSession(session);
    printf("  CloseNtmsSession                      -> %lu %s\n", result, status_text(result));
    result = CloseNtmsSession(session);
    printf("  CloseNtmsSession again                -> %lu %s\n", result, status_text(result));
    return 0;
}
