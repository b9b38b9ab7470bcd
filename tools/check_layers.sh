#!/usr/bin/env bash
# The engine's dependencies run one way:
#     core <- labels <- records <- device <- discovery <- ops
# A file may include its own area and those to its left, never one to its
# right (records and device never include ops or discovery; core nothing
# of the engine but core). Prints every include that runs back up and
# fails when there is one. usage: tools/check_layers.sh [source-root]
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
areas=(core labels records device discovery ops)
rank() { local i; for i in "${!areas[@]}"; do [ "${areas[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo -1; }

status=0 checked=0
for area in "${areas[@]}"; do
    own=$(rank "$area")
    for file in "$root"/src/engine/"$area"/*.[ch]; do
        [ -e "$file" ] || continue
        checked=$((checked + 1))
        while IFS= read -r line; do
            target=$(sed -E 's|.*"engine/([a-z]+)/.*|\1|' <<< "$line")
            other=$(rank "$target")
            if [ "$other" -lt 0 ] || [ "$other" -gt "$own" ]; then
                echo "${file#"$root"/}: includes engine/$target/ (${area} may not)"
                status=1
            fi
        done < <(grep -E '^#include "engine/' "$file" || true)
    done
done
stray=$(find "$root/src/engine" -maxdepth 1 -name '*.[ch]' | wc -l)
if [ "$stray" -ne 0 ]; then
    echo "src/engine/ has $stray files outside an area"
    status=1
fi
[ "$status" -eq 0 ] && echo "ok: $checked engine files, every include runs one way (${areas[*]})"
exit "$status"
