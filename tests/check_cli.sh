#!/bin/sh
# SPDX-License-Identifier: MIT
# The pricing command under hostile conditions: closed or garbage standard
# input, missing, directory and unreadable files, standard output on
# /dev/full or closed, endless input. Each must end with its exit status
# and a JSON error object (never a partial document reported as success).
set -u
P="${top_builddir:-.}/pricing"
CAT="${top_srcdir:-.}/examples/catalog.json"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# expect NAME STATUS CODE: the last command's status and the error code
# in $tmp/out.
expect() {
    got_status=$1 name=$2 status=$3 code=$4
    if [ "$got_status" -ne "$status" ]; then
        echo "FAIL $name: exit $got_status, expected $status"; fail=$((fail + 1)); return
    fi
    if [ -n "$code" ] && ! grep -q "^{\"error\":{\"code\":\"$code\"" "$tmp/out"; then
        echo "FAIL $name: expected a $code error object, got: $(head -c 200 "$tmp/out")"
        fail=$((fail + 1)); return
    fi
    if [ "$status" -ne 0 ] && [ ! -s "$tmp/err" ]; then
        echo "FAIL $name: nothing on standard error"; fail=$((fail + 1)); return
    fi
    pass=$((pass + 1))
}

"$P" quote "$CAT" <&- >"$tmp/out" 2>"$tmp/err"
expect $? "closed stdin" 3 io_error
head -c 4096 /dev/urandom >"$tmp/garbage"
"$P" quote "$CAT" <"$tmp/garbage" >"$tmp/out" 2>"$tmp/err"
expect $? "binary garbage" 1 json_syntax
"$P" quote "$tmp/missing.json" </dev/null >"$tmp/out" 2>"$tmp/err"
expect $? "missing file" 3 io_error
"$P" quote "$tmp" </dev/null >"$tmp/out" 2>"$tmp/err"
expect $? "directory" 3 io_error
"$P" validate "$tmp" >"$tmp/out" 2>"$tmp/err"
expect $? "validate a directory" 3 io_error
cp "$CAT" "$tmp/locked.json" && chmod 000 "$tmp/locked.json"
if [ "$(id -u)" -ne 0 ]; then
    "$P" validate "$tmp/locked.json" >"$tmp/out" 2>"$tmp/err"
    expect $? "unreadable file" 3 io_error
elif command -v setpriv >/dev/null 2>&1 &&
     setpriv --reuid=65534 --regid=65534 --clear-groups "$P" --version >/dev/null 2>&1; then
    # root reads anything: drop to nobody for this one
    chmod 755 "$tmp" && chmod 644 "$tmp/out" "$tmp/err" 2>/dev/null
    setpriv --reuid=65534 --regid=65534 --clear-groups \
        "$P" validate "$tmp/locked.json" >"$tmp/out" 2>"$tmp/err"
    expect $? "unreadable file" 3 io_error
else
    echo "skipped unreadable file: root, and nobody cannot run $P here"
fi
head -c 3000000 /dev/zero | "$P" quote "$CAT" >"$tmp/out" 2>"$tmp/err"
expect $? "endless request" 1 limit_exceeded
head -c 70000000 /dev/zero | "$P" quote >"$tmp/out" 2>"$tmp/err"
expect $? "endless envelope" 1 limit_exceeded
echo '{"spec":"starter","plan":"month"}' | "$P" quote "$CAT" >/dev/full 2>"$tmp/err"
st=$?; : >"$tmp/out"
expect $st "stdout on /dev/full" 3 ""
echo '{"spec":"starter","plan":"month"}' | "$P" batch "$CAT" >/dev/full 2>"$tmp/err"
st=$?; : >"$tmp/out"
expect $st "batch stdout on /dev/full" 3 ""
echo '{"spec":"starter","plan":"month"}' | "$P" quote "$CAT" >&- 2>"$tmp/err"
st=$?; : >"$tmp/out"
expect $st "stdout closed" 3 ""
# Wrong usage: a line on standard error, nothing on standard output
# (tests/check_usage.sh checks the bytes).
"$P" >"$tmp/out" 2>"$tmp/err"
expect $? "no command" 2 ""
"$P" quote --frobnicate >"$tmp/out" 2>"$tmp/err"
expect $? "unknown option" 2 ""
"$P" --version >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st -eq 0 ] && grep -q '^pricing [0-9]' "$tmp/out"; then pass=$((pass + 1)); else echo "FAIL --version"; fail=$((fail + 1)); fi
"$P" --help >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st -eq 0 ] && grep -q '^usage: pricing COMMAND' "$tmp/out"; then pass=$((pass + 1)); else echo "FAIL --help"; fail=$((fail + 1)); fi

