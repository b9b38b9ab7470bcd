#!/usr/bin/env bash
# Operator requests and the request queue under Wine (test_opreq.exe),
# several processes, mtx the witness: the exports' refusals; the records in
# every layout, where they are shown (stderr under Wine), satisfaction and
# refusal; users refused what only administrators may do; a wait woken by
# another process's answer within a second; an allocation without media
# waiting on its NEWMEDIA request until another process moves a tape to
# Free and satisfies it, one refused (ERROR_CANCELLED), one whose library
# request another process cancels (ERROR_CANCELLED), one killed -9 (its
# request failed and its NEWMEDIA purged by the next caller); a mount of an
# offline medium waiting on its MOVEMEDIA request: refused
# (ERROR_CANCELLED), then satisfied while the tape is in the library (found
# by an inventory, mounted, and home again); with both drives held, four
# mounts queued in order (one of higher priority first), reordered by
# SetNtmsRequestOrder, one killed -9, one cancelled, the others served in
# the new order as drives free. Runs inside with_library.sh.
# usage: opreq_under_wine.sh <windows-build> <wine-prefix>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
windows=$1 prefix=$(realpath -m "$2")
data=$(mktemp -d)
declare -A pid_of=()
cleanup() {
    local pid
    for pid in "${pid_of[@]}"; do kill -9 "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
    rm -rf "$data"
}
trap cleanup EXIT
mkdir -p "$data/db" "$data/app" "$data/queue"
export NTMSAPI_DATA_DIR="Z:${data//\//\\}\\db"
source "$here/witness.sh"
source "$here/wine_env.sh"
run() { "$here/run_win32_test.sh" "$windows" test_opreq.exe "$prefix" "$@"; }
win() { echo "Z:${1//\//\\}"; }
all_home() { [ "$(grep -c 'Storage Element [0-9]*:Full' "$data/mtx.txt")" -eq 7 ]; }
cp "$windows/ntmsapi.dll" "$windows/tests/test_opreq.exe" "$data/app/"

# start NAME ARGS...: test_opreq.exe ARGS in the background, its output in
# $data/NAME.txt. The loader is exec'd by the subshell and runs the program
# itself (see wine_loader): pid_of[NAME] is the process kill -9 must hit.
start() {
    local name=$1; shift
    (
        wine_prefix_ready "$windows" "$prefix"
        wine_devices_linked "$prefix"
        cd "$data/app" && exec "$(wine_loader)" test_opreq.exe "$@"
    ) > "$data/$name.txt" 2>&1 &
    pid_of[$name]=$!
}
# finished NAME: it ended by itself with every check passed; its output shown.
finished() {
    local status=0
    wait "${pid_of[$1]}" || status=$?
    unset "pid_of[$1]"
    tr -d '\r' < "$data/$1.txt"
    [ "$status" -eq 0 ] && grep -q '^[0-9]* passed, 0 failed' "$data/$1.txt"
}
# kill_waiter NAME: kill -9 by its pid, once sure the pid is that program's own.
kill_waiter() {
    local pid=${pid_of[$1]}
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'test_opreq.exe ' || return 1
    kill -9 "$pid"
    wait "$pid" 2> /dev/null || true
    unset "pid_of[$1]"
}

