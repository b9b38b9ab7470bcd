#!/usr/bin/env bash
# Our decoders and sg3_utils agree on the same bytes: sg_decode_sense,
# sg_inq --inhex and sg_vpd --inhex are the independent oracles.
# usage: oracle_sg3_utils.sh <scsi-decode> <fixture-dir>
set -euo pipefail
decode=$1 dir=$2
passed=0 failed=0
same() {   # same <what> <ours> <theirs>
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok: $1 ($2)"
    else failed=$((failed + 1)); echo "FAIL: $1: ours '$2', sg3_utils '$3'"; fi
}
field() { sed -n "s/^$1=//p"; }

for f in "$dir"/sense_*.hex; do
    name=$(basename "$f")
    ours=$("$decode" sense "$f")
    theirs=$(sg_decode_sense --file="$f")
    same "$name sense key" "$(field key <<< "$ours")" "$(sed -n 's/.*Sense key: //p' <<< "$theirs")"
    same "$name EOM" "$(field eom <<< "$ours")" "$(grep -qw EOM <<< "$theirs" && echo 1 || echo 0)"
    same "$name filemark" "$(field filemark <<< "$ours")" "$(grep -qiw filemark <<< "$theirs" && echo 1 || echo 0)"
    same "$name ILI" "$(field ili <<< "$ours")" "$(grep -qw ILI <<< "$theirs" && echo 1 || echo 0)"
    if grep -q '^information=' <<< "$ours"; then
        same "$name information" "$(field information <<< "$ours")" \
            "$(sed -n 's/.*Information: \(0x[0-9a-f]*\).*/\1/p' <<< "$theirs" | sed 's/0x0*/0x/')"
    fi
    if grep -q '^field_pointer=' <<< "$ours"; then
        same "$name field pointer" "byte $(field field_pointer <<< "$ours")" \
            "$(sed -n 's/.*Error in Command: \(byte [0-9]*\).*/\1/p' <<< "$theirs")"
    fi
done

ours=$("$decode" inquiry "$dir/inq_changer.hex")
theirs=$(sg_inq --inhex="$dir/inq_changer.hex")
same "INQUIRY vendor" "$(field vendor <<< "$ours")" "$(sed -n 's/ *Vendor identification: *//p' <<< "$theirs" | sed 's/ *$//')"
same "INQUIRY product" "$(field product <<< "$ours")" "$(sed -n 's/ *Product identification: *//p' <<< "$theirs" | sed 's/ *$//')"
same "INQUIRY revision" "$(field revision <<< "$ours")" "$(sed -n 's/ *Product revision level: *//p' <<< "$theirs" | sed 's/ *$//')"
same "INQUIRY device type" "$(field type <<< "$ours")" \
    "$(grep -q 'Peripheral device type: medium changer' <<< "$theirs" && echo 8)"

ours=$("$decode" vpd80 "$dir/vpd80_tape.hex")
theirs=$(sg_vpd --inhex="$dir/vpd80_tape.hex")
same "VPD 80h serial" "$(field serial <<< "$ours")" "$(sed -n 's/ *Unit serial number: *//p' <<< "$theirs" | sed 's/ *$//')"

ours=$("$decode" mam "$dir/mam_ltfs.hex")
theirs=$(sg_read_attr --in="$dir/mam_ltfs.hex")
for pair in "0x0003:Load count" "0x0400:Medium manufacturer" "0x0401:Medium serial number" \
            "0x0800:Application vendor" "0x0801:Application name" "0x0802:Application version" \
            "0x0803:User medium text label" "0x0806:Barcode"; do
    id=${pair%%:*} label=${pair#*:}
    same "MAM $label" "$(sed -n "s/^$id=//p" <<< "$ours")" \
        "$(sed -n "s/^ *$label[^:]*: *//p" <<< "$theirs" | sed 's/ *$//')"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
