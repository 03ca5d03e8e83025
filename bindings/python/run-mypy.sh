#!/bin/sh
# SPDX-License-Identifier: MIT
# run-mypy.sh - mypy --strict over the pricing package (make check); skipped
# with a message when mypy is not installed (Debian: apt-get install mypy).
# The configuration is [tool.mypy] in pyproject.toml. No cache is written,
# so it also runs in a read-only source tree (make distcheck).
here=$(cd "$(dirname "$0")" && pwd)
MYPY=${MYPY:-mypy}

if ! command -v "$MYPY" >/dev/null 2>&1; then
    echo "run-mypy.sh: $MYPY not found (Debian: apt-get install mypy): skipped"
    exit 77
fi
cd "$here" || exit 99
"$MYPY" --version
exec "$MYPY" --strict --config-file pyproject.toml --cache-dir=/dev/null \
    pricing
