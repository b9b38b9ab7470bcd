#!/usr/bin/env bash
# The device configuration under Wine: a changer and drives Windows does
# not name \\.\ChangerN or \\.\TapeN (here dosdevices vtlchanger,
# vtltape0, vtltape1; the usual names lead nowhere) are found through
# <data dir>/devices.conf, mapped by DVCID, used; then drive lines decide
# the mapping. Runs inside with_library.sh.
# usage: config_under_wine.sh <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export NTMSAPI_DATA_DIR="Z:${data//\//\\}"
source "$here/witness.sh"
# The drives' names swapped against their LUNs: only the changer's identifiers can tell.
export WINE_DOSDEVICES="vtlchanger=changer0 vtltape0=tape1 vtltape1=tape0"
run() { "$here/run_win32_test.sh" "$windows" test_library.exe "$prefix" "$@"; }

cat > "$data/devices.conf" <<'CONF'
# devices Windows does not name
changer \\.\vtlchanger
tape    \\.\vtltape0
tape    \\.\vtltape1
CONF
check "the configured changer is a library, its drives mapped by DVCID" run drives '\\.\vtltape1' '\\.\vtltape0'
check "a slot identified through the configured devices" run slot 1
status_now
check "N0001L6 back in slot 1" in_slot 1 N0001L6

cat >> "$data/devices.conf" <<'CONF'
drive \\.\vtlchanger 256 \\.\vtltape0   # the administrator's word decides
drive \\.\vtlchanger 0x101 \\.\vtltape1
CONF
check "drive lines decide over DVCID" run drives '\\.\vtltape0' '\\.\vtltape1'
summary
