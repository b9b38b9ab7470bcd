/* The text of an operator request whose submitter gave none, and of the
 * requests the library raises: what the operator is asked to do, naming
 * the objects as RSM's consoles name them. */
#ifndef NTMSAPI_ENGINE_RECORDS_OPERATOR_MESSAGES_H
#define NTMSAPI_ENGINE_RECORDS_OPERATOR_MESSAGES_H

#include "engine/core/objdb.h"

/* Fills request->info.op_request.message from its request and arguments,
 * inside the caller's transaction. */
void opreq_default_message(struct objdb *db, struct rsm_object *request);

#endif
