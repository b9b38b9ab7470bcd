#!/usr/bin/env bash
# Issue 11's performance table from one run: ntmsapi (the x86_64 DLL under
# Wine, timed inside the calling Win32 process by bench_table.exe) beside
# mtx and sg_raw (timed as whole processes), on a private tgt library,
# both through the same SG_IO bridge. Prints figures (a markdown table and
# the machine); asserts nothing.
#
# usage: bench/table.sh [slots [tapes [drives [ports]]]]      default 1000 800 4 4
#        bench/table.sh --media N [slots [tapes [drives [ports]]]]
#            a database seeded with N media (bench_store seed) before the
#            first session: only the first OpenNtmsSessionW, the object
#            reads and memory (no inventory, no mtx)
#
# Every run uses a fresh database, its own tgtd and bridge (stopped by pid
# through tests/harness). The tapes are spread evenly over the slots
# (vtl.sh --tapes). Environment:
#   BENCH_NATIVE_BUILD  native build (sgbridged, bench_store)  default build/native
#   BENCH_WIN_BUILD     Windows build (the DLL, bench_table.exe) default build/win64
#                       (build/win32: the i686 DLL in the i686 prefix)
#   BENCH_MTX_RUNS      mtx status runs (their median)          default 10
#   BENCH_SAMPLE        tapes loaded and read by hand           default 5
# The Wine prefix is the wine tests' (build/native/tests/wine/prefix-<arch>),
# made the way they make it when missing; do not run this beside the wine
# tests of the same build: both point the prefix's dosdevices at a library.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
harness=$root/tests/harness
media_count=
if [ "${1:-}" = --media ]; then media_count=${2:?--media N}; shift 2; fi
slots=${1:-1000} tapes=${2:-800} drives=${3:-4} ports=${4:-4}
native=$(realpath -m "${BENCH_NATIVE_BUILD:-$root/build/native}")
windows=$(realpath -m "${BENCH_WIN_BUILD:-$root/build/win64}")
mtx_runs=${BENCH_MTX_RUNS:-10} sample=${BENCH_SAMPLE:-5}

die() { echo "table.sh: $*" >&2; exit 1; }

check_builds() {
    local f
    for f in "$native/tools/sgbridge/sgbridged" "$native/bench/store/bench_store" "$windows/ntmsapi.dll" \
             "$windows/tests/bench_table.exe"; do
        [ -e "$f" ] || die "$f is missing: build first (tools/build.sh, or cmake --build --preset native/win64)"
    done
    for f in mtx sg_raw tgtd wine; do
        command -v "$f" > /dev/null || die "$f is needed (tools/install-deps.sh)"
    done
}

# ---- the Wine side ----

prefix_path() {
    source "$root/tests/wine/wine_arch.sh"
    case $(wine_arch_of "$windows/ntmsapi.dll") in
    win64) echo "$native/tests/wine/prefix-x86_64" ;;
    *) echo "$native/tests/wine/prefix-i686" ;;
    esac
}

dosdevice_links() {
    local d links="changer0=changer0"
    for d in $(seq 0 $((drives - 1))); do links="$links tape$d=tape$d"; done
    echo "$links"
}

# bench_table.exe <mode> in the prefix, with the library's devices; its output in $state/<mode>.txt.
run_bench() {
    local mode=$1 data_dir
    data_dir="Z:${state//\//\\}\\data"
    NTMSAPI_DATA_DIR=$data_dir WINE_RUN_PLAIN=1 SGBRIDGE_ENV=$state/bridge.env WINE_DOSDEVICES=$(dosdevice_links) \
        "$root/tests/wine/run_win32_test.sh" "$windows" bench_table.exe "$prefix" "$mode" > "$state/$mode.txt" 2>&1 \
        || echo "error bench_table.exe-$mode-exit $?" >> "$state/$mode.txt"
    grep '^error' "$state/$mode.txt" >&2 || true
}

# The prefix's tape links beyond the wine tests' two go nowhere again.
unlink_extra_tapes() {
    local d
    [ -d "${prefix:-}/dosdevices" ] || return 0
    for d in $(seq 2 $((drives - 1))); do ln -sfn /nonexistent "$prefix/dosdevices/tape$d"; done
}

