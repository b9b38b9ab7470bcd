#!/usr/bin/env bash
# Runs a command with a private tgt library and the SG_IO bridge up, and
# SGBRIDGE_ENV pointing at the bridge's env file and NTMSAPI_NATIVE_BUILD
# at the native build (its tools: ntmsdb); tears both down after.
# usage: with_library.sh <native-build-dir> <command...>
set -euo pipefail
harness=$(cd "$(dirname "$0")/../harness" && pwd)
build=$1
shift
state=$(mktemp -d)
cleanup() { "$harness/bridge.sh" stop "$state"; "$harness/vtl.sh" stop "$state"; rm -rf "$state"; }
trap cleanup EXIT
"$harness/vtl.sh" start "$state" ${VTL_OPTIONS:-}
"$harness/bridge.sh" start "$state" "$build"
export SGBRIDGE_ENV=$state/bridge.env VTL_ENV=$state/env NTMSAPI_NATIVE_BUILD=$(realpath "$build")
"$@"
