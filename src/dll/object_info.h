/* Engine records -> the caller's NTMS_OBJECTINFORMATION, in whichever of
 * the four layouts dwSize names: W or A, current or the Windows 2000 SDK's
 * NTMS_I1_* (applications built with that SDK pass the smaller size). */
#ifndef NTMSAPI_DLL_OBJECT_INFO_H
#define NTMSAPI_DLL_OBJECT_INFO_H

#include <windows.h>
#include <ntmsapi.h>

#include "engine/core/rsm_object.h"

/* ERROR_INVALID_PARAMETER when dwSize is none of the accepted sizes for
 * this character width. */
DWORD object_info_to_w(const struct rsm_object *object, NTMS_OBJECTINFORMATIONW *info);
DWORD object_info_to_a(const struct rsm_object *object, NTMS_OBJECTINFORMATIONA *info);

/* The fields a caller may change, from its structure into the record
 * (SetNtmsObjectInformation); the engine keeps only the writable ones. */
DWORD object_info_merge_w(const NTMS_OBJECTINFORMATIONW *info, struct rsm_object *object);
DWORD object_info_merge_a(const NTMS_OBJECTINFORMATIONA *info, struct rsm_object *object);

/* CreateNtmsMedia's input: every field a caller supplies for a new
 * medium or side (the engine checks them and sets the rest). */
void object_info_new_w(const NTMS_OBJECTINFORMATIONW *info, struct rsm_object *object);
void object_info_new_a(const NTMS_OBJECTINFORMATIONA *info, struct rsm_object *object);

BOOL object_info_size_ok_w(DWORD size);
BOOL object_info_size_ok_a(DWORD size);

#endif
