/* IOCTL_SCSI_PASS_THROUGH in the buffered layout: header, sense and data
 * in one block. It needs no alignment from the caller's buffers and works
 * the same for 32-bit and 64-bit processes (each sends its native packet;
 * Wine's new WoW64 converts only this form, not the DIRECT one). */
#include "transport/transport_win32.h"

#include <windows.h>
#include <ntddscsi.h>
#include <winioctl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_TRANSFER (64u * 1024)   /* when the adapter will not say */
/* Microsoft: buffered pass-through is for transfers of a few KiB; larger
 * ones go DIRECT from a page-aligned buffer (any AlignmentMask up to a
 * page is met). Only 64-bit builds: Wine's WoW64 converts the buffered
 * form for 32-bit callers but not the direct one. */
#define DIRECT_THRESHOLD (16u * 1024)
#define SENSE_AREA 96                        /* multiple of 8, >= SCSI_SENSE_MAX */

struct win32_transport {
    struct scsi_transport base;
    HANDLE   device;
    UCHAR    path_id, target_id, lun;
    uint32_t max_transfer;
    BOOL     no_direct;   /* the adapter refused IOCTL_SCSI_PASS_THROUGH_DIRECT once */
};

struct packet_layout {
    size_t sense_offset, data_offset, size;
};

static struct packet_layout layout_for(uint32_t data_length)
{
    struct packet_layout l;

    l.sense_offset = (sizeof(SCSI_PASS_THROUGH) + 7) & ~(size_t)7;
    l.data_offset = l.sense_offset + SENSE_AREA;
    l.size = l.data_offset + data_length;
    return l;
}

static ntms_err error_from_windows(DWORD error)
{
    switch (error) {
    case ERROR_SEM_TIMEOUT:
    case ERROR_TIMEOUT:
        return NTMS_E_TIMEOUT;
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_DEV_NOT_EXIST:
    case ERROR_DEVICE_NOT_CONNECTED:
        return NTMS_E_DEVICE_NOT_CONNECTED;
    case ERROR_SHARING_VIOLATION:
        return NTMS_E_SHARING_VIOLATION;   /* there, held open by an application */
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_OUTOFMEMORY:
        return NTMS_E_NOT_ENOUGH_MEMORY;
    case ERROR_ACCESS_DENIED:
        return NTMS_E_ACCESS_DENIED;
    default:
        return NTMS_E_IO_DEVICE;
    }
}

static void fill_header(SCSI_PASS_THROUGH *spt, const struct win32_transport *t, const struct scsi_request *req,
                        const struct packet_layout *l)
{
    spt->Length = sizeof(*spt);
    spt->PathId = t->path_id;
    spt->TargetId = t->target_id;
    spt->Lun = t->lun;
    spt->CdbLength = req->cdb_len;
    spt->SenseInfoLength = SENSE_AREA > 255 ? 255 : SENSE_AREA;
    spt->DataIn = req->dir == SCSI_DIR_IN ? SCSI_IOCTL_DATA_IN
                : req->dir == SCSI_DIR_OUT ? SCSI_IOCTL_DATA_OUT : SCSI_IOCTL_DATA_UNSPECIFIED;
    spt->DataTransferLength = req->dir == SCSI_DIR_NONE ? 0 : req->data_len;
    spt->TimeOutValue = (req->timeout_ms + 999) / 1000;
    spt->DataBufferOffset = spt->DataTransferLength ? l->data_offset : 0;
    spt->SenseInfoOffset = (ULONG)l->sense_offset;
    memcpy(spt->Cdb, req->cdb, req->cdb_len);
}

struct direct_packet {
    SCSI_PASS_THROUGH_DIRECT sptd;
    ULONG                    filler;
    UCHAR                    sense[SENSE_AREA];
};

