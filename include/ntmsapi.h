/*
 * ntmsapi.h - Removable Storage Manager (RSM) client API.
 *
 * Part of ntmsapi, an open-source reimplementation of Windows' ntmsapi.dll
 * (LGPL-2.1-or-later). Written from Microsoft's API documentation
 * (learn.microsoft.com, windows/win32/api/ntmsapi) and [MS-RSMP]; the
 * binary layout matches the Windows SDK and mingw-w64 on x86 and x64
 * (tests/abi checks every size, offset and constant).
 *
 * Structures with strings come in A (CHAR) and W (WCHAR) forms that share
 * one definition below; the undecorated names follow UNICODE.
 */
#ifndef NTMSAPI_PUBLIC_NTMSAPI_H
#define NTMSAPI_PUBLIC_NTMSAPI_H

#include <windows.h>

#pragma pack(push, 8)

#ifdef __cplusplus
extern "C" {
#endif

#ifdef UNICODE
#define NTMSAPI_AW(name) name##W
#else
#define NTMSAPI_AW(name) name##A
#endif

/* ---------------------------------------------------------------- identity */

typedef GUID NTMS_GUID;
typedef GUID *LPNTMS_GUID;
typedef BYTE *PSECURITY_DESCRIPTOR_NTMS;
typedef ULONG_PTR NTMS_HANDLE;

#define NTMS_NULLGUID { 0, 0, 0, { 0, 0, 0, 0, 0, 0, 0, 0 } }
#define NTMS_IS_NULLGUID(id)                                                                   \
    ((id).Data1 == 0 && (id).Data2 == 0 && (id).Data3 == 0 && (id).Data4[0] == 0               \
     && (id).Data4[1] == 0 && (id).Data4[2] == 0 && (id).Data4[3] == 0 && (id).Data4[4] == 0   \
     && (id).Data4[5] == 0 && (id).Data4[6] == 0 && (id).Data4[7] == 0)

/* Field sizes, in characters (or bytes for OmidLabelId). */
#define NTMS_OBJECTNAME_LENGTH       64
#define NTMS_DESCRIPTION_LENGTH      127
#define NTMS_DEVICENAME_LENGTH       64
#define NTMS_SERIALNUMBER_LENGTH     32
#define NTMS_REVISION_LENGTH         32
#define NTMS_BARCODE_LENGTH          64
#define NTMS_SEQUENCE_LENGTH         32
#define NTMS_VENDORNAME_LENGTH       128
#define NTMS_PRODUCTNAME_LENGTH      128
#define NTMS_USERNAME_LENGTH         64
#define NTMS_APPLICATIONNAME_LENGTH  64
#define NTMS_COMPUTERNAME_LENGTH     64
#define NTMS_I1_MESSAGE_LENGTH       127
#define NTMS_MESSAGE_LENGTH          256
#define NTMS_POOLHIERARCHY_LENGTH    512
#define NTMS_OMIDLABELID_LENGTH      255
#define NTMS_OMIDLABELTYPE_LENGTH    64
#define NTMS_OMIDLABELINFO_LENGTH    256
#define NTMS_MAXATTR_LENGTH          0x10000
#define NTMS_MAXATTR_NAMELEN         32

/* ---------------------------------------------------------- enumerations */

#ifndef NTMS_NOREDEF

enum NtmsObjectsTypes {
    NTMS_UNKNOWN = 0, NTMS_OBJECT = 1, NTMS_CHANGER = 2, NTMS_CHANGER_TYPE = 3, NTMS_COMPUTER = 4,
    NTMS_DRIVE = 5, NTMS_DRIVE_TYPE = 6, NTMS_IEDOOR = 7, NTMS_IEPORT = 8, NTMS_LIBRARY = 9,
    NTMS_LIBREQUEST = 10, NTMS_LOGICAL_MEDIA = 11, NTMS_MEDIA_POOL = 12, NTMS_MEDIA_TYPE = 13,
    NTMS_PARTITION = 14, NTMS_PHYSICAL_MEDIA = 15, NTMS_STORAGESLOT = 16, NTMS_OPREQUEST = 17,
    NTMS_UI_DESTINATION = 18, NTMS_NUMBER_OF_OBJECT_TYPES = 19
};

enum NtmsAsyncStatus {
    NTMS_ASYNCSTATE_QUEUED = 0, NTMS_ASYNCSTATE_WAIT_RESOURCE = 1, NTMS_ASYNCSTATE_WAIT_OPERATOR = 2,
    NTMS_ASYNCSTATE_INPROCESS = 3, NTMS_ASYNCSTATE_COMPLETE = 4
};
enum NtmsAsyncOperations { NTMS_ASYNCOP_MOUNT = 1 };

enum NtmsMountOptions {
    NTMS_MOUNT_READ = 0x0001, NTMS_MOUNT_WRITE = 0x0002,
    NTMS_MOUNT_ERROR_NOT_AVAILABLE = 0x0004, NTMS_MOUNT_ERROR_IF_UNAVAILABLE = 0x0004,
    NTMS_MOUNT_ERROR_OFFLINE = 0x0008, NTMS_MOUNT_ERROR_IF_OFFLINE = 0x0008,
    NTMS_MOUNT_SPECIFIC_DRIVE = 0x0010, NTMS_MOUNT_NOWAIT = 0x0020
};
enum NtmsDismountOptions { NTMS_DISMOUNT_DEFERRED = 0x0001, NTMS_DISMOUNT_IMMEDIATE = 0x0002 };
enum NtmsMountPriority {
    NTMS_PRIORITY_DEFAULT = 0, NTMS_PRIORITY_HIGHEST = 15, NTMS_PRIORITY_HIGH = 7,
    NTMS_PRIORITY_NORMAL = 0, NTMS_PRIORITY_LOW = -7, NTMS_PRIORITY_LOWEST = -15
};
enum NtmsAllocateOptions {
    NTMS_ALLOCATE_NEW = 0x0001, NTMS_ALLOCATE_NEXT = 0x0002, NTMS_ALLOCATE_ERROR_IF_UNAVAILABLE = 0x0004
};
enum NtmsCreateOptions { NTMS_OPEN_EXISTING = 0x0001, NTMS_CREATE_NEW = 0x0002, NTMS_OPEN_ALWAYS = 0x0003 };

enum NtmsDriveState {
    NTMS_DRIVESTATE_DISMOUNTED = 0, NTMS_DRIVESTATE_MOUNTED = 1, NTMS_DRIVESTATE_LOADED = 2,
    NTMS_DRIVESTATE_UNLOADED = 5, NTMS_DRIVESTATE_BEING_CLEANED = 6, NTMS_DRIVESTATE_DISMOUNTABLE = 7
};
enum NtmsLibraryType {
    NTMS_LIBRARYTYPE_UNKNOWN = 0, NTMS_LIBRARYTYPE_OFFLINE = 1, NTMS_LIBRARYTYPE_ONLINE = 2,
    NTMS_LIBRARYTYPE_STANDALONE = 3
};
enum NtmsLibraryFlags {
    NTMS_LIBRARYFLAG_FIXEDOFFLINE = 0x01, NTMS_LIBRARYFLAG_CLEANERPRESENT = 0x02,
    NTMS_LIBRARYFLAG_AUTODETECTCHANGE = 0x04, NTMS_LIBRARYFLAG_IGNORECLEANERUSESREMAINING = 0x08,
    NTMS_LIBRARYFLAG_RECOGNIZECLEANERBARCODE = 0x10
};
enum NtmsInventoryMethod {
    NTMS_INVENTORY_NONE = 0, NTMS_INVENTORY_FAST = 1, NTMS_INVENTORY_OMID = 2, NTMS_INVENTORY_DEFAULT = 3,
    NTMS_INVENTORY_SLOT = 4, NTMS_INVENTORY_STOP = 5, NTMS_INVENTORY_MAX = 6
};
enum NtmsSlotState {
    NTMS_SLOTSTATE_UNKNOWN = 0, NTMS_SLOTSTATE_FULL = 1, NTMS_SLOTSTATE_EMPTY = 2,
    NTMS_SLOTSTATE_NOTPRESENT = 3, NTMS_SLOTSTATE_NEEDSINVENTORY = 4
};
enum NtmsDoorState { NTMS_DOORSTATE_UNKNOWN = 0, NTMS_DOORSTATE_CLOSED = 1, NTMS_DOORSTATE_OPEN = 2 };
enum NtmsPortPosition {
    NTMS_PORTPOSITION_UNKNOWN = 0, NTMS_PORTPOSITION_EXTENDED = 1, NTMS_PORTPOSITION_RETRACTED = 2
};
enum NtmsPortContent { NTMS_PORTCONTENT_UNKNOWN = 0, NTMS_PORTCONTENT_FULL = 1, NTMS_PORTCONTENT_EMPTY = 2 };
enum NtmsBarCodeState { NTMS_BARCODESTATE_OK = 1, NTMS_BARCODESTATE_UNREADABLE = 2 };
enum NtmsMediaState {
    NTMS_MEDIASTATE_IDLE = 0, NTMS_MEDIASTATE_INUSE = 1, NTMS_MEDIASTATE_MOUNTED = 2,
    NTMS_MEDIASTATE_LOADED = 3, NTMS_MEDIASTATE_UNLOADED = 4, NTMS_MEDIASTATE_OPERROR = 5,
    NTMS_MEDIASTATE_OPREQ = 6
};
enum NtmsPartitionState {
    NTMS_PARTSTATE_UNKNOWN = 0, NTMS_PARTSTATE_UNPREPARED = 1, NTMS_PARTSTATE_INCOMPATIBLE = 2,
    NTMS_PARTSTATE_DECOMMISSIONED = 3, NTMS_PARTSTATE_AVAILABLE = 4, NTMS_PARTSTATE_ALLOCATED = 5,
    NTMS_PARTSTATE_COMPLETE = 6, NTMS_PARTSTATE_FOREIGN = 7, NTMS_PARTSTATE_IMPORT = 8,
    NTMS_PARTSTATE_RESERVED = 9
};
#define NTMS_PARTSTATE_NEW NTMS_PARTSTATE_UNKNOWN
enum NtmsPoolType {
    NTMS_POOLTYPE_UNKNOWN = 0, NTMS_POOLTYPE_SCRATCH = 1, NTMS_POOLTYPE_FOREIGN = 2,
    NTMS_POOLTYPE_IMPORT = 3, NTMS_POOLTYPE_APPLICATION = 1000
};
enum NtmsAllocationPolicy { NTMS_ALLOCATE_FROMSCRATCH = 1 };
enum NtmsDeallocationPolicy { NTMS_DEALLOCATE_TOSCRATCH = 1 };
enum NtmsReadWriteCharacteristics {
    NTMS_MEDIARW_UNKNOWN = 0, NTMS_MEDIARW_REWRITABLE = 1, NTMS_MEDIARW_WRITEONCE = 2,
    NTMS_MEDIARW_READONLY = 3
};
enum NtmsLmOperation {
    NTMS_LM_REMOVE = 0, NTMS_LM_DISABLECHANGER = 1, NTMS_LM_DISABLELIBRARY = 1, NTMS_LM_ENABLECHANGER = 2,
    NTMS_LM_ENABLELIBRARY = 2, NTMS_LM_DISABLEDRIVE = 3, NTMS_LM_ENABLEDRIVE = 4, NTMS_LM_DISABLEMEDIA = 5,
    NTMS_LM_ENABLEMEDIA = 6, NTMS_LM_UPDATEOMID = 7, NTMS_LM_INVENTORY = 8, NTMS_LM_DOORACCESS = 9,
    NTMS_LM_EJECT = 10, NTMS_LM_EJECTCLEANER = 11, NTMS_LM_INJECT = 12, NTMS_LM_INJECTCLEANER = 13,
    NTMS_LM_PROCESSOMID = 14, NTMS_LM_CLEANDRIVE = 15, NTMS_LM_DISMOUNT = 16, NTMS_LM_MOUNT = 17,
    NTMS_LM_WRITESCRATCH = 18, NTMS_LM_CLASSIFY = 19, NTMS_LM_RESERVECLEANER = 20,
    NTMS_LM_RELEASECLEANER = 21, NTMS_LM_MAXWORKITEM = 22
};
enum NtmsLmState {
    NTMS_LM_QUEUED = 0, NTMS_LM_INPROCESS = 1, NTMS_LM_PASSED = 2, NTMS_LM_FAILED = 3, NTMS_LM_INVALID = 4,
    NTMS_LM_WAITING = 5, NTMS_LM_DEFERRED = 6, NTMS_LM_DEFFERED = 6, NTMS_LM_CANCELLED = 7,
    NTMS_LM_STOPPED = 8
};
enum NtmsOpreqCommand {
    NTMS_OPREQ_UNKNOWN = 0, NTMS_OPREQ_NEWMEDIA = 1, NTMS_OPREQ_CLEANER = 2, NTMS_OPREQ_DEVICESERVICE = 3,
    NTMS_OPREQ_MOVEMEDIA = 4, NTMS_OPREQ_MESSAGE = 5
};
enum NtmsOpreqState {
    NTMS_OPSTATE_UNKNOWN = 0, NTMS_OPSTATE_SUBMITTED = 1, NTMS_OPSTATE_ACTIVE = 2,
    NTMS_OPSTATE_INPROGRESS = 3, NTMS_OPSTATE_REFUSED = 4, NTMS_OPSTATE_COMPLETE = 5
};
enum NtmsLibRequestFlags { NTMS_LIBREQFLAGS_NOAUTOPURGE = 0x01, NTMS_LIBREQFLAGS_NOFAILEDPURGE = 0x02 };
enum NtmsOpRequestFlags {
    NTMS_OPREQFLAGS_NOAUTOPURGE = 0x01, NTMS_OPREQFLAGS_NOFAILEDPURGE = 0x02,
    NTMS_OPREQFLAGS_NOALERTS = 0x10, NTMS_OPREQFLAGS_NOTRAYICON = 0x20
};
enum NtmsMediaPoolPolicy {
    NTMS_POOLPOLICY_PURGEOFFLINESCRATCH = 0x01, NTMS_POOLPOLICY_KEEPOFFLINEIMPORT = 0x02
};
enum NtmsOperationalState {
    NTMS_READY = 0, NTMS_INITIALIZING = 10, NTMS_NEEDS_SERVICE = 20, NTMS_NOT_PRESENT = 21
};
enum NtmsCreateNtmsMediaOptions { NTMS_ERROR_ON_DUPLICATE = 0x0001 };
enum NtmsDriveType { NTMS_UNKNOWN_DRIVE = 0 };
enum NtmsNotificationOperations {
    NTMS_OBJ_UPDATE = 1, NTMS_OBJ_INSERT = 2, NTMS_OBJ_DELETE = 3, NTMS_EVENT_SIGNAL = 4,
    NTMS_EVENT_COMPLETE = 5
};

#endif /* NTMS_NOREDEF */

enum NtmsSessionOptions { NTMS_SESSION_QUERYEXPEDITE = 0x1 };
enum NtmsEnumerateOption { NTMS_ENUM_DEFAULT = 0, NTMS_ENUM_ROOTPOOL = 1 };
enum NtmsEjectOperation {
    NTMS_EJECT_START = 0, NTMS_EJECT_STOP = 1, NTMS_EJECT_QUEUE = 2, NTMS_EJECT_FORCE = 3,
    NTMS_EJECT_IMMEDIATE = 4, NTMS_EJECT_ASK_USER = 5
};
enum NtmsInjectOperation {
    NTMS_INJECT_START = 0, NTMS_INJECT_STOP = 1, NTMS_INJECT_RETRACT = 2, NTMS_INJECT_STARTMANY = 3
};
/* [MS-RSMP] 2.2.1.12 gives CONTROL as 3; the SDKs' headers, and so every
 * compiled application, use 4: binary compatibility decides. */
enum NtmsAccessMask { NTMS_USE_ACCESS = 0x1, NTMS_MODIFY_ACCESS = 0x2, NTMS_CONTROL_ACCESS = 0x4 };
#define NTMS_GENERIC_READ    NTMS_USE_ACCESS
#define NTMS_GENERIC_WRITE   NTMS_USE_ACCESS | NTMS_MODIFY_ACCESS
#define NTMS_GENERIC_EXECUTE NTMS_USE_ACCESS | NTMS_MODIFY_ACCESS | NTMS_CONTROL_ACCESS
#define NTMS_GENERIC_ALL     NTMS_USE_ACCESS | NTMS_MODIFY_ACCESS | NTMS_CONTROL_ACCESS
enum NtmsUITypes {
    NTMS_UITYPE_INVALID = 0, NTMS_UITYPE_INFO = 1, NTMS_UITYPE_REQ = 2, NTMS_UITYPE_ERR = 3,
    NTMS_UITYPE_MAX = 4
};
enum NtmsUIOperations {
    NTMS_UIDEST_ADD = 1, NTMS_UIDEST_DELETE = 2, NTMS_UIDEST_DELETEALL = 3, NTMS_UIOPERATION_MAX = 4
};
#define NTMS_OMID_TYPE_RAW_LABEL       0x01
#define NTMS_OMID_TYPE_FILESYSTEM_INFO 0x02

/* ------------------------------------------------- structures without text */

#ifndef NTMS_NOREDEF

typedef struct _NTMS_ASYNC_IO {
    NTMS_GUID OperationId;
    NTMS_GUID EventId;
    DWORD     dwOperationType;
    DWORD     dwResult;
    DWORD     dwAsyncState;
    HANDLE    hEvent;
    BOOL      bOnStateChange;
} NTMS_ASYNC_IO, *LPNTMS_ASYNC_IO;

typedef struct _NTMS_MOUNT_INFORMATION {
    DWORD  dwSize;
    LPVOID lpReserved;      /* must be NULL */
} NTMS_MOUNT_INFORMATION, *LPNTMS_MOUNT_INFORMATION;

typedef struct _NTMS_ALLOCATION_INFORMATION {
    DWORD     dwSize;
    LPVOID    lpReserved;
    NTMS_GUID AllocatedFrom;
} NTMS_ALLOCATION_INFORMATION, *LPNTMS_ALLOCATION_INFORMATION;

/* The fields shared by the current and the Windows 2000 library layouts. */
#define NTMSAPI_LIBRARY_FIELDS                                                                   \
    DWORD LibraryType; NTMS_GUID CleanerSlot; NTMS_GUID CleanerSlotDefault;                      \
    BOOL LibrarySupportsDriveCleaning; BOOL BarCodeReaderInstalled; DWORD InventoryMethod;       \
    DWORD dwCleanerUsesRemaining; DWORD FirstDriveNumber; DWORD dwNumberOfDrives;                \
    DWORD FirstSlotNumber; DWORD dwNumberOfSlots; DWORD FirstDoorNumber; DWORD dwNumberOfDoors;  \
    DWORD FirstPortNumber; DWORD dwNumberOfPorts; DWORD FirstChangerNumber;                      \
    DWORD dwNumberOfChangers; DWORD dwNumberOfMedia; DWORD dwNumberOfMediaTypes;                 \
    DWORD dwNumberOfLibRequests; GUID Reserved;

typedef struct _NTMS_LIBRARYINFORMATION {
    NTMSAPI_LIBRARY_FIELDS
    BOOL  AutoRecovery;
    DWORD dwFlags;
} NTMS_LIBRARYINFORMATION;

typedef struct _NTMS_STORAGESLOTINFORMATION {
    DWORD     Number;
    DWORD     State;
    NTMS_GUID Library;
} NTMS_STORAGESLOTINFORMATION;

typedef struct _NTMS_IEDOORINFORMATION {
    DWORD     Number;
    DWORD     State;
    WORD      MaxOpenSecs;
    NTMS_GUID Library;
} NTMS_IEDOORINFORMATION;

typedef struct _NTMS_IEPORTINFORMATION {
    DWORD     Number;
    DWORD     Content;
    DWORD     Position;
    WORD      MaxExtendSecs;
    NTMS_GUID Library;
} NTMS_IEPORTINFORMATION;

typedef struct _NTMS_LMIDINFORMATION {
    NTMS_GUID MediaPool;
    DWORD     dwNumberOfPartitions;
} NTMS_LMIDINFORMATION;

typedef struct _NTMS_MEDIAPOOLINFORMATION {
    DWORD     PoolType;
    NTMS_GUID MediaType;
    NTMS_GUID Parent;
    DWORD     AllocationPolicy;
    DWORD     DeallocationPolicy;
    DWORD     dwMaxAllocates;
    DWORD     dwNumberOfPhysicalMedia;
    DWORD     dwNumberOfLogicalMedia;
    DWORD     dwNumberOfMediaPools;
} NTMS_MEDIAPOOLINFORMATION;

typedef struct _NTMS_MEDIATYPEINFORMATION {
    DWORD MediaType;                 /* a STORAGE_MEDIA_TYPE */
    DWORD NumberOfSides;
    DWORD ReadWriteCharacteristics;
    DWORD DeviceType;                /* FILE_DEVICE_* */
} NTMS_MEDIATYPEINFORMATION;

typedef struct _NTMS_COMPUTERINFORMATION {
    DWORD dwLibRequestPurgeTime;
    DWORD dwOpRequestPurgeTime;
    DWORD dwLibRequestFlags;
    DWORD dwOpRequestFlags;
    DWORD dwMediaPoolPolicy;
} NTMS_COMPUTERINFORMATION;

typedef struct _NTMS_I1_LIBRARYINFORMATION {
    NTMSAPI_LIBRARY_FIELDS
} NTMS_I1_LIBRARYINFORMATION;

typedef struct _RSM_MESSAGE {
    LPGUID lpguidOperation;
    DWORD  dwNtmsType;
    DWORD  dwState;
    DWORD  dwFlags;
    DWORD  dwPriority;
    DWORD  dwErrorCode;
    LPWSTR lpszComputerName;
    LPWSTR lpszApplication;
    LPWSTR lpszUser;
    LPWSTR lpszTimeSubmitted;
    LPWSTR lpszMessage;
} RSM_MESSAGE, *LPRSM_MESSAGE;

typedef struct _NTMS_NOTIFICATIONINFORMATION {
    DWORD     dwOperation;           /* NtmsNotificationOperations */
    NTMS_GUID ObjectId;
} NTMS_NOTIFICATIONINFORMATION, *LPNTMS_NOTIFICATIONINFORMATION;

#endif /* NTMS_NOREDEF */

typedef struct {
    WCHAR FileSystemType[64];
    WCHAR VolumeName[256];
    DWORD SerialNumber;
} NTMS_FILESYSTEM_INFO;

/* ---------------------------------------------- structures with text (A/W) */

#ifndef NTMS_NOREDEF

#define NTMSAPI_TEXT_STRUCTURES(T, S)                                                            \
    typedef struct _NTMS_DRIVEINFORMATION##S {                                                   \
        DWORD Number; DWORD State; NTMS_GUID DriveType;                                          \
        T szDeviceName[NTMS_DEVICENAME_LENGTH]; T szSerialNumber[NTMS_SERIALNUMBER_LENGTH];      \
        T szRevision[NTMS_REVISION_LENGTH];                                                      \
        WORD ScsiPort; WORD ScsiBus; WORD ScsiTarget; WORD ScsiLun;                              \
        DWORD dwMountCount; SYSTEMTIME LastCleanedTs; NTMS_GUID SavedPartitionId;                \
        NTMS_GUID Library; GUID Reserved; DWORD dwDeferDismountDelay;                            \
    } NTMS_DRIVEINFORMATION##S;                                                                  \
    typedef struct _NTMS_CHANGERINFORMATION##S {                                                 \
        DWORD Number; NTMS_GUID ChangerType;                                                     \
        T szSerialNumber[NTMS_SERIALNUMBER_LENGTH]; T szRevision[NTMS_REVISION_LENGTH];          \
        T szDeviceName[NTMS_DEVICENAME_LENGTH];                                                  \
        WORD ScsiPort; WORD ScsiBus; WORD ScsiTarget; WORD ScsiLun; NTMS_GUID Library;           \
    } NTMS_CHANGERINFORMATION##S;                                                                \
    typedef struct _NTMS_PMIDINFORMATION##S {                                                    \
        NTMS_GUID CurrentLibrary; NTMS_GUID MediaPool; NTMS_GUID Location; DWORD LocationType;   \
        NTMS_GUID MediaType; NTMS_GUID HomeSlot; T szBarCode[NTMS_BARCODE_LENGTH];               \
        DWORD BarCodeState; T szSequenceNumber[NTMS_SEQUENCE_LENGTH]; DWORD MediaState;          \
        DWORD dwNumberOfPartitions; DWORD dwMediaTypeCode; DWORD dwDensityCode;                  \
        NTMS_GUID MountedPartition;                                                              \
    } NTMS_PMIDINFORMATION##S;                                                                   \
    typedef struct _NTMS_PARTITIONINFORMATION##S {                                               \
        NTMS_GUID PhysicalMedia; NTMS_GUID LogicalMedia; DWORD State; WORD Side;                 \
        DWORD dwOmidLabelIdLength; BYTE OmidLabelId[NTMS_OMIDLABELID_LENGTH];                    \
        T szOmidLabelType[NTMS_OMIDLABELTYPE_LENGTH]; T szOmidLabelInfo[NTMS_OMIDLABELINFO_LENGTH]; \
        DWORD dwMountCount; DWORD dwAllocateCount; LARGE_INTEGER Capacity;                       \
    } NTMS_PARTITIONINFORMATION##S;                                                              \
    typedef struct _NTMS_DRIVETYPEINFORMATION##S {                                               \
        T szVendor[NTMS_VENDORNAME_LENGTH]; T szProduct[NTMS_PRODUCTNAME_LENGTH];                \
        DWORD NumberOfHeads; DWORD DeviceType;                                                   \
    } NTMS_DRIVETYPEINFORMATION##S;                                                              \
    typedef struct _NTMS_CHANGERTYPEINFORMATION##S {                                             \
        T szVendor[NTMS_VENDORNAME_LENGTH]; T szProduct[NTMS_PRODUCTNAME_LENGTH]; DWORD DeviceType; \
    } NTMS_CHANGERTYPEINFORMATION##S;                                                            \
    typedef struct _NTMS_LIBREQUESTINFORMATION##S {                                              \
        DWORD OperationCode; DWORD OperationOption; DWORD State; NTMS_GUID PartitionId;          \
        NTMS_GUID DriveId; NTMS_GUID PhysMediaId; NTMS_GUID Library; NTMS_GUID SlotId;           \
        SYSTEMTIME TimeQueued; SYSTEMTIME TimeCompleted; T szApplication[NTMS_APPLICATIONNAME_LENGTH]; \
        T szUser[NTMS_USERNAME_LENGTH]; T szComputer[NTMS_COMPUTERNAME_LENGTH];                  \
        DWORD dwErrorCode; NTMS_GUID WorkItemId; DWORD dwPriority;                               \
    } NTMS_LIBREQUESTINFORMATION##S;                                                             \
    typedef struct _NTMS_OPREQUESTINFORMATION##S {                                               \
        DWORD Request; SYSTEMTIME Submitted; DWORD State; T szMessage[NTMS_MESSAGE_LENGTH];      \
        DWORD Arg1Type; NTMS_GUID Arg1; DWORD Arg2Type; NTMS_GUID Arg2;                          \
        T szApplication[NTMS_APPLICATIONNAME_LENGTH]; T szUser[NTMS_USERNAME_LENGTH];            \
        T szComputer[NTMS_COMPUTERNAME_LENGTH];                                                  \
    } NTMS_OPREQUESTINFORMATION##S;                                                              \
    typedef struct _NTMS_OBJECTINFORMATION##S {                                                  \
        DWORD dwSize; DWORD dwType; SYSTEMTIME Created; SYSTEMTIME Modified;                     \
        NTMS_GUID ObjectGuid; BOOL Enabled; DWORD dwOperationalState;                            \
        T szName[NTMS_OBJECTNAME_LENGTH]; T szDescription[NTMS_DESCRIPTION_LENGTH];              \
        union {                                                                                  \
            NTMS_DRIVEINFORMATION##S Drive; NTMS_DRIVETYPEINFORMATION##S DriveType;              \
            NTMS_LIBRARYINFORMATION Library; NTMS_CHANGERINFORMATION##S Changer;                 \
            NTMS_CHANGERTYPEINFORMATION##S ChangerType; NTMS_STORAGESLOTINFORMATION StorageSlot; \
            NTMS_IEDOORINFORMATION IEDoor; NTMS_IEPORTINFORMATION IEPort;                        \
            NTMS_PMIDINFORMATION##S PhysicalMedia; NTMS_LMIDINFORMATION LogicalMedia;            \
            NTMS_PARTITIONINFORMATION##S Partition; NTMS_MEDIAPOOLINFORMATION MediaPool;         \
            NTMS_MEDIATYPEINFORMATION MediaType; NTMS_LIBREQUESTINFORMATION##S LibRequest;       \
            NTMS_OPREQUESTINFORMATION##S OpRequest; NTMS_COMPUTERINFORMATION Computer;           \
        } Info;                                                                                  \
    } NTMS_OBJECTINFORMATION##S, *LPNTMS_OBJECTINFORMATION##S;

