/* The machine-wide robot lock of a library: a lock file in the data
 * directory named after the changer's serial number, so that discovery,
 * which finds the serial before it knows the library, takes the same lock
 * as every later operation. */
#ifndef NTMSAPI_ENGINE_ROBOT_LOCK_H
#define NTMSAPI_ENGINE_ROBOT_LOCK_H

#include <stddef.h>

#include "engine/core/engine.h"

void robot_lock_path(const struct engine *engine, const char *serial, char *path, size_t capacity);

#endif
