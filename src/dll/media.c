/* Media services: mount, dismount, allocation and the side life cycle,
 * media records, on-media identifiers. */
#include "engine_access.h"
#include "engine/records/media_admin.h"
#include "engine/ops/allocate.h"
#include "engine/ops/deallocate.h"
#include "engine/ops/mount.h"
#include "engine/ops/dismount.h"
#include "engine/records/media_records.h"
#include "engine/records/object_security.h"
#include "engine/records/omid_update.h"
#include "engine/records/side_states.h"
#include "object_info.h"

#include <string.h>

#define NTMS_MOUNT_OPTIONS_KNOWN 0x3Fu   /* READ .. NOWAIT (0x20) */
#define NTMS_ALLOCATE_OPTIONS_KNOWN (NTMS_ALLOCATE_NEW | NTMS_ALLOCATE_NEXT | NTMS_ALLOCATE_ERROR_IF_UNAVAILABLE)

typedef ntms_err (*one_media_work)(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id);

/* The calls that take one medium id and do their access checks in the
 * engine, inside the transaction that changes the records. */
static DWORD one_media_call(HANDLE session, const NTMS_GUID *id, one_media_work work)
{
    struct shim_call call;

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(id);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = work(call.engine, &call.caller, (const ntms_guid *)id);
    shim_end(&call);
    return shim_result(status);
}

/* Mount and dismount take use of each medium's pool and of its library. */
static DWORD require_media(struct shim_call *call, const NTMS_GUID *ids, DWORD count)
{
    DWORD status = ERROR_SUCCESS;

    for (DWORD i = 0; i < count && status == ERROR_SUCCESS; i++)
        status = engine_check_media_access(call->engine, &call->caller, (const ntms_guid *)&ids[i],
                                           NTMS_USE_ACCESS);
    return status;
}

DWORD WINAPI MountNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId, LPNTMS_GUID lpDriveId, DWORD dwCount,
                            DWORD dwOptions, int dwPriority, DWORD dwTimeout,
                            LPNTMS_MOUNT_INFORMATION lpMountInformation)
{
    TRACE("(%p, %p, %p, %lu, 0x%lx, %d, %lu, %p)", hSession, (void *)lpMediaId, (void *)lpDriveId, dwCount,
          dwOptions, dwPriority, dwTimeout, (void *)lpMountInformation);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpMediaId && lpDriveId && dwCount > 0);
    REQUIRE_PARAMETER(!(dwOptions & ~NTMS_MOUNT_OPTIONS_KNOWN));
    REQUIRE_PARAMETER(dwPriority >= NTMS_PRIORITY_LOWEST && dwPriority <= NTMS_PRIORITY_HIGHEST);
    REQUIRE_PARAMETER(!lpMountInformation);   /* asynchronous mounts are undocumented */
    struct shim_call call = { 0 };
    struct ntms_session *session = session_acquire((uintptr_t)hSession);
    DWORD status = session ? shim_begin(&call) : ERROR_INVALID_HANDLE;
    if (status == ERROR_SUCCESS)
        status = require_media(&call, lpMediaId, dwCount);
    if (status == ERROR_SUCCESS)
        status = engine_mount_prioritized(call.engine, session, (const ntms_guid *)lpMediaId,
                                          (ntms_guid *)lpDriveId, dwCount, dwOptions, dwPriority, dwTimeout);
    shim_end(&call);
    session_release(session);
    return shim_result(status);
}

DWORD WINAPI DismountNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId, DWORD dwCount, DWORD dwOptions)
{
    TRACE("(%p, %p, %lu, 0x%lx)", hSession, (void *)lpMediaId, dwCount, dwOptions);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpMediaId && dwCount > 0);
    REQUIRE_PARAMETER(dwOptions == 0 || dwOptions == NTMS_DISMOUNT_DEFERRED || dwOptions == NTMS_DISMOUNT_IMMEDIATE);
    struct shim_call call = { 0 };
    struct ntms_session *session = session_acquire((uintptr_t)hSession);
    DWORD status = session ? shim_begin(&call) : ERROR_INVALID_HANDLE;
    if (status == ERROR_SUCCESS)
        status = require_media(&call, lpMediaId, dwCount);
    if (status == ERROR_SUCCESS)
        status = engine_dismount(call.engine, session, (const ntms_guid *)lpMediaId, dwCount, dwOptions);
    shim_end(&call);
    session_release(session);
    return shim_result(status);
}

/* lpMediaId is NULL (all zeros) when nothing was allocated; with
 * NTMS_ALLOCATE_NEXT it names the logical medium allocated with NEW on the
 * way in. lpAllocateInformation, when given, must say its size. */