/* The Windows 2000 SDK forms (NTMS_I1_*): the same fields, fewer of them. */
#define NTMSAPI_I1_TEXT_STRUCTURES(T, S)                                                         \
    typedef struct _NTMS_I1_LIBREQUESTINFORMATION##S {                                           \
        DWORD OperationCode; DWORD OperationOption; DWORD State; NTMS_GUID PartitionId;          \
        NTMS_GUID DriveId; NTMS_GUID PhysMediaId; NTMS_GUID Library; NTMS_GUID SlotId;           \
        SYSTEMTIME TimeQueued; SYSTEMTIME TimeCompleted; T szApplication[NTMS_APPLICATIONNAME_LENGTH]; \
        T szUser[NTMS_USERNAME_LENGTH]; T szComputer[NTMS_COMPUTERNAME_LENGTH];                  \
    } NTMS_I1_LIBREQUESTINFORMATION##S;                                                          \
    typedef struct _NTMS_I1_PMIDINFORMATION##S {                                                 \
        NTMS_GUID CurrentLibrary; NTMS_GUID MediaPool; NTMS_GUID Location; DWORD LocationType;   \
        NTMS_GUID MediaType; NTMS_GUID HomeSlot; T szBarCode[NTMS_BARCODE_LENGTH];               \
        DWORD BarCodeState; T szSequenceNumber[NTMS_SEQUENCE_LENGTH]; DWORD MediaState;          \
        DWORD dwNumberOfPartitions;                                                              \
    } NTMS_I1_PMIDINFORMATION##S;                                                                \
    typedef struct _NTMS_I1_PARTITIONINFORMATION##S {                                            \
        NTMS_GUID PhysicalMedia; NTMS_GUID LogicalMedia; DWORD State; WORD Side;                 \
        DWORD dwOmidLabelIdLength; BYTE OmidLabelId[255]; T szOmidLabelType[64];                 \
        T szOmidLabelInfo[256]; DWORD dwMountCount; DWORD dwAllocateCount;                       \
    } NTMS_I1_PARTITIONINFORMATION##S;                                                           \
    typedef struct _NTMS_I1_OPREQUESTINFORMATION##S {                                            \
        DWORD Request; SYSTEMTIME Submitted; DWORD State; T szMessage[NTMS_I1_MESSAGE_LENGTH];   \
        DWORD Arg1Type; NTMS_GUID Arg1; DWORD Arg2Type; NTMS_GUID Arg2;                          \
        T szApplication[NTMS_APPLICATIONNAME_LENGTH]; T szUser[NTMS_USERNAME_LENGTH];            \
        T szComputer[NTMS_COMPUTERNAME_LENGTH];                                                  \
    } NTMS_I1_OPREQUESTINFORMATION##S;                                                           \
    typedef struct _NTMS_I1_OBJECTINFORMATION##S {                                               \
        DWORD dwSize; DWORD dwType; SYSTEMTIME Created; SYSTEMTIME Modified;                     \
        NTMS_GUID ObjectGuid; BOOL Enabled; DWORD dwOperationalState;                            \
        T szName[NTMS_OBJECTNAME_LENGTH]; T szDescription[NTMS_DESCRIPTION_LENGTH];              \
        union {                                                                                  \
            NTMS_DRIVEINFORMATION##S Drive; NTMS_DRIVETYPEINFORMATION##S DriveType;              \
            NTMS_I1_LIBRARYINFORMATION Library; NTMS_CHANGERINFORMATION##S Changer;              \
            NTMS_CHANGERTYPEINFORMATION##S ChangerType; NTMS_STORAGESLOTINFORMATION StorageSlot; \
            NTMS_IEDOORINFORMATION IEDoor; NTMS_IEPORTINFORMATION IEPort;                        \
            NTMS_I1_PMIDINFORMATION##S PhysicalMedia; NTMS_LMIDINFORMATION LogicalMedia;         \
            NTMS_I1_PARTITIONINFORMATION##S Partition; NTMS_MEDIAPOOLINFORMATION MediaPool;      \
            NTMS_MEDIATYPEINFORMATION MediaType; NTMS_I1_LIBREQUESTINFORMATION##S LibRequest;    \
            NTMS_I1_OPREQUESTINFORMATION##S OpRequest;                                           \
        } Info;                                                                                  \
    } NTMS_I1_OBJECTINFORMATION##S, *LPNTMS_I1_OBJECTINFORMATION##S;

