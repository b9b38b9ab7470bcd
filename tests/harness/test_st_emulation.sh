#!/usr/bin/env bash
# The bridge's st emulation seen by a Linux program through the preload
# (st_emulation_check), on the tape mtx loads into drive 0.
# usage: test_st_emulation.sh <native-build-dir>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1
state=$(mktemp -d)
cleanup() { "$here/bridge.sh" stop "$state"; "$here/vtl.sh" stop "$state"; rm -rf "$state"; }
trap cleanup EXIT

"$here/vtl.sh" start "$state"
"$here/bridge.sh" start "$state" "$build"
source "$state/bridge.env"
export SGBRIDGE_SOCKET
with_bridge() { LD_PRELOAD=$SGBRIDGE_PRELOAD "$@"; }

with_bridge mtx -f "$SGBRIDGE_CHANGER0" load 1 0 > /dev/null
status=0
with_bridge "$build/tests/harness/st_emulation_check" "$SGBRIDGE_TAPE0" || status=$?
with_bridge mtx -f "$SGBRIDGE_CHANGER0" unload 1 0 > /dev/null
exit "$status"
