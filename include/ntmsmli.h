/*
 * ntmsmli.h - the interface of RSM media label libraries (MLLs).
 *
 * Part of ntmsapi (LGPL-2.1-or-later). An MLL is a DLL registered under
 * HKLM\SYSTEM\CurrentControlSet\Control\NTMS\OMID\Tape\<name> (values
 * Description and Path) that recognises its application's tape labels.
 * Written from Microsoft's documentation of ClaimMediaLabel,
 * MaxMediaLabel and MediaLabelInfo.
 */
#ifndef NTMSAPI_PUBLIC_NTMSMLI_H
#define NTMSAPI_PUBLIC_NTMSMLI_H

#include <windows.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NTMSMLI_MAXTYPE     64
#define NTMSMLI_MAXIDSIZE   256
#define NTMSMLI_MAXAPPDESCR 256

#ifndef NTMS_NOREDEF
typedef struct {
    WCHAR LabelType[NTMSMLI_MAXTYPE];          /* who wrote the label */
    DWORD LabelIDSize;                          /* bytes of LabelID in use */
    BYTE  LabelID[NTMSMLI_MAXIDSIZE];           /* the on-media identifier */
    WCHAR LabelAppDescr[NTMSMLI_MAXAPPDESCR];   /* a description for people */
} MediaLabelInfo, *pMediaLabelInfo;
#endif

/* Largest label buffer ClaimMediaLabel wants; returns NO_ERROR. */
typedef DWORD (WINAPI *MAXMEDIALABEL)(DWORD *const pMaxSize);
/* NO_ERROR with pLabelInfo filled when the label is the library's own,
 * ERROR_BAD_FORMAT otherwise. */
typedef DWORD (WINAPI *CLAIMMEDIALABEL)(const BYTE *const pBuffer, const DWORD nBufferSize,
                                        MediaLabelInfo *const pLabelInfo);
typedef DWORD (WINAPI *CLAIMMEDIALABELEX)(const BYTE *const pBuffer, const DWORD nBufferSize,
                                          MediaLabelInfo *const pLabelInfo, GUID *LabelGuid);

#ifdef __cplusplus
}
#endif

#endif /* NTMSAPI_PUBLIC_NTMSMLI_H */