NTMSAPI_TEXT_STRUCTURES(CHAR, A)
NTMSAPI_TEXT_STRUCTURES(WCHAR, W)
NTMSAPI_I1_TEXT_STRUCTURES(CHAR, A)
NTMSAPI_I1_TEXT_STRUCTURES(WCHAR, W)

#define NTMS_DRIVEINFORMATION          NTMSAPI_AW(NTMS_DRIVEINFORMATION)
#define NTMS_CHANGERINFORMATION        NTMSAPI_AW(NTMS_CHANGERINFORMATION)
#define NTMS_PMIDINFORMATION           NTMSAPI_AW(NTMS_PMIDINFORMATION)
#define NTMS_PARTITIONINFORMATION      NTMSAPI_AW(NTMS_PARTITIONINFORMATION)
#define NTMS_DRIVETYPEINFORMATION      NTMSAPI_AW(NTMS_DRIVETYPEINFORMATION)
#define NTMS_CHANGERTYPEINFORMATION    NTMSAPI_AW(NTMS_CHANGERTYPEINFORMATION)
#define NTMS_LIBREQUESTINFORMATION     NTMSAPI_AW(NTMS_LIBREQUESTINFORMATION)
#define NTMS_OPREQUESTINFORMATION      NTMSAPI_AW(NTMS_OPREQUESTINFORMATION)
#define NTMS_OBJECTINFORMATION         NTMSAPI_AW(NTMS_OBJECTINFORMATION)
#define LPNTMS_OBJECTINFORMATION       NTMSAPI_AW(LPNTMS_OBJECTINFORMATION)
#define NTMS_I1_LIBREQUESTINFORMATION  NTMSAPI_AW(NTMS_I1_LIBREQUESTINFORMATION)
#define NTMS_I1_PMIDINFORMATION        NTMSAPI_AW(NTMS_I1_PMIDINFORMATION)
#define NTMS_I1_PARTITIONINFORMATION   NTMSAPI_AW(NTMS_I1_PARTITIONINFORMATION)
#define NTMS_I1_OPREQUESTINFORMATION   NTMSAPI_AW(NTMS_I1_OPREQUESTINFORMATION)
#define NTMS_I1_OBJECTINFORMATION      NTMSAPI_AW(NTMS_I1_OBJECTINFORMATION)
#define LPNTMS_I1_OBJECTINFORMATION    NTMSAPI_AW(LPNTMS_I1_OBJECTINFORMATION)

