#!/usr/bin/env bash
# The object database through the DLL under Wine, no library: object
# information, attributes, enable and disable (test_object.exe), pools
# (test_pool.exe), export and import (test_database.exe), UI options
# (test_uioptions.exe), one process each, in that order; then four Wine
# processes writing attributes at once into one database.
# usage: objects_under_wine.sh <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}"
# run <program> [arguments...]
run() { local program=$1; shift; "$here/run_win32_test.sh" "$windows" "$program.exe" "$prefix" "$@"; }
passed=0 failed=0
check() {
    local what=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok: $what"; else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
check "object information, attributes, enable and disable" run test_object
check "system and application pools" run test_pool
check "export and import" run test_database
check "UI options" run test_uioptions
pids=()
for p in 0 1 2 3; do
    run test_object write-attributes "$p" > "$data/writer$p.txt" 2>&1 &
    pids+=($!)
done
for p in 0 1 2 3; do
    check "writer $p" wait "${pids[$p]}"
done
check "every attribute of the four processes is there" run test_object check-attributes 4
check "the database file is one valid image (no .damaged copy)" bash -c "! ls '$data' | grep -q damaged"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
