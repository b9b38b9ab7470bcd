#!/usr/bin/env bash
# Installs the Debian packages the build, the tests and the demo need.
# Needs root (apt-get); does nothing when everything is already there.
#
# 32-bit Wine (wine32:i386, with gcc-multilib for the bridge's 32-bit
# preload) comes from Debian's i386 architecture, whose package index has
# at times been inconsistent on the mirrors. When it cannot be installed,
# everything else still is: the 32-bit Wine tests then report themselves
# skipped, with the reason, and the rest runs.
set -euo pipefail
packages=(
    cmake make gcc pkg-config python3     # native build
    mingw-w64                             # the DLLs (x86_64, i686)
    llvm clang                            # llvm-dlltool for Ntmsapi.lib; clang for ASan/UBSan and libFuzzer
    libcmocka-dev                         # unit tests
    tgt                                   # the virtual tape library under test
    libiscsi-dev libiscsi-bin             # the SG_IO bridge talks iSCSI to tgt
    sg3-utils mtx                         # independent decoders and a witness of where tapes are
    wine wine64 libwine-dev               # the 64-bit DLL under test; Wine's headers
    binutils util-linux procps            # objdump/strings, flock, pgrep
)
packages_32bit=(
    wine32:i386                           # the i686 DLL under test, in a win32 prefix
    gcc-multilib                          # the bridge's preload for 32-bit Wine processes
)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing_of() { local p; for p in "$@"; do installed "$p" || echo "$p"; done; }

mapfile -t missing < <(missing_of "${packages[@]}")
mapfile -t missing_32bit < <(missing_of "${packages_32bit[@]}")
[ ${#missing[@]} -eq 0 ] && [ ${#missing_32bit[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${missing[*]} ${missing_32bit[*]}; run as root (or: sudo $0)" >&2
    [ ${#missing[@]} -eq 0 ] || exit 1
    echo "(only 32-bit Wine is missing: its tests will be skipped)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if [ ${#missing_32bit[@]} -gt 0 ] && ! dpkg --print-foreign-architectures | grep -qx i386; then
    dpkg --add-architecture i386
fi
apt-get update -q
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if [ ${#missing_32bit[@]} -gt 0 ]; then
    echo "installing (32-bit Wine): ${missing_32bit[*]}"
    if ! apt-get install -y -q --no-install-recommends "${missing_32bit[@]}"; then
        echo "WARNING: 32-bit Wine could not be installed (the i386 package index may be" >&2
        echo "WARNING: inconsistent on this mirror today); the 32-bit Wine tests will be skipped." >&2
    fi
fi
