#!/usr/bin/env bash
# MountNtmsMedia, DismountNtmsMedia, DismountNtmsDrive and
# InventoryNtmsLibrary under Wine, with mtx as the witness. Runs inside
# with_library.sh. usage: mount_under_wine.sh <win64-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
win64=$1 prefix=$2
source "$SGBRIDGE_ENV"
export SGBRIDGE_SOCKET
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}"
passed=0 failed=0
check() {
    local what=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok: $what"; else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
status_now() { LD_PRELOAD=$SGBRIDGE_PRELOAD mtx -f "$SGBRIDGE_CHANGER0" status > "$data/mtx.txt"; }
in_slot() { grep -q "Storage Element $1:Full :VolumeTag=$2 " "$data/mtx.txt"; }
in_a_drive() { grep -q "Data Transfer Element [0-9]*:Full (Storage Element $1 Loaded):VolumeTag = $2 " "$data/mtx.txt"; }
run() { "$here/run_win32_test.sh" "$win64" test_mount.exe "$prefix" "$@"; }

check "mount, then a deferred dismount" run mount-deferred
status_now
check "after a deferred dismount N0001L6 stays in its drive" in_a_drive 1 N0001L6
check "mounted again in place, then an immediate dismount" run remount-immediate
status_now
check "N0001L6 is home" in_slot 1 N0001L6
check "DismountNtmsDrive" run drive
status_now
check "N0001L6 is home again" in_slot 1 N0001L6
check "inventory" run inventory
status_now
check "all tapes home after the inventory" bash -c "[ \$(grep -c 'Storage Element [0-9]*:Full' '$data/mtx.txt') -eq 6 ]"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
