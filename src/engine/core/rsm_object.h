/* RSM objects as the engine keeps them: portable C, one record per object.
 *
 * The fields follow NTMS_OBJECTINFORMATIONW and its union members, so the
 * DLL converts with plain copies: strings are UTF-16 code units (the W
 * form; the A form is converted in the DLL), times are FILETIME values
 * (100 ns since 1601, UTC). Fields after "engine:" are ours: what the
 * engine needs to reach the hardware, never shown through the API. */
#ifndef NTMSAPI_ENGINE_RSM_OBJECT_H
#define NTMSAPI_ENGINE_RSM_OBJECT_H

#include <stdint.h>

#include "common/ntms_guid.h"
#include "engine/core/rsm_values.h"

typedef uint16_t wchar16;

enum {
    RSM_NAME_LENGTH = 64, RSM_DESCRIPTION_LENGTH = 127, RSM_DEVICENAME_LENGTH = 64,
    RSM_SERIALNUMBER_LENGTH = 32, RSM_REVISION_LENGTH = 32, RSM_BARCODE_LENGTH = 64,
    RSM_SEQUENCE_LENGTH = 32, RSM_VENDOR_LENGTH = 128, RSM_PRODUCT_LENGTH = 128,
    RSM_USERNAME_LENGTH = 64, RSM_APPLICATION_LENGTH = 64, RSM_COMPUTERNAME_LENGTH = 64,
    RSM_MESSAGE_LENGTH = 256, RSM_OMID_ID_LENGTH = 255, RSM_OMID_TYPE_LENGTH = 64,
    RSM_OMID_INFO_LENGTH = 256, RSM_DEVICE_PATH_LENGTH = 260,
    RSM_LIBRARY_MEDIA_TYPES = 64,   /* more than the catalog has: every type fits */
};

/* Ours: who holds a drive or runs a request. A process (told apart from
 * a later one with the same id by its start time) and, within it, a
 * session (0: the engine's own work). Null: nobody. */
struct rsm_owner {
    uint64_t process_started;
    uint32_t process;
    uint32_t session;
};

struct rsm_library {
    uint32_t  library_type;
    ntms_guid cleaner_slot, cleaner_slot_default;
    uint32_t  supports_drive_cleaning, barcode_reader_installed;
    uint32_t  inventory_method, cleaner_uses_remaining;
    uint32_t  first_drive_number, number_of_drives, first_slot_number, number_of_slots;
    uint32_t  first_door_number, number_of_doors, first_port_number, number_of_ports;
    uint32_t  first_changer_number, number_of_changers;
    uint32_t  number_of_media, number_of_media_types, number_of_lib_requests;
    uint32_t  auto_recovery, flags;
    /* engine: */
    wchar16   device_path[RSM_DEVICE_PATH_LENGTH];   /* the changer's, e.g. \\.\Changer0 */
    wchar16   serial_number[RSM_SERIALNUMBER_LENGTH]; /* identity across discoveries */
    ntms_guid media_types[RSM_LIBRARY_MEDIA_TYPES];  /* AddNtmsMediaType relations */
};

struct rsm_changer {
    uint32_t  number;
    ntms_guid changer_type;
    wchar16   serial_number[RSM_SERIALNUMBER_LENGTH], revision[RSM_REVISION_LENGTH];
    wchar16   device_name[RSM_DEVICENAME_LENGTH];
    uint16_t  scsi_port, scsi_bus, scsi_target, scsi_lun;
    ntms_guid library;
    /* engine: */
    uint16_t  transport_address;   /* SMC element address of the picker */
};

struct rsm_device_type {          /* CHANGER_TYPE and DRIVE_TYPE */
    wchar16  vendor[RSM_VENDOR_LENGTH], product[RSM_PRODUCT_LENGTH];
    uint32_t number_of_heads;      /* drive types only */
    uint32_t device_type;
};

struct rsm_drive {
    uint32_t  number, state;
    ntms_guid drive_type;
    wchar16   device_name[RSM_DEVICENAME_LENGTH];
    wchar16   serial_number[RSM_SERIALNUMBER_LENGTH], revision[RSM_REVISION_LENGTH];
    uint16_t  scsi_port, scsi_bus, scsi_target, scsi_lun;
    uint32_t  mount_count;
    uint64_t  last_cleaned;
    ntms_guid saved_partition, library;
    uint32_t  defer_dismount_delay;   /* seconds */
    /* engine: */
    uint16_t  element_address;        /* its data transfer element */
    ntms_guid loaded_media;           /* physical medium inside, or null */
    uint64_t  dismount_due;           /* FILETIME when a deferred dismount falls due; 0: none */
    wchar16   device_path[RSM_DEVICE_PATH_LENGTH];   /* what opens it (device_name may be cut short) */
    struct rsm_owner holder;          /* who has it: a mount, an identification, a dismount under way */
    uint16_t  tape_source;            /* the element its tape came from (0: unknown) */
};

