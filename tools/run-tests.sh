#!/usr/bin/env bash
# The whole test suite, as CI runs it: install what is missing, build all
# presets, run every native test (unit, exports, abi, tgt, wine, fuzz), then
# the unit tests again under ASan+UBSan. Fails loudly on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/install-deps.sh
./tools/build.sh

echo "== tests: native"
ctest --preset native -j 2 --timeout 900
echo "== tests: ASan+UBSan"
ctest --preset asan -j 2 --timeout 900
