#include "object_info.h"

#include <string.h>

#define COPY_W(dst, src) copy_w((dst), ARRAYSIZE(dst), (src), ARRAYSIZE(src))
#define COPY_A(dst, src) copy_a((dst), ARRAYSIZE(dst), (src), ARRAYSIZE(src))

_Static_assert(sizeof(NTMS_GUID) == sizeof(ntms_guid), "GUID layouts differ");
_Static_assert(sizeof(WCHAR) == sizeof(wchar16), "UTF-16 units differ");

static void copy_w(WCHAR *dst, size_t dst_count, const wchar16 *src, size_t src_count)
{
    size_t n = 0;

    while (n + 1 < dst_count && n < src_count && src[n]) {
        dst[n] = src[n];
        n++;
    }
    memset(dst + n, 0, (dst_count - n) * sizeof(WCHAR));
}

static void copy_a(CHAR *dst, size_t dst_count, const wchar16 *src, size_t src_count)
{
    WCHAR wide[512];
    size_t n = src_count < ARRAYSIZE(wide) ? src_count : ARRAYSIZE(wide);

    copy_w(wide, n, src, n);
    memset(dst, 0, dst_count);
    WideCharToMultiByte(CP_ACP, 0, wide, -1, dst, (int)dst_count - 1, NULL, NULL);
}

static void guid(NTMS_GUID *dst, const ntms_guid *src)
{
    memcpy(dst, src, sizeof(*dst));
}

static void system_time(SYSTEMTIME *dst, uint64_t filetime)
{
    FILETIME ft = { (DWORD)filetime, (DWORD)(filetime >> 32) };

    if (!filetime || !FileTimeToSystemTime(&ft, dst))
        memset(dst, 0, sizeof(*dst));
}

/* Types whose information has no strings: identical in A, W and I1. */
static void fill_common_types(const struct rsm_object *o, void *union_start)
{
    switch (o->type) {
    case RSM_STORAGESLOT: {
        NTMS_STORAGESLOTINFORMATION *s = union_start;
        s->Number = o->info.slot.number;
        s->State = o->info.slot.state;
        guid(&s->Library, &o->info.slot.library);
        break;
    }
    case RSM_IEDOOR: {
        NTMS_IEDOORINFORMATION *d = union_start;
        d->Number = o->info.iedoor.number;
        d->State = o->info.iedoor.state;
        d->MaxOpenSecs = o->info.iedoor.max_open_secs;
        guid(&d->Library, &o->info.iedoor.library);
        break;
    }
    case RSM_IEPORT: {
        NTMS_IEPORTINFORMATION *p = union_start;
        p->Number = o->info.ieport.number;
        p->Content = o->info.ieport.content;
        p->Position = o->info.ieport.position;
        p->MaxExtendSecs = o->info.ieport.max_extend_secs;
        guid(&p->Library, &o->info.ieport.library);
        break;
    }
    case RSM_LOGICAL_MEDIA: {
        NTMS_LMIDINFORMATION *l = union_start;
        guid(&l->MediaPool, &o->info.logical_media.media_pool);
        l->dwNumberOfPartitions = o->info.logical_media.number_of_partitions;
        break;
    }
    case RSM_MEDIA_POOL: {
        NTMS_MEDIAPOOLINFORMATION *p = union_start;
        const struct rsm_media_pool *s = &o->info.pool;
        p->PoolType = s->pool_type;
        guid(&p->MediaType, &s->media_type);
        guid(&p->Parent, &s->parent);
        p->AllocationPolicy = s->allocation_policy;
        p->DeallocationPolicy = s->deallocation_policy;
        p->dwMaxAllocates = s->max_allocates;
        p->dwNumberOfPhysicalMedia = s->number_of_physical_media;
        p->dwNumberOfLogicalMedia = s->number_of_logical_media;
        p->dwNumberOfMediaPools = s->number_of_media_pools;
        break;
    }
    case RSM_MEDIA_TYPE: {
        NTMS_MEDIATYPEINFORMATION *t = union_start;
        t->MediaType = o->info.media_type.media_type;
        t->NumberOfSides = o->info.media_type.number_of_sides;
        t->ReadWriteCharacteristics = o->info.media_type.read_write_characteristics;
        t->DeviceType = o->info.media_type.device_type;
        break;
    }
    case RSM_COMPUTER: {
        NTMS_COMPUTERINFORMATION *c = union_start;
        c->dwLibRequestPurgeTime = o->info.computer.lib_request_purge_time;
        c->dwOpRequestPurgeTime = o->info.computer.op_request_purge_time;
        c->dwLibRequestFlags = o->info.computer.lib_request_flags;
        c->dwOpRequestFlags = o->info.computer.op_request_flags;
        c->dwMediaPoolPolicy = o->info.computer.media_pool_policy;
        break;
    }
    default:
        break;
    }
}

