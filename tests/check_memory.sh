#!/bin/sh
# SPDX-License-Identifier: MIT
# Memory is bounded by the input, whatever its shape (issue 12.1;
# docs/limits.md, "Memory"): peak <= 26 x the text's size + 16 MiB.
# Each document at the 64 MiB size limit runs under `ulimit -v` of that
# bound (of its own size) and must be answered with the right error; the
# ones answered without a tree, and /dev/zero, under far less.
set -u
P="${top_builddir:-.}/pricing"
GEN="${top_srcdir:-.}/tests/memory_docs.py"
PY="${PYTHON:-python3}"
command -v "$PY" >/dev/null 2>&1 || { echo "skipped: no python3"; exit 77; }
# ASan reserves terabytes of address space: ulimit -v cannot apply.
( ulimit -v $((256 * 1024)) && exec "$P" --version ) >/dev/null 2>&1 ||
    { echo "skipped: pricing cannot start under ulimit -v (a sanitizer build?)"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# run NAME KIB CODE ARGS...: runs pricing under ulimit -v KIB; the error
# object on standard output must have CODE.
run() {
    name=$1 kib=$2 code=$3
    shift 3
    ( ulimit -v "$kib" && exec "$P" "$@" ) >"$tmp/out" 2>"$tmp/err" </dev/null
    st=$?
    if [ $st -eq 1 ] && grep -q "^{\"error\":{\"code\":\"$code\"" "$tmp/out"; then
        pass=$((pass + 1))
    else
        echo "FAIL $name under ulimit -v $kib KiB: exit $st, $(head -c 300 "$tmp/out") $(head -c 300 "$tmp/err")"
        fail=$((fail + 1))
    fi
}

# The bound for a text of SIZE bytes, in KiB.
bound() {
    echo $(( (26 * $1 + 16 * 1024 * 1024) / 1024 ))
}

# No tree, no double buffer: at most the limit + 1 bytes are read, and a
# text that is not an object is answered by the strict pass alone.
run "/dev/zero as a catalog" $((100 * 1024)) limit_exceeded validate /dev/zero
( ulimit -v $((100 * 1024)) && exec "$P" quote </dev/zero ) >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 1 ] && grep -q '"code":"limit_exceeded"' "$tmp/out"; then pass=$((pass + 1)); else
    echo "FAIL /dev/zero as an envelope: $(head -c 300 "$tmp/out") $(head -c 300 "$tmp/err")"; fail=$((fail + 1)); fi

for kind in issue zeros empties objects strings skulists; do
    "$PY" "$GEN" $kind "$tmp/$kind.json" || exit 99
    size=$(wc -c <"$tmp/$kind.json")
    case $kind in
    issue) code=wrong_type kib=$((100 * 1024)) ;; # 32 arrays of 999,999 zeros
    zeros|empties) code=limit_exceeded kib=$(bound "$size") ;; # too dense
    *) code=unknown_field kib=$(bound "$size") ;; # a tree, then the error
    esac
    run "$kind ($size bytes)" "$kib" "$code" validate "$tmp/$kind.json"
    rm -f "$tmp/$kind.json"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