static ntms_err direct_execute(struct win32_transport *t, struct scsi_request *req)
{
    struct direct_packet p;
    DWORD returned = 0;
    void *aligned = VirtualAlloc(NULL, req->data_len, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);

    if (!aligned)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    memset(&p, 0, sizeof(p));
    p.sptd.Length = sizeof(p.sptd);
    p.sptd.PathId = t->path_id;
    p.sptd.TargetId = t->target_id;
    p.sptd.Lun = t->lun;
    p.sptd.CdbLength = req->cdb_len;
    p.sptd.SenseInfoLength = SENSE_AREA;
    p.sptd.SenseInfoOffset = offsetof(struct direct_packet, sense);
    p.sptd.DataIn = req->dir == SCSI_DIR_IN ? SCSI_IOCTL_DATA_IN : SCSI_IOCTL_DATA_OUT;
    p.sptd.DataTransferLength = req->data_len;
    p.sptd.TimeOutValue = (req->timeout_ms + 999) / 1000;
    p.sptd.DataBuffer = aligned;
    memcpy(p.sptd.Cdb, req->cdb, req->cdb_len);
    if (req->dir == SCSI_DIR_OUT)
        memcpy(aligned, req->data, req->data_len);
    if (!DeviceIoControl(t->device, IOCTL_SCSI_PASS_THROUGH_DIRECT, &p, sizeof(p), &p, sizeof(p), &returned, NULL)) {
        DWORD error = GetLastError();
        VirtualFree(aligned, 0, MEM_RELEASE);
        if (error == ERROR_INVALID_FUNCTION || error == ERROR_NOT_SUPPORTED || error == ERROR_INVALID_PARAMETER) {
            t->no_direct = TRUE;   /* this adapter only takes the buffered form */
            return NTMS_E_NOT_SUPPORTED;
        }
        return error_from_windows(error);
    }
    req->status = p.sptd.ScsiStatus;
    req->sense_len = req->status && p.sptd.SenseInfoLength < SCSI_SENSE_MAX ? p.sptd.SenseInfoLength
                   : req->status ? SCSI_SENSE_MAX : 0;
    memcpy(req->sense, p.sense, req->sense_len);
    req->transferred = p.sptd.DataTransferLength < req->data_len ? p.sptd.DataTransferLength : req->data_len;
    if (req->dir == SCSI_DIR_IN)
        memcpy(req->data, aligned, req->transferred);
    VirtualFree(aligned, 0, MEM_RELEASE);
    return NTMS_OK;
}

static ntms_err win32_execute(struct scsi_transport *base, struct scsi_request *req)
{
    struct win32_transport *t = (struct win32_transport *)base;
    uint32_t length = req->dir == SCSI_DIR_NONE ? 0 : req->data_len;
    struct packet_layout l = layout_for(length);
    DWORD returned = 0;

    req->status = 0;
    req->sense_len = 0;
    req->transferred = 0;
    if (req->cdb_len == 0 || req->cdb_len > 16 || (length && !req->data))
        return NTMS_E_INVALID_PARAMETER;
    if (sizeof(void *) == 8 && length > DIRECT_THRESHOLD && !t->no_direct) {
        ntms_err status = direct_execute(t, req);
        if (status != NTMS_E_NOT_SUPPORTED)
            return status;
    }
    uint8_t *block = calloc(1, l.size);
    if (!block)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    SCSI_PASS_THROUGH *spt = (SCSI_PASS_THROUGH *)block;
    fill_header(spt, t, req, &l);
    if (req->dir == SCSI_DIR_OUT)
        memcpy(block + l.data_offset, req->data, length);
    if (!DeviceIoControl(t->device, IOCTL_SCSI_PASS_THROUGH, block, (DWORD)l.size, block, (DWORD)l.size,
                         &returned, NULL)) {
        ntms_err error = error_from_windows(GetLastError());
        free(block);
        return error;
    }
    req->status = spt->ScsiStatus;
    req->sense_len = spt->SenseInfoLength < SCSI_SENSE_MAX ? spt->SenseInfoLength : SCSI_SENSE_MAX;
    if (req->status == 0)
        req->sense_len = 0;
    memcpy(req->sense, block + l.sense_offset, req->sense_len);
    /* DataTransferLength now says what moved; never trust it past our buffer. */
    req->transferred = spt->DataTransferLength < length ? spt->DataTransferLength : length;
    if (req->dir == SCSI_DIR_IN)
        memcpy(req->data, block + l.data_offset, req->transferred);
    free(block);
    return NTMS_OK;
}

