#!/bin/sh
# SPDX-License-Identifier: MIT
# fuzz/run.sh TARGET [SECONDS] [libFuzzer options...]
#
# Runs fuzz/bin/fuzz_TARGET (rebuilt by fuzz/build.sh when missing or
# older than a source) for
# SECONDS (default 60) on a scratch copy of fuzz/corpus/TARGET, so the
# repository's corpus only grows deliberately. Crash artifacts land in the
# scratch directory (printed at the start and the end). FUZZ_WORK chooses
# the scratch directory; FUZZ_SKIP=name,... switches off checks of bugs
# already reported (see README.md).
set -eu
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    echo "usage: fuzz/run.sh TARGET [SECONDS] [libFuzzer options...]" >&2
    exit 2
fi
t=$1
secs=${2:-60}
[ $# -ge 2 ] && shift 2 || shift 1
bin=fuzz/bin/fuzz_$t
# (re)build when missing or older than any source
if [ ! -x "$bin" ] || [ -n "$(find "${PRICING_SRC:-.}/libpricing" \
        "${PRICING_SRC:-.}/include" fuzz -newer "$bin" \
        \( -name '*.c' -o -name '*.h' \) 2>/dev/null | head -n 1)" ]; then
    sh fuzz/build.sh "$t"
fi

work=${FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/fuzz-$t.XXXXXX")}
mkdir -p "$work/corpus" "$work/artifacts"
cp fuzz/corpus/"$t"/* "$work/corpus/"
dict=
[ -f "fuzz/dict/$t.dict" ] && dict="-dict=fuzz/dict/$t.dict"
echo "run.sh: $t for ${secs}s in $work"
status=0
"$bin" "$work/corpus" -max_len=65536 -timeout=2 -rss_limit_mb=2048 \
    -max_total_time="$secs" -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" $dict "$@" || status=$?
echo "run.sh: $t exit $status; corpus and artifacts in $work"
exit $status