DWORD WINAPI AllocateNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaPool, LPNTMS_GUID lpPartition,
                               LPNTMS_GUID lpMediaId, DWORD dwOptions, DWORD dwTimeout,
                               LPNTMS_ALLOCATION_INFORMATION lpAllocateInformation)
{
    struct shim_call call;
    ntms_guid from;

    TRACE("(%p, %p, %p, %p, 0x%lx, %lu, %p)", hSession, (void *)lpMediaPool, (void *)lpPartition,
          (void *)lpMediaId, dwOptions, dwTimeout, (void *)lpAllocateInformation);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpMediaPool && lpMediaId);
    REQUIRE_PARAMETER(!(dwOptions & ~NTMS_ALLOCATE_OPTIONS_KNOWN));
    REQUIRE_PARAMETER(!((dwOptions & NTMS_ALLOCATE_NEW) && (dwOptions & NTMS_ALLOCATE_NEXT)));
    REQUIRE_PARAMETER(!lpAllocateInformation || lpAllocateInformation->dwSize >= sizeof(*lpAllocateInformation));
    struct ntms_session *session = session_acquire((uintptr_t)hSession);
    struct allocate_request request = { *(const ntms_guid *)lpMediaPool, (const ntms_guid *)lpPartition, dwOptions,
                                        dwTimeout, session };
    memset(&call, 0, sizeof(call));
    DWORD status = session ? shim_begin(&call) : ERROR_INVALID_HANDLE;
    if (status == ERROR_SUCCESS)
        status = engine_allocate(call.engine, &call.caller, &request, (ntms_guid *)lpMediaId, &from);
    shim_end(&call);
    session_release(session);
    if (status == ERROR_SUCCESS && lpAllocateInformation)
        memcpy(&lpAllocateInformation->AllocatedFrom, &from, sizeof(from));
    if (status != ERROR_SUCCESS)
        memset(lpMediaId, 0, sizeof(*lpMediaId));
    return shim_result(status);
}

DWORD WINAPI DeallocateNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId, DWORD dwOptions)
{
    TRACE("(%p, %p, 0x%lx)", hSession, (void *)lpMediaId, dwOptions);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(dwOptions == 0);   /* reserved */
    return one_media_call(hSession, lpMediaId, engine_deallocate);
}

DWORD WINAPI SwapNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId1, LPNTMS_GUID lpMediaId2)
{
    struct shim_call call;

    TRACE("(%p, %p, %p)", hSession, (void *)lpMediaId1, (void *)lpMediaId2);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpMediaId1 && lpMediaId2);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = engine_swap_media(call.engine, &call.caller, (const ntms_guid *)lpMediaId1,
                                   (const ntms_guid *)lpMediaId2);
    shim_end(&call);
    return shim_result(status);
}

DWORD WINAPI DecommissionNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId)
{
    TRACE("(%p, %p)", hSession, (void *)lpMediaId);
    return one_media_call(hSession, lpMediaId, engine_decommission_media);
}

DWORD WINAPI SetNtmsMediaComplete(HANDLE hSession, LPNTMS_GUID lpMediaId)
{
    TRACE("(%p, %p)", hSession, (void *)lpMediaId);
    return one_media_call(hSession, lpMediaId, engine_set_media_complete);
}

/* Purges an offline medium and its sides. */
DWORD WINAPI DeleteNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId)
{
    struct shim_call call;

    TRACE("(%p, %p)", hSession, (void *)lpMediaId);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpMediaId);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = engine_delete_media(call.engine, &call.caller, (const ntms_guid *)lpMediaId);
    shim_end(&call);
    return shim_result(status);
}

/* The A and W forms of CreateNtmsMedia differ only in their structures. */
struct info_form {
    size_t size;
    void  (*read)(const void *info, struct rsm_object *object);
    DWORD (*write)(const struct rsm_object *object, void *info);
};

static void read_w(const void *info, struct rsm_object *o) { object_info_new_w(info, o); }
static void read_a(const void *info, struct rsm_object *o) { object_info_new_a(info, o); }
static DWORD write_w(const struct rsm_object *o, void *info) { return object_info_to_w(o, info); }
static DWORD write_a(const struct rsm_object *o, void *info) { return object_info_to_a(o, info); }
static const struct info_form form_w = { sizeof(NTMS_OBJECTINFORMATIONW), read_w, write_w };
static const struct info_form form_a = { sizeof(NTMS_OBJECTINFORMATIONA), read_a, write_a };

/* dwSize and dwType open both forms. */
static BOOL is_info(const void *info, const struct info_form *form, DWORD type)
{
    const DWORD *head = info;
    return head[0] == form->size && head[1] == type;
}

/* CreateNtmsMedia needs dwSize to be exactly the structure's size
 * ([MS-RSMP] 3.2.5.2.3.5), for the medium and for each side; the side
 * count is checked before the side array is read. */