static uint32_t win32_max_transfer(struct scsi_transport *base)
{
    return ((struct win32_transport *)base)->max_transfer;
}

static void win32_close(struct scsi_transport *base)
{
    struct win32_transport *t = (struct win32_transport *)base;

    CloseHandle(t->device);
    free(t);
}

static const struct scsi_transport_ops win32_ops = { win32_execute, win32_max_transfer, win32_close };

/* The adapter's limit, where it tells (Wine answers with no data: check the size). */
static uint32_t query_max_transfer(HANDLE device)
{
    STORAGE_PROPERTY_QUERY query = { StorageAdapterProperty, PropertyStandardQuery, { 0 } };
    STORAGE_ADAPTER_DESCRIPTOR adapter;
    DWORD returned = 0;

    memset(&adapter, 0, sizeof(adapter));
    if (DeviceIoControl(device, IOCTL_STORAGE_QUERY_PROPERTY, &query, sizeof(query), &adapter, sizeof(adapter),
                        &returned, NULL)
        && returned >= offsetof(STORAGE_ADAPTER_DESCRIPTOR, MaximumPhysicalPages) && adapter.MaximumTransferLength)
        return adapter.MaximumTransferLength;
    return DEFAULT_MAX_TRANSFER;
}

/* "scsi2:0,4,1" -> "\\.\Scsi2:" and the address; false for other names. */
static BOOL parse_scsi_address(const char *name, char *device, size_t capacity, UCHAR address[3])
{
    unsigned port, path, target, lun = 0;
    int used = 0;

    if (_strnicmp(name, "scsi", 4) != 0
        || sscanf(name + 4, "%u:%u,%u%n", &port, &path, &target, &used) < 3)
        return FALSE;
    if (name[4 + used] == ',' && sscanf(name + 4 + used + 1, "%u", &lun) != 1)
        return FALSE;
    if (path > 255 || target > 255 || lun > 255)
        return FALSE;
    snprintf(device, capacity, "\\\\.\\Scsi%u:", port);
    address[0] = (UCHAR)path;
    address[1] = (UCHAR)target;
    address[2] = (UCHAR)lun;
    return TRUE;
}

ntms_err transport_win32_open(const char *name_utf8, struct scsi_transport **transport)
{
    char device_name[64];
    UCHAR address[3] = { 0, 0, 0 };
    const char *open_name = parse_scsi_address(name_utf8, device_name, sizeof(device_name), address)
                          ? device_name : name_utf8;
    WCHAR wide[MAX_PATH];

    *transport = NULL;
    if (!MultiByteToWideChar(CP_UTF8, 0, open_name, -1, wide, MAX_PATH))
        return NTMS_E_INVALID_PARAMETER;
    HANDLE device = CreateFileW(wide, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                                OPEN_EXISTING, 0, NULL);
    if (device == INVALID_HANDLE_VALUE)
        return error_from_windows(GetLastError());
    struct win32_transport *t = calloc(1, sizeof(*t));
    if (!t) {
        CloseHandle(device);
        return NTMS_E_NOT_ENOUGH_MEMORY;
    }
    t->base.ops = &win32_ops;
    snprintf(t->base.name, sizeof(t->base.name), "%s", name_utf8);
    t->device = device;
    t->path_id = address[0];
    t->target_id = address[1];
    t->lun = address[2];
    t->max_transfer = query_max_transfer(device);
    *transport = &t->base;
    return NTMS_OK;
}
