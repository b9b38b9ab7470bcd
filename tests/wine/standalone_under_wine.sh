#!/usr/bin/env bash
# Stand-alone drives under Wine: two tape drives outside the changer
# (vtl.sh --standalone 2: \\.\Tape2 with a labelled tape, \\.\Tape3 with a
# blank one) become libraries of their own: inventory (test_library.exe),
# mount in place and a dismount that leaves the tape (test_media.exe),
# DismountNtmsDrive (test_library.exe). Run by with_library.sh with VTL_OPTIONS.
# usage: standalone_under_wine.sh <native-build> <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=$1 windows=$2 prefix=$3
source "$VTL_ENV"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}"
export WINE_DOSDEVICES="changer0=changer0 tape0=tape0 tape1=tape1 tape2=tape2 tape3=tape3"
source "$here/witness.sh"
# run <program> <mode>
run() { "$here/run_win32_test.sh" "$windows" "$1.exe" "$prefix" "$2"; }
check "an ANSI label on the tape in the first stand-alone drive" \
    "$native/tests/engine/write_label" - "$VTL_TAPE2_URL" 0 ansi SAVOL1
check "stand-alone drives: libraries of their own, inventory" run test_library standalone
check "stand-alone drives: mount in place, a dismount that leaves the tape" run test_media standalone
check "stand-alone drives: no inventory while mounted, DismountNtmsDrive" run test_library standalone-drive
status_now
check "the changer's tapes are where they were (N0001L6 in slot 1)" in_slot 1 N0001L6
summary
