#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the C example on the bundled catalog and checks its exact output.
set -u
out=$("${top_builddir:-.}/examples/quote_example" "${top_srcdir:-.}/examples/catalog.json") || {
    echo "quote_example failed"; echo "0 passed, 1 failed"; exit 1; }
expected=$(cat "${top_srcdir:-.}/examples/quote_example.expected")
if [ "$out" != "$expected" ]; then
    printf 'unexpected output:\n%s\n' "$out"
    echo "0 passed, 1 failed"
    exit 1
fi
echo "1 passed, 0 failed"
