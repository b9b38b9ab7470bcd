/* The side (partition) a mount or dismount names, with its physical
 * medium, and where that medium is. */
#ifndef NTMSAPI_ENGINE_OPS_MEDIA_SIDES_H
#define NTMSAPI_ENGINE_OPS_MEDIA_SIDES_H

#include "engine/core/engine.h"

struct media_side {
    struct rsm_object partition, media;
};

/* A side id, or a logical medium's id (its side), and its medium;
 * NTMS_E_INVALID_MEDIA for anything else. */
ntms_err media_side_resolve(struct engine *engine, const ntms_guid *id, struct media_side *side);
/* NTMS_E_MEDIA_OFFLINE unless the medium is in an online or stand-alone library. */
ntms_err media_side_in_a_library(struct engine *engine, const struct media_side *side);

#endif