struct rsm_slot {                     /* STORAGESLOT */
    uint32_t  number, state;
    ntms_guid library;
    /* engine: */
    uint16_t  element_address;
};

struct rsm_iedoor {
    uint32_t  number, state;
    uint16_t  max_open_secs;
    ntms_guid library;
};

struct rsm_ieport {
    uint32_t  number, content, position;
    uint16_t  max_extend_secs;
    ntms_guid library;
    /* engine: */
    uint16_t  element_address;
};

struct rsm_physical_media {
    ntms_guid current_library, media_pool, location;
    uint32_t  location_type;
    ntms_guid media_type, home_slot;
    wchar16   barcode[RSM_BARCODE_LENGTH];
    uint32_t  barcode_state;
    wchar16   sequence_number[RSM_SEQUENCE_LENGTH];
    uint32_t  media_state, number_of_partitions, media_type_code, density_code;
    ntms_guid mounted_partition;
};

struct rsm_partition {
    ntms_guid physical_media, logical_media;
    uint32_t  state;
    uint16_t  side;
    uint32_t  omid_label_id_length;
    uint8_t   omid_label_id[RSM_OMID_ID_LENGTH];
    wchar16   omid_label_type[RSM_OMID_TYPE_LENGTH];
    wchar16   omid_label_info[RSM_OMID_INFO_LENGTH];
    uint32_t  mount_count, allocate_count;
    int64_t   capacity;
};

struct rsm_logical_media {
    ntms_guid media_pool;
    uint32_t  number_of_partitions;
    /* engine: */
    ntms_guid partition;              /* the side it was allocated (its LogicalMedia names it back) */
};

struct rsm_media_pool {
    uint32_t  pool_type;
    ntms_guid media_type, parent;
    uint32_t  allocation_policy, deallocation_policy, max_allocates;
    uint32_t  number_of_physical_media, number_of_logical_media, number_of_media_pools;
};

struct rsm_media_type {
    uint32_t media_type;              /* STORAGE_MEDIA_TYPE */
    uint32_t number_of_sides, read_write_characteristics, device_type;
};

struct rsm_computer {
    uint32_t lib_request_purge_time, op_request_purge_time;
    uint32_t lib_request_flags, op_request_flags, media_pool_policy;
};

struct rsm_lib_request {
    uint32_t  operation_code, operation_option, state;
    ntms_guid partition, drive, physical_media, library, slot;
    uint64_t  time_queued, time_completed;
    wchar16   application[RSM_APPLICATION_LENGTH], user[RSM_USERNAME_LENGTH];
    wchar16   computer[RSM_COMPUTERNAME_LENGTH];
    uint32_t  error_code;
    ntms_guid work_item;
    uint32_t  priority;
    /* engine: */
    struct rsm_owner requested_by;    /* QUEUED or INPROCESS while this owner lives */
    uint32_t  order;                  /* a waiting mount's place in its library's queue, 1 first; 0: none */
    uint32_t  waits_for_drive;        /* queued: it found every drive busy (or has not tried yet) */
};

struct rsm_op_request {
    uint32_t  request;
    uint64_t  submitted;
    uint32_t  state;
    wchar16   message[RSM_MESSAGE_LENGTH];
    uint32_t  arg1_type;
    ntms_guid arg1;
    uint32_t  arg2_type;
    ntms_guid arg2;
    wchar16   application[RSM_APPLICATION_LENGTH], user[RSM_USERNAME_LENGTH];
    wchar16   computer[RSM_COMPUTERNAME_LENGTH];
    /* engine: */
    uint64_t  completed;              /* when it was satisfied or refused (its purge time counts from here) */
    struct rsm_owner raised_for;      /* the waiting call the library raised it for; nobody: an application's */
};

struct rsm_object {
    ntms_guid id;
    uint32_t  type;                   /* enum rsm_type */
    uint64_t  created, modified;
    uint32_t  enabled;
    uint32_t  operational_state;
    wchar16   name[RSM_NAME_LENGTH];
    wchar16   description[RSM_DESCRIPTION_LENGTH];
    union {
        struct rsm_library        library;
        struct rsm_changer        changer;
        struct rsm_device_type    device_type;
        struct rsm_drive          drive;
        struct rsm_slot           slot;
        struct rsm_iedoor         iedoor;
        struct rsm_ieport         ieport;
        struct rsm_physical_media media;
        struct rsm_partition      partition;
        struct rsm_logical_media  logical_media;
        struct rsm_media_pool     pool;
        struct rsm_media_type     media_type;
        struct rsm_computer       computer;
        struct rsm_lib_request    lib_request;
        struct rsm_op_request     op_request;
    } info;
};

#endif
