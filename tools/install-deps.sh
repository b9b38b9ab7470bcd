#!/usr/bin/env bash
# Installs the Debian packages the build, the tests and the demo need.
# Needs root (apt-get); does nothing when everything is already there.
set -euo pipefail
packages=(
    cmake make gcc pkg-config python3     # native build
    mingw-w64                             # the DLLs (x86_64, i686)
    llvm clang                            # llvm-dlltool for Ntmsapi.lib; clang for ASan/UBSan and libFuzzer
    libcmocka-dev                         # unit tests
    tgt                                   # the virtual tape library under test
    libiscsi-dev libiscsi-bin             # the SG_IO bridge talks iSCSI to tgt
    sg3-utils mtx                         # independent decoders and a witness of where tapes are
    wine wine64 libwine-dev               # the DLL under test (64-bit Wine only); Wine's headers
    binutils util-linux procps            # objdump/strings, flock, pgrep
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${missing[*]}; run as root (or: sudo $0)" >&2
    exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
