#!/usr/bin/env bash
# Runs one Win32 test program under Wine with the built ntmsapi.dll as a
# native DLL next to it (the way an application ships it).
# usage: run_win32_test.sh <windows-build-dir> <program.exe> <prefix-dir> [args...]
#   <windows-build-dir> is build/win64 (x86_64 DLL, run in a win64 prefix)
#   or build/win32 (i686 DLL, run in a win32 prefix). A program of "-" only
#   makes sure the prefix exists. The prefix, and the library's devices in
#   it when SGBRIDGE_ENV is set: see wine_env.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1 program=$2 prefix=$(realpath -m "$3")
shift 3

source "$here/wine_env.sh"
wine_prefix_ready "$build" "$prefix"
[ "$program" != - ] || exit 0

app=$(mktemp -d)
trap 'rm -rf "$app"' EXIT
# The object database: a private one per test unless the caller chose one.
if [ -z "${NTMSAPI_DATA_DIR:-}" ]; then
    mkdir -p "$app/data"
    export NTMSAPI_DATA_DIR="Z:${app//\//\\}\\data"
fi
cp "$build/ntmsapi.dll" "$build/tests/$program" "$app/"

wine_devices_linked "$prefix"

# Never pipe Wine's output: a lingering wineserver would hold the pipe open.
# The loader of the program's architecture runs it itself: through the
# `wine` script a 64-bit program is handed from the 32-bit loader to
# start.exe, which once failed to start it ("ShellExecuteEx failed:
# Internal error") and the test with it.
run_program() { (cd "$app" && exec "$(wine_loader)" "$program" "$@" > "$app/output.txt" 2>&1); }
status=0
run_program "$@" || status=$?
# A test program's first line says it started (wintest.h). Without it, Wine
# never ran the program (seen twice in a day of runs: an exit 1 with no
# output at all): said loudly, and tried once more.
if [ "$status" -ne 0 ] && [ -z "${WINE_RUN_PLAIN:-}" ] && ! grep -q '^wintest: the program started' "$app/output.txt"; then
    echo "run_win32_test.sh: Wine did not start $program (exit $status, output: $(wc -c < "$app/output.txt") bytes); once more"
    cat "$app/output.txt"
    status=0
    run_program "$@" || status=$?
fi
cat "$app/output.txt"
# Programs that are not tests (the demo) are judged by their exit status alone.
[ -z "${WINE_RUN_PLAIN:-}" ] || exit "$status"
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$app/output.txt" | tail -1 || true)
[ -n "$summary" ] || { echo "no summary line: the program crashed or did not finish (exit $status)"; exit 1; }
[ "$status" -eq 0 ] && [[ $summary == *" 0 failed"* ]]
