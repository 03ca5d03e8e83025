#!/bin/sh
# SPDX-License-Identifier: MIT
# check_warnings.sh - `pricing validate` prints a catalog's warnings on
# standard error, one line each, and leaves the summary on standard output
# byte for byte as without them (tests/cases/validate-currency-near).
set -u
P="$(cd "${top_builddir:-.}" && pwd)/pricing"
CASE="${top_srcdir:-.}/tests/cases/validate-currency-near"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

check() { # NAME: a test, its result in $?
    if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi
}

(cd "$CASE" && "$P" validate catalog.json) >"$tmp/out" 2>"$tmp/err"
check "exit 0" $?
cmp -s "$tmp/out" "$CASE/expected"
check "summary bytes" $?
printf '%s\n' "pricing: catalog.json: warning: currency_not_iso at /currency: CYN is not an ISO 4217 code (loaded with its minor_units); did you mean 'CNY'?" >"$tmp/want"
cmp -s "$tmp/err" "$tmp/want"
check "warning line" $?
"$P" validate "${top_srcdir:-.}/examples/catalog.json" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && [ ! -s "$tmp/err" ]
check "no warning, nothing on standard error" $?

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
