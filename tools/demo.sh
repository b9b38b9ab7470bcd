#!/usr/bin/env bash
# The main job, end to end on one machine: a virtual tape library (tgt) is
# started locally, the built ntmsapi.dll runs under Wine against it through
# the SG_IO bridge, and mtx shows the same library independently.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/install-deps.sh
for preset in win64 native; do
    cmake --preset "$preset" > /dev/null
    cmake --build --preset "$preset" -j "$(nproc)" > /dev/null
done

state=$(mktemp -d)
cleanup() { tests/harness/bridge.sh stop "$state"; tests/harness/vtl.sh stop "$state"; rm -rf "$state"; }
trap cleanup EXIT
tests/harness/vtl.sh start "$state"
tests/harness/bridge.sh start "$state" build/native
source "$state/env"
source "$state/bridge.env"
export SGBRIDGE_SOCKET NTMSAPI_DATA_DIR="Z:${state//\//\\}\\rsm-data"

# Two tapes carry labels a backup application wrote before RSM saw them.
build/native/tests/engine/write_label "$VTL_CHANGER_URL" "$VTL_TAPE0_URL" 2 ansi DAILY1
build/native/tests/engine/write_label "$VTL_CHANGER_URL" "$VTL_TAPE0_URL" 5 mtf "Weekly full"


echo "== The virtual library, as mtx sees it through the bridge"
LD_PRELOAD=$SGBRIDGE_PRELOAD mtx -f "$SGBRIDGE_CHANGER0" status
echo
echo "== The same library through ntmsapi.dll under Wine: IdentifyNtmsSlot on every slot"
WINE_RUN_PLAIN=1 SGBRIDGE_ENV=$state/bridge.env tests/wine/run_win32_test.sh build/win64 ntmsdemo.exe "$state/prefix" \
    || { echo "(the demo program failed)"; exit 1; }
echo
echo "== Afterwards, mtx again: every tape is back in its slot"
LD_PRELOAD=$SGBRIDGE_PRELOAD mtx -f "$SGBRIDGE_CHANGER0" status
