#!/usr/bin/env bash
# A private tgt virtual tape library for tests, benchmarks and the demo.
#
#   vtl.sh start <statedir> [--slots N] [--drives N] [--standalone N] [--no-barcode S]...
#                           [--tapes N] [--ports N]
#   vtl.sh stop  <statedir>
#
# start runs its own tgtd (control socket and iSCSI port on 127.0.0.1 chosen
# free at start) with one target: tape drive LUNs 1..D and a changer LUN
# D+1 with a picker, P import/export elements, D drives and N storage slots
# (default 8 slots, 2 drives, 2 ports). Element addresses are deliberately
# not 0-based: picker 1, IE 16.., drives 256.., slots 4096... Every slot
# whose number is not a multiple of 4, and the last slot, holds a tape with
# barcode N<slot:04>L6; the last import/export port holds I<P:04>L6
# (I0002L6 by default; full last elements: tgt cuts the last descriptor of
# every reply short).
# --tapes T puts T tapes in the slots instead, spread evenly: slot s holds
# one when floor(s*T/N) > floor((s-1)*T/N), so for T >= 1 the last slot
# always does (1,000 slots and 800 tapes: every fifth slot is empty). T is
# at most N. A --no-barcode slot holds its tape either way.
# --ports P gives the changer P import/export elements (at least 1).
# --no-barcode S puts a tape whose barcode cannot be read (its volume tag
# is blank) in slot S instead.
# --standalone adds N tape drives outside the changer (LUNs after it),
# each with a tape of its own loaded (a blank one: tgt has no MAM barcode).
# It writes <statedir>/env for `source`:
#   TGT_CTL TGT_PORT TGT_PID TGT_TARGET VTL_SLOTS VTL_DRIVES
#   VTL_CHANGER_URL VTL_TAPE0_URL VTL_TAPE1_URL ... VTL_MEDIA_HOME
#   VTL_STANDALONE VTL_TAPES (drives + stand-alone; their URLs follow the drives')
#   VTL_FIRST_SLOT VTL_FIRST_DRIVE VTL_FIRST_IE VTL_TRANSPORT
#   VTL_PORTS (import/export elements) VTL_SLOT_MEDIA (tapes in the slots)
# stop deletes the target (--force) and the system through tgtadm, waits for
# that tgtd to exit, and only then kills that pid. Safe to call twice.
set -euo pipefail

