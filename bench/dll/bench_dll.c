/* The DLL under Wine, on a database of 10,000 media (seeded natively by
 * bench_store): the first session, GetNtmsObjectInformationW and
 * EnumerateNtmsObject calls per second, CreateNtmsMediaW latency.
 * Prints figures; asserts nothing. (Load time: bench_dll_load.c.) */
#include <windows.h>
#include <ntmsapi.h>
#include <stdio.h>
#include <stdlib.h>

static double now(void)
{
    LARGE_INTEGER t, f;
    QueryPerformanceCounter(&t);
    QueryPerformanceFrequency(&f);
    return (double)t.QuadPart / (double)f.QuadPart;
}

static void information_rate(HANDLE session, NTMS_GUID *media, DWORD count)
{
    NTMS_OBJECTINFORMATIONW info;
    int calls = 0;
    double start = now();

    while (now() - start < 2.0) {
        for (int i = 0; i < 1000; i++, calls++) {
            info.dwSize = sizeof(info);
            info.dwType = NTMS_PHYSICAL_MEDIA;
            GetNtmsObjectInformationW(session, &media[(calls * 7919u) % count], &info);
        }
    }
    printf("GetNtmsObjectInformationW with %lu media: %.0f calls per second\n", count, calls / (now() - start));
}

static void enumeration_rate(HANDLE session, NTMS_GUID *media, DWORD capacity)
{
    enum { ENUMS = 50 };
    double start = now();
    DWORD count = 0;

    for (int i = 0; i < ENUMS; i++) {
        count = capacity;
        EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0);
    }
    double seconds = (now() - start) / ENUMS;
    printf("EnumerateNtmsObject of all %lu media: %.1f calls per second (%.2f ms each)\n", count, 1 / seconds,
           seconds * 1e3);
}

static void create_latency(HANDLE session, const NTMS_GUID *pool)
{
    enum { CREATES = 40 };
    double start = now();

    for (int i = 0; i < CREATES; i++) {
        NTMS_OBJECTINFORMATIONW m = { 0 }, s = { 0 };
        m.dwSize = s.dwSize = sizeof(m);
        m.dwType = NTMS_PHYSICAL_MEDIA;
        s.dwType = NTMS_PARTITION;
        m.Info.PhysicalMedia.MediaPool = *pool;
        m.Info.PhysicalMedia.dwNumberOfPartitions = 1;
        swprintf(m.Info.PhysicalMedia.szBarCode, NTMS_BARCODE_LENGTH, L"NEW%03dL6", i);
        s.Info.Partition.State = NTMS_PARTSTATE_IMPORT;
        s.Info.Partition.dwOmidLabelIdLength = 4;
        memcpy(s.Info.Partition.OmidLabelId, &i, 4);
        wcscpy(s.Info.Partition.szOmidLabelType, L"bench");
        if (CreateNtmsMediaW(session, &m, &s, 0) != ERROR_SUCCESS) {
            printf("CreateNtmsMediaW failed: %lu\n", GetLastError());
            return;
        }
    }
    printf("CreateNtmsMediaW on a 10,000-media database: %.1f ms each (a durable commit each)\n",
           (now() - start) / CREATES * 1e3);
}

int main(void)
{
    static NTMS_GUID media[12000];
    NTMS_GUID pool, lto6 = { 0 }, types[64];
    DWORD count = ARRAYSIZE(media), type_count = ARRAYSIZE(types);

    double start = now();
    HANDLE session = OpenNtmsSessionW(NULL, L"bench_dll", 0);
    printf("first OpenNtmsSessionW (opens the database, looks for devices): %.1f ms\n", (now() - start) * 1e3);
    if (session == INVALID_HANDLE_VALUE)
        return 1;
    EnumerateNtmsObject(session, NULL, media, &count, NTMS_PHYSICAL_MEDIA, 0);
    information_rate(session, media, count);
    enumeration_rate(session, media, ARRAYSIZE(media));
    EnumerateNtmsObject(session, NULL, types, &type_count, NTMS_MEDIA_TYPE, 0);
    for (DWORD i = 0; i < type_count; i++) {
        NTMS_OBJECTINFORMATIONW info = { .dwSize = sizeof(info), .dwType = NTMS_MEDIA_TYPE };
        if (GetNtmsObjectInformationW(session, &types[i], &info) == ERROR_SUCCESS && !wcscmp(info.szName, L"LTO-6"))
            lto6 = types[i];
    }
    if (CreateNtmsMediaPoolW(session, L"\\Bench", &lto6, NTMS_OPEN_ALWAYS, NULL, &pool) == ERROR_SUCCESS)
        create_latency(session, &pool);
    CloseNtmsSession(session);
    return 0;
}
