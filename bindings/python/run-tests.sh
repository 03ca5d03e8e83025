#!/bin/sh
# SPDX-License-Identifier: MIT
# run-tests.sh - the Python binding's unittest suite, against the build tree.
#
# make check runs it with top_srcdir and top_builddir exported; by hand:
#   sh bindings/python/run-tests.sh            (from the top of a built tree)
# Extra arguments go to unittest (e.g. -k golden).
here=$(cd "$(dirname "$0")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
PYTHON=${PYTHON:-python3}

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "run-tests.sh: $PYTHON not found: skipped"
    exit 77
fi
lib="$top_builddir/.libs/libpricing.so"
if [ ! -f "$lib" ]; then
    if [ -f "$top_builddir/.libs/libpricing.a" ]; then
        echo "run-tests.sh: static-only build (--disable-shared): skipped"
        exit 77
    fi
    echo "run-tests.sh: $lib is not built" >&2
    exit 99
fi

PRICING_LIBRARY=$lib
PYTHONPATH="$top_srcdir/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
PYTHONDONTWRITEBYTECODE=1
export PRICING_LIBRARY PYTHONPATH PYTHONDONTWRITEBYTECODE top_srcdir top_builddir

tests="$top_srcdir/bindings/python/tests"
exec "$PYTHON" -m unittest discover -s "$tests" -t "$tests" "$@"
