#!/usr/bin/env bash
# The media life cycle under Wine (test_media.exe), mtx the witness: six
# tapes identified and moved to Free; Microsoft's RSM API sample in two
# runs (allocate, mount the logical medium, write a label and data
# through the drive's device, UpdateNtmsOmidInfo, dismount, complete; then
# another process mounts it, reads it back, identifies its slot, and
# deallocates it back to Free); two processes allocating from one pool at
# once; an allocation waiting for a side another process frees;
# dwMaxAllocates; NEXT on a two-sided medium; the exports' refusals.
# What the sample wrote is read outside Wine too. Runs inside with_library.sh.
# usage: lifecycle_under_wine.sh <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}"
source "$here/witness.sh"
run() { "$here/run_win32_test.sh" "$windows" test_media.exe "$prefix" "$@"; }
source "$VTL_ENV"
mtx_() { LD_PRELOAD=$SGBRIDGE_PRELOAD mtx -f "$SGBRIDGE_CHANGER0" "$@" > "$data/mtx-$1.txt" 2>&1; }
# What the sample wrote, read outside Wine (libiscsi, no preload): the
# 80-byte label, three 4096-byte blocks, a filemark.
written_by_the_sample() {
    "$NTMSAPI_NATIVE_BUILD/tests/engine/read_tape_layout" "$VTL_TAPE0_URL" > "$data/layout.txt" || return 1
    printf 'block 80\nblock 4096\nblock 4096\nblock 4096\nfilemark\n' > "$data/expected.txt"
    awk '{print $1 ($2 == "" ? "" : " " $2)}' "$data/layout.txt" | head -5 | diff "$data/expected.txt" -
}
all_home() { [ "$(grep -c 'Storage Element [0-9]*:Full' "$data/mtx.txt")" -eq 7 ]; }
lmid_file="Z:${data//\//\\}\\sample-lmid.txt"

check "six tapes identified and moved to Free (free labels written)" run free-media 6
check "the sample's first run: allocate, mount, write, label, dismount, complete" run sample-first "$lmid_file"
status_now
check "N0001L6, written, is home in slot 1" in_slot 1 N0001L6
check "mtx loads it into drive 0" mtx_ load 1 0
check "the tape holds the label and the data blocks, read outside Wine" written_by_the_sample
check "mtx unloads it into slot 1" mtx_ unload 1 0
check "its second run, another process: mount, read back, identify, deallocate to Free" run sample-second "$lmid_file"
status_now
check "N0001L6 is home again" in_slot 1 N0001L6
check "every tape is home" all_home

run race 2 > "$data/racer0.txt" 2>&1 &
racer0=$!
run race 2 > "$data/racer1.txt" 2>&1 &
racer1=$!
check "racer 0: two allocations from \\Race" wait "$racer0"
check "racer 1: two allocations from \\Race, at the same time" wait "$racer1"
cat "$data/racer0.txt" "$data/racer1.txt"
check "four sides, none allocated twice" run race-check 4

run wait 60 > "$data/waiter.txt" 2>&1 &
waiter=$!
check "another process frees a side of \\Race after 3 s" run free-one 3000 > "$data/freer.txt"
cat "$data/freer.txt"
check "the waiting allocation got it" wait "$waiter"
cat "$data/waiter.txt"
freed=$(sed -n 's/^freed side //p' "$data/freer.txt")
got=$(sed -n 's/^allocated side //p' "$data/waiter.txt")
check "the side freed is the side the waiter allocated ($freed)" test -n "$freed" -a "$freed" = "${got:-$freed}"

check "dwMaxAllocates: decommissioned at the limit" run max-allocates
check "NEXT on a two-sided medium" run next
check "the exports refuse bad input" run lifecycle-refusals
status_now
check "every tape is home at the end" all_home
summary
