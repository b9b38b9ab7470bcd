# Sourced by the Wine runners: the Wine prefix a built DLL runs in, and the
# tgt library's devices inside it.
#
#   wine_prefix_ready <windows-build-dir> <prefix-dir>
#       exports WINEPREFIX, WINEARCH, WINEDEBUG and WINEDLLOVERRIDES (our
#       ntmsapi.dll is native) and makes the prefix once. build/win64 (the
#       x86_64 DLL) runs in a win64 prefix, build/win32 (i686) in a win32
#       one: the DLL's PE header decides. The prefix is shared by the tests
#       of one architecture; creation is serialised with flock. A prefix
#       made for another architecture or by another Wine (say 64-bit only,
#       before wine32 was installed) is made again.
#   wine_devices_linked <prefix-dir>
#       if SGBRIDGE_ENV names a file written by tests/harness/bridge.sh,
#       links its mapped devices as dosdevices changer0/tape0/tape1 (or the
#       names WINE_DOSDEVICES gives) and exports LD_PRELOAD (the SG_IO
#       bridge) and SGBRIDGE_SOCKET for the Wine processes started after.
#   wine_loader
#       (after wine_prefix_ready) the Wine loader that runs the prefix's
#       programs in the process it is started as. Debian's `wine` is the
#       32-bit loader, which hands an x86_64 program to start.exe /exec: a
#       second process, and the first one's pid not the program's.
source "$(dirname "${BASH_SOURCE[0]}")/wine_arch.sh"

wine_prefix_ready() {
    local build=$1 prefix=$2 winearch stamp
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
            echo "wine_env.sh: $prefix was made for '$(cat "$prefix/.ntmsapi-prefix" 2>/dev/null || echo unknown)'," \
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
}

wine_devices_linked() {
    local prefix=$1 links link name device
    [ -n "${SGBRIDGE_ENV:-}" ] || return 0
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
}

wine_loader() {
    local loader
    if [ "$WINEARCH" = win64 ]; then
        for loader in "$(command -v wine64 || true)" /usr/lib/wine/wine64 /usr/lib64/wine/wine64 /opt/wine-stable/bin/wine64; do
            [ -x "$loader" ] && { echo "$loader"; return; }
        done
    fi
    echo wine
}