static DWORD create_media(HANDLE session, void *media_info, BYTE *list, DWORD count, DWORD options,
                          const struct info_form *form)
{
    struct rsm_object media, sides[MEDIA_SIDES_MAX];
    struct shim_call call;

    REQUIRE_SESSION(session);
    REQUIRE_PARAMETER(media_info && list);
    REQUIRE_PARAMETER(is_info(media_info, form, NTMS_PHYSICAL_MEDIA));
    REQUIRE_PARAMETER(options == 0 || options == NTMS_ERROR_ON_DUPLICATE);
    REQUIRE_PARAMETER(count > 0);
    if (count > MEDIA_SIDES_MAX)
        return shim_result(ERROR_MEDIA_INCOMPATIBLE);
    for (DWORD i = 0; i < count; i++)
        REQUIRE_PARAMETER(is_info(list + i * form->size, form, NTMS_PARTITION));
    form->read(media_info, &media);
    for (DWORD i = 0; i < count; i++)
        form->read(list + i * form->size, &sides[i]);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS)
        status = engine_create_media(call.engine, &call.caller, &media, sides, count, options);
    shim_end(&call);
    if (status == ERROR_SUCCESS) {
        form->write(&media, media_info);
        for (DWORD i = 0; i < count; i++)
            form->write(&sides[i], list + i * form->size);
    }
    return shim_result(status);
}

DWORD WINAPI CreateNtmsMediaW(HANDLE hSession, LPNTMS_OBJECTINFORMATIONW lpMedia, LPNTMS_OBJECTINFORMATIONW lpList,
                              DWORD dwOptions)
{
    TRACE("(%p, %p, %p, 0x%lx)", hSession, (void *)lpMedia, (void *)lpList, dwOptions);
    return create_media(hSession, lpMedia, (BYTE *)lpList, lpMedia ? lpMedia->Info.PhysicalMedia.dwNumberOfPartitions : 0,
                        dwOptions, &form_w);
}

DWORD WINAPI CreateNtmsMediaA(HANDLE hSession, LPNTMS_OBJECTINFORMATIONA lpMedia, LPNTMS_OBJECTINFORMATIONA lpList,
                              DWORD dwOptions)
{
    TRACE("(%p, %p, %p, 0x%lx)", hSession, (void *)lpMedia, (void *)lpList, dwOptions);
    return create_media(hSession, lpMedia, (BYTE *)lpList, lpMedia ? lpMedia->Info.PhysicalMedia.dwNumberOfPartitions : 0,
                        dwOptions, &form_a);
}

static void filesystem_info(const NTMS_FILESYSTEM_INFO *given, struct omid_filesystem *fs)
{
    _Static_assert(sizeof(fs->file_system) == sizeof(given->FileSystemType), "file system type sizes differ");
    _Static_assert(sizeof(fs->volume) == sizeof(given->VolumeName), "volume name sizes differ");
    memcpy(fs->file_system, given->FileSystemType, sizeof(fs->file_system));
    memcpy(fs->volume, given->VolumeName, sizeof(fs->volume));
    fs->file_system[ARRAYSIZE(fs->file_system) - 1] = 0;
    fs->volume[ARRAYSIZE(fs->volume) - 1] = 0;
    fs->serial = given->SerialNumber;
}

/* RAW_LABEL: the label block just written; FILESYSTEM_INFO: an
 * NTMS_FILESYSTEM_INFO (numberOfBytes at least its size). */
DWORD WINAPI UpdateNtmsOmidInfo(HANDLE hSession, LPNTMS_GUID lpMediaId, DWORD labelType, DWORD numberOfBytes,
                                LPVOID lpBuffer)
{
    struct shim_call call;
    struct omid_filesystem fs;

    TRACE("(%p, %p, %lu, %lu, %p)", hSession, (void *)lpMediaId, labelType, numberOfBytes, lpBuffer);
    REQUIRE_SESSION(hSession);
    REQUIRE_PARAMETER(lpMediaId && lpBuffer && numberOfBytes > 0);
    REQUIRE_PARAMETER(labelType == NTMS_OMID_TYPE_RAW_LABEL || labelType == NTMS_OMID_TYPE_FILESYSTEM_INFO);
    REQUIRE_PARAMETER(labelType == NTMS_OMID_TYPE_RAW_LABEL || numberOfBytes >= sizeof(NTMS_FILESYSTEM_INFO));
    if (labelType == NTMS_OMID_TYPE_FILESYSTEM_INFO)
        filesystem_info(lpBuffer, &fs);
    DWORD status = shim_begin(&call);
    if (status == ERROR_SUCCESS && labelType == NTMS_OMID_TYPE_RAW_LABEL)
        status = engine_update_omid_label(call.engine, &call.caller, (const ntms_guid *)lpMediaId, lpBuffer,
                                          numberOfBytes);
    else if (status == ERROR_SUCCESS)
        status = engine_update_omid_filesystem(call.engine, &call.caller, (const ntms_guid *)lpMediaId, &fs);
    shim_end(&call);
    return shim_result(status);
}
