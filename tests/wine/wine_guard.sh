#!/usr/bin/env bash
# Runs a Wine test for one architecture, or reports it skipped (exit 77,
# ctest's SKIP_RETURN_CODE) with the reason when this machine cannot run
# that architecture: a skipped 32-bit run is visible, never silent.
# usage: wine_guard.sh <native-build> <windows-build> <command...>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=$1 windows=$2
shift 2
source "$here/wine_arch.sh"
winearch=$(wine_arch_of "$windows/ntmsapi.dll")
reason=$(wine_missing_for "$winearch" "$native")
if [ -n "$reason" ]; then
    echo "SKIPPED ($winearch): $reason"
    exit 77
fi
exec "$@"