#endif /* NTMS_NOREDEF */

/* -------------------------------------------------------------- functions */

/* Sessions */
HANDLE WINAPI OpenNtmsSessionW(LPCWSTR lpServer, LPCWSTR lpApplication, DWORD dwOptions);
HANDLE WINAPI OpenNtmsSessionA(LPCSTR lpServer, LPCSTR lpApplication, DWORD dwOptions);
DWORD WINAPI CloseNtmsSession(HANDLE hSession);

/* Media services */
DWORD WINAPI MountNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId, LPNTMS_GUID lpDriveId, DWORD dwCount,
                            DWORD dwOptions, int dwPriority, DWORD dwTimeout,
                            LPNTMS_MOUNT_INFORMATION lpMountInformation);
DWORD WINAPI DismountNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId, DWORD dwCount, DWORD dwOptions);
DWORD WINAPI AllocateNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaPool, LPNTMS_GUID lpPartition,
                               LPNTMS_GUID lpMediaId, DWORD dwOptions, DWORD dwTimeout,
                               LPNTMS_ALLOCATION_INFORMATION lpAllocateInformation);
DWORD WINAPI DeallocateNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId, DWORD dwOptions);
DWORD WINAPI SwapNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId1, LPNTMS_GUID lpMediaId2);
DWORD WINAPI DecommissionNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId);
DWORD WINAPI SetNtmsMediaComplete(HANDLE hSession, LPNTMS_GUID lpMediaId);
DWORD WINAPI DeleteNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId);
DWORD WINAPI CreateNtmsMediaA(HANDLE hSession, LPNTMS_OBJECTINFORMATIONA lpMedia,
                              LPNTMS_OBJECTINFORMATIONA lpList, DWORD dwOptions);
