#!/bin/sh
# SPDX-License-Identifier: MIT
# The public header stands alone: strict C99 and C++, no warnings.
set -u
inc="-I${top_srcdir:-.}/include -I${top_builddir:-.}/include"
cc=${CC:-cc}
pass=0 fail=0
if $cc -std=c99 -pedantic -Wall -Wextra -Werror $inc -fsyntax-only -x c \
       "${top_srcdir:-.}/include/pricing.h"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "C99 failed"; fi
if command -v c++ >/dev/null 2>&1; then
    if c++ -Wall -Wextra -Werror $inc -fsyntax-only -x c++ \
           "${top_srcdir:-.}/include/pricing.h"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "C++ failed"; fi
else
    echo "skipped C++: no c++ compiler"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
