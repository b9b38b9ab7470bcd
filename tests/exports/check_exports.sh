#!/usr/bin/env bash
# Checks a built ntmsapi.dll and its import libraries against the original:
#   - exactly the 75 exports of def/ntmsapi.def, which are exactly the T
#     symbols of mingw-w64's libntmsapi.a;
#   - on i686, the stdcall decorations of our objects equal mingw-w64's;
#   - only system DLLs imported; ASLR and DEP (and high-entropy VA on x64);
#   - a VERSIONINFO naming ntmsapi.dll;
#   - Ntmsapi.lib in the short import format, one member per export.
# usage: check_exports.sh <source-dir> <build-dir> <x86_64|i686>
set -euo pipefail
src=$1 build=$2 arch=$3
triple=$arch-w64-mingw32
dll=$build/ntmsapi.dll
passed=0 failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check() {   # check <description> <command...>
    local what=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok: $what"
    else failed=$((failed + 1)); echo "FAIL: $what"; fi
}

[ -f "$dll" ] || { echo "FAIL: $dll not built"; echo "0 passed, 1 failed"; exit 1; }

objdump -p "$dll" > "$work/pe.txt" 2>/dev/null || $triple-objdump -p "$dll" > "$work/pe.txt"
sed -n '/^\[Ordinal\/Name Pointer\] Table$/,/^$/p' "$work/pe.txt" | awk '/^\t\[/{print $NF}' | sort > "$work/dll.txt"
awk '/^EXPORTS/{f=1;next} f && NF {print $1}' "$src/def/ntmsapi.def" | sort > "$work/def.txt"
$triple-nm "/usr/$triple/lib/libntmsapi.a" | awk '$2=="T"{print $3}' | sed 's/^_//; s/@[0-9]*$//' | sort > "$work/mingw.txt"

check "75 exports in def/ntmsapi.def" test "$(wc -l < "$work/def.txt")" -eq 75
check "def/ntmsapi.def = mingw-w64 libntmsapi.a" diff -u "$work/mingw.txt" "$work/def.txt"
check "DLL exports = def/ntmsapi.def" diff -u "$work/def.txt" "$work/dll.txt"

imports=$(awk '/DLL Name:/{print toupper($3)}' "$work/pe.txt" | sort -u | tr '\n' ' ')
echo "imports: $imports"
allowed=" KERNEL32.DLL MSVCRT.DLL ADVAPI32.DLL USER32.DLL OLE32.DLL RPCRT4.DLL "
only_system() { for d in $imports; do [[ $allowed == *" $d "* ]] || { echo "unexpected import $d"; return 1; }; done; }
check "imports only system DLLs" only_system
check "ASLR (DYNAMIC_BASE)" grep -q DYNAMIC_BASE "$work/pe.txt"
check "DEP (NX_COMPAT)" grep -q NX_COMPAT "$work/pe.txt"
if [ "$arch" = x86_64 ]; then
    check "high-entropy VA" grep -q HIGH_ENTROPY_VA "$work/pe.txt"
fi
check "VERSIONINFO names ntmsapi.dll" bash -c "strings -el '$dll' | grep -qx 'ntmsapi.dll'"
check "VERSIONINFO has OriginalFilename" bash -c "strings -el '$dll' | grep -qx OriginalFilename"

# Decorations: what our objects define against what the original import library names.
if [ "$arch" = i686 ]; then
    $triple-nm "/usr/$triple/lib/libntmsapi.a" | awk '$2=="T"{print $3}' | sort > "$work/mingw-dec.txt"
    find "$build/src/dll" -name '*.obj' -exec $triple-nm {} + | awk '$2=="T"{print $3}' \
        | grep -E '@[0-9]+$' | grep -vE '^_DllMain@' | sort > "$work/ours-dec.txt"
    check "stdcall decorations = mingw-w64 libntmsapi.a" diff -u "$work/mingw-dec.txt" "$work/ours-dec.txt"
    awk '/^EXPORTS/{f=1;next} f && NF {print "_"$1}' "$src/def/ntmsapi-x86.def" | sort > "$work/def-dec.txt"
    check "def/ntmsapi-x86.def = mingw-w64 decorations" diff -u "$work/mingw-dec.txt" "$work/def-dec.txt"
fi

# The import libraries resolve what the original resolves.
$triple-nm "$build/libntmsapi.dll.a" 2>/dev/null | awk '$2=="T"{print $3}' | sort > "$work/implib.txt"
$triple-nm "/usr/$triple/lib/libntmsapi.a" | awk '$2=="T"{print $3}' | sort > "$work/orig.txt"
check "libntmsapi.dll.a defines the same symbols as the original" diff -u "$work/orig.txt" "$work/implib.txt"
llvm-readobj "$build/Ntmsapi.lib" > "$work/lib.txt"
check "Ntmsapi.lib: 75 short-import members" test "$(grep -c 'Format: COFF-import-file' "$work/lib.txt")" -eq 75
if [ "$arch" = i686 ]; then
    check "Ntmsapi.lib imports undecorated names" test "$(grep -c 'Name type: undecorate' "$work/lib.txt")" -eq 75
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
