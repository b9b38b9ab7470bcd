/* RSM security on the object database: which objects carry a security
 * descriptor (the computer, libraries, media pools), which descriptor
 * governs every other object, the defaults, and the checks the exports
 * make ([MS-RSMP] 5; Microsoft's "RSM Security" table).
 *
 * Pool descriptors govern media, sides and logical media (the medium's
 * own pool, the lowest of nested pools); library descriptors govern
 * drives, changers, slots, ports, doors and library requests; the
 * computer's governs everything else. BUILTIN\Administrators pass every
 * check, as on Windows Server 2003 and later. */
#ifndef NTMSAPI_ENGINE_OBJECT_SECURITY_H
#define NTMSAPI_ENGINE_OBJECT_SECURITY_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/engine.h"
#include "security/sec_access.h"
#include "security/sec_caller.h"

enum { RSM_USE_ACCESS = 0x1, RSM_MODIFY_ACCESS = 0x2, RSM_CONTROL_ACCESS = 0x4 };

/* RSM's generic mapping: read is use; write adds modify; execute and all
 * are everything, with READ_CONTROL and WRITE_DAC. */
extern const struct sec_generic_mapping rsm_generic_mapping;

/* Checks `rights` on the descriptor that governs `id`, inside the
 * caller's transaction. A NULL caller is the engine itself (no check); an
 * unknown id passes, so the operation reports its own not-found error; a
 * NULL id names the computer. */
ntms_err object_access_check(struct objdb *db, const struct sec_caller *caller, const ntms_guid *id,
                             uint32_t rights);
/* The same in a read transaction of its own; a NULL id names the computer. */
ntms_err engine_check_access(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id,
                             uint32_t rights);
/* engine_get_object and the check in one read transaction (the hot path
 * of GetNtmsObjectInformation). */
ntms_err engine_get_object_checked(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id,
                                   uint32_t rights, struct rsm_object *object);
/* Mount and dismount: `rights` on the medium's (or side's) pool and on the
 * library the medium is in. */
ntms_err engine_check_media_access(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id,
                                   uint32_t rights);

/* GetNtmsObjectSecurity: the parts `information` names, self-relative;
 * *needed is always the size; NTMS_E_INSUFFICIENT_BUFFER when capacity is short. */
ntms_err engine_get_security(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id,
                             uint32_t type, uint32_t information, uint8_t *buffer, uint32_t capacity,
                             uint32_t *needed);
/* SetNtmsObjectSecurity with a self-relative descriptor of `length` bytes. */
ntms_err engine_set_security(struct engine *engine, const struct sec_caller *caller, const ntms_guid *id,
                             uint32_t type, uint32_t information, const uint8_t *descriptor, size_t length);

/* The descriptor a new application pool gets, inside the creating
 * transaction: `given` (self-relative, may be NULL) with the creator as
 * owner when it names none; else, as RSM: the parent's ACEs (none when
 * the parent is the root) plus full control for the creator and LocalSystem. */
ntms_err object_security_new_pool(struct objdb *db, const struct sec_caller *caller, const ntms_guid *pool,
                                  const ntms_guid *parent, const uint8_t *given, size_t given_length);

#endif
