#!/bin/sh
# SPDX-License-Identifier: MIT
# check_roundtrip.sh - sheet export -> import -> export gives the same
# bytes, for examples/catalog.json and every golden catalog that loads:
#
#   pricing sheet C          > s1.csv
#   pricing import C s1.csv  > c2.json   (C in canonical form)
#   pricing sheet c2.json    > s2.csv    s2 = s1
#   pricing import c2.json s2.csv > c3.json   c3 = c2
#
# and the imported catalog has the same summary (validate) and JSON sheet
# as the original. Environment: top_srcdir, top_builddir (default: the
# directory above this script).
here=$(cd "$(dirname "$0")/.." && pwd) || exit 99
top_srcdir=${top_srcdir:-$here}
top_builddir=${top_builddir:-$here}
pricing=$top_builddir/pricing
[ -x "$pricing" ] || { echo "check_roundtrip.sh: $pricing not built" >&2; exit 99; }
# Thousands of runs: libtool's wrapper script costs ten times the program,
# so run the program it wraps when there is one.
if [ -x "$top_builddir/.libs/pricing" ]; then
    pricing=$top_builddir/.libs/pricing
    LD_LIBRARY_PATH=$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    export LD_LIBRARY_PATH
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/roundtrip.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
trap 'exit 130' INT TERM

passed=0 failed=0 skipped=0

fail() {
    echo "FAIL $1: $2"
    failed=$((failed + 1))
}

check() {
    cat=$1 name=$2
    # Only catalogs that load: the others test the loader.
    if ! "$pricing" validate "$cat" >"$tmp/v1" 2>/dev/null; then
        skipped=$((skipped + 1))
        return
    fi
    "$pricing" sheet "$cat" >"$tmp/s1.csv" 2>"$tmp/err" ||
        { fail "$name" "sheet: $(cat "$tmp/err")"; return; }
    "$pricing" import "$cat" "$tmp/s1.csv" >"$tmp/c2.json" 2>"$tmp/err" ||
        { fail "$name" "import: $(cat "$tmp/err")"; return; }
    "$pricing" sheet "$tmp/c2.json" >"$tmp/s2.csv" 2>"$tmp/err" ||
        { fail "$name" "sheet of the import: $(cat "$tmp/err")"; return; }
    cmp -s "$tmp/s1.csv" "$tmp/s2.csv" ||
        { fail "$name" "the sheet of the imported catalog differs"; return; }
    "$pricing" import "$tmp/c2.json" "$tmp/s2.csv" >"$tmp/c3.json" 2>"$tmp/err" ||
        { fail "$name" "second import: $(cat "$tmp/err")"; return; }
    cmp -s "$tmp/c2.json" "$tmp/c3.json" ||
        { fail "$name" "the second import differs from the first"; return; }
    "$pricing" validate "$tmp/c2.json" >"$tmp/v2" 2>/dev/null &&
        cmp -s "$tmp/v1" "$tmp/v2" ||
        { fail "$name" "the imported catalog's summary differs"; return; }
    "$pricing" sheet --format json "$cat" >"$tmp/j1" 2>/dev/null &&
        "$pricing" sheet --format json "$tmp/c2.json" >"$tmp/j2" 2>/dev/null &&
        cmp -s "$tmp/j1" "$tmp/j2" ||
        { fail "$name" "the JSON sheets differ"; return; }
    passed=$((passed + 1))
}

check "$top_srcdir/examples/catalog.json" examples/catalog.json
for f in "$top_srcdir"/tests/cases/*/catalog.json \
         "$top_srcdir"/tests/cases/*/old.json \
         "$top_srcdir"/tests/cases/*/new.json; do
    [ -f "$f" ] || continue
    check "$f" "${f#"$top_srcdir"/}"
done

echo "$passed passed, $failed failed ($skipped catalogs that do not load skipped)"
[ "$failed" = 0 ] && [ "$passed" != 0 ]
