#!/usr/bin/env bash
# The object database through the DLL under Wine: one process for the API
# checks, then four Wine processes writing at once into one database.
# usage: objects_under_wine.sh <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}"
run() { "$here/run_win32_test.sh" "$windows" test_object.exe "$prefix" "$@"; }
passed=0 failed=0
check() {
    local what=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok: $what"; else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
check "object API checks" run
pids=()
for p in 0 1 2 3; do
    run write-attributes "$p" > "$data/writer$p.txt" 2>&1 &
    pids+=($!)
done
for p in 0 1 2 3; do
    check "writer $p" wait "${pids[$p]}"
done
check "every attribute of the four processes is there" run check-attributes 4
check "the database file is one valid image (no .damaged copy)" bash -c "! ls '$data' | grep -q damaged"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
