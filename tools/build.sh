#!/usr/bin/env bash
# Configures and builds every preset: win64 and win32 (the DLLs), native
# (core, unit tests, harness, tools) and asan (core and unit tests under
# ASan+UBSan). The Windows builds come first: native tests inspect them.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
for preset in win64 win32 native asan; do
    echo "== build: $preset"
    cmake --preset "$preset" > /dev/null
    cmake --build --preset "$preset" -j "$jobs"
done
