#!/usr/bin/env bash
# Tape I/O from a Win32 program under Wine: test_tape_io.exe writes, reads
# and positions the tape in drive 0 through \\.\Tape0 (Wine's st calls,
# served by the bridge's st emulation); then the tape is read outside Wine
# (libiscsi, no preload) and must hold what the program says it wrote.
# mtx, through the bridge, loads the tape first and is the witness that it
# went home after. Runs inside with_library.sh.
# usage: tape_io_under_wine.sh <native-build> <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=$1 windows=$2 prefix=$3
source "$VTL_ENV"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
source "$here/witness.sh"
mtx_() { LD_PRELOAD=$SGBRIDGE_PRELOAD mtx -f "$SGBRIDGE_CHANGER0" "$@" > "$data/mtx-$1.txt" 2>&1; }
read_outside_wine() { "$native/tests/engine/read_tape_layout" "$VTL_TAPE0_URL" > "$data/actual.txt"; }

check "mtx loads slot 1's tape into drive 0" mtx_ load 1 0
check "the Win32 tape calls under Wine (see the program's own checks)" \
    "$here/run_win32_test.sh" "$windows" test_tape_io.exe "$prefix" "Z:${data//\//\\}\\expected.txt"
check "the tape read outside Wine" read_outside_wine
check "holds every block, byte for byte, and every filemark the program wrote" \
    diff "$data/expected.txt" "$data/actual.txt"
check "mtx unloads drive 0 into slot 1" mtx_ unload 1 0
status_now
check "N0001L6 is back in slot 1" in_slot 1 N0001L6
summary