static void fill_library(const struct rsm_library *s, NTMS_LIBRARYINFORMATION *l)
{
    l->LibraryType = s->library_type;
    guid(&l->CleanerSlot, &s->cleaner_slot);
    guid(&l->CleanerSlotDefault, &s->cleaner_slot_default);
    l->LibrarySupportsDriveCleaning = s->supports_drive_cleaning;
    l->BarCodeReaderInstalled = s->barcode_reader_installed;
    l->InventoryMethod = s->inventory_method;
    l->dwCleanerUsesRemaining = s->cleaner_uses_remaining;
    l->FirstDriveNumber = s->first_drive_number;
    l->dwNumberOfDrives = s->number_of_drives;
    l->FirstSlotNumber = s->first_slot_number;
    l->dwNumberOfSlots = s->number_of_slots;
    l->FirstDoorNumber = s->first_door_number;
    l->dwNumberOfDoors = s->number_of_doors;
    l->FirstPortNumber = s->first_port_number;
    l->dwNumberOfPorts = s->number_of_ports;
    l->FirstChangerNumber = s->first_changer_number;
    l->dwNumberOfChangers = s->number_of_changers;
    l->dwNumberOfMedia = s->number_of_media;
    l->dwNumberOfMediaTypes = s->number_of_media_types;
    l->dwNumberOfLibRequests = s->number_of_lib_requests;
    l->AutoRecovery = s->auto_recovery;
    l->dwFlags = s->flags;
}

/* The Windows 2000 layout is the current one without its last fields. */
static void fill_i1_library(const struct rsm_library *s, NTMS_I1_LIBRARYINFORMATION *old)
{
    NTMS_LIBRARYINFORMATION full;

    memset(&full, 0, sizeof(full));
    fill_library(s, &full);
    memcpy(old, &full, sizeof(*old));
}

/* The string-bearing types, written once for both character widths. */
#define FILL_STRING_TYPES(COPY, INFO, o)                                                        \
    switch ((o)->type) {                                                                        \
    case RSM_DRIVE: {                                                                           \
        const struct rsm_drive *s = &(o)->info.drive;                                           \
        (INFO).Drive.Number = s->number;                                                        \
        (INFO).Drive.State = s->state;                                                          \
        guid(&(INFO).Drive.DriveType, &s->drive_type);                                          \
        COPY((INFO).Drive.szDeviceName, s->device_name);                                        \
        COPY((INFO).Drive.szSerialNumber, s->serial_number);                                    \
        COPY((INFO).Drive.szRevision, s->revision);                                             \
        (INFO).Drive.ScsiPort = s->scsi_port;                                                   \
        (INFO).Drive.ScsiBus = s->scsi_bus;                                                     \
        (INFO).Drive.ScsiTarget = s->scsi_target;                                               \
        (INFO).Drive.ScsiLun = s->scsi_lun;                                                     \
        (INFO).Drive.dwMountCount = s->mount_count;                                             \
        system_time(&(INFO).Drive.LastCleanedTs, s->last_cleaned);                              \
        guid(&(INFO).Drive.SavedPartitionId, &s->saved_partition);                              \
        guid(&(INFO).Drive.Library, &s->library);                                               \
        (INFO).Drive.dwDeferDismountDelay = s->defer_dismount_delay;                            \
        break;                                                                                  \
    }                                                                                           \
    case RSM_DRIVE_TYPE:                                                                        \
        COPY((INFO).DriveType.szVendor, (o)->info.device_type.vendor);                          \
        COPY((INFO).DriveType.szProduct, (o)->info.device_type.product);                        \
        (INFO).DriveType.NumberOfHeads = (o)->info.device_type.number_of_heads;                 \
        (INFO).DriveType.DeviceType = (o)->info.device_type.device_type;                        \
        break;                                                                                  \
    case RSM_CHANGER_TYPE:                                                                      \
        COPY((INFO).ChangerType.szVendor, (o)->info.device_type.vendor);                        \
        COPY((INFO).ChangerType.szProduct, (o)->info.device_type.product);                      \
        (INFO).ChangerType.DeviceType = (o)->info.device_type.device_type;                      \
        break;                                                                                  \
    case RSM_CHANGER: {                                                                         \
        const struct rsm_changer *s = &(o)->info.changer;                                       \
        (INFO).Changer.Number = s->number;                                                      \
        guid(&(INFO).Changer.ChangerType, &s->changer_type);                                    \
        COPY((INFO).Changer.szSerialNumber, s->serial_number);                                  \
        COPY((INFO).Changer.szRevision, s->revision);                                           \
        COPY((INFO).Changer.szDeviceName, s->device_name);                                      \
        (INFO).Changer.ScsiPort = s->scsi_port;                                                 \
        (INFO).Changer.ScsiBus = s->scsi_bus;                                                   \
        (INFO).Changer.ScsiTarget = s->scsi_target;                                             \
        (INFO).Changer.ScsiLun = s->scsi_lun;                                                   \
        guid(&(INFO).Changer.Library, &s->library);                                             \
        break;                                                                                  \
    }                                                                                           \
    case RSM_OPREQUEST: {                                                                       \
        const struct rsm_op_request *s = &(o)->info.op_request;                                 \
        (INFO).OpRequest.Request = s->request;                                                  \
        system_time(&(INFO).OpRequest.Submitted, s->submitted);                                 \
        (INFO).OpRequest.State = s->state;                                                      \
        COPY((INFO).OpRequest.szMessage, s->message);                                           \
        (INFO).OpRequest.Arg1Type = s->arg1_type;                                               \
        guid(&(INFO).OpRequest.Arg1, &s->arg1);                                                 \
        (INFO).OpRequest.Arg2Type = s->arg2_type;                                               \
        guid(&(INFO).OpRequest.Arg2, &s->arg2);                                                 \
        COPY((INFO).OpRequest.szApplication, s->application);                                   \
        COPY((INFO).OpRequest.szUser, s->user);                                                 \
        COPY((INFO).OpRequest.szComputer, s->computer);                                         \
        break;                                                                                  \
    }                                                                                           \
    default:                                                                                    \
        break;                                                                                  \
    }