figure() { awk -v name="$1" '$1 == "figure" && $2 == name { print $3 }' "$state"/*.txt | tail -1; }

# ---- the mtx side (whole processes, through the same bridge) ----

elapsed_ms() {
    local start us
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    us=$((($(date +%s%N) - start) / 1000))
    printf '%d.%03d\n' $((us / 1000)) $((us % 1000))
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.1f\n", v[int((NR + 1) / 2)] }'; }
minimum() { sort -g | awk 'NR == 1 { printf "%.1f\n", $1 }'; }

bridged() { LD_PRELOAD=$SGBRIDGE_PRELOAD SGBRIDGE_SOCKET=$SGBRIDGE_SOCKET "$@"; }
mtx_status() { bridged mtx -f "$SGBRIDGE_CHANGER0" status; }

time_mtx_status() {
    local i
    mtx_status > /dev/null 2>&1 || true   # the bridge's first connection is not what is measured
    for i in $(seq "$mtx_runs"); do elapsed_ms mtx_status; done > "$state/mtx_status.ms"
}

# mtx load, READ(6) of the first block (256 KiB, SILI), mtx unload: what an identification does.
by_hand() {
    local slot=$1
    bridged mtx -f "$SGBRIDGE_CHANGER0" load "$slot" 0
    bridged sg_raw -r 262144 "$SGBRIDGE_TAPE0" 08 02 04 00 00 00 || true
    bridged mtx -f "$SGBRIDGE_CHANGER0" unload "$slot" 0
}

full_slots() { mtx_status | sed -n 's/^ *Storage Element \([0-9]*\):Full.*/\1/p'; }

time_by_hand() {
    local slots_full count step i
    mapfile -t slots_full < <(full_slots)
    count=${#slots_full[@]}
    [ "$count" -gt 0 ] || return 0
    step=$(((count + sample - 1) / sample))
    for ((i = 0; i < count; i += step)); do elapsed_ms by_hand "${slots_full[$i]}"; done > "$state/by_hand.ms"
}

# ---- the machine, the library, the table ----

group() { awk -v v="$1" -v d="${2:-0}" 'BEGIN {
    s = sprintf("%." d "f", v); n = split(s, p, "."); i = p[1]; o = "";
    while (length(i) > 3) { o = "," substr(i, length(i) - 2) o; i = substr(i, 1, length(i) - 3) }
    printf "%s%s%s", i, o, (n > 1 ? "." p[2] : "") }'; }

or_dash() { if [ -n "$1" ]; then group "$1" "${2:-1}"; else echo "—"; fi; }

machine() {
    local cpu
    cpu=$(lscpu 2> /dev/null | sed -n 's/^Model name: *//p' | head -1)
    echo "machine: ${cpu:-$(uname -m)}, $(nproc) cores, $(uname -sr), $(wine --version 2>&1);" \
         "load average $load_at_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
    echo "run: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo unknown)$(
        git -C "$root" diff --quiet HEAD 2> /dev/null || echo ' (with local changes)')"
}

database_kib() { stat -c %s "$state/data/ntmsapi.db" 2> /dev/null | awk '{ print $1 / 1024 }'; }

library_line() {
    local seen mtx_seen
    seen=$(figure object_slots)
    mtx_seen=$(mtx_status 2> /dev/null | sed -n 's/.*Drives, \([0-9]*\) Slots.*/\1/p')
    echo "library: tgt, $(group "$slots") slots requested (ntmsapi sees $(or_dash "$seen" 0)," \
         "mtx status $(or_dash "$mtx_seen" 0) with the ports), $(group "$tapes") tapes spread over them," \
         "$drives drives, $ports IE ports; $(or_dash "$(figure object_media)" 0) media in the database" \
         "after the run${media_count:+ (seeded with $(group "$media_count"))}, a database file of" \
         "$(or_dash "$(database_kib)" 0) KiB"
}

row_unchanged_inventory() {
    local ours mtx
    ours="$(or_dash "$(figure inventory_unchanged_ms_median)") ms (median of $(figure inventory_unchanged_runs | cut -d. -f1);"
    ours="$ours min $(or_dash "$(figure inventory_unchanged_ms_min)"); a second process's first:"
    ours="$ours $(or_dash "$(figure inventory_unchanged_new_process_ms)") ms)"
    mtx="\`mtx status\`: $(or_dash "$(median < "$state/mtx_status.ms")") ms (median of $mtx_runs;"
    mtx="$mtx min $(or_dash "$(minimum < "$state/mtx_status.ms")"))"
    echo "| \`InventoryNtmsLibrary(FAST)\`, nothing changed since the last one | $ours | $mtx |"
}

row_first_inventory() {
    local ours hand=— per_tape tapes_new
    tapes_new=$(figure inventory_first_new_media)
    ours="$(or_dash "$(awk -v ms="$(figure inventory_first_ms)" 'BEGIN { if (ms != "") print ms / 1000 }')" 2) s,"
    ours="$ours $(or_dash "$(figure inventory_first_ms_per_tape)") ms a tape"
    if [ -s "$state/by_hand.ms" ]; then
        per_tape=$(awk '{ s += $1 } END { printf "%.1f", s / NR }' "$state/by_hand.ms")
        hand="mtx load + \`sg_raw\` READ(6) + mtx unload: $per_tape ms a tape (mean of $(wc -l < "$state/by_hand.ms") tapes;"
        hand="$hand $(minimum < "$state/by_hand.ms")-$(sort -g "$state/by_hand.ms" | tail -1 | awk '{ printf "%.1f", $1 }') ms)"
    fi
    echo "| first \`InventoryNtmsLibrary(FAST)\`: $(or_dash "$tapes_new" 0) unknown tapes, each mounted and read | $ours | $hand |"
}

row_object_reads() {
    local calls
    calls=$(awk -v s="$(figure object_slots)" -v m="$(figure object_media)" 'BEGIN { print s + m }')
    echo "| \`GetNtmsObjectInformationW\` of every slot and medium, one call each ($(group "$calls") calls a pass)" \
         "| $(or_dash "$(figure object_reads_per_s)" 0) calls/s (first pass $(or_dash "$(figure object_reads_first_pass_per_s)" 0):" \
         "slots $(or_dash "$(figure object_reads_slots_per_s)" 0)/s, media $(or_dash "$(figure object_reads_media_per_s)" 0)/s)" \
         "| — |"
}

row_open() {
    local what="first \`OpenNtmsSessionW\` on a fresh database (discovery)"
    [ -z "$media_count" ] || what="first \`OpenNtmsSessionW\` on the seeded database (discovery)"
    echo "| $what | $(or_dash "$(figure open_first_ms)") ms | — |"
    [ -n "$media_count" ] \
        || echo "| a second process's first \`OpenNtmsSessionW\` (the library known, unchanged) | $(or_dash "$(figure open_known_ms)") ms | — |"
}

# "<now> MiB (+<growth since before the first call>)" of a memory figure.
mib_with_growth() {
    awk -v k="$(figure "memory_$1_kib")" -v b="$(figure "memory_$1_before_kib")" \
        'BEGIN { if (k == "") print "—"; else printf "%.1f MiB (+%.1f)", k / 1024, (k - b) / 1024 }'
}

row_memory() {
    echo "| memory after reading the whole database: working set (\`K32GetProcessMemoryInfo\`)," \
         "private committed (\`VirtualQuery\`); growth since before the first call" \
         "| working set $(mib_with_growth working_set), private $(mib_with_growth private):" \
         "$(or_dash "$(figure memory_working_set_growth_kib_per_1000_media)" 0) and" \
         "$(or_dash "$(figure memory_private_growth_kib_per_1000_media)" 0) KiB per 1,000 media | — |"
}

print_table() {
    echo "## ntmsapi beside mtx"
    echo
    machine | sed 's/$/  /'
    library_line
    echo
    echo "ntmsapi: the $(basename "$windows") DLL under Wine, timed inside the calling Win32 process" \
         "(QueryPerformanceCounter around each call). mtx and sg_raw: whole processes (start, bridge" \
         "connection, work, exit), timed by this script. Both reach tgt through the same SG_IO bridge."
    echo
    echo "| what | ntmsapi (inside the process) | mtx / sg_raw (whole processes) |"
    echo "|---|---|---|"
    if [ -z "$media_count" ]; then row_unchanged_inventory; row_first_inventory; fi
    row_object_reads
    row_open
    row_memory
}

# ---- one run ----

start_library() {
    "$harness/vtl.sh" start "$state" --slots "$slots" --tapes "$tapes" --drives "$drives" --ports "$ports"
    "$harness/bridge.sh" start "$state" "$native"
    set -a
    # shellcheck disable=SC1091
    source "$state/bridge.env"
    set +a
}

cleanup() {
    unlink_extra_tapes
    "$harness/bridge.sh" stop "$state" || true
    "$harness/vtl.sh" stop "$state" || true
    rm -rf "$state"
}

check_builds
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
prefix=$(prefix_path)
"$root/tests/wine/run_win32_test.sh" "$windows" - "$prefix"   # makes the prefix when missing
state=$(mktemp -d)
trap cleanup EXIT
echo "starting tgt: $slots slots, $tapes tapes, $drives drives, $ports ports ..." >&2
start_library
mkdir -p "$state/data"
if [ -n "$media_count" ]; then
    "$native/bench/store/bench_store" seed "$state/data" "$media_count"
    run_bench objects
else
    echo "first process: discovery, first inventory ($tapes tapes), unchanged inventories, reads ..." >&2
    run_bench first
    run_bench again
    echo "mtx status x $mtx_runs, $sample tapes by hand ..." >&2
    time_mtx_status
    time_by_hand
fi
print_table
