# Sourced by the Wine runners: which Wine architecture a built DLL needs,
# and whether this machine can run it.

# win64 for an x86_64 DLL, win32 for an i686 one (the PE header's machine).
wine_arch_of() {
    local dll=$1 pe machine
    pe=$(od -An -tu4 -j 60 -N 4 "$dll" | tr -d ' ')
    machine=$(od -An -tx2 -j $((pe + 4)) -N 2 "$dll" | tr -d ' ')
    case $machine in
    8664) echo win64 ;;
    014c) echo win32 ;;
    *) echo "wine_arch.sh: $dll is no x86_64 or i686 DLL (machine $machine)" >&2; return 1 ;;
    esac
}

# Prints why Wine programs of this architecture cannot run here (nothing
# when they can): Wine itself, its 32-bit loader, the bridge's 32-bit preload.
wine_missing_for() {
    local winearch=$1 native=$2
    command -v wine > /dev/null || { echo "Wine is not installed"; return; }
    [ "$winearch" = win32 ] || return 0
    if ! dpkg-query -W -f='${Status}' wine32:i386 2> /dev/null | grep -q 'install ok installed' \
        && [ ! -x /usr/lib/wine/wine ]; then
        echo "32-bit Wine (wine32:i386) is not installed: tools/install-deps.sh could not install it"
        return
    fi
    if [ -n "$native" ] && ! ls "$native"/tools/sgbridge/lib/i386-linux-gnu/libsgbridge-preload.so > /dev/null 2>&1; then
        echo "the bridge's 32-bit preload was not built (gcc-multilib missing)"
    fi
}