/* Fields shared by the current and I1 PMID, partition, request layouts. */
#define FILL_MEDIA(COPY, PMID, o)                                                               \
    do {                                                                                        \
        const struct rsm_physical_media *s = &(o)->info.media;                                  \
        guid(&(PMID).CurrentLibrary, &s->current_library);                                      \
        guid(&(PMID).MediaPool, &s->media_pool);                                                \
        guid(&(PMID).Location, &s->location);                                                   \
        (PMID).LocationType = s->location_type;                                                 \
        guid(&(PMID).MediaType, &s->media_type);                                                \
        guid(&(PMID).HomeSlot, &s->home_slot);                                                  \
        COPY((PMID).szBarCode, s->barcode);                                                     \
        (PMID).BarCodeState = s->barcode_state;                                                 \
        COPY((PMID).szSequenceNumber, s->sequence_number);                                      \
        (PMID).MediaState = s->media_state;                                                     \
        (PMID).dwNumberOfPartitions = s->number_of_partitions;                                  \
    } while (0)

#define FILL_PARTITION(COPY, PART, o)                                                           \
    do {                                                                                        \
        const struct rsm_partition *s = &(o)->info.partition;                                   \
        guid(&(PART).PhysicalMedia, &s->physical_media);                                        \
        guid(&(PART).LogicalMedia, &s->logical_media);                                          \
        (PART).State = s->state;                                                                \
        (PART).Side = s->side;                                                                  \
        (PART).dwOmidLabelIdLength = s->omid_label_id_length;                                   \
        memcpy((PART).OmidLabelId, s->omid_label_id, sizeof((PART).OmidLabelId));               \
        COPY((PART).szOmidLabelType, s->omid_label_type);                                       \
        COPY((PART).szOmidLabelInfo, s->omid_label_info);                                       \
        (PART).dwMountCount = s->mount_count;                                                   \
        (PART).dwAllocateCount = s->allocate_count;                                             \
    } while (0)

