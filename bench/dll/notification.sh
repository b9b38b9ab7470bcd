#!/usr/bin/env bash
# Notifications through the DLL under Wine, across processes: the latency
# from a change to another process's WaitForNtmsNotification (median, p99)
# and what a change (SetNtmsObjectInformationW of a pool, one commit) pays
# for it: alone, with a process waiting on another type, with one and with
# four processes waiting on its type. Prints figures only. No library.
# usage: bench/dll/notification.sh <native-build-dir> <windows-build-dir>
# Environment: BENCH_CHANGES (changes per case, default 500),
#              BENCH_PAUSE_MS (between changes, default 2).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=$(cd "$1" && pwd) windows=$(cd "$2" && pwd)
changes=${BENCH_CHANGES:-500} pause=${BENCH_PAUSE_MS:-2}
source "$here/../../tests/wine/wine_env.sh"
arch=$([ "$(wine_arch_of "$windows/ntmsapi.dll")" = win64 ] && echo x86_64 || echo i686)
prefix=$native/tests/wine/prefix-$arch
work=$(mktemp -d)
declare -a listeners=()
cleanup() {
    local pid
    for pid in "${listeners[@]}"; do kill -9 "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/app" "$work/data"
wine_prefix_ready "$windows" "$prefix"
for name in changer0 tape0 tape1; do ln -sfn /nonexistent "$prefix/dosdevices/$name"; done   # no library
loader=$(wine_loader)
cp "$windows/ntmsapi.dll" "$windows/tests/bench_notification.exe" "$work/app/"
export NTMSAPI_DATA_DIR="Z:${work//\//\\}\\data"
win() { echo "Z:${1//\//\\}"; }
bench() { (cd "$work/app" && "$loader" bench_notification.exe "$@"); }

# $1 listeners of type $2 (NTMS_MEDIA_POOL 12, NTMS_DRIVE 5), each ready before the writer starts.
start_listeners() {
    local count=$1 type=$2 i
    listeners=()
    for i in $(seq "$count"); do
        (cd "$work/app" && exec "$loader" bench_notification.exe listen "$type" "$changes" \
            "$(win "$work/heard-$i.txt")" "$(win "$work/ready-$i")") > /dev/null 2>&1 &
        listeners+=("$!")
    done
    for i in $(seq "$count"); do
        while [ ! -e "$work/ready-$i" ]; do sleep 0.05; done
    done
}

finish_listeners() {
    local pid
    for pid in "${listeners[@]}"; do wait "$pid" 2> /dev/null || true; done
    rm -f "$work"/ready-*
}

run_case() {
    local what=$1 count=$2 type=$3 logs=() i
    rm -f "$work"/heard-*.txt
    [ "$count" -eq 0 ] || start_listeners "$count" "$type"
    bench write "$changes" "$pause" "$(win "$work/writer.txt")"
    if [ "$type" = 12 ]; then
        finish_listeners
        for i in $(seq "$count"); do logs+=("$(win "$work/heard-$i.txt")"); done
    else
        for pid in "${listeners[@]}"; do kill -9 "$pid" 2> /dev/null || true; done
        finish_listeners
    fi
    bench report "$what" "$(win "$work/writer.txt")" "${logs[@]}"
}

echo "the $arch DLL under $(wine --version); $changes changes a case, one every ${pause} ms"
bench prepare
run_case "no channel open" 0 0
run_case "a process waiting on another type" 1 5
run_case "one process waiting on the type" 1 12
run_case "four processes waiting on the type" 4 12
