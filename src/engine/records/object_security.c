#include "engine/records/object_security.h"

#include <stdlib.h>
#include <string.h>

#include "engine/records/logical_media.h"
#include "engine/records/system_objects.h"
#include "security/sec_acl.h"

#define FULL_CONTROL (SEC_DELETE | SEC_READ_CONTROL | SEC_WRITE_DAC | SEC_WRITE_OWNER \
                      | RSM_USE_ACCESS | RSM_MODIFY_ACCESS | RSM_CONTROL_ACCESS)
#define ALL_NTMS (RSM_USE_ACCESS | RSM_MODIFY_ACCESS | RSM_CONTROL_ACCESS | SEC_READ_CONTROL | SEC_WRITE_DAC)

const struct sec_generic_mapping rsm_generic_mapping = {
    .read = RSM_USE_ACCESS | SEC_READ_CONTROL,
    .write = RSM_USE_ACCESS | RSM_MODIFY_ACCESS | SEC_WRITE_DAC,
    .execute = ALL_NTMS,
    .all = ALL_NTMS,
};

/* A descriptor being looked at: parsed from the store (valid until the
 * transaction ends) or built into `built`. */
struct held_descriptor {
    struct sec_descriptor sd;
    uint8_t               acl[256];
    uint8_t               built[512];
};

static bool carries_descriptor(uint32_t type)
{
    return type == RSM_COMPUTER || type == RSM_LIBRARY || type == RSM_MEDIA_POOL;
}

/* RSM's default: LocalSystem and Administrators full control, Users use. */
static void build_default(struct held_descriptor *h)
{
    struct sec_sid system, administrators, users;
    struct sec_acl_builder b;

    sec_sid_well_known(SEC_SID_LOCAL_SYSTEM, &system);
    sec_sid_well_known(SEC_SID_ADMINISTRATORS, &administrators);
    sec_sid_well_known(SEC_SID_USERS, &users);
    sec_acl_begin(&b, h->acl, sizeof(h->acl));
    sec_acl_add(&b, SEC_ACE_ACCESS_ALLOWED, 0, FULL_CONTROL, &system);
    sec_acl_add(&b, SEC_ACE_ACCESS_ALLOWED, 0, FULL_CONTROL, &administrators);
    sec_acl_add(&b, SEC_ACE_ACCESS_ALLOWED, 0, RSM_USE_ACCESS | SEC_READ_CONTROL, &users);
    sec_acl_end(&b);
    struct sec_descriptor sd = { SEC_SELF_RELATIVE | SEC_DACL_PRESENT, administrators.bytes, system.bytes, NULL,
                                 h->acl };
    size_t length = sec_descriptor_write(&sd, h->built, sizeof(h->built));
    sec_descriptor_parse(h->built, length, &h->sd);
}

/* The descriptor an object carries: the stored one, else the default. */
static ntms_err read_descriptor(struct objdb *db, const ntms_guid *holder, struct held_descriptor *h)
{
    const uint8_t *bytes;
    size_t length;
    ntms_err status = objdb_security_get(db, holder, &bytes, &length);

    if (status == NTMS_E_OBJECT_NOT_FOUND) {
        build_default(h);
        return NTMS_OK;
    }
    if (status != NTMS_OK)
        return status;
    return sec_descriptor_parse(bytes, length, &h->sd) ? NTMS_OK : NTMS_E_DATABASE_FAILURE;
}

/* The id of the object whose descriptor governs o. */
static ntms_guid governing(struct objdb *db, const struct rsm_object *o)
{
    ntms_guid holder = ntms_guid_null;
    struct rsm_object media;

    switch (o->type) {
    case RSM_COMPUTER: case RSM_LIBRARY: case RSM_MEDIA_POOL: holder = o->id; break;
    case RSM_CHANGER:        holder = o->info.changer.library; break;
    case RSM_DRIVE:          holder = o->info.drive.library; break;
    case RSM_IEDOOR:         holder = o->info.iedoor.library; break;
    case RSM_IEPORT:         holder = o->info.ieport.library; break;
    case RSM_STORAGESLOT:    holder = o->info.slot.library; break;
    case RSM_LIBREQUEST:     holder = o->info.lib_request.library; break;
    case RSM_PHYSICAL_MEDIA: holder = o->info.media.media_pool; break;
    case RSM_LOGICAL_MEDIA:  holder = o->info.logical_media.media_pool; break;
    case RSM_PARTITION:
        if (objdb_get(db, &o->info.partition.physical_media, &media) == NTMS_OK)
            holder = media.info.media.media_pool;
        break;
    default: break;
    }
    if (ntms_guid_is_null(&holder))
        system_computer(db, &holder);
    return holder;
}

static bool granted(const struct held_descriptor *h, const struct sec_caller *caller, uint32_t rights)
{
    return sec_access_granted(&h->sd, caller, rights, &rsm_generic_mapping) == rights;
}

