/* The changer's word about the drives against the records, under the
 * robot lock: a tape the records do not know goes back where it came from
 * (and a medium known by its barcode is recorded there); a mount whose
 * owner is gone is dismounted; a drive recorded loaded that is empty is
 * recorded empty and its medium where the changer has it: in a slot, in
 * another drive (sent home from there), or out of the library only when
 * the changer was read and holds it nowhere. */
#ifndef NTMSAPI_ENGINE_DRIVE_RECONCILE_H
#define NTMSAPI_ENGINE_DRIVE_RECONCILE_H

#include "engine/device/library_access.h"

void reconcile_drives(struct library_access *access);

#endif
