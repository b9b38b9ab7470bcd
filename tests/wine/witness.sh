# Sourced by the scripts that check a Wine run against the tgt library:
# counted checks, and mtx (through the same bridge) as the witness of
# where each tape really is. Needs SGBRIDGE_ENV and a directory in $data.
source "$SGBRIDGE_ENV"
export SGBRIDGE_SOCKET
passed=0 failed=0
check() {
    local what=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok: $what"; else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
status_now() { LD_PRELOAD=$SGBRIDGE_PRELOAD mtx -f "$SGBRIDGE_CHANGER0" status > "$data/mtx.txt"; }
in_slot() { grep -q "Storage Element $1:Full :VolumeTag=$2 " "$data/mtx.txt"; }
in_a_drive() { grep -q "Data Transfer Element [0-9]*:Full (Storage Element $1 Loaded):VolumeTag = $2 " "$data/mtx.txt"; }
summary() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
