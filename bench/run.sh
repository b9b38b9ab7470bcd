#!/usr/bin/env bash
# Every benchmark, one after the other; prints figures only.
# usage: bench/run.sh [native-build-dir]   (default build/native)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/native}
echo "== SCSI layer";        "$build/bench/res_parse/bench_res_parse"
echo "== object database";   "$build/bench/store/bench_store"
echo "== the DLL under Wine"; bench/dll/run.sh "$build" build/win64
echo "== notifications";     "$build/bench/notification/bench_notification_native"
echo "== notifications under Wine (x86_64 DLL)"; bench/dll/notification.sh "$build" build/win64
echo "== notifications under Wine (i686 DLL)";   bench/dll/notification.sh "$build" build/win32
echo "== library (tgt)";     bench/library/run.sh "$build"
echo "== ntmsapi beside mtx: 1,000 slots, 800 tapes, 4 drives, 4 IE ports (about a minute)"
BENCH_NATIVE_BUILD=$build bench/table.sh