DWORD WINAPI CreateNtmsMediaW(HANDLE hSession, LPNTMS_OBJECTINFORMATIONW lpMedia,
                              LPNTMS_OBJECTINFORMATIONW lpList, DWORD dwOptions);
DWORD WINAPI UpdateNtmsOmidInfo(HANDLE hSession, LPNTMS_GUID lpMediaId, DWORD labelType,
                                DWORD numberOfBytes, LPVOID lpBuffer);

/* Media types and pools */
DWORD WINAPI AddNtmsMediaType(HANDLE hSession, LPNTMS_GUID lpMediaTypeId, LPNTMS_GUID lpLibId);
DWORD WINAPI DeleteNtmsMediaType(HANDLE hSession, LPNTMS_GUID lpMediaTypeId, LPNTMS_GUID lpLibId);
DWORD WINAPI ChangeNtmsMediaType(HANDLE hSession, LPNTMS_GUID lpMediaId, LPNTMS_GUID lpPoolId);
DWORD WINAPI CreateNtmsMediaPoolA(HANDLE hSession, LPCSTR lpPoolName, LPNTMS_GUID lpMediaType, DWORD dwAction,
                                  LPSECURITY_ATTRIBUTES lpSecurityAttributes, LPNTMS_GUID lpPoolId);
