#!/usr/bin/env bash
# IdentifyNtmsSlot under Wine against tgt, with mtx through the same bridge
# as the witness of where each tape really is. Runs inside with_library.sh.
# usage: identify_under_wine.sh <native-build> <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=$1 windows=$2 prefix=$3
source "$VTL_ENV"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}" NTMSAPI_DEFER_DISMOUNT_DELAY=2
source "$here/witness.sh"
run() { "$here/run_win32_test.sh" "$windows" test_library.exe "$prefix" "$@"; }

# Backup applications labelled two tapes before RSM saw them.
check "an ANSI VOL1 label written on slot 7's tape" \
    "$native/tests/engine/write_label" "$VTL_CHANGER_URL" "$VTL_TAPE0_URL" 7 ansi NTMLBL
check "an MTF label written on slot 5's tape" \
    "$native/tests/engine/write_label" "$VTL_CHANGER_URL" "$VTL_TAPE0_URL" 5 mtf Weekly

check "main sequence under Wine (see its own checks)" run main
status_now
check "IMMEDIATE: N0001L6 back in slot 1" in_slot 1 N0001L6
check "option 0: N0003L6 back in slot 3" in_slot 3 N0003L6

# The deferring process alive: its own timer sends the tape home after the 2 s delay.
marker=$data/deferred
run defer 2 5 "Z:${marker//\//\\}" > "$data/defer.txt" 2>&1 &
deferrer=$!
for _ in $(seq 600); do [ -e "$marker" ] || ! kill -0 "$deferrer" 2>/dev/null && break; sleep 0.1; done
status_now
check "DEFERRED: N0002L6 still in a drive while the delay runs" in_a_drive 2 N0002L6
check "the deferring process" wait "$deferrer"
status_now
check "after the delay, with no other call, the deferring process sent N0002L6 home" in_slot 2 N0002L6

# The deferring process gone: the next process that uses the library does it.
run defer 3 0 "Z:${marker//\//\\}" > "$data/defer.txt" 2>&1
sleep 3   # past the delay, nobody running
status_now
check "a deferral whose process ended: N0003L6 waits in its drive" in_a_drive 3 N0003L6
check "a later identification (slot 5, MTF label) in a new process" run label 5 MTF Weekly
status_now
check "which first sent N0003L6 home" in_slot 3 N0003L6
check "N0005L6 back in slot 5" in_slot 5 N0005L6

NTMSAPI_TEST_CRASH=after-move run crash-slot 6 > "$data/crash.txt" 2>&1 || true
status_now
check "a process killed after moving N0006L6 into a drive leaves it there" in_a_drive 6 N0006L6
check "the next session repairs the library and identifies slot 7 (ANSI label)" run label 7 "ANSI VOL1" NTMLBL
status_now
check "N0006L6 is back in slot 6" in_slot 6 N0006L6
check "and its request is FAILED, ERROR_OPERATION_ABORTED, none left INPROCESS" run requests
check "slot 6 identifies normally afterwards" run slot 6
status_now
check "and N0006L6 is home again" in_slot 6 N0006L6
cat "$data/mtx.txt"
summary
