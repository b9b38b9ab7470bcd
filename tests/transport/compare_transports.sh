#!/usr/bin/env bash
# The same commands through libiscsi (native) and through the DLL's Windows
# pass-through transport under Wine (SG_IO bridge) return the same bytes.
# Runs inside tests/wine/with_library.sh (VTL_ENV, SGBRIDGE_ENV set).
# usage: compare_transports.sh <native-build> <windows-build> <wine-prefix>
set -euo pipefail
native=$1 windows=$2 prefix=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$VTL_ENV"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
"$native/tests/transport/tgt_commands" "$VTL_CHANGER_URL" "$VTL_TAPE0_URL" --read-only > "$out/native.txt" || status=1
"$here/../wine/run_win32_test.sh" "$windows" tgt_commands.exe "$prefix" '\\.\Changer0' '\\.\Tape0' --read-only > "$out/wine.txt" || status=1
sed -i 's/\r$//' "$out/wine.txt"   # Wine's console output ends lines with CR LF
grep -v '^reply' "$out/native.txt" | sed 's/^/native: /'
grep -v '^reply' "$out/wine.txt" | sed 's/^/wine:   /'
grep '^reply' "$out/native.txt" > "$out/native.full"
grep '^reply' "$out/wine.txt" > "$out/wine.full"
if diff "$out/native.full" "$out/wine.full" > "$out/diff.txt"; then
    echo "ok: $(wc -l < "$out/native.full") replies byte-identical through libiscsi and Windows pass-through"
    echo "1 passed, 0 failed"
else
    cat "$out/diff.txt"
    echo "FAIL: replies differ"
    echo "0 passed, 1 failed"
    status=1
fi
# Then the whole sequence (moves, tape write and read) through Windows pass-through.
"$here/../wine/run_win32_test.sh" "$windows" tgt_commands.exe "$prefix" '\\.\Changer0' '\\.\Tape0' > "$out/wine-full.txt" || status=1
sed 's/\r$//' "$out/wine-full.txt" | grep -v '^reply' | sed 's/^/wine (full): /'
exit $status
