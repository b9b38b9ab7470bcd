#include "engine/device/robot_lock.h"

#include <stdio.h>
#include <string.h>

/* Serial numbers may hold any byte: the file name carries them in hex. */
void robot_lock_path(const struct engine *engine, const char *serial, char *path, size_t capacity)
{
    char hex[2 * 64 + 1] = "";
    size_t n = strlen(serial);

    for (size_t i = 0; i < n && i < 64; i++)
        snprintf(hex + 2 * i, 3, "%02x", (unsigned char)serial[i]);
    snprintf(path, capacity, "%s/robot-%s.lock", engine->data_directory, hex[0] ? hex : "none");
}
