#!/usr/bin/env bash
# CreateNtmsMedia and the delete calls under Wine: the API checks, four
# processes creating pools and media into one database at once
# (test_media.exe), then a library that is seen, then gone: its devices
# deleted, its medium kept (test_library.exe). Runs inside with_library.sh.
# usage: media_under_wine.sh <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
source "$here/witness.sh"
use_database() { mkdir -p "$data/$1"; export NTMSAPI_DATA_DIR="Z:${data//\//\\}\\$1"; }
run() { "$here/run_win32_test.sh" "$windows" test_media.exe "$prefix" "$@"; }
per_process=25

use_database api
check "CreateNtmsMedia, DeleteNtmsMedia: the API checks" run
use_database many
pids=()
for p in 0 1 2 3; do
    run create "$p" "$per_process" > "$data/creator$p.txt" 2>&1 &
    pids+=($!)
done
for p in 0 1 2 3; do
    check "creator $p" wait "${pids[$p]}"
done
check "nothing lost, nothing duplicated" run check 4 "$per_process"
check "the database is one valid image (no .damaged copy)" bash -c "! ls '$data/many' | grep -q damaged"

use_database devices
check "a library is there: slot 1 identified, what DeleteNtmsLibrary and DeleteNtmsDrive refuse" \
    "$here/run_win32_test.sh" "$windows" test_library.exe "$prefix" seen
# Gone: the prefix's devices lead nowhere and no bridge is preloaded.
for device in changer0 tape0 tape1; do ln -sfn /nonexistent "$prefix/dosdevices/$device"; done
check "the library is gone: DeleteNtmsDrive, DeleteNtmsLibrary" env -u SGBRIDGE_ENV "$here/run_win32_test.sh" \
    "$windows" test_library.exe "$prefix" forget
summary
