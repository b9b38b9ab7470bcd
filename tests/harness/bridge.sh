#!/usr/bin/env bash
# The SG_IO bridge for a library started by vtl.sh.
#
#   bridge.sh start <statedir> <build-dir>   (<build-dir>: the native build)
#   bridge.sh stop  <statedir>
#
# start runs sgbridged (stopped by its pid) and creates the mapped paths
# <statedir>/dev/changer0, tape0, tape1 ...: files whose first line names
# the iSCSI LUN. It writes <statedir>/bridge.env for `source`:
#   SGBRIDGE_SOCKET SGBRIDGE_PRELOAD SGBRIDGE_PID
#   SGBRIDGE_CHANGER0 SGBRIDGE_TAPE0 SGBRIDGE_TAPE1 ...
# With LD_PRELOAD=$SGBRIDGE_PRELOAD and SGBRIDGE_SOCKET exported, sg
# ioctls on a mapped path (mtx -f "$SGBRIDGE_CHANGER0", or Wine's
# dosdevices/changer0 pointing at it) reach tgt.
set -euo pipefail
action=${1:-} state=${2:-}
[ -n "$state" ] || { echo "usage: $0 start <statedir> <build-dir> | stop <statedir>" >&2; exit 2; }

start() {
    local build=$1 d
    # shellcheck disable=SC1091
    source "$state/env"
    mkdir -p "$state/dev"
    local socket=$state/sgbridge.sock
    "$build/tools/sgbridge/sgbridged" "$socket" > "$state/sgbridged.log" 2>&1 &
    local pid=$!
    for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.05; done
    [ -S "$socket" ] || { echo "bridge.sh: sgbridged did not start" >&2; kill "$pid" 2> /dev/null; return 1; }
    echo "SGBRIDGE1 $VTL_CHANGER_URL 8" > "$state/dev/changer0"
    {
        echo "SGBRIDGE_SOCKET=$socket"
        # ld.so expands $LIB per process: the 32-bit Wine loader gets the
        # 32-bit preload, everything else the 64-bit one.
        echo "SGBRIDGE_PRELOAD='$(cd "$build/tools/sgbridge" && pwd)/\$LIB/libsgbridge-preload.so'"
        echo "SGBRIDGE_PID=$pid"
        echo "SGBRIDGE_CHANGER0=$state/dev/changer0"
        for d in $(seq 0 $((${VTL_TAPES:-$VTL_DRIVES} - 1))); do
            local url_var=VTL_TAPE${d}_URL
            echo "SGBRIDGE1 ${!url_var} 1" > "$state/dev/tape$d"
            echo "SGBRIDGE_TAPE$d=$state/dev/tape$d"
        done
    } > "$state/bridge.env"
}

stop() {
    [ -f "$state/bridge.env" ] || return 0
    # shellcheck disable=SC1091
    source "$state/bridge.env"
    kill "$SGBRIDGE_PID" 2> /dev/null || true
    for _ in $(seq 100); do kill -0 "$SGBRIDGE_PID" 2> /dev/null || break; sleep 0.05; done
    # Its logouts take 2 s at most; one still there after 5 s is stuck: never left behind.
    kill -9 "$SGBRIDGE_PID" 2> /dev/null || true
    rm -f "$state/bridge.env"
}

case $action in
start) start "${3:?build dir}" ;;
stop) stop ;;
*) echo "usage: $0 start|stop <statedir> ..." >&2; exit 2 ;;
esac