# A message is one printable line (issue 12.4): a spec that would forge a
# log line and colour the terminal is quoted escaped, on stderr as in the
# error object.
printf '%s\n' '{"spec":"x\npricing: ok total 0.00\r\u001b[31mRED"}' >"$tmp/forge.json"
"$P" quote "$CAT" "$tmp/forge.json" >"$tmp/out" 2>"$tmp/err"
expect $? "forged log line" 1 unknown_spec
if [ "$(wc -l <"$tmp/err")" -eq 1 ] && ! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177\r]')" "$tmp/err" &&
   grep -qF "no spec 'x\\npricing: ok total 0.00\\r\\u001b[31mRED'" "$tmp/err"; then
    pass=$((pass + 1))
else
    echo "FAIL forged log line: stderr is not one printable line: $(od -c "$tmp/err" | head -5)"; fail=$((fail + 1))
fi

# The path is escaped too: a key with LF, CR, ESC and U+2028 is one line,
# byte for byte (the JSON object keeps the exact pointer).
printf '%s\n' '{"spec":"standard","sku":{"edition":"pro","users":5,"x\npricing: ok\r\u001b[31m\u2028":1},"plan":"month"}' >"$tmp/forge2.json"
"$P" quote "$CAT" "$tmp/forge2.json" >"$tmp/out" 2>"$tmp/err"
expect $? "forged path" 1 unknown_attribute
want="pricing: $tmp/forge2.json: unknown_attribute at /sku/x\\npricing: ok\\r\\u001b[31m\\u2028: "
if [ "$(wc -l <"$tmp/err")" -eq 1 ] && head -c ${#want} "$tmp/err" | grep -qxF "$want"; then
    pass=$((pass + 1))
else
    echo "FAIL forged path: $(od -c "$tmp/err" | head -5)"; fail=$((fail + 1))
fi

# Contract 1.2: the version options of sheet, import and diff.
HIST="${top_srcdir:-.}/tests/cases/history-validate/catalog.json"
"$P" sheet --of nope "$HIST" >"$tmp/out" 2>"$tmp/err"
expect $? "sheet of an unknown version" 2 invalid_argument
"$P" diff --new 2026-01 "$HIST" >"$tmp/out" 2>"$tmp/err"
expect $? "diff of a first version alone" 2 invalid_argument
# each line: the command, then what its output must hold
for t in \
    "sheet --of 2026-07 $HIST|unit_price_USD,flat_USD,unit_price_EUR,flat_EUR" \
    "sheet --of 2026-01 $HIST|,10.00," \
    "diff $HIST|\"old\":{\"catalog\":\"acme-crm\",\"version\":\"2026-07\"},\"new\":{\"catalog\":\"acme-crm\",\"version\":\"2027-01\"}" \
    "diff --old 2026-01 --new 2026-07 $HIST $HIST|\"old\":\"10.00\",\"new\":\"12.00\"" \
    "diff --new 2026-07 $HIST|\"version\":\"2026-01\"},\"new\""; do
    cmd=${t%%|*} want=${t#*|}
    # shellcheck disable=SC2086
    if "$P" $cmd >"$tmp/out" 2>"$tmp/err" && grep -qF "$want" "$tmp/out"; then
        pass=$((pass + 1))
    else
        echo "FAIL pricing $cmd: no $want in $(head -c 300 "$tmp/out")"; fail=$((fail + 1))
    fi
done
"$P" sheet --of 2026-07 "$HIST" >"$tmp/sheet.csv" 2>"$tmp/err" &&
    "$P" import --of 2026-07 "$HIST" "$tmp/sheet.csv" >"$tmp/h.json" 2>"$tmp/err" &&
    "$P" sheet --of 2026-07 "$tmp/h.json" >"$tmp/sheet2.csv" 2>"$tmp/err" &&
    "$P" import --of 2026-07 "$tmp/h.json" "$tmp/sheet2.csv" >"$tmp/h2.json" 2>"$tmp/err"
if cmp -s "$tmp/sheet.csv" "$tmp/sheet2.csv" && cmp -s "$tmp/h.json" "$tmp/h2.json"; then
    pass=$((pass + 1))
else
    echo "FAIL sheet/import round trip of a version of a history"; fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