ntms_err object_access_check(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id, uint32_t rights)
{
    struct rsm_object o;
    struct held_descriptor h;
    ntms_guid holder = ntms_guid_null;

    if (!caller || sec_caller_is_administrator(caller))
        return NTMS_OK;
    if (!id)
        system_computer(db, &holder);
    else if (objdb_get(db, id, &o) == NTMS_OK)
        holder = governing(db, &o);
    else
        return NTMS_OK;
    ntms_err status = read_descriptor(db, &holder, &h);
    if (status != NTMS_OK)
        return status;
    return granted(&h, caller, rights) ? NTMS_OK : NTMS_E_ACCESS_DENIED;
}

ntms_err engine_get_object_checked(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id,
                                   uint32_t rights, struct rsm_object *object)
{
    ntms_err status = objdb_begin_read(engine->db);

    if (status != NTMS_OK)
        return status;
    status = objdb_get(engine->db, id, object);
    if (status == NTMS_OK)
        status = object_access_check(engine->db, caller, id, rights);
    objdb_abort(engine->db);
    return status;
}

ntms_err engine_check_access(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id,
                             uint32_t rights)
{
    if (!caller || sec_caller_is_administrator(caller))
        return NTMS_OK;
    ntms_err status = objdb_begin_read(engine->db);
    if (status != NTMS_OK)
        return status;
    status = object_access_check(engine->db, caller, id, rights);
    objdb_abort(engine->db);
    return status;
}

ntms_err engine_check_media_access(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id,
                                   uint32_t rights)
{
    struct rsm_object o, media;
    ntms_err status = engine_check_access(engine, caller, id, rights);

    if (status != NTMS_OK || !caller || sec_caller_is_administrator(caller) || engine_get_object(engine, id, &o))
        return status;
    const ntms_guid *pmid = o.type == RSM_PARTITION ? &o.info.partition.physical_media : &o.id;
    struct rsm_object lmid_side;
    if (o.type == RSM_LOGICAL_MEDIA && engine_logical_media_side(engine, &o.id, &lmid_side) == NTMS_OK)
        pmid = &lmid_side.info.partition.physical_media;
    if (engine_get_object(engine, pmid, &media) == NTMS_OK && media.type == RSM_PHYSICAL_MEDIA
        && !ntms_guid_is_null(&media.info.media.current_library))
        status = engine_check_access(engine, caller, &media.info.media.current_library, rights);
    return status;
}

/* The object itself must carry a descriptor ([MS-RSMP]: else NO_SECURITY_ON_OBJECT). */
static ntms_err security_holder(struct objdb *db, const ntms_guid *id, uint32_t type, struct rsm_object *o)
{
    if (objdb_get(db, id, o) != NTMS_OK)
        return NTMS_E_OBJECT_NOT_FOUND;
    if (type != RSM_UNKNOWN && type != o->type)
        return NTMS_E_INVALID_PARAMETER;
    return carries_descriptor(o->type) ? NTMS_OK : NTMS_E_NO_SECURITY_ON_OBJECT;
}

/* What reading or writing these parts of a descriptor takes: SACLs the
 * security privilege (even for administrators, as on Windows); the rest
 * READ_CONTROL to read, WRITE_DAC / WRITE_OWNER to write. */
static ntms_err may_touch(const struct held_descriptor *h, const struct sec_caller *caller, uint32_t information,
                          bool write)
{
    if (!caller)
        return NTMS_OK;
    if ((information & SEC_INFO_SACL) && !(caller->privileges & SEC_PRIVILEGE_SECURITY))
        return NTMS_E_ACCESS_DENIED;
    if (sec_caller_is_administrator(caller))
        return NTMS_OK;
    uint32_t rights = 0;
    if (!write && (information & (SEC_INFO_OWNER | SEC_INFO_GROUP | SEC_INFO_DACL)))
        rights |= SEC_READ_CONTROL;
    if (write && (information & SEC_INFO_DACL))
        rights |= SEC_WRITE_DAC;
    if (write && (information & (SEC_INFO_OWNER | SEC_INFO_GROUP))
        && !(caller->privileges & SEC_PRIVILEGE_TAKE_OWNERSHIP))
        rights |= SEC_WRITE_OWNER;
    return !rights || granted(h, caller, rights) ? NTMS_OK : NTMS_E_ACCESS_DENIED;
}

/* The object's own descriptor, when it has one and the caller may touch
 * these parts of it (reading or writing). */
static ntms_err own_descriptor(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id, uint32_t type,
                               uint32_t information, bool write, struct held_descriptor *h)
{
    struct rsm_object o;
    ntms_err status = security_holder(db, id, type, &o);

    if (status == NTMS_OK)
        status = read_descriptor(db, &o.id, h);
    if (status == NTMS_OK)
        status = may_touch(h, caller, information, write);
    return status;
}

static ntms_err get_security(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id, uint32_t type,
                             uint32_t information, uint8_t *buffer, uint32_t capacity, uint32_t *needed)
{
    struct held_descriptor h;
    ntms_err status = own_descriptor(db, caller, id, type, information, false, &h);

    if (status != NTMS_OK)
        return status;
    sec_descriptor_select(&h.sd, information);
    size_t size = sec_descriptor_write(&h.sd, buffer, buffer ? capacity : 0);
    *needed = (uint32_t)size;
    return size > capacity || !buffer ? NTMS_E_INSUFFICIENT_BUFFER : NTMS_OK;
}

