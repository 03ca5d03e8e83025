#!/bin/bash
# SPDX-License-Identifier: MIT
# The shared library exports exactly the public API: the pricing_*
# functions listed in tests/exports.txt, nothing else (no pricing__*
# internals, no helpers). Skips (77) where nm -D does not work.
lib="${top_builddir:-.}/.libs/libpricing.so"
list="${top_srcdir:-.}/tests/exports.txt"
[ -f "$lib" ] || { echo "skipped: $lib not built (static-only build?)"; exit 77; }
got=$(nm -D --defined-only "$lib" 2>/dev/null) || { echo "skipped: nm -D failed"; exit 77; }
syms=$(printf '%s\n' "$got" | awk '$2 ~ /^[TDBR]$/ {print $3}')
got=$(printf '%s\n' "$syms" | sed 's/@.*//' | sort)
want=$(grep -v '^#' "$list" | sort)
if [ "$got" != "$want" ]; then
    echo "exported symbols differ from tests/exports.txt (< expected, > exported):"
    diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") 2>/dev/null ||
        { printf 'expected:\n%s\nexported:\n%s\n' "$want" "$got"; }
    echo "0 passed, 1 failed"
    exit 1
fi
# And every function the header declares is exported.
declared=$(grep -oE '\bpricing_[a-z0-9_]+\(' "${top_srcdir:-.}/include/pricing.h" | tr -d '(' | sort -u)
if [ "$declared" != "$want" ]; then
    echo "include/pricing.h and tests/exports.txt disagree"
    echo "0 passed, 1 failed"
    exit 1
fi
# Every exported symbol carries the version node of libpricing.map (GNU
# linkers; a build without a version script skips this part).
if grep -q '^[^#]*-Wl,--version-script' "${top_builddir:-.}/Makefile" 2>/dev/null; then
    unversioned=$(printf '%s\n' "$syms" | grep -v '@@LIBPRICING_0\.2$')
    if [ -n "$unversioned" ]; then
        echo "symbols without the version LIBPRICING_0.2:"
        printf '%s\n' "$unversioned"
        echo "0 passed, 1 failed"
        exit 1
    fi
    echo "every symbol versioned LIBPRICING_0.2"
fi
echo "$(printf '%s\n' "$got" | wc -l) symbols, all public: 1 passed, 0 failed"
