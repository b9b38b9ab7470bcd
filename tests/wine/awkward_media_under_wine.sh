#!/usr/bin/env bash
# Tapes that are awkward to identify, under Wine against tgt: the last slot
# (tgt cuts the last descriptor of every READ ELEMENT STATUS reply short)
# and a tape whose barcode cannot be read (its volume tag is blank), which
# identified again and again must stay one medium. mtx is the witness.
# Runs inside with_library.sh with VTL_OPTIONS="--no-barcode 4".
# usage: awkward_media_under_wine.sh <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$2
source "$VTL_ENV"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}" NTMSAPI_DEFER_DISMOUNT_DELAY=600
source "$here/witness.sh"
run() { "$here/run_win32_test.sh" "$windows" test_library.exe "$prefix" "$@"; }
last=$VTL_SLOTS

status_now
check "mtx sees slot $last's barcode" in_slot "$last" "$(printf 'N%04dL6' "$last")"
check "the last slot's tape keeps its barcode and media type" run barcode "$last" "$(printf 'N%04dL6' "$last")" LTO-6
check "a tape without a readable barcode, identified four times, is one medium" run anonymous 4
status_now
check "N$(printf '%04d' "$last")L6 back in slot $last" in_slot "$last" "$(printf 'N%04dL6' "$last")"
check "the unlabelled tape back in slot 4" grep -q "Storage Element 4:Full :VolumeTag= *$" "$data/mtx.txt"
cat "$data/mtx.txt"
summary
