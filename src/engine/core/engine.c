#include "engine/core/engine.h"

#include <stdio.h>
#include <string.h>

#include "platform/plat_file.h"
#include "platform/plat_lock.h"

static plat_mutex engine_lock = PLAT_MUTEX_INIT;
static struct engine the_engine;
static device_opener configured_opener;
static label_offer configured_offer;

void engine_set_device_opener(device_opener opener)
{
    configured_opener = opener;
}

void engine_set_label_offer(label_offer offer)
{
    configured_offer = offer;
}

ntms_err engine_acquire_with(engine_bootstrap bootstrap, struct engine **engine)
{
    ntms_err status = NTMS_OK;

    plat_mutex_lock(&engine_lock);
    if (!the_engine.db) {
        plat_data_directory(the_engine.data_directory, sizeof(the_engine.data_directory));
        status = objdb_open(the_engine.data_directory, &the_engine.db);
        if (status == NTMS_OK && (status = bootstrap(the_engine.db)) != NTMS_OK) {
            objdb_close(the_engine.db);
            the_engine.db = NULL;
        }
    }
    the_engine.open_device = configured_opener;
    the_engine.offer_label = configured_offer;
    plat_mutex_unlock(&engine_lock);
    *engine = status == NTMS_OK ? &the_engine : NULL;
    return status;
}

ntms_err engine_get_object(struct engine *engine, const ntms_guid *id, struct rsm_object *object)
{
    ntms_err status = objdb_begin_read(engine->db);

    if (status != NTMS_OK)
        return status;
    status = objdb_get(engine->db, id, object);
    objdb_abort(engine->db);
    return status;
}
