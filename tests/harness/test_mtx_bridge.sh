#!/usr/bin/env bash
# mtx through the SG_IO bridge sees and moves the tgt library: the
# independent witness the other tests rely on.
# usage: test_mtx_bridge.sh <native-build-dir> [slots]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1 slots=${2:-8}
state=$(mktemp -d)
passed=0 failed=0
cleanup() { "$here/bridge.sh" stop "$state"; "$here/vtl.sh" stop "$state"; rm -rf "$state"; }
trap cleanup EXIT

check() {
    local what=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok: $what"; else failed=$((failed + 1)); echo "FAIL: $what"; fi
}

"$here/vtl.sh" start "$state" --slots "$slots"
"$here/bridge.sh" start "$state" "$build"
source "$state/env"
source "$state/bridge.env"
export SGBRIDGE_SOCKET
mtx_() { LD_PRELOAD=$SGBRIDGE_PRELOAD mtx -f "$SGBRIDGE_CHANGER0" "$@"; }

mtx_ status > "$state/status.txt"
check "header: $VTL_DRIVES drives, $((slots + 2)) slots with 2 import/export" \
    grep -q "$VTL_DRIVES Drives, $((slots + 2)) Slots ( 2 Import/Export )" "$state/status.txt"
full=$(grep -c 'Storage Element [0-9]*:Full' "$state/status.txt" || true)
# vtl.sh fills every slot but each fourth, and the last one always.
expected=$((slots - slots / 4 + (slots % 4 == 0 ? 1 : 0)))
check "$expected full slots (got $full)" test "$full" -eq "$expected"
check "the last slot holds its tape" grep -q "Storage Element $slots:Full :VolumeTag=$(printf 'N%04dL6' "$slots")" "$state/status.txt"
check "the last import/export port holds I0002L6" grep -q "IMPORT/EXPORT:Full :VolumeTag=I0002L6" "$state/status.txt"
check "slot 1 holds N0001L6" grep -q 'Storage Element 1:Full :VolumeTag=N0001L6' "$state/status.txt"
check "slot 4 is empty" grep -q 'Storage Element 4:Empty' "$state/status.txt"
check "drives empty" test "$(grep -c 'Data Transfer Element [0-9]*:Empty' "$state/status.txt")" -eq "$VTL_DRIVES"

if [ "$slots" -le 64 ]; then
    mtx_ load 2 1 > /dev/null
    mtx_ status > "$state/loaded.txt"
    check "after load: drive 1 holds N0002L6 from slot 2" \
        grep -q 'Data Transfer Element 1:Full (Storage Element 2 Loaded):VolumeTag = N0002L6' "$state/loaded.txt"
    check "after load: slot 2 empty" grep -q 'Storage Element 2:Empty' "$state/loaded.txt"
    mtx_ unload 2 1 > /dev/null
    mtx_ status > "$state/unloaded.txt"
    check "after unload: N0002L6 back in slot 2" grep -q 'Storage Element 2:Full :VolumeTag=N0002L6' "$state/unloaded.txt"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
