/* The preload's side of the unix socket to sgbridged: one command, one
 * reply, serialised over one connection per process. */
#ifndef SGBRIDGE_BRIDGE_CLIENT_H
#define SGBRIDGE_BRIDGE_CLIENT_H

#include <stddef.h>

#include "sgbridge_protocol.h"

/* Sends rq (with url, cdb and data_out) and receives the reply: sense into
 * sense (at most sense_capacity bytes kept, rs->sense_length says how many)
 * and data-in into data_in. 0 when a reply came back, -1 when the bridge
 * could not be reached or broke the protocol. */
int bridge_call(const struct sgbridge_request *rq, const char *url, const void *cdb, const void *data_out,
                struct sgbridge_response *rs, void *sense, size_t sense_capacity, void *data_in);

#endif
