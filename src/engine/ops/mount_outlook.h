/* What a waiting mount would meet if it tried now, judged from the
 * records alone (no lock, no device): its turn is taken only when it
 * could go, so that a waiting call writes nothing while it waits. A
 * prediction: the try decides, and a try that meets a busy library
 * waits again. */
#ifndef NTMSAPI_ENGINE_OPS_MOUNT_OUTLOOK_H
#define NTMSAPI_ENGINE_OPS_MOUNT_OUTLOOK_H

#include "engine/core/engine.h"

enum mount_outlook {
    MOUNT_CAN_GO,        /* the media are free and enough drives are */
    MOUNT_DRIVES_BUSY,   /* fewer drives free than media to load (or the named drives in use) */
    MOUNT_MEDIUM_BUSY,   /* a medium is in a drive someone uses */
};

/* The mount of sides or logical media ids[0..count) in `library`; with
 * NTMS_MOUNT_SPECIFIC_DRIVE in `options`, into drives[0..count). A drive
 * is free when it is usable and nobody alive holds it. */
enum mount_outlook mount_outlook(struct engine *engine, const ntms_guid *library, const ntms_guid *ids,
                                 const ntms_guid *drives, uint32_t count, uint32_t options);

#endif