DWORD WINAPI CreateNtmsMediaPoolW(HANDLE hSession, LPCWSTR lpPoolName, LPNTMS_GUID lpMediaType, DWORD dwAction,
                                  LPSECURITY_ATTRIBUTES lpSecurityAttributes, LPNTMS_GUID lpPoolId);
DWORD WINAPI GetNtmsMediaPoolNameA(HANDLE hSession, LPNTMS_GUID lpPoolId, LPSTR lpNameBuf, LPDWORD lpdwBufSize);
DWORD WINAPI GetNtmsMediaPoolNameW(HANDLE hSession, LPNTMS_GUID lpPoolId, LPWSTR lpNameBuf, LPDWORD lpdwBufSize);
DWORD WINAPI MoveToNtmsMediaPool(HANDLE hSession, LPNTMS_GUID lpMediaId, LPNTMS_GUID lpPoolId);
DWORD WINAPI DeleteNtmsMediaPool(HANDLE hSession, LPNTMS_GUID lpPoolId);

/* Objects */
DWORD WINAPI DeleteNtmsLibrary(HANDLE hSession, LPNTMS_GUID lpLibraryId);
DWORD WINAPI DeleteNtmsDrive(HANDLE hSession, LPNTMS_GUID lpDriveId);
DWORD WINAPI GetNtmsObjectInformationA(HANDLE hSession, LPNTMS_GUID lpObjectId, LPNTMS_OBJECTINFORMATIONA lpInfo);
DWORD WINAPI GetNtmsObjectInformationW(HANDLE hSession, LPNTMS_GUID lpObjectId, LPNTMS_OBJECTINFORMATIONW lpInfo);
DWORD WINAPI SetNtmsObjectInformationA(HANDLE hSession, LPNTMS_GUID lpObjectId, LPNTMS_OBJECTINFORMATIONA lpInfo);
DWORD WINAPI SetNtmsObjectInformationW(HANDLE hSession, LPNTMS_GUID lpObjectId, LPNTMS_OBJECTINFORMATIONW lpInfo);
DWORD WINAPI EnumerateNtmsObject(HANDLE hSession, const LPNTMS_GUID lpContainerId, LPNTMS_GUID lpList,
                                 LPDWORD lpdwListSize, DWORD dwType, DWORD dwOptions);
