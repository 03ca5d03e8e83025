#!/bin/sh
# SPDX-License-Identifier: MIT
# fuzz/replay.sh - `make check`: replays each fuzz target's seed corpus
# (fuzz/corpus/TARGET) and its saved crash inputs (fuzz/regressions/
# TARGET-*) through the plain replay binaries (fuzz/replay_TARGET, built
# with the ordinary compiler, no libFuzzer). A failed invariant or a
# sanitizer report aborts the binary and fails the test.
#
# REPLAY_WRAPPER runs each binary under a tool, e.g.
#   REPLAY_WRAPPER='valgrind --error-exitcode=1 --leak-check=full' make check
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
status=0
for t in catalog request decimal batch seller; do
    bin=$builddir/fuzz/replay_$t
    if [ ! -x "$bin" ]; then
        echo "replay.sh: $bin is missing (make check builds it)" >&2
        exit 99
    fi
    set -- "$srcdir/fuzz/corpus/$t"
    for f in "$srcdir"/fuzz/regressions/"$t"-*; do
        [ -f "$f" ] && set -- "$@" "$f"
    done
    if ${REPLAY_WRAPPER:-} "$bin" -q "$@"; then
        echo "PASS: replay $t"
    else
        echo "FAIL: replay $t"
        status=1
    fi
done
exit $status
