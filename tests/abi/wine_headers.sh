#!/usr/bin/env bash
# Our public headers compile against Wine's Windows headers (which have no
# ntmsapi.h of their own): natively as winegcc does (-fshort-wchar), and
# with both mingw-w64 compilers, all with -Wall -Wextra -Werror.
# usage: wine_headers.sh <project-include-dir>
set -euo pipefail
inc=$1
wine=/usr/include/wine/wine
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/use.c" <<'C'
#include <windows.h>
#include <ntmsapi.h>
#include <ntmsmli.h>
int main(void)
{
    NTMS_OBJECTINFORMATIONW w;
    NTMS_I1_OBJECTINFORMATIONA a;
    MediaLabelInfo label;
    (void)w; (void)a; (void)label;
    return (int)sizeof(NTMS_LIBRARYINFORMATION);
}
C
[ -f "$wine/windows/windows.h" ] || { echo "FAIL: Wine headers missing (libwine-dev)"; echo "0 passed, 1 failed"; exit 1; }
passed=0 failed=0
try() {
    local what=$1; shift
    if "$@" -std=c11 -Wall -Wextra -Werror -fsyntax-only -nostdinc -I "$inc" -I "$wine/msvcrt" -I "$wine/windows" "$work/use.c"; then
        passed=$((passed + 1)); echo "ok: $what"
    else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
try "native gcc, Wine headers" gcc -fno-builtin -fshort-wchar -D_WIN64 -DWIN32 -D_WIN32 -isystem "$(gcc -print-file-name=include)"
try "x86_64-w64-mingw32-gcc, Wine headers" x86_64-w64-mingw32-gcc -isystem "$(x86_64-w64-mingw32-gcc -print-file-name=include)"
try "i686-w64-mingw32-gcc, Wine headers" i686-w64-mingw32-gcc -isystem "$(i686-w64-mingw32-gcc -print-file-name=include)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