/* Library requests: the current layout adds dwErrorCode, WorkItemId, dwPriority. */
#define FILL_REQUEST(COPY, REQ, o)                                                              \
    do {                                                                                        \
        const struct rsm_lib_request *s = &(o)->info.lib_request;                               \
        (REQ).OperationCode = s->operation_code;                                                \
        (REQ).OperationOption = s->operation_option;                                            \
        (REQ).State = s->state;                                                                 \
        guid(&(REQ).PartitionId, &s->partition);                                                \
        guid(&(REQ).DriveId, &s->drive);                                                        \
        guid(&(REQ).PhysMediaId, &s->physical_media);                                           \
        guid(&(REQ).Library, &s->library);                                                      \
        guid(&(REQ).SlotId, &s->slot);                                                          \
        system_time(&(REQ).TimeQueued, s->time_queued);                                         \
        system_time(&(REQ).TimeCompleted, s->time_completed);                                   \
        COPY((REQ).szApplication, s->application);                                              \
        COPY((REQ).szUser, s->user);                                                            \
        COPY((REQ).szComputer, s->computer);                                                    \
    } while (0)

#define FILL_HEADER(COPY, INFO, o)                                                              \
    do {                                                                                        \
        (INFO)->dwType = (o)->type;                                                             \
        system_time(&(INFO)->Created, (o)->created);                                            \
        system_time(&(INFO)->Modified, (o)->modified);                                          \
        guid(&(INFO)->ObjectGuid, &(o)->id);                                                    \
        (INFO)->Enabled = (o)->enabled != 0;                                                    \
        (INFO)->dwOperationalState = (o)->operational_state;                                    \
        COPY((INFO)->szName, (o)->name);                                                        \
        COPY((INFO)->szDescription, (o)->description);                                          \
    } while (0)

BOOL object_info_size_ok_w(DWORD size)
{
    return size == sizeof(NTMS_OBJECTINFORMATIONW) || size == sizeof(NTMS_I1_OBJECTINFORMATIONW);
}

BOOL object_info_size_ok_a(DWORD size)
{
    return size == sizeof(NTMS_OBJECTINFORMATIONA) || size == sizeof(NTMS_I1_OBJECTINFORMATIONA);
}

/* The current and the NTMS_I1_* layouts of one character width. */
#define DEFINE_OBJECT_INFO_TO(NAME, INFO_T, I1_T, COPY, SIZE_OK)                                  \
    DWORD NAME(const struct rsm_object *o, INFO_T *info)                                       \
    {                                                                                          \
        DWORD size = info->dwSize;                                                             \
                                                                                               \
        if (!SIZE_OK(size))                                                                    \
            return ERROR_INVALID_PARAMETER;                                                    \
        memset(info, 0, size);                                                                 \
        info->dwSize = size;                                                                   \
        FILL_HEADER(COPY, info, o);                                                            \
        fill_common_types(o, &info->Info);                                                     \
        if (size == sizeof(I1_T)) {                                                            \
            I1_T *old = (I1_T *)info;                                                          \
            FILL_STRING_TYPES(COPY, old->Info, o);                                             \
            if (o->type == RSM_LIBRARY)                                                        \
                fill_i1_library(&o->info.library, &old->Info.Library);                         \
            else if (o->type == RSM_PHYSICAL_MEDIA)                                            \
                FILL_MEDIA(COPY, old->Info.PhysicalMedia, o);                                  \
            else if (o->type == RSM_PARTITION)                                                 \
                FILL_PARTITION(COPY, old->Info.Partition, o);                                  \
            else if (o->type == RSM_LIBREQUEST)                                                \
                FILL_REQUEST(COPY, old->Info.LibRequest, o);                                   \
            return ERROR_SUCCESS;                                                              \
        }                                                                                      \
        FILL_STRING_TYPES(COPY, info->Info, o);                                                \
        if (o->type == RSM_LIBRARY) {                                                          \
            fill_library(&o->info.library, &info->Info.Library);                               \
        } else if (o->type == RSM_PHYSICAL_MEDIA) {                                            \
            FILL_MEDIA(COPY, info->Info.PhysicalMedia, o);                                     \
            info->Info.PhysicalMedia.dwMediaTypeCode = o->info.media.media_type_code;          \
            info->Info.PhysicalMedia.dwDensityCode = o->info.media.density_code;               \
            guid(&info->Info.PhysicalMedia.MountedPartition, &o->info.media.mounted_partition); \
        } else if (o->type == RSM_PARTITION) {                                                 \
            FILL_PARTITION(COPY, info->Info.Partition, o);                                     \
            info->Info.Partition.Capacity.QuadPart = o->info.partition.capacity;               \
        } else if (o->type == RSM_LIBREQUEST) {                                                \
            FILL_REQUEST(COPY, info->Info.LibRequest, o);                                      \
            info->Info.LibRequest.dwErrorCode = o->info.lib_request.error_code;                \
            guid(&info->Info.LibRequest.WorkItemId, &o->info.lib_request.work_item);           \
            info->Info.LibRequest.dwPriority = o->info.lib_request.priority;                   \
        }                                                                                      \
        return ERROR_SUCCESS;                                                                  \
    }

