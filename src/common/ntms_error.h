/* Win32 error codes that the RSM API returns, under portable names.
 *
 * The engine, SCSI layer and store are plain C that also builds on Linux, so
 * they cannot include <winerror.h>; these carry the same numeric values
 * (winerror.h, [MS-RSMP] 2.2) and the DLL returns them unchanged. */
#ifndef NTMSAPI_COMMON_NTMS_ERROR_H
#define NTMSAPI_COMMON_NTMS_ERROR_H

#include <stdint.h>

typedef uint32_t ntms_err;

enum {
    NTMS_OK                        = 0,
    NTMS_E_ACCESS_DENIED           = 5,
    NTMS_E_INVALID_HANDLE          = 6,
    NTMS_E_NOT_ENOUGH_MEMORY       = 8,
    NTMS_E_BAD_FORMAT              = 11,
    NTMS_E_INVALID_DRIVE           = 15,
    NTMS_E_WRITE_PROTECT           = 19,
    NTMS_E_NOT_READY               = 21,
    NTMS_E_CRC                     = 23,
    NTMS_E_SHARING_VIOLATION       = 32,
    NTMS_E_NOT_SUPPORTED           = 50,
    NTMS_E_INVALID_PARAMETER       = 87,
    NTMS_E_CALL_NOT_IMPLEMENTED    = 120,
    NTMS_E_INSUFFICIENT_BUFFER     = 122,
    NTMS_E_INVALID_NAME            = 123,
    NTMS_E_BUSY                    = 170,
    NTMS_E_ALREADY_EXISTS          = 183,
    NTMS_E_NO_DATA                 = 232,
    NTMS_E_INVALID_ADDRESS         = 487,
    NTMS_E_IO_DEVICE               = 1117,
    NTMS_E_END_OF_MEDIA            = 1100,
    NTMS_E_FILEMARK_DETECTED       = 1101,
    NTMS_E_BEGINNING_OF_MEDIA      = 1102,
    NTMS_E_SETMARK_DETECTED        = 1103,
    NTMS_E_NO_DATA_DETECTED        = 1104,
    NTMS_E_INVALID_BLOCK_LENGTH    = 1106,
    NTMS_E_NO_MEDIA_IN_DRIVE       = 1112,
    NTMS_E_MEDIA_CHANGED           = 1110,
    NTMS_E_BUS_RESET               = 1111,
    NTMS_E_DEVICE_NOT_CONNECTED    = 1167,
    NTMS_E_CONNECTION_UNAVAIL      = 1201,
    NTMS_E_INVALID_COMPUTERNAME    = 1210,
    NTMS_E_NO_NETWORK              = 1222,
    NTMS_E_CANCELLED               = 1223,
    NTMS_E_NO_SECURITY_ON_OBJECT   = 1350,
    NTMS_E_TIMEOUT                 = 1460,
    NTMS_E_DEVICE_REQUIRES_CLEANING = 1165,
    NTMS_E_DEVICE_DOOR_OPEN        = 1166,
    NTMS_E_NOT_CONNECTED           = 2250,
    NTMS_E_INVALID_MEDIA           = 4300,
    NTMS_E_INVALID_LIBRARY         = 4301,
    NTMS_E_INVALID_MEDIA_POOL      = 4302,
    NTMS_E_DRIVE_MEDIA_MISMATCH    = 4303,
    NTMS_E_MEDIA_OFFLINE           = 4304,
    NTMS_E_LIBRARY_OFFLINE         = 4305,
    NTMS_E_EMPTY                   = 4306,
    NTMS_E_NOT_EMPTY               = 4307,
    NTMS_E_MEDIA_UNAVAILABLE       = 4308,
    NTMS_E_RESOURCE_DISABLED       = 4309,
    NTMS_E_INVALID_CLEANER         = 4310,
    NTMS_E_UNABLE_TO_CLEAN         = 4311,
    NTMS_E_OBJECT_NOT_FOUND        = 4312,
    NTMS_E_DATABASE_FAILURE        = 4313,
    NTMS_E_DATABASE_FULL           = 4314,
    NTMS_E_MEDIA_INCOMPATIBLE      = 4315,
    NTMS_E_RESOURCE_NOT_PRESENT    = 4316,
    NTMS_E_INVALID_OPERATION       = 4317,
    NTMS_E_MEDIA_NOT_AVAILABLE     = 4318,
    NTMS_E_DEVICE_NOT_AVAILABLE    = 4319,
    NTMS_E_REQUEST_REFUSED         = 4320,
    NTMS_E_INVALID_DRIVE_OBJECT    = 4321,
    NTMS_E_LIBRARY_FULL            = 4322,
    NTMS_E_MEDIUM_NOT_ACCESSIBLE   = 4323,
    NTMS_E_UNABLE_TO_LOAD_MEDIUM   = 4324,
    NTMS_E_UNABLE_TO_INVENTORY_DRIVE = 4325,
    NTMS_E_UNABLE_TO_INVENTORY_SLOT = 4326,
    NTMS_E_UNABLE_TO_INVENTORY_TRANSPORT = 4327,
    NTMS_E_TRANSPORT_FULL          = 4328,
    NTMS_E_CLEANER_SLOT_SET        = 4331,
    NTMS_E_CLEANER_SLOT_NOT_SET    = 4332,
    NTMS_E_UNEXPECTED_OMID         = 4334,
    NTMS_E_SOURCE_ELEMENT_EMPTY    = 1160,
    NTMS_E_DESTINATION_ELEMENT_FULL = 1161,
    NTMS_E_ILLEGAL_ELEMENT_ADDRESS = 1162,
    NTMS_E_MAGAZINE_NOT_PRESENT    = 1163,
    NTMS_E_DEVICE_REINITIALIZATION_NEEDED = 1164,
    NTMS_E_RESOURCE_NOT_AVAILABLE  = 5006,
    NTMS_E_INVALID_STATE           = 5023,
};

/* "ERROR_INVALID_HANDLE" for logs and test messages; "ERROR_<n>" when unknown. */
const char *ntms_err_name(ntms_err code);

#endif
