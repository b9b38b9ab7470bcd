#ifndef NTMSAPI_ENGINE_RECORDS_DATABASE_COPY_H
#define NTMSAPI_ENGINE_RECORDS_DATABASE_COPY_H

#include "engine/core/engine.h"

/* ExportNtmsDatabase: <data dir>/Export/ntmsapi.db; ImportNtmsDatabase
 * makes that copy the database (at once, for every process). */
ntms_err engine_export_database(struct engine *engine);
ntms_err engine_import_database(struct engine *engine);

#endif
