/* A media label library for the tests, as a backup vendor would ship one
 * (ntmsmli.h): it claims blocks that begin "ACMEBKUP" followed by an
 * 8-character volume name. Blocks that begin "BADMLL" it claims the way a
 * careless library might: a LabelIDSize far too large and strings with no
 * terminating NUL. */
#include <windows.h>
#include <ntmsmli.h>
#include <string.h>

#define MAX_LABEL 512

DWORD WINAPI MaxMediaLabel(DWORD *const pMaxSize)
{
    *pMaxSize = MAX_LABEL;
    return NO_ERROR;
}

static DWORD claim_careless(MediaLabelInfo *const info)
{
    for (int i = 0; i < NTMSMLI_MAXTYPE; i++)
        info->LabelType[i] = L'X';
    for (int i = 0; i < NTMSMLI_MAXAPPDESCR; i++)
        info->LabelAppDescr[i] = L'Y';
    memset(info->LabelID, 0xAB, sizeof(info->LabelID));
    info->LabelIDSize = 0xFFFFFFFF;
    return NO_ERROR;
}

DWORD WINAPI ClaimMediaLabel(const BYTE *const pBuffer, const DWORD nBufferSize, MediaLabelInfo *const pLabelInfo)
{
    if (nBufferSize > MAX_LABEL)
        return ERROR_INVALID_PARAMETER;   /* RSM never offers more than MaxMediaLabel asked for */
    if (nBufferSize >= 6 && !memcmp(pBuffer, "BADMLL", 6))
        return claim_careless(pLabelInfo);
    if (nBufferSize < 16 || memcmp(pBuffer, "ACMEBKUP", 8))
        return ERROR_BAD_FORMAT;
    wcscpy(pLabelInfo->LabelType, L"ACME Backup");
    pLabelInfo->LabelIDSize = 8;
    memcpy(pLabelInfo->LabelID, pBuffer + 8, 8);
    wcscpy(pLabelInfo->LabelAppDescr, L"ACME Backup tape ");
    for (int i = 0; i < 8; i++)
        pLabelInfo->LabelAppDescr[17 + i] = pBuffer[8 + i];
    pLabelInfo->LabelAppDescr[25] = 0;
    return NO_ERROR;
}
