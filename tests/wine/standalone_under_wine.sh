#!/usr/bin/env bash
# Stand-alone drives under Wine: two tape drives outside the changer
# (vtl.sh --standalone 2: \\.\Tape2 with a labelled tape, \\.\Tape3 with a
# blank one) become libraries of their own; inventory, mount in place,
# dismount that leaves the tape. Run by with_library.sh with VTL_OPTIONS.
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
check "an ANSI label on the tape in the first stand-alone drive" \
    "$native/tests/engine/write_label" - "$VTL_TAPE2_URL" 0 ansi SAVOL1
check "stand-alone drives: inventory, mount, dismount" \
    "$here/run_win32_test.sh" "$windows" test_mount.exe "$prefix" standalone
status_now
check "the changer's tapes are where they were (N0001L6 in slot 1)" in_slot 1 N0001L6
summary
