/* A media label library's say on a first block (the DLL offers it to the
 * libraries registered with Windows): true when one claimed it, with
 * type, id and info filled in; the engine marks it LABEL_CLAIMED. The
 * engine keeps the DLL's offer; labels/ decides what it means. */
#ifndef NTMSAPI_ENGINE_CORE_LABEL_OFFER_H
#define NTMSAPI_ENGINE_CORE_LABEL_OFFER_H

#include <stddef.h>
#include <stdint.h>

struct label_info;
typedef int (*label_offer)(const uint8_t *block, size_t length, struct label_info *label);

#endif