DWORD WINAPI DisableNtmsObject(HANDLE hSession, DWORD dwType, LPNTMS_GUID lpObjectId);
DWORD WINAPI EnableNtmsObject(HANDLE hSession, DWORD dwType, LPNTMS_GUID lpObjectId);
DWORD WINAPI GetNtmsObjectSecurity(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                   SECURITY_INFORMATION RequestedInformation,
                                   PSECURITY_DESCRIPTOR lpSecurityDescriptor, DWORD nLength,
                                   LPDWORD lpnLengthNeeded);
DWORD WINAPI SetNtmsObjectSecurity(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                   SECURITY_INFORMATION SecurityInformation,
                                   PSECURITY_DESCRIPTOR lpSecurityDescriptor);
DWORD WINAPI GetNtmsObjectAttributeA(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                     LPCSTR lpAttributeName, LPVOID lpAttributeData, LPDWORD lpAttributeSize);
DWORD WINAPI GetNtmsObjectAttributeW(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                     LPCWSTR lpAttributeName, LPVOID lpAttributeData, LPDWORD lpAttributeSize);
DWORD WINAPI SetNtmsObjectAttributeA(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                     LPCSTR lpAttributeName, LPVOID lpAttributeData, DWORD dwAttributeSize);
DWORD WINAPI SetNtmsObjectAttributeW(HANDLE hSession, LPNTMS_GUID lpObjectId, DWORD dwType,
                                     LPCWSTR lpAttributeName, LPVOID lpAttributeData, DWORD AttributeSize);

/* Library control */
DWORD WINAPI EjectNtmsMedia(HANDLE hSession, LPNTMS_GUID lpMediaId, LPNTMS_GUID lpEjectOperation, DWORD dwAction);
DWORD WINAPI InjectNtmsMedia(HANDLE hSession, LPNTMS_GUID lpLibraryId, LPNTMS_GUID lpInjectOperation,
                             DWORD dwAction);
