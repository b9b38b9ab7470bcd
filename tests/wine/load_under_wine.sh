#!/usr/bin/env bash
# A load test under Wine against tgt, with processes killed -9. Four worker
# processes (tests/win32/test_load.c: two threads, a session each) identify,
# mount, dismount, enumerate and set attributes on a 16-slot, 2-drive
# library, sharing one database, while one of them chosen at random is
# killed with SIGKILL (by its pid, never by name) every few seconds and
# replaced. Then, with every worker gone, `test_load.exe check` runs a FAST
# inventory and lists the database, and mtx (through the same bridge) is
# the witness: every tape where mtx sees it, one record per tape, no drive
# full in mtx that the database thinks empty or the reverse, no drive left
# mounted by a process that is gone; and the workers' logs must hold no
# unexpected answer (busy, timeout and offline are expected).
# Runs inside with_library.sh with VTL_OPTIONS="--slots 16 --drives 2".
# usage: load_under_wine.sh <windows-build> <wine-prefix>
# Environment:
#   LOAD_SECONDS   how long the workers run: default 40 (CI); 300 for the
#                  long run. Under ctest the test's TIMEOUT (600 s) allows
#                  up to about 400; longer runs: call this script through
#                  with_library.sh yourself.
#   LOAD_KILL_MIN, LOAD_KILL_MAX   seconds between kills: default 8 and 25
#                  when LOAD_SECONDS >= 300, else 3 and 8.
#   LOAD_SEED      seeds the kill schedule and the workers (worker k gets
#                  LOAD_SEED + k); default random, printed. Threads and
#                  processes interleave as they will: a seed repeats the
#                  choices, not the run.
#   LOAD_KEEP      a directory that receives the logs, the check's output
#                  and mtx's before the temporary files go.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$(realpath -m "$2")
load_seconds=${LOAD_SECONDS:-40}
if [ "$load_seconds" -ge 300 ]; then kill_min=${LOAD_KILL_MIN:-8} kill_max=${LOAD_KILL_MAX:-25}
else kill_min=${LOAD_KILL_MIN:-3} kill_max=${LOAD_KILL_MAX:-8}; fi
seed=${LOAD_SEED:-$((RANDOM % 10000 * 1000))}
RANDOM=$seed
worker_count=4
grace_seconds=90   # for the last calls after the deadline (a mount waits 3 s, an identification 5 s)

data=$(mktemp -d)
mkdir -p "$data/db" "$data/app"
export NTMSAPI_DATA_DIR="Z:${data//\//\\}\\db"
# Deferred tapes go home during the run; identification waits 5 s, not 60, for a drive.
export NTMSAPI_DEFER_DISMOUNT_DELAY=3 NTMSAPI_DRIVE_WAIT_SECONDS=5
source "$here/witness.sh"
source "$here/wine_env.sh"

declare -a workers=()        # the pid in each of the worker places
declare -A seed_of=() killed=() status_of=()
started=0 kills=0 not_the_worker=0