DEFINE_OBJECT_INFO_TO(object_info_to_w, NTMS_OBJECTINFORMATIONW, NTMS_I1_OBJECTINFORMATIONW, COPY_W,
                      object_info_size_ok_w)
DEFINE_OBJECT_INFO_TO(object_info_to_a, NTMS_OBJECTINFORMATIONA, NTMS_I1_OBJECTINFORMATIONA, COPY_A,
                      object_info_size_ok_a)

/* ---- the other way: what a caller may change, into a record ---- */

static void from_w(wchar16 *dst, size_t dst_count, const WCHAR *src, size_t src_count)
{
    size_t n = 0;

    while (n + 1 < dst_count && n < src_count && src[n]) {
        dst[n] = src[n];
        n++;
    }
    memset(dst + n, 0, (dst_count - n) * sizeof(wchar16));
}

static void from_a(wchar16 *dst, size_t dst_count, const CHAR *src, size_t src_count)
{
    WCHAR wide[512];
    char narrow[512];
    size_t n = src_count < sizeof(narrow) - 1 ? src_count : sizeof(narrow) - 1;

    memcpy(narrow, src, n);
    narrow[n] = '\0';
    if (!MultiByteToWideChar(CP_ACP, 0, narrow, -1, wide, ARRAYSIZE(wide)))
        wide[0] = 0;
    from_w(dst, dst_count, wide, ARRAYSIZE(wide));
}

#define MERGE_FIELDS(FROM, INFO, o, full)                                                        \
    do {                                                                                         \
        FROM((o)->name, RSM_NAME_LENGTH, (INFO)->szName, ARRAYSIZE((INFO)->szName));              \
        FROM((o)->description, RSM_DESCRIPTION_LENGTH, (INFO)->szDescription,                    \
             ARRAYSIZE((INFO)->szDescription));                                                  \
        switch ((o)->type) {                                                                     \
        case RSM_COMPUTER: {                                                                     \
            const NTMS_COMPUTERINFORMATION *c = (const NTMS_COMPUTERINFORMATION *)&(INFO)->Info; \
            (o)->info.computer = (struct rsm_computer){ c->dwLibRequestPurgeTime,                \
                c->dwOpRequestPurgeTime, c->dwLibRequestFlags, c->dwOpRequestFlags,              \
                c->dwMediaPoolPolicy };                                                          \
            break;                                                                               \
        }                                                                                        \
        case RSM_DRIVE:                                                                          \
            (o)->info.drive.defer_dismount_delay = (INFO)->Info.Drive.dwDeferDismountDelay;      \
            break;                                                                               \
        case RSM_IEDOOR:                                                                         \
            (o)->info.iedoor.max_open_secs = (INFO)->Info.IEDoor.MaxOpenSecs;                    \
            break;                                                                               \
        case RSM_IEPORT:                                                                         \
            (o)->info.ieport.max_extend_secs = (INFO)->Info.IEPort.MaxExtendSecs;                \
            break;                                                                               \
        case RSM_LIBRARY:                                                                        \
            (o)->info.library.inventory_method = (INFO)->Info.Library.InventoryMethod;           \
            (o)->info.library.cleaner_uses_remaining = (INFO)->Info.Library.dwCleanerUsesRemaining; \
            if (full) {                                                                          \
                (o)->info.library.auto_recovery = ((NTMS_LIBRARYINFORMATION *)&(INFO)->Info)->AutoRecovery; \
                (o)->info.library.flags = ((NTMS_LIBRARYINFORMATION *)&(INFO)->Info)->dwFlags;   \
            }                                                                                    \
            break;                                                                               \
        case RSM_MEDIA_POOL:                                                                     \
            (o)->info.pool.allocation_policy = (INFO)->Info.MediaPool.AllocationPolicy;          \
            (o)->info.pool.deallocation_policy = (INFO)->Info.MediaPool.DeallocationPolicy;      \
            (o)->info.pool.max_allocates = (INFO)->Info.MediaPool.dwMaxAllocates;                \
            break;                                                                               \
        default:                                                                                 \
            break;                                                                               \
        }                                                                                        \
    } while (0)

