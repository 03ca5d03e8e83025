#!/bin/sh
# SPDX-License-Identifier: MIT
# run-example.sh - runs examples/quote.py through the Python binding against
# the build tree, and checks it prices the example order.
here=$(cd "$(dirname "$0")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
PYTHON=${PYTHON:-python3}

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "run-example.sh: $PYTHON not found: skipped"
    exit 77
fi
PRICING_LIBRARY="$top_builddir/.libs/libpricing.so"
if [ ! -f "$PRICING_LIBRARY" ] && [ -f "$top_builddir/.libs/libpricing.a" ]; then
    echo "run-example.sh: static-only build (--disable-shared): skipped"
    exit 77
fi
PYTHONPATH="$top_srcdir/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
PYTHONDONTWRITEBYTECODE=1
export PRICING_LIBRARY PYTHONPATH PYTHONDONTWRITEBYTECODE

out=$("$PYTHON" "$top_srcdir/examples/quote.py") || exit 1
printf '%s\n' "$out"
case $out in
*"3600.00 CNY"*) exit 0 ;;
*) echo "run-example.sh: unexpected output" >&2; exit 1 ;;
esac
