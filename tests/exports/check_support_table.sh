#!/usr/bin/env bash
# Keeps the README support table and the code in agreement: every export has
# exactly one row; a row says "not yet" exactly when the export's body in
# src/dll/ ends in shim_not_yet() or carries a "NOT YET:" note.
# usage: check_support_table.sh <source-dir>
set -euo pipefail
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk '/^EXPORTS/{f=1;next} f && NF {print $1}' "$src/def/ntmsapi.def" | sort > "$work/exports.txt"

# README rows look like: | `IdentifyNtmsSlot` | not yet | notes |
grep -E '^\| `[A-Z][A-Za-z]+` \|' "$src/README.md" | awk -F'|' '{gsub(/[ `]/,"",$2); s=$3; gsub(/^ +| +$/,"",s); print $2 "\t" s}' \
    | sort > "$work/table.tsv"
cut -f1 "$work/table.tsv" > "$work/table-names.txt"

# The body of each exported function: from "WINAPI Name(" to the next "}" in column 0.
for name in $(cat "$work/exports.txt"); do
    body=$(awk -v n="$name" '$0 ~ ("WINAPI " n "\\(") && !/;$/ {f=1} f {print} f && /^}/ {exit}' "$src"/src/dll/*.c)
    [ -n "$body" ] || { echo "no definition found for $name"; echo "$name	missing"; continue; }
    # A body that delegates to a static helper is "not yet" when the helper is.
    helper=$(printf '%s\n' "$body" | grep -oE 'return [a-z_]+\(' | head -1 | sed 's/return //; s/($//' || true)
    helper_body=""
    if [ -n "$helper" ] && [ "$helper" != shim_result ] && [ "$helper" != shim_not_yet ]; then
        helper_body=$(awk -v n="$helper" '$0 ~ ("^static [A-Z]+ " n "\\(") {f=1} f {print} f && /^}/ {exit}' "$src"/src/dll/*.c)
    fi
    # A here-string, not a pipe: grep -q may exit before printf finishes,
    # and pipefail would turn that SIGPIPE into "no match".
    if grep -qE 'shim_not_yet\(|NOT YET:' <<< "$body
$helper_body"; then
        echo "$name	not yet"
    else
        echo "$name	implemented"
    fi
done | sort > "$work/code.tsv"

passed=0 failed=0
if diff -u "$work/exports.txt" "$work/table-names.txt"; then passed=$((passed + 1)); else
    echo "FAIL: README support table rows differ from the 75 exports"; failed=$((failed + 1)); fi
while IFS=$'\t' read -r name state; do
    row=$(awk -F'\t' -v n="$name" '$1==n{print $2}' "$work/table.tsv")
    if [ "$state" = "not yet" ] && [ "$row" != "not yet" ]; then
        echo "FAIL: $name is not implemented but the README says '$row'"; failed=$((failed + 1))
    elif [ "$state" = implemented ] && { [ "$row" = "not yet" ] || [ -z "$row" ]; }; then
        echo "FAIL: $name is implemented but the README says '${row:-nothing}'"; failed=$((failed + 1))
    elif [ "$state" = missing ]; then
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
done < "$work/code.tsv"
echo "$(grep -c 'not yet' "$work/code.tsv") exports not yet implemented, $(grep -c implemented "$work/code.tsv") implemented"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
