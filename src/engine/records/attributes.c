#include "engine/records/attributes.h"

ntms_err engine_attribute_get(struct engine *engine, const ntms_guid *id, const char *name_utf8, void *buffer,
                              size_t *size)
{
    OBJDB_TRANSACTION(engine->db, 0, objdb_attribute_get(engine->db, id, name_utf8, buffer, size));
}

ntms_err engine_attribute_set(struct engine *engine, const ntms_guid *id, const char *name_utf8, const void *data,
                              size_t size)
{
    OBJDB_TRANSACTION(engine->db, 1, objdb_attribute_set(engine->db, id, name_utf8, data, size));
}