DWORD object_info_merge_w(const NTMS_OBJECTINFORMATIONW *info, struct rsm_object *o)
{
    if (!object_info_size_ok_w(info->dwSize))
        return ERROR_INVALID_PARAMETER;
    if (info->dwSize == sizeof(NTMS_I1_OBJECTINFORMATIONW)) {
        const NTMS_I1_OBJECTINFORMATIONW *old = (const NTMS_I1_OBJECTINFORMATIONW *)info;
        MERGE_FIELDS(from_w, old, o, FALSE);
    } else {
        MERGE_FIELDS(from_w, info, o, TRUE);
    }
    return ERROR_SUCCESS;
}

DWORD object_info_merge_a(const NTMS_OBJECTINFORMATIONA *info, struct rsm_object *o)
{
    if (!object_info_size_ok_a(info->dwSize))
        return ERROR_INVALID_PARAMETER;
    if (info->dwSize == sizeof(NTMS_I1_OBJECTINFORMATIONA)) {
        const NTMS_I1_OBJECTINFORMATIONA *old = (const NTMS_I1_OBJECTINFORMATIONA *)info;
        MERGE_FIELDS(from_a, old, o, FALSE);
    } else {
        MERGE_FIELDS(from_a, info, o, TRUE);
    }
    return ERROR_SUCCESS;
}

/* ---- CreateNtmsMedia: a caller's new medium or side, into a record ---- */

static void guid_in(ntms_guid *dst, const NTMS_GUID *src)
{
    memcpy(dst, src, sizeof(*dst));
}

#define NEW_FIELDS(FROM, INFO, o)                                                                \
    do {                                                                                         \
        memset((o), 0, sizeof(*(o)));                                                            \
        (o)->type = (INFO)->dwType;                                                              \
        guid_in(&(o)->id, &(INFO)->ObjectGuid);                                                  \
        (o)->enabled = (INFO)->Enabled ? 1 : 0;                                                  \
        FROM((o)->name, RSM_NAME_LENGTH, (INFO)->szName, ARRAYSIZE((INFO)->szName));              \
        FROM((o)->description, RSM_DESCRIPTION_LENGTH, (INFO)->szDescription,                    \
             ARRAYSIZE((INFO)->szDescription));                                                  \
        if ((o)->type == RSM_PHYSICAL_MEDIA) {                                                   \
            const __typeof__((INFO)->Info.PhysicalMedia) *p = &(INFO)->Info.PhysicalMedia;       \
            struct rsm_physical_media *m = &(o)->info.media;                                     \
            guid_in(&m->current_library, &p->CurrentLibrary);                                    \
            guid_in(&m->media_pool, &p->MediaPool);                                              \
            FROM(m->barcode, RSM_BARCODE_LENGTH, p->szBarCode, ARRAYSIZE(p->szBarCode));         \
            m->number_of_partitions = p->dwNumberOfPartitions;                                   \
            m->media_type_code = p->dwMediaTypeCode;                                             \
            m->density_code = p->dwDensityCode;                                                  \
        } else if ((o)->type == RSM_PARTITION) {                                                 \
            const __typeof__((INFO)->Info.Partition) *p = &(INFO)->Info.Partition;               \
            struct rsm_partition *s = &(o)->info.partition;                                      \
            guid_in(&s->logical_media, &p->LogicalMedia);                                        \
            s->state = p->State;                                                                 \
            s->omid_label_id_length = p->dwOmidLabelIdLength;                                    \
            memcpy(s->omid_label_id, p->OmidLabelId, sizeof(s->omid_label_id));                  \
            FROM(s->omid_label_type, RSM_OMID_TYPE_LENGTH, p->szOmidLabelType,                   \
                 ARRAYSIZE(p->szOmidLabelType));                                                 \
            FROM(s->omid_label_info, RSM_OMID_INFO_LENGTH, p->szOmidLabelInfo,                   \
                 ARRAYSIZE(p->szOmidLabelInfo));                                                 \
            s->mount_count = p->dwMountCount;                                                    \
            s->allocate_count = p->dwAllocateCount;                                              \
            s->capacity = p->Capacity.QuadPart;                                                  \
        }                                                                                        \
    } while (0)

void object_info_new_w(const NTMS_OBJECTINFORMATIONW *info, struct rsm_object *o)
{
    NEW_FIELDS(from_w, info, o);
}

void object_info_new_a(const NTMS_OBJECTINFORMATIONA *info, struct rsm_object *o)
{
    NEW_FIELDS(from_a, info, o);
}