DWORD WINAPI AccessNtmsLibraryDoor(HANDLE hSession, LPNTMS_GUID lpLibraryId, DWORD dwAction);
DWORD WINAPI CleanNtmsDrive(HANDLE hSession, LPNTMS_GUID lpDriveId);
DWORD WINAPI DismountNtmsDrive(HANDLE hSession, LPNTMS_GUID lpDriveId);
DWORD WINAPI InventoryNtmsLibrary(HANDLE hSession, LPNTMS_GUID lpLibraryId, DWORD dwAction);
DWORD WINAPI IdentifyNtmsSlot(HANDLE hSession, LPNTMS_GUID lpSlotId, DWORD dwOption);
DWORD WINAPI CancelNtmsLibraryRequest(HANDLE hSession, LPNTMS_GUID lpRequestId);
DWORD WINAPI GetNtmsRequestOrder(HANDLE hSession, LPNTMS_GUID lpRequestId, LPDWORD lpdwOrderNumber);
DWORD WINAPI SetNtmsRequestOrder(HANDLE hSession, LPNTMS_GUID lpRequestId, DWORD dwOrderNumber);
DWORD WINAPI DeleteNtmsRequests(HANDLE hSession, LPNTMS_GUID lpRequestId, DWORD dwType, DWORD dwCount);
DWORD WINAPI ReserveNtmsCleanerSlot(HANDLE hSession, LPNTMS_GUID lpLibrary, LPNTMS_GUID lpSlot);
DWORD WINAPI ReleaseNtmsCleanerSlot(HANDLE hSession, LPNTMS_GUID lpLibrary);
DWORD WINAPI InjectNtmsCleaner(HANDLE hSession, LPNTMS_GUID lpLibrary, LPNTMS_GUID lpInjectOperation,
                               DWORD dwNumberOfCleansLeft, DWORD dwAction);
DWORD WINAPI EjectNtmsCleaner(HANDLE hSession, LPNTMS_GUID lpLibrary, LPNTMS_GUID lpEjectOperation,
                              DWORD dwAction);

/* Device change detection */
DWORD WINAPI BeginNtmsDeviceChangeDetection(HANDLE hSession, LPHANDLE lpDetectHandle);
DWORD WINAPI SetNtmsDeviceChangeDetection(HANDLE hSession, HANDLE DetectHandle, LPNTMS_GUID lpRequestId,
                                          DWORD dwType, DWORD dwCount);
DWORD WINAPI EndNtmsDeviceChangeDetection(HANDLE hSession, HANDLE DetectHandle);

/* User interface and operator requests */
DWORD WINAPI GetNtmsUIOptionsA(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType,
                               LPSTR lpszDestination, LPDWORD lpdwBufSize);
DWORD WINAPI GetNtmsUIOptionsW(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType,
                               LPWSTR lpszDestination, LPDWORD lpdwBufSize);
DWORD WINAPI SetNtmsUIOptionsA(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType, DWORD dwOperation,
                               LPCSTR lpszDestination);
DWORD WINAPI SetNtmsUIOptionsW(HANDLE hSession, const LPNTMS_GUID lpObjectId, DWORD dwType, DWORD dwOperation,
                               LPCWSTR lpszDestination);
DWORD WINAPI SubmitNtmsOperatorRequestW(HANDLE hSession, DWORD dwRequest, LPCWSTR lpMessage, LPNTMS_GUID lpArg1Id,
                                        LPNTMS_GUID lpArg2Id, LPNTMS_GUID lpRequestId);
DWORD WINAPI SubmitNtmsOperatorRequestA(HANDLE hSession, DWORD dwRequest, LPCSTR lpMessage, LPNTMS_GUID lpArg1Id,
                                        LPNTMS_GUID lpArg2Id, LPNTMS_GUID lpRequestId);
DWORD WINAPI WaitForNtmsOperatorRequest(HANDLE hSession, LPNTMS_GUID lpRequestId, DWORD dwTimeout);
DWORD WINAPI CancelNtmsOperatorRequest(HANDLE hSession, LPNTMS_GUID lpRequestId);
DWORD WINAPI SatisfyNtmsOperatorRequest(HANDLE hSession, LPNTMS_GUID lpRequestId);

/* Database and notifications */
DWORD WINAPI ImportNtmsDatabase(HANDLE hSession);
DWORD WINAPI ExportNtmsDatabase(HANDLE hSession);
HANDLE WINAPI OpenNtmsNotification(HANDLE hSession, DWORD dwType);
DWORD WINAPI WaitForNtmsNotification(HANDLE hNotification, LPNTMS_NOTIFICATIONINFORMATION lpNotificationInformation,
                                     DWORD dwTimeout);
DWORD WINAPI CloseNtmsNotification(HANDLE hNotification);

/* Stand-alone drives (Windows Vista and later) */
DWORD WINAPI EjectDiskFromSADriveW(LPCWSTR lpComputerName, LPCWSTR lpAppName, LPCWSTR lpDeviceName, HWND hWnd,
                                   LPCWSTR lpTitle, LPCWSTR lpMessage, DWORD dwOptions);
DWORD WINAPI EjectDiskFromSADriveA(LPCSTR lpComputerName, LPCSTR lpAppName, LPCSTR lpDeviceName, HWND hWnd,
                                   LPCSTR lpTitle, LPCSTR lpMessage, DWORD dwOptions);
DWORD WINAPI GetVolumesFromDriveW(LPWSTR pszDriveName, LPWSTR *VolumeNameBufferPtr, LPWSTR *DriveLetterBufferPtr);
DWORD WINAPI GetVolumesFromDriveA(LPSTR pszDriveName, LPSTR *VolumeNameBufferPtr, LPSTR *DriveLetterBufferPtr);

#define OpenNtmsSession             NTMSAPI_AW(OpenNtmsSession)
#define GetNtmsObjectInformation    NTMSAPI_AW(GetNtmsObjectInformation)
#define SetNtmsObjectInformation    NTMSAPI_AW(SetNtmsObjectInformation)
#define CreateNtmsMediaPool         NTMSAPI_AW(CreateNtmsMediaPool)
#define GetNtmsMediaPoolName        NTMSAPI_AW(GetNtmsMediaPoolName)
#define GetNtmsObjectAttribute      NTMSAPI_AW(GetNtmsObjectAttribute)
#define SetNtmsObjectAttribute      NTMSAPI_AW(SetNtmsObjectAttribute)
#define GetNtmsUIOptions            NTMSAPI_AW(GetNtmsUIOptions)
#define SetNtmsUIOptions            NTMSAPI_AW(SetNtmsUIOptions)
#define SubmitNtmsOperatorRequest   NTMSAPI_AW(SubmitNtmsOperatorRequest)
#define CreateNtmsMedia             NTMSAPI_AW(CreateNtmsMedia)
#define EjectDiskFromSADrive        NTMSAPI_AW(EjectDiskFromSADrive)
#define GetVolumesFromDrive         NTMSAPI_AW(GetVolumesFromDrive)

#ifdef __cplusplus
}
#endif

#pragma pack(pop)

#endif /* NTMSAPI_PUBLIC_NTMSAPI_H */