ntms_err engine_get_security(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id,
                             uint32_t type, uint32_t information, uint8_t *buffer, uint32_t capacity,
                             uint32_t *needed)
{
    ntms_err status = objdb_begin_read(engine->db);

    if (status != NTMS_OK)
        return status;
    status = get_security(engine->db, caller, id, type, information, buffer, capacity, needed);
    objdb_abort(engine->db);
    return status;
}

static ntms_err store_descriptor(struct objdb *db, const ntms_guid *id, const struct sec_descriptor *sd)
{
    size_t length = sec_descriptor_size(sd);

    if (length > SEC_DESCRIPTOR_MAX)
        return NTMS_E_INVALID_PARAMETER;
    uint8_t *bytes = malloc(length);
    if (!bytes)
        return NTMS_E_NOT_ENOUGH_MEMORY;
    sec_descriptor_write(sd, bytes, length);
    struct sec_descriptor stored;
    if (sec_descriptor_parse(bytes, length, &stored) && stored.dacl)
        sec_acl_map_generic(bytes + (stored.dacl - bytes), &rsm_generic_mapping);
    ntms_err status = objdb_security_set(db, id, bytes, length);
    free(bytes);
    return status;
}

static ntms_err set_security(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id, uint32_t type,
                             uint32_t information, const struct sec_descriptor *given)
{
    struct held_descriptor h;
    ntms_err status = own_descriptor(db, caller, id, type, information, true, &h);

    if (status != NTMS_OK)
        return status;
    sec_descriptor_merge(&h.sd, given, information);
    return store_descriptor(db, id, &h.sd);
}

ntms_err engine_set_security(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id,
                             uint32_t type, uint32_t information, const uint8_t *descriptor, size_t length)
{
    struct sec_descriptor given;

    if (!sec_descriptor_parse(descriptor, length, &given))
        return NTMS_E_INVALID_PARAMETER;
    ntms_err status = objdb_begin_write(engine->db);
    if (status != NTMS_OK)
        return status;
    return objdb_end(engine->db, set_security(engine->db, caller, id, type, information, &given));
}

/* RSM's descriptor for a pool created without one. */
static ntms_err inherited_pool_descriptor(struct objdb *db, const struct sec_caller *caller, const ntms_guid *parent,
                                          uint8_t *acl, struct held_descriptor *h)
{
    struct held_descriptor up;
    struct sec_acl_builder b;
    struct sec_sid system;
    struct rsm_object p;

    sec_sid_well_known(SEC_SID_LOCAL_SYSTEM, &system);
    sec_acl_begin(&b, acl, SEC_DESCRIPTOR_MAX);
    if (parent && objdb_get(db, parent, &p) == NTMS_OK && p.info.pool.pool_type != RSM_POOLTYPE_ROOT
        && read_descriptor(db, parent, &up) == NTMS_OK && up.sd.dacl) {
        struct sec_acl_cursor cursor = SEC_ACL_CURSOR_START;
        struct sec_ace ace;
        while (sec_acl_next(up.sd.dacl, &cursor, &ace))
            if (!(ace.flags & SEC_ACE_INHERIT_ONLY))
                sec_acl_add_copy(&b, &ace, (uint8_t)(ace.flags | SEC_ACE_INHERITED));
    }
    sec_acl_add(&b, SEC_ACE_ACCESS_ALLOWED, 0, FULL_CONTROL, &caller->user.sid);
    sec_acl_add(&b, SEC_ACE_ACCESS_ALLOWED, 0, FULL_CONTROL, &system);
    if (!sec_acl_end(&b))
        return NTMS_E_INVALID_PARAMETER;
    h->sd = (struct sec_descriptor){ SEC_SELF_RELATIVE | SEC_DACL_PRESENT, caller->user.sid.bytes, NULL, NULL, acl };
    return NTMS_OK;
}

ntms_err object_security_new_pool(struct objdb *db, const struct sec_caller *caller, const ntms_guid *pool,
                                  const ntms_guid *parent, const uint8_t *given, size_t given_length)
{
    struct held_descriptor h;
    uint8_t *acl = NULL;
    ntms_err status = NTMS_OK;

    if (given) {
        if (!sec_descriptor_parse(given, given_length, &h.sd))
            return NTMS_E_INVALID_PARAMETER;
        if (!h.sd.owner && caller)
            h.sd.owner = caller->user.sid.bytes;
    } else if (caller) {
        acl = malloc(SEC_DESCRIPTOR_MAX);
        status = acl ? inherited_pool_descriptor(db, caller, parent, acl, &h) : NTMS_E_NOT_ENOUGH_MEMORY;
    } else {
        build_default(&h);
    }
    if (status == NTMS_OK)
        status = store_descriptor(db, pool, &h.sd);
    free(acl);
    return status;
}