cleanup() {
    local pid
    for pid in "${workers[@]}"; do kill -9 "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
    if [ -n "${LOAD_KEEP:-}" ]; then mkdir -p "$LOAD_KEEP" && cp "$data"/*.log "$data"/*.txt "$LOAD_KEEP/" 2> /dev/null || true; fi
    rm -rf "$data"
}
trap cleanup EXIT

wine_prefix_ready "$windows" "$prefix"
wine_devices_linked "$prefix"
loader=$(wine_loader)
cp "$windows/ntmsapi.dll" "$windows/tests/test_load.exe" "$data/app/"
windows_path() { echo "Z:${1//\//\\}"; }
now() { date +%s.%3N; }

# Worker place $1 gets a new process for the time that is left. The loader
# is exec'd by the subshell and runs the program itself (see wine_loader):
# $! is the worker's pid, the one kill -9 must hit. A program named without
# a path is found in the current directory without start.exe either.
start_worker() {
    local place=$1 worker_seed=$((seed + started + 1))
    local log=$data/worker-$worker_seed.log
    (cd "$data/app" && exec "$loader" test_load.exe work $((end - SECONDS)) "$worker_seed" "$(windows_path "$log")") \
        > "$data/worker-$worker_seed.out.txt" 2>&1 &
    workers[place]=$!
    seed_of[$!]=$worker_seed
    started=$((started + 1))
    echo "$(now) start place $place pid $! seed $worker_seed" >> "$data/events.log"
}

reap() {
    local pid=$1 status=0
    wait "$pid" 2> /dev/null || status=$?
    status_of[$pid]=$status
}

# The pid is the worker's own process, not a launcher's (start.exe) that
# would die alone and leave the worker running.
is_the_worker() {
    local command
    command=$(tr '\0' ' ' < "/proc/$1/cmdline" 2> /dev/null || true)
    [[ $command == *"test_load.exe work "* && $command != *start.exe* ]] && return 0
    [ -z "$command" ] && return 0   # it has ended already
    echo "$(now) pid $1 is not the worker itself: $command" >> "$data/events.log"
    not_the_worker=$((not_the_worker + 1))
}

# Run with stderr to /dev/null: bash reports the killed job ("Killed") there.
kill_and_reap() {
    local place=$1 pid=$2
    if kill -9 "$pid"; then
        killed[$pid]=1
        kills=$((kills + 1))
        echo "$(now) kill -9 place $place pid $pid seed ${seed_of[$pid]}" >> "$data/events.log"
    fi
    reap "$pid"
}

kill_one() {
    local place=$((RANDOM % worker_count)) pid
    pid=${workers[place]}
    is_the_worker "$pid" || true
    kill_and_reap "$place" "$pid" 2> /dev/null
    [ $((end - SECONDS)) -lt 3 ] || start_worker "$place"
}

run_load() {
    local place pause
    end=$((SECONDS + load_seconds))
    for place in $(seq 0 $((worker_count - 1))); do start_worker "$place"; done
    while :; do
        pause=$((kill_min + RANDOM % (kill_max - kill_min + 1)))
        [ $((SECONDS + pause)) -lt "$end" ] || break
        sleep "$pause"
        kill_one
    done
}

# Every worker ends by itself after its deadline; one that hangs is killed.
finish_workers() {
    local pid limit=$((end + grace_seconds))
    for pid in "${workers[@]}"; do
        while kill -0 "$pid" 2> /dev/null && [ "$SECONDS" -lt "$limit" ]; do sleep 1; done
        if kill -0 "$pid" 2> /dev/null; then
            echo "$(now) hung: kill -9 pid $pid seed ${seed_of[$pid]}" >> "$data/events.log"
            kill -9 "$pid" 2> /dev/null || true
        fi
        reap "$pid" 2> /dev/null
    done
}

# Workers not killed by us must have ended by themselves and finished their log.
workers_ended_cleanly() {
    local pid bad=0
    for pid in "${!seed_of[@]}"; do
        [ -z "${killed[$pid]:-}" ] || continue
        if ! grep -q ' done calls ' "$data/worker-${seed_of[$pid]}.log" 2> /dev/null || [ "${status_of[$pid]:-99}" -gt 1 ]; then
            echo "  worker seed ${seed_of[$pid]} (pid $pid) ended with status ${status_of[$pid]:-?} and no 'done'"
            bad=1
        fi
    done
    return "$bad"
}

answers() { cat "$data"/worker-*.log | awk '$3 == "answer" || ($3 == "UNEXPECTED" && $5 != "-")'; }
unexpected_lines() { cat "$data"/worker-*.log | awk '$3 == "UNEXPECTED"' | sort -n; }

# "tape BARCODE slot N" / "tape BARCODE drive N" and "drive N BARCODE|-", as mtx sees them.
mtx_places() {
    local line drive_re='^Data Transfer Element ([0-9]+):(Full|Empty)( \(Storage Element [0-9]+ Loaded\):VolumeTag = ([^ ]*))?'
    local slot_re='^ *Storage Element ([0-9]+):Full :VolumeTag=([^ ]*)'
    while IFS= read -r line; do
        if [[ $line =~ $drive_re ]]; then
            local drive=$((BASH_REMATCH[1] + 1)) tag=${BASH_REMATCH[4]:-}
            if [ "${BASH_REMATCH[2]}" = Full ]; then
                echo "tape ${tag:-?} drive $drive"
                echo "drive $drive ${tag:-?}"
            else
                echo "drive $drive -"
            fi
        elif [[ $line =~ $slot_re ]]; then
            echo "tape ${BASH_REMATCH[2]} slot ${BASH_REMATCH[1]}"
        fi
    done < "$1"
}

# The same, as the database (the check's listing) records them.
database_places() {
    awk '$1 == "medium" { print "tape", $2, $3, $4 } $1 == "drive" { print "drive", $2, $4 }' "$data/check.txt"
}

# Lines of kind $1 that differ: "mtx:" what only mtx says, "database:" what only the database says.
same_places() {
    local kind=$1 difference
    difference=$(diff <(mtx_places "$data/mtx.txt" | grep "^$kind " | sort) <(database_places | grep "^$kind " | sort) \
        | sed -n 's/^< /  mtx:      /p; s/^> /  database: /p' || true)
    [ -z "$difference" ] || { echo "$difference"; return 1; }
}

no_drive_left_mounted() {
    ! grep -E '^drive [0-9]+ (LOADED|MOUNTED) ' "$data/check.txt"
}

one_record_per_tape() {
    local twice
    twice=$(database_places | awk '$1 == "tape" { print $2 }' | sort | uniq -d)
    [ -z "$twice" ] && grep -qx 'duplicates 0' "$data/check.txt" || { echo "  recorded more than once: $twice"; return 1; }
}

print_summary() {
    echo "--- summary: $load_seconds s, seed $seed, $started workers started, $kills killed with kill -9"
    echo "calls: $(answers | wc -l)"
    echo "answers by code:"
    answers | awk '{ print "  " $5 " " $6 }' | sort | uniq -c | sort -rn
    echo "answers by operation:"
    answers | awk '{ print "  " $4 " " $6 }' | sort | uniq -c | sort -k2
    echo "unexpected: $(unexpected_lines | wc -l)"
    unexpected_lines | sed 's/^/  /' | head -60
    echo "--- events"
    cat "$data/events.log"
}

echo "load test: $load_seconds s, kills every $kill_min-$kill_max s, seed $seed"
run_load
finish_workers
check "every pid killed was the worker's own Wine process" test "$not_the_worker" -eq 0
check "every worker was killed by us or ended by itself with its log done" workers_ended_cleanly
LD_PRELOAD=$SGBRIDGE_PRELOAD mtx -f "$SGBRIDGE_CHANGER0" status > "$data/mtx-before-check.txt"
"$NTMSAPI_NATIVE_BUILD/tools/ntmsdb/ntmsdb" "$data/db" > "$data/ntmsdb-before-check.txt" 2>&1 || true
status=0
"$here/run_win32_test.sh" "$windows" test_load.exe "$prefix" check > "$data/check-output.txt" 2>&1 || status=$?
tr -d '\r' < "$data/check-output.txt" > "$data/check.txt"   # Wine's console lines end in CRLF
"$NTMSAPI_NATIVE_BUILD/tools/ntmsdb/ntmsdb" "$data/db" > "$data/ntmsdb-after-check.txt" 2>&1 || true
check "the check ran (FAST inventory, no barcode recorded twice)" test "$status" -eq 0
status_now
check "the workers made calls" test "$(answers | wc -l)" -gt 0
check "no unexpected answer in the workers' logs" test "$(unexpected_lines | wc -l)" -eq 0
check "every tape is where mtx sees it" same_places tape
check "each drive holds what mtx sees in it (full or empty)" same_places drive
check "one record per tape" one_record_per_tape
check "no drive left mounted with every worker gone" no_drive_left_mounted
print_summary
echo "--- the database after the check"
grep -E '^(inventory|medium|drive|duplicates) ' "$data/check.txt" || cat "$data/check.txt"
echo "--- the records' drives before the check, then after it (tools/ntmsdb)"
grep '^drive ' "$data/ntmsdb-before-check.txt" "$data/ntmsdb-after-check.txt" || true
echo "--- mtx after the run (before the check), then after the check"
grep -E 'Data Transfer|Storage Element' "$data/mtx-before-check.txt" | grep -v IMPORT || true
grep -E 'Data Transfer|Storage Element' "$data/mtx.txt" | grep -v IMPORT || true
summary
