#!/usr/bin/env bash
# Library benchmarks against tgt: prints figures, asserts nothing.
#   1. a full element scan of a 1,000-slot library, beside mtx status
#   2. IdentifyNtmsSlot (immediate, deferred, empty slot) beside the same
#      work by hand: mtx load, a READ of the first block, mtx unload
# usage: bench/library/run.sh <native-build-dir>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
harness=$here/../../tests/harness
build=$(cd "$1" && pwd)
state=$(mktemp -d)
cleanup() { "$harness/bridge.sh" stop "$state"; "$harness/vtl.sh" stop "$state"; rm -rf "$state"; }
trap cleanup EXIT
seconds() { local s=$(date +%s.%N); "$@" > /dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }

"$harness/vtl.sh" start "$state" --slots 1000
"$harness/bridge.sh" start "$state" "$build"
set -a; source "$state/env"; source "$state/bridge.env"; set +a
"$build/bench/library/bench_library" scan
echo "full element scan (mtx status through the bridge): $(seconds env LD_PRELOAD="$SGBRIDGE_PRELOAD" mtx -f "$SGBRIDGE_CHANGER0" status) s"
"$harness/bridge.sh" stop "$state"; "$harness/vtl.sh" stop "$state"

"$harness/vtl.sh" start "$state"
"$harness/bridge.sh" start "$state" "$build"
set -a; source "$state/env"; source "$state/bridge.env"; set +a
NTMSAPI_DATA_DIR=$state/data "$build/bench/library/bench_library" identify
by_hand() {
    LD_PRELOAD=$SGBRIDGE_PRELOAD mtx -f "$SGBRIDGE_CHANGER0" load 3 0
    LD_PRELOAD=$SGBRIDGE_PRELOAD sg_raw -r 262144 "$SGBRIDGE_TAPE0" 08 02 04 00 00 00 || true
    LD_PRELOAD=$SGBRIDGE_PRELOAD mtx -f "$SGBRIDGE_CHANGER0" unload 3 0
}
echo "the same by hand (mtx load, sg_raw READ(6), mtx unload): $(seconds by_hand) s, 3 processes"
