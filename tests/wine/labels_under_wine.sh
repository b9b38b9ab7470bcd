#!/usr/bin/env bash
# Media label libraries under Wine: a test MLL registered in the prefix
# as RSM's were (HKLM\...\NTMS\OMID\Tape\<name>, value Path) claims its
# own labels, holds a careless one's answer to RSM's field sizes, and
# leaves other labels to the built-in recognisers. Runs inside with_library.sh.
# usage: labels_under_wine.sh <native-build> <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=$1 windows=$2 prefix=$3
source "$VTL_ENV"
data=$(mktemp -d)
key='HKLM\SYSTEM\CurrentControlSet\Control\NTMS\OMID\Tape\acme'
reg() { WINEPREFIX=$prefix WINEDEBUG=-all wine reg "$@" > "$data/reg.txt" 2>&1; }
trap 'reg delete "$key" /f || true; rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}"
source "$here/witness.sh"
run() { "$here/run_win32_test.sh" "$windows" test_library.exe "$prefix" "$@"; }

"$here/run_win32_test.sh" "$windows" - "$prefix"
# REG_EXPAND_SZ, as installers wrote it (%SystemRoot%\System32\...): expanded when loaded.
export ACME_MLL_DIR="Z:$(echo "$windows/tests" | sed 's|/|\\|g')"
check "register the test media label library" reg add "$key" /v Path /t REG_EXPAND_SZ /d '%ACME_MLL_DIR%\test_mll.dll' /f
reg add "$key" /v Description /t REG_SZ /d "ACME Backup labels" /f
check "an ACME Backup label on slot 1's tape" "$native/tests/engine/write_label" "$VTL_CHANGER_URL" "$VTL_TAPE0_URL" 1 raw ACMEBKUPVOL00042
check "a label the careless library claims on slot 2's" "$native/tests/engine/write_label" "$VTL_CHANGER_URL" "$VTL_TAPE0_URL" 2 raw BADMLL
check "an MTF label on slot 3's" "$native/tests/engine/write_label" "$VTL_CHANGER_URL" "$VTL_TAPE0_URL" 3 mtf Monday

check "the library claims its label: type, id and description from ClaimMediaLabel" run label 1 "ACME Backup" VOL00042
check "a careless library's answer is held to RSM's sizes" run careless 2
check "a label it declines is recognised as before (MTF)" run label 3 MTF Monday
status_now
for s in 1 2 3; do check "N000${s}L6 back in slot $s" in_slot "$s" "N000${s}L6"; done
summary
