#include "engine/records/engine_open.h"

#include "engine/records/system_objects.h"

ntms_err engine_acquire(struct engine **engine)
{
    return engine_acquire_with(system_objects_ensure, engine);
}