# The queue test's waiters say when they hold a drive (BARCODE.mounted) and
# are told to let it go (BARCODE.release) in $queue.
queue=$data/queue
mounted() {   # mounted BARCODE: its waiter says so within 30 s, and mtx sees it in a drive
    for _ in $(seq 300); do [ -e "$queue/$1.mounted" ] && break; sleep 0.1; done
    [ -e "$queue/$1.mounted" ] && status_now \
        && grep -q "Data Transfer Element [0-9]*:Full .*VolumeTag = $1 " "$data/mtx.txt"
}
only_mounted() {   # only_mounted BARCODE...: no other waiter has mounted
    local f
    for f in "$queue"/*.mounted; do [[ " $* " == *" $(basename "$f" .mounted) "* ]] || return 1; done
}
release() { touch "$queue/$1.release"; }

check "the exports refuse bad input" run refusals
check "records, layouts, answers, the UI options" run basics > "$data/basics.txt"
cat "$data/basics.txt"
shown="ntmsapi: Removable Storage operator request (message) .* from ntmsapi test_opreq: Please load the weekly tapes"
check "shown on stderr under Wine" grep -q "$shown" "$data/basics.txt"
check "a request shown nowhere stays off stderr" bash -c "! grep -q 'Shown nowhere' '$data/basics.txt'"
check "users may not satisfy or cancel" run as-user

for answer in satisfy refuse; do
    expected=0; [ "$answer" = refuse ] && expected=1223
    start "waiter-$answer" submit-wait "$(win "$data/$answer.id")" "$expected"
    for _ in $(seq 300); do
        [ -e "$data/$answer.id" ] || ! kill -0 "${pid_of[waiter-$answer]}" 2> /dev/null && break
        sleep 0.1
    done
    check "another process answers: $answer" run answer "$answer" "$(win "$data/$answer.id")"
    check "the waiting process woke within a second ($answer)" finished "waiter-$answer"
done

# Every tape but slot 8's (N0008L6) identified: blank ones, Unrecognized.
check "tapes identified (all but slot 8)" run identify-all 8
start allocation allocate Wanting 120000 0
check "another process moves a tape to Free and satisfies NEWMEDIA" run newmedia satisfy Wanting
check "the waiting allocation got the tape" finished allocation
start allocation allocate Refused 120000 1223
check "another process refuses NEWMEDIA" run newmedia refuse Refused
check "the allocation answered ERROR_CANCELLED" finished allocation
start allocation allocate Cancelled 120000 1223
check "another process cancels the waiting allocation's library request" run newmedia cancel Cancelled
check "the allocation answered ERROR_CANCELLED" finished allocation
start doomed allocate Killed 120000 0
check "an allocation from \\Killed waits on its NEWMEDIA" run newmedia seen Killed
check "the waiting allocation killed -9" kill_waiter doomed
check "after it, nothing of it outstanding" run abandoned Killed

start mounter offline-mount N0008L6 120000 1223
check "another process refuses MOVEMEDIA" run movemedia refuse N0008L6
check "the mount answered ERROR_CANCELLED" finished mounter
start mounter offline-mount N0008L6 120000 0
check "another process satisfies MOVEMEDIA (the tape is in slot 8)" run movemedia satisfy N0008L6
check "the mount found it, mounted it and sent it home" finished mounter
status_now
check "N0008L6 is home in slot 8" in_slot 8 N0008L6

# The queue: both drives held; N0003L6, N0005L6 and N0006L6 queued in turn,
# then N0007L6 of higher priority before them.
start hold1 mount 1 "$(win "$queue")" 0
start hold2 mount 2 "$(win "$queue")" 0
check "N0001L6 holds a drive" mounted N0001L6
check "N0002L6 holds the other" mounted N0002L6
start waiter3 mount 3 "$(win "$queue")" 0
check "a mount waits: first in the queue" run queue N0003L6
start waiter5 mount 5 "$(win "$queue")" 0
check "a second one after it" run queue N0003L6,N0005L6
start waiter6 mount 6 "$(win "$queue")" 0
check "a third after them" run queue N0003L6,N0005L6,N0006L6
start waiter7 mount 7 "$(win "$queue")" 1223 7
check "one of higher priority before them; reordered by SetNtmsRequestOrder" \
    run queue N0007L6,N0003L6,N0005L6,N0006L6 move:N0006L6:1 N0006L6,N0007L6,N0003L6,N0005L6 \
        move:N0007L6:99 N0006L6,N0003L6,N0005L6,N0007L6 refusals
check "the second in line (N0003L6) killed -9" kill_waiter waiter3
release N0001L6
check "a drive freed: the first in line, N0006L6, has it" mounted N0006L6
check "nobody else got a drive" only_mounted N0001L6 N0002L6 N0006L6
check "the killed waiter's mount failed, the next ones moved up; one cancelled" \
    run queue aborted:N0003L6 N0005L6,N0007L6 cancel:N0007L6 N0005L6
check "the cancelled mount answered ERROR_CANCELLED" finished waiter7
release N0006L6
check "the drive freed again: N0005L6 has it" mounted N0005L6
check "N0003L6 and N0007L6 never got one" only_mounted N0001L6 N0002L6 N0006L6 N0005L6
release N0005L6
release N0002L6
for name in hold1 hold2 waiter6 waiter5; do check "$name mounted, held and dismounted" finished "$name"; done
check "the queue is empty" run queue -
status_now
check "every tape is home" all_home
summary
