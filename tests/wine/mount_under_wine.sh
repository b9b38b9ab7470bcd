#!/usr/bin/env bash
# MountNtmsMedia, DismountNtmsMedia, DismountNtmsDrive and
# InventoryNtmsLibrary under Wine, with mtx as the witness. Runs inside
# with_library.sh. usage: mount_under_wine.sh <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}"
source "$here/witness.sh"
run() { "$here/run_win32_test.sh" "$windows" test_mount.exe "$prefix" "$@"; }

check "mount, then a deferred dismount" run mount-deferred
status_now
check "after a deferred dismount N0001L6 stays in its drive" in_a_drive 1 N0001L6
check "mounted again in place, then an immediate dismount" run remount-immediate
status_now
check "N0001L6 is home" in_slot 1 N0001L6
check "DismountNtmsDrive" run drive
status_now
check "N0001L6 is home again" in_slot 1 N0001L6
check "pools: MoveToNtmsMediaPool by RSM's rules" run pools
check "disabling a drive and a medium" run disable
status_now
check "the disabled drive's deferred tape N0002L6 went home" in_slot 2 N0002L6
marker=$data/both-mounted
run hold 6 "Z:${marker//\//\\}" > "$data/hold.txt" 2>&1 &
holder=$!
for _ in $(seq 600); do [ -e "$marker" ] || ! kill -0 "$holder" 2>/dev/null && break; sleep 0.1; done
check "both drives held by another process" test -e "$marker"
check "busy drives: kept though held open, a mounted tape left alone, no wait, a wait in vain, a wait that ends" run busy
check "the holder dismounted both" wait "$holder"
cat "$data/hold.txt"
check "inventory" run inventory
status_now
check "all tapes home after the inventory" bash -c "[ \$(grep -c 'Storage Element [0-9]*:Full' '$data/mtx.txt') -eq 7 ]"
summary
