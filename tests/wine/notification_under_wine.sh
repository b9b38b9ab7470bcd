#!/usr/bin/env bash
# Notifications under Wine (test_notification.exe) against tgt, mtx the
# witness. First the refusals and the completions, on a database of their
# own. Then the proof, on another: three processes listen on
# NTMS_PHYSICAL_MEDIA channels (two waiting INFINITE, one polling with
# dwTimeout 0); a writer process identifies every slot, moves the media to
# Free, allocates and deallocates in rounds (FROMSCRATCH, TOSCRATCH: free
# labels written) and identifies again, logging after each operation what
# it changed and fencing it; then a second writer is started, killed -9
# while it identifies and allocates, and one of the waiting listeners is
# killed -9 while it waits (by pid, never by name); the first writer runs
# again. `check` compares the writer's log with the two listeners left:
# every change told, in order, none missing, over at least MIN_CHANGES
# changes, each fence within 100 ms, both listeners alike.
# Runs inside with_library.sh.
# usage: notification_under_wine.sh <windows-build> <wine-prefix>
# Environment: NOTIFY_ROUNDS (allocation rounds in each writer run, default
# 260: about 1,070 changes in all), NOTIFY_MIN_CHANGES (default 1000),
# NOTIFY_KEEP (a directory that receives the logs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$(realpath -m "$2")
rounds=${NOTIFY_ROUNDS:-260} min_changes=${NOTIFY_MIN_CHANGES:-1000}
data=$(mktemp -d)
mkdir -p "$data/first" "$data/proof" "$data/app"
source "$here/witness.sh"
source "$here/wine_env.sh"
declare -a started=()

cleanup() {
    local pid
    for pid in "${started[@]}"; do kill -9 "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
    if [ -n "${NOTIFY_KEEP:-}" ]; then mkdir -p "$NOTIFY_KEEP" && cp "$data"/*.txt "$NOTIFY_KEEP/" 2> /dev/null || true; fi
    rm -rf "$data"
}
trap cleanup EXIT

windows_path() { echo "Z:${1//\//\\}"; }
run() { "$here/run_win32_test.sh" "$windows" test_notification.exe "$prefix" "$@"; }

export NTMSAPI_DATA_DIR=$(windows_path "$data/first")
check "bad input, handles, sessions, timeouts, two waiters of one type" run refusals
check "completions: identification, inventory, move, allocation, dismounts" run completions

export NTMSAPI_DATA_DIR=$(windows_path "$data/proof")
fence=$(windows_path "$data/fence.txt") writer_log=$(windows_path "$data/writer.txt")
check "the pools and the fence medium" run prepare "$fence"

wine_prefix_ready "$windows" "$prefix"
wine_devices_linked "$prefix"
loader=$(wine_loader)
cp "$windows/ntmsapi.dll" "$windows/tests/test_notification.exe" "$data/app/"

# A process of ours whose pid is the program's own (see wine_loader): $! after it.
start() {
    local output=$1
    shift
    (cd "$data/app" && exec "$loader" test_notification.exe "$@") > "$output" 2>&1 &
    started+=("$!")
}
wait_for_file() {
    local i
    for i in $(seq 600); do [ -e "$1" ] && return 0; sleep 0.1; done
    return 1
}

declare -A listener=()
for name in waiting polling doomed; do
    mode=$([ "$name" = polling ] && echo poll || echo wait)
    start "$data/$name.out.txt" listen "$fence" "$(windows_path "$data/$name.txt")" "$(windows_path "$data/$name.ready")" "$mode"
    listener[$name]=$!
done
for name in waiting polling doomed; do
    check "the $name listener is listening" wait_for_file "$data/$name.ready"
done

check "the writer: identification, Free, $rounds allocation rounds, identification" run write "$fence" "$writer_log" "$rounds"

start "$data/noise.out.txt" noise 120
noise=$!
check "a second writer is writing" bash -c "for i in \$(seq 600); do grep -q 'noise: writing' '$data/noise.out.txt' && exit 0; sleep 0.1; done; exit 1"
sleep $((2 + RANDOM % 3)).$((RANDOM % 10))
check "the second writer killed -9 while it writes" kill -9 "$noise"
wait "$noise" 2> /dev/null || true
check "a listener killed -9 while it waits" kill -9 "${listener[doomed]}"
wait "${listener[doomed]}" 2> /dev/null || true

check "the writer again, after the killed one" run write "$fence" "$writer_log" "$rounds" after-noise
check "the fence medium deleted: the listeners stop" run stop "$fence"
for name in waiting polling; do
    check "the $name listener ended by itself" timeout 120 bash -c "while kill -0 ${listener[$name]} 2> /dev/null; do sleep 0.2; done"
    kill -9 "${listener[$name]}" 2> /dev/null || true   # one that did not end is failed above, not waited for
    wait "${listener[$name]}" 2> /dev/null && status=0 || status=$?
    cat "$data/$name.out.txt"
    check "the $name listener passed" test "$status" -eq 0
done
check "every change told to both listeners, in order, none missing, within 100 ms" \
    run check "$fence" "$writer_log" "$min_changes" "$(windows_path "$data/waiting.txt")" "$(windows_path "$data/polling.txt")"
status_now
all_home() { [ "$(grep -c 'Storage Element [0-9]*:Full' "$data/mtx.txt")" -eq 7 ] && ! grep -q 'Data Transfer Element [0-9]*:Full' "$data/mtx.txt"; }
check "every tape is home, the drives empty" all_home
summary
