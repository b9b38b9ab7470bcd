#!/usr/bin/env bash
# The DLL under Wine: load time (DllMain does no I/O), then calls on a
# 10,000-media database. Prints figures only.
# usage: bench/dll/run.sh <native-build-dir> <win64-build-dir>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=$(cd "$1" && pwd) win64=$(cd "$2" && pwd)
run=$here/../../tests/wine/run_win32_test.sh
prefix=$native/tests/wine/prefix-x86_64
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WINE_RUN_PLAIN=1
untouched="Z:${work//\//\\}\\untouched"
baseline="Z:${win64//\//\\}\\tests\\baseline_dll.dll"
NTMSAPI_DATA_DIR=$untouched "$run" "$win64" bench_dll_load.exe "$prefix" "$untouched" "$baseline"
"$native/bench/store/bench_store" seed "$work/data"
NTMSAPI_DATA_DIR="Z:${work//\//\\}\\data" "$run" "$win64" bench_dll.exe "$prefix"
