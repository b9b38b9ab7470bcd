#!/usr/bin/env bash
# Runs one Win32 test program under Wine with the built ntmsapi.dll as a
# native DLL next to it (the way an application ships it).
# usage: run_win32_test.sh <windows-build-dir> <program.exe> <prefix-dir> [args...]
#   <windows-build-dir> is build/win64 (x86_64 DLL, run in a win64 prefix)
#   or build/win32 (i686 DLL, run in a win32 prefix): the DLL's PE header
#   decides. A program of "-" only makes sure the prefix exists.
#   The Wine prefix is created once in <prefix-dir> and shared by the tests
#   of one architecture; creation is serialised with flock. A prefix made
#   for another architecture or by another Wine (say 64-bit only, before
#   wine32 was installed) is made again.
#   If SGBRIDGE_ENV names a file written by tests/harness/bridge.sh, its
#   mapped devices become dosdevices changer0/tape0/tape1 (or the names
#   WINE_DOSDEVICES gives) and the SG_IO bridge is preloaded into the Wine process.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1 program=$2 prefix=$(realpath -m "$3")
shift 3

source "$here/wine_arch.sh"
winearch=$(wine_arch_of "$build/ntmsapi.dll")
# What made the prefix: its architecture, the Wine version, and whether
# 32-bit Wine was there (a win64 prefix made without it has no WoW64 part).
stamp="$winearch $(env -u WINEPREFIX wine --version 2>&1) wine32:$(wine_missing_for win32 "" | grep -q . && echo no || echo yes)"
export WINEPREFIX=$prefix WINEDEBUG=${WINEDEBUG:--all} WINEARCH=$winearch
export WINEDLLOVERRIDES="ntmsapi=n;mscoree,mshtml="
mkdir -p "$prefix"
(
    flock 9
    if [ -f "$prefix/system.reg" ] && [ "$(cat "$prefix/.ntmsapi-prefix" 2>/dev/null)" != "$stamp" ]; then
        echo "run_win32_test.sh: $prefix was made for '$(cat "$prefix/.ntmsapi-prefix" 2>/dev/null || echo unknown)'," \
             "not '$stamp': making it again" >&2
        wineserver -k 2> /dev/null || true   # this prefix's server only (WINEPREFIX)
        find "$prefix" -mindepth 1 -delete
    fi
    if [ ! -f "$prefix/system.reg" ]; then
        wine wineboot -i > "$prefix.boot.log" 2>&1
        # wineboot returns before the prefix is fully written: wait for its
        # wineserver to finish, so that the first program finds it whole.
        wineserver -w
        echo "$stamp" > "$prefix/.ntmsapi-prefix"
    fi
) 9> "$prefix.lock"
[ "$program" != - ] || exit 0

app=$(mktemp -d)
trap 'rm -rf "$app"' EXIT
# The object database: a private one per test unless the caller chose one.
if [ -z "${NTMSAPI_DATA_DIR:-}" ]; then
    mkdir -p "$app/data"
    export NTMSAPI_DATA_DIR="Z:${app//\//\\}\\data"
fi
cp "$build/ntmsapi.dll" "$build/tests/$program" "$app/"

if [ -n "${SGBRIDGE_ENV:-}" ]; then
    # shellcheck disable=SC1090
    source "$SGBRIDGE_ENV"
    # WINE_DOSDEVICES="name=device ..." links other names to the mapped
    # devices (changer0, tape0, tape1 ...) and the usual ones to nothing.
    links=${WINE_DOSDEVICES:-changer0=changer0 tape0=tape0 tape1=tape1}
    [ -z "${WINE_DOSDEVICES:-}" ] || for name in changer0 tape0 tape1; do ln -sfn /nonexistent "$prefix/dosdevices/$name"; done
    for link in $links; do
        device=SGBRIDGE_$(echo "${link#*=}" | tr '[:lower:]' '[:upper:]')
        ln -sfn "${!device}" "$prefix/dosdevices/${link%%=*}"
    done
    export LD_PRELOAD=$SGBRIDGE_PRELOAD SGBRIDGE_SOCKET
fi

# Never pipe Wine's output: a lingering wineserver would hold the pipe open.
status=0
(cd "$app" && wine "./$program" "$@" > "$app/output.txt" 2>&1) || status=$?
cat "$app/output.txt"
# Programs that are not tests (the demo) are judged by their exit status alone.
[ -z "${WINE_RUN_PLAIN:-}" ] || exit "$status"
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$app/output.txt" | tail -1 || true)
[ -n "$summary" ] || { echo "no summary line: the program crashed or did not finish (exit $status)"; exit 1; }
[ "$status" -eq 0 ] && [[ $summary == *" 0 failed"* ]]
