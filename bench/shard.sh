#!/bin/bash
# SPDX-License-Identifier: MIT
# shard.sh - `pricing batch` on one core against the same filter sharded
# over every core with GNU parallel, on a generated JSON Lines file.
#
#   bench/shard.sh [BUILDDIR [LINES]]     (defaults: . and 1000000)
#
# Needs GNU parallel (Debian: apt-get install parallel), GNU time and bc,
# and bench/bench built in BUILDDIR. Prints the seconds, lines per second
# and CPUs used (CPU seconds of all processes per wall second) of the
# fastest of 3 runs of each, and checks that all give the same bytes.
# Then, when a Python here imports the binding (and `distributed`:
# Debian's python3-distributed), the same file through
# Catalog.quote_jsonl in one Python process and through
# examples/dask_batch.py on a local Dask cluster of one worker process a
# core (timed with the cluster's start, and without it as the script
# reports it).
set -eu

builddir=${1:-${PRICING_BUILDDIR:-.}}
srcdir=$(cd "$(dirname "$0")/.." && pwd)
lines=${2:-1000000}
bench=$builddir/bench/bench
[ -x "$builddir/bench/.libs/bench" ] && bench=$builddir/bench/.libs/bench
pricing=$builddir/pricing
# In a libtool build tree ./pricing is a bash wrapper (~25 ms a start):
# run the binary it wraps, with the library path the wrapper would set.
if [ -x "$builddir/.libs/pricing" ]; then
    pricing=$builddir/.libs/pricing
    export LD_LIBRARY_PATH="$builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
command -v parallel >/dev/null ||
    { echo "shard.sh: GNU parallel is not installed" >&2; exit 77; }
[ -x "$bench" ] || { echo "shard.sh: build bench/bench first" >&2; exit 77; }

tmp=$(mktemp -d /tmp/pricing-shard-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$bench" gen-catalog >"$tmp/catalog.json"
"$bench" gen-lines "$lines" mixed >"$tmp/in.jsonl"
jobs=$(nproc)

# Runs "$@" on in.jsonl with standard output to $1; writes "seconds
# cpu-seconds" of the run (children included) to $tmp/time. Status 1 (a
# line was rejected) is fine, and so is the "N of M requests rejected"
# note on standard error.
run() {
    local out=$1 rc=0
    shift
    /usr/bin/time -f '%e %U %S' -o "$tmp/time.raw" "$@" \
        <"$tmp/in.jsonl" >"$out" 2>"$tmp/stderr" || rc=$?
    if [ $rc -gt 1 ]; then
        echo "shard.sh: $* exited with $rc" >&2
        cat "$tmp/stderr" >&2
        exit 1
    fi
    tail -n 1 "$tmp/time.raw" | awk '{print $1, $2 + $3}' >"$tmp/time"
}

# "seconds cpus" of the fastest of 3 runs of "$@" (standard output to
# /dev/null), after one more run into $tmp/$1 to compare outputs.
best_of_3() {
    local out=$1 best= cpus= t c i
    shift
    run "$tmp/$out" "$@"
    for i in 1 2 3; do
        run /dev/null "$@"
        read -r t c <"$tmp/time"
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then
            best=$t
            cpus=$(echo "$c / $t" | bc -l)
        fi
    done
    echo "$best $cpus"
}

single=$(best_of_3 single.jsonl "$pricing" batch "$tmp/catalog.json")
# parallel exits with the number of jobs that failed, and a block with a
# rejected line exits 1: each job maps 1 to 0 so that only a real failure
# (2 and up) counts. The command goes through parallel's shell.
job="$pricing batch $tmp/catalog.json || test \$? -eq 1"
sharded=$(best_of_3 sharded.jsonl parallel --pipe --keep-order --block 4M \
    -j"$jobs" "$job")
# --pipepart: each job reads its own byte range of the file (no pipe
# through parallel's perl process); needs a seekable file.
part=$(best_of_3 part.jsonl parallel --pipepart -a "$tmp/in.jsonl" \
    --keep-order --block 4M -j"$jobs" "$job")
# Each job numbers its block's lines from 1, so an error object's
# "input_line" is its line in the block; one output line per input line,
# so the output's own line number is the line in the whole input.
renumber() {
    awk '{ if (match($0, /"input_line":[0-9]+}}$/))
               $0 = substr($0, 1, RSTART - 1) "\"input_line\":" NR "}}"
           print }' "$1" >"$1.renumbered"
    mv "$1.renumbered" "$1"
}
for f in sharded part; do
    renumber "$tmp/$f.jsonl"
    cmp -s "$tmp/single.jsonl" "$tmp/$f.jsonl" ||
        { echo "shard.sh: $f output differs" >&2; exit 1; }
