/* For engine tests: the process's engine on a database of its own, in a
 * temporary folder that goes when the tests end. */
#ifndef NTMSAPI_TESTS_ENGINE_FIXTURE_H
#define NTMSAPI_TESTS_ENGINE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "engine/core/engine.h"
#include "engine/records/engine_open.h"
#include "engine/records/enumerate.h"
#include "engine/ops/identify.h"
#include "engine/ops/inventory.h"
#include "engine/ops/mount.h"
#include "engine/ops/dismount.h"
#include "engine/discovery/discovery.h"

static char engine_fixture_directory[] = "/tmp/ntmsapi-engine-XXXXXX";

static inline int engine_fixture_open(struct engine **engine)
{
    if (!mkdtemp(engine_fixture_directory) || setenv("NTMSAPI_DATA_DIR", engine_fixture_directory, 1))
        return -1;
    return engine_acquire(engine) == NTMS_OK ? 0 : -1;
}

static inline int engine_fixture_remove(void)
{
    char command[128];

    snprintf(command, sizeof(command), "rm -rf '%s'", engine_fixture_directory);
    return system(command);
}

#endif