usage() {
    echo "usage: $0 start|stop <statedir> [--slots N] [--drives N] [--standalone N] [--no-barcode S]..." \
         "[--tapes N] [--ports N]" >&2
    exit 2
}
[ $# -ge 2 ] || usage
action=$1 state=$2
shift 2

TRANSPORT=1 FIRST_IE=16 FIRST_DRIVE=256 FIRST_SLOT=4096
TARGET=iqn.2026-11.org.ntmsapi:vtl

tgtadm_() { tgtadm -C "$TGT_CTL" --lld iscsi "$@"; }

# A control number is taken while a tgtd listens on its socket. tgtd
# leaves the socket file behind when it ends, and binds over such a file.
tgtd_sockets_in_use() { awk '$NF ~ /^\/var\/run\/tgtd\/socket\.[0-9]+$/ {print $NF}' /proc/net/unix; }

free_control_number() {
    local n in_use
    in_use=$(tgtd_sockets_in_use)
    for n in $(seq $((100 + RANDOM % 800)) 999) $(seq 100 999); do
        grep -qx "/var/run/tgtd/socket.$n" <<< "$in_use" || { echo "$n"; return; }
    done
    return 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_tgtd() {
    local attempt port
    mkdir -p "$state" /var/run/tgtd   # tgtd's control sockets live there; a fresh machine may lack it
    for attempt in 1 2 3 4 5 6 7 8; do
        TGT_CTL=$(free_control_number)
        port=$((20000 + RANDOM % 20000))
        port_in_use "$port" && continue
        tgtd -f -C "$TGT_CTL" --iscsi "portal=127.0.0.1:$port" > "$state/tgtd.log" 2>&1 &
        TGT_PID=$!
        TGT_PORT=$port
        for _ in $(seq 50); do
            if tgtadm_ --op show --mode sys > /dev/null 2>&1 && port_in_use "$port"; then return 0; fi
            kill -0 "$TGT_PID" 2> /dev/null || break
            sleep 0.1
        done
        kill "$TGT_PID" 2> /dev/null || true
        wait "$TGT_PID" 2> /dev/null || true
    done
    echo "vtl.sh: could not start tgtd (see $state/tgtd.log)" >&2
    return 1
}

unlabelled() { local u; for u in $no_barcode; do [ "$u" = "$1" ] && return 0; done; return 1; }
unlabelled_index() { local u i=0; for u in $no_barcode; do i=$((i + 1)); [ "$u" = "$1" ] && echo "$i"; done; }

# Whether slot $1 holds a tape: the default pattern, or --tapes spread evenly.
slot_holds_tape() {
    local s=$1
    unlabelled "$s" && return 0
    if [ -n "$tapes" ]; then
        [ $((s * tapes / slots)) -gt $(((s - 1) * tapes / slots)) ]
    else
        [ $((s % 4)) -ne 0 ] || [ "$s" -eq "$slots" ]
    fi
}

slot_media_count() {
    local s count=0
    for s in $(seq 1 "$slots"); do slot_holds_tape "$s" && count=$((count + 1)); done
    echo "$count"
}

changer_param() { tgtadm_ --op update --mode logicalunit --tid 1 --lun "$changer_lun" --params "$1"; }

build_library() {
    local media=$state/media d s barcode
    mkdir -p "$media"
    tgtimg --op new --device-type tape --barcode NOTAPE --size 1 --type data --file "$state/no-tape.img" > /dev/null
    dd if=/dev/zero of="$state/changer.img" bs=1k count=1 status=none
    tgtadm_ --op new --mode target --tid 1 -T "$TARGET"
    for d in $(seq 1 "$drives"); do
        tgtadm_ --op new --mode logicalunit --tid 1 --lun "$d" --device-type tape --bstype ssc -b "$state/no-tape.img"
    done
    changer_lun=$((drives + 1))
    tgtadm_ --op new --mode logicalunit --tid 1 --lun "$changer_lun" --device-type changer -b "$state/changer.img"
    changer_param "media_home=$media"
    changer_param "element_type=1,start_address=$TRANSPORT,quantity=1"
    changer_param "element_type=2,start_address=$FIRST_SLOT,quantity=$slots"
    changer_param "element_type=3,start_address=$FIRST_IE,quantity=$ports"
    changer_param "element_type=4,start_address=$FIRST_DRIVE,quantity=$drives"
    for d in $(seq 1 "$drives"); do
        changer_param "element_type=4,address=$((FIRST_DRIVE + d - 1)),tid=1,lun=$d"
    done
    for s in $(seq 1 "$slots"); do
        slot_holds_tape "$s" || continue
        barcode=$(printf 'N%04dL6' "$s")
        # tgt names a tape's file after its barcode: blanks are a label nobody can read.
        unlabelled "$s" && barcode=$(printf "%*s" "$(unlabelled_index "$s")" "")
        tgtimg --op new --device-type tape --barcode "$barcode" --size 64 --type data --file "$media/$barcode" > /dev/null
        changer_param "element_type=2,address=$((FIRST_SLOT + s - 1)),barcode=$barcode,sides=1"
    done
    barcode=$(printf 'I%04dL6' "$ports")
    tgtimg --op new --device-type tape --barcode "$barcode" --size 64 --type data --file "$media/$barcode" > /dev/null
    changer_param "element_type=3,address=$((FIRST_IE + ports - 1)),barcode=$barcode,sides=1"
    for d in $(seq 1 "$standalone"); do
        tgtimg --op new --device-type tape --barcode "SA$(printf '%04d' "$d")L6" --size 64 --type data \
            --file "$state/standalone$d.img" > /dev/null
        tgtadm_ --op new --mode logicalunit --tid 1 --lun $((changer_lun + d)) --device-type tape --bstype ssc \
            -b "$state/standalone$d.img"
    done
    tgtadm_ --op bind --mode target --tid 1 -I 127.0.0.1
}

write_env() {
    local d url=iscsi://127.0.0.1:$TGT_PORT/$TARGET
    {
        echo "TGT_CTL=$TGT_CTL"; echo "TGT_PORT=$TGT_PORT"; echo "TGT_PID=$TGT_PID"; echo "TGT_TARGET=$TARGET"
        echo "VTL_STATEDIR=$state"; echo "VTL_MEDIA_HOME=$state/media"
        echo "VTL_SLOTS=$slots"; echo "VTL_DRIVES=$drives"
        echo "VTL_STANDALONE=$standalone"; echo "VTL_TAPES=$((drives + standalone))"
        echo "VTL_TRANSPORT=$TRANSPORT"; echo "VTL_FIRST_IE=$FIRST_IE"
        echo "VTL_FIRST_DRIVE=$FIRST_DRIVE"; echo "VTL_FIRST_SLOT=$FIRST_SLOT"
        echo "VTL_PORTS=$ports"; echo "VTL_SLOT_MEDIA=$(slot_media_count)"
        echo "VTL_CHANGER_URL=$url/$((drives + 1))"
        for d in $(seq 1 "$drives"); do echo "VTL_TAPE$((d - 1))_URL=$url/$d"; done
        for d in $(seq 1 "$standalone"); do echo "VTL_TAPE$((drives + d - 1))_URL=$url/$((drives + 1 + d))"; done
    } > "$state/env"
}

stop() {
    [ -f "$state/env" ] || return 0
    # shellcheck disable=SC1091
    source "$state/env"
    if kill -0 "$TGT_PID" 2> /dev/null; then
        tgtadm_ --op delete --mode target --tid 1 --force > /dev/null 2>&1 || true
        tgtadm_ --op delete --mode system > /dev/null 2>&1 || true
        for _ in $(seq 50); do kill -0 "$TGT_PID" 2> /dev/null || break; sleep 0.1; done
        kill "$TGT_PID" 2> /dev/null || true
        for _ in $(seq 50); do kill -0 "$TGT_PID" 2> /dev/null || break; sleep 0.1; done
    fi
    # Its control socket and lock file, once it has ended and unless another tgtd has the number now.
    if ! kill -0 "$TGT_PID" 2> /dev/null && ! tgtd_sockets_in_use | grep -qx "/var/run/tgtd/socket.$TGT_CTL"; then
        rm -f "/var/run/tgtd/socket.$TGT_CTL" "/var/run/tgtd/socket.$TGT_CTL.lock"
    fi
    rm -f "$state/env"
}

case $action in
start)
    slots=8 drives=2 standalone=0 no_barcode='' tapes='' ports=2
    while [ $# -gt 0 ]; do
        case $1 in
        --no-barcode) no_barcode="$no_barcode $2"; shift 2 ;;
        --slots) slots=$2; shift 2 ;;
        --drives) drives=$2; shift 2 ;;
        --standalone) standalone=$2; shift 2 ;;
        --tapes) tapes=$2; shift 2 ;;
        --ports) ports=$2; shift 2 ;;
        *) usage ;;
        esac
    done
    [ "$ports" -ge 1 ] || usage
    [ -z "$tapes" ] || [ "$tapes" -le "$slots" ] || usage
    start_tgtd
    write_env   # first, so that stop works even if building fails
    build_library || { stop; exit 1; }
    ;;
stop) stop ;;
*) usage ;;
esac
