#include "engine/records/database_copy.h"

#include <stdio.h>

#include "platform/plat_file.h"

static void export_path(const struct engine *engine, char *directory, size_t dir_capacity, char *file,
                        size_t file_capacity)
{
    snprintf(directory, dir_capacity, "%s/Export", engine->data_directory);
    snprintf(file, file_capacity, "%s/ntmsapi.db", directory);
}

ntms_err engine_export_database(struct engine *engine)
{
    char directory[1100], file[1200];

    export_path(engine, directory, sizeof(directory), file, sizeof(file));
    ntms_err status = plat_file->make_directory(directory);
    return status == NTMS_OK ? objdb_export(engine->db, file) : status;
}

ntms_err engine_import_database(struct engine *engine)
{
    char directory[1100], file[1200];

    export_path(engine, directory, sizeof(directory), file, sizeof(file));
    return objdb_import(engine->db, file);
}
