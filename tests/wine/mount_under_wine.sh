#!/usr/bin/env bash
# MountNtmsMedia and DismountNtmsMedia (test_media.exe), DismountNtmsDrive,
# busy drives and InventoryNtmsLibrary (test_library.exe), pools in a
# library (test_pool.exe), disabling (test_object.exe) under Wine, with mtx
# as the witness. Runs inside with_library.sh.
# usage: mount_under_wine.sh <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}"
source "$here/witness.sh"
# run <program> <mode> [arguments...]
run() { local program=$1; shift; "$here/run_win32_test.sh" "$windows" "$program.exe" "$prefix" "$@"; }

check "mount, then a deferred dismount" run test_media mount-deferred
status_now
check "after a deferred dismount N0001L6 stays in its drive" in_a_drive 1 N0001L6
check "mounted again in place, then an immediate dismount" run test_media remount-immediate
status_now
check "N0001L6 is home" in_slot 1 N0001L6
check "DismountNtmsDrive" run test_library drive
status_now
check "N0001L6 is home again" in_slot 1 N0001L6
check "pools: MoveToNtmsMediaPool by RSM's rules" run test_pool library
check "disabling a drive and a medium" run test_object disable
status_now
check "the disabled drive's deferred tape N0002L6 went home" in_slot 2 N0002L6
# Both drives held for 8 s: the two programs below start and meet the busy
# drives in about 3.5 s (3 s of it waiting), then one waits for a drive.
marker=$data/both-mounted
run test_media hold 8 "Z:${marker//\//\\}" > "$data/hold.txt" 2>&1 &
holder=$!
for _ in $(seq 600); do [ -e "$marker" ] || ! kill -0 "$holder" 2>/dev/null && break; sleep 0.1; done
check "both drives held by another process" test -e "$marker"
check "busy drives: a mount that does not wait, one that waits in vain" run test_media busy
check "busy drives: kept though held open, a tape mounted elsewhere left alone, a wait in vain, a wait that ends" \
    run test_library busy
check "the holder dismounted both" wait "$holder"
cat "$data/hold.txt"
check "inventory" run test_library inventory
status_now
check "all tapes home after the inventory" bash -c "[ \$(grep -c 'Storage Element [0-9]*:Full' '$data/mtx.txt') -eq 7 ]"
summary