done

read -r single single_cpus <<<"$single"
read -r sharded sharded_cpus <<<"$sharded"
read -r part part_cpus <<<"$part"
bytes=$(stat -c %s "$tmp/in.jsonl")
printf 'input: %d lines, %.1f MiB (mixed stream); %d cores\n' "$lines" \
    "$(echo "$bytes / 1048576" | bc -l)" "$jobs"
printf '%-60s %7s %12s %6s\n' "" "seconds" "lines/s" "CPUs"
printf '%-60s %7.2f %12.0f %6.2f\n' "pricing batch, one process" \
    "$single" "$(echo "$lines / $single" | bc -l)" "$single_cpus"
printf '%-60s %7.2f %12.0f %6.2f\n' \
    "parallel --pipe --keep-order --block 4M -j$jobs pricing batch" \
    "$sharded" "$(echo "$lines / $sharded" | bc -l)" "$sharded_cpus"
printf '%-60s %7.2f %12.0f %6.2f\n' \
    "parallel --pipepart -a FILE --keep-order --block 4M -j$jobs ..." \
    "$part" "$(echo "$lines / $part" | bc -l)" "$part_cpus"
printf 'speed-up: --pipe %.2fx, --pipepart %.2fx; outputs identical (input_line renumbered)\n' \
    "$(echo "$single / $sharded" | bc -l)" "$(echo "$single / $part" | bc -l)"

# ---------------------------------------------------------------- Python
python=
for p in ${PYTHON:-python3} /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 &&
       "$p" -c 'import distributed' >/dev/null 2>&1; then
        python=$p
        break
    fi
done
[ -n "$python" ] || {
    echo "shard.sh: no Python with distributed (apt-get install python3-distributed): Python rows skipped"
    exit 0
}
export PYTHONPATH="$srcdir/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
export PRICING_LIBRARY="$builddir/.libs/libpricing.so"
one=$(best_of_3 python.jsonl "$python" -c '
import sys, pricing
with pricing.Catalog.load(sys.argv[1]) as c:
    sys.stdout.buffer.write(c.quote_jsonl(sys.stdin.buffer.read()))
' "$tmp/catalog.json")
dask=$(best_of_3 dask.jsonl "$python" "$srcdir/examples/dask_batch.py" \
    --workers "$jobs" --stats "$tmp/catalog.json" - "$tmp/in.jsonl")
# The last run's own figure: pricing on a running cluster.
inner=$(sed -n 's/.* in \([0-9.]*\) s:.*/\1/p' "$tmp/stderr")
for f in python dask; do
    cmp -s "$tmp/single.jsonl" "$tmp/$f.jsonl" ||
        { echo "shard.sh: $f output differs" >&2; exit 1; }
done
read -r one one_cpus <<<"$one"
read -r dask dask_cpus <<<"$dask"
printf '%-60s %7.2f %12.0f %6.2f\n' "Python quote_jsonl, one process" \
    "$one" "$(echo "$lines / $one" | bc -l)" "$one_cpus"
printf '%-60s %7.2f %12.0f %6.2f\n' \
    "dask_batch.py, local cluster, $jobs workers x 1 thread" \
    "$dask" "$(echo "$lines / $dask" | bc -l)" "$dask_cpus"
printf '%-60s %7.2f %12.0f\n' "  ... of which pricing (cluster running)" \
    "$inner" "$(echo "$lines / $inner" | bc -l)"
printf 'Python and Dask outputs identical to pricing batch\n'
