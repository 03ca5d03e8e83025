#!/bin/sh
# SPDX-License-Identifier: MIT
# fuzz/build.sh - builds the fuzz targets (see fuzz/README.md).
#
#   sh fuzz/build.sh [TARGET...]           libFuzzer binaries, fuzz/bin/fuzz_TARGET
#   sh fuzz/build.sh --replay [TARGET...]  plain replay binaries with gcc,
#                                          fuzz/bin/replay_TARGET (no libFuzzer)
#
# TARGET is catalog, request, decimal, batch or seller (default: all). The
# library sources are compiled straight into each binary (no libtool), so
# the library is instrumented too. CC, CFLAGS_EXTRA and OUT override the
# compiler, add flags and move the output directory; PRICING_SRC (below)
# builds against the library of another tree.
set -eu
cd "$(dirname "$0")/.."

ALL="catalog request decimal batch seller"
mode=fuzz
if [ "${1:-}" = "--replay" ]; then
    mode=replay
    shift
fi
targets=${*:-$ALL}
OUT=${OUT:-fuzz/bin}
mkdir -p "$OUT"

# PRICING_SRC: take include/ and libpricing/ from another tree (for
# example a `git archive` snapshot while the working tree is mid-edit).
SRC=${PRICING_SRC:-.}
INC="-I$SRC/include -I$SRC/libpricing $(pkg-config --cflags libcjson gmp)"
LIBS="$(pkg-config --libs libcjson gmp)"
COMMON="fuzz/fuzz_common.c fuzz/fuzz_exact.c fuzz/fuzz_quote.c fuzz/fuzz_example.c"
LIBSRC=$(ls "$SRC"/libpricing/*.c "$SRC"/libpricing/seller/*.c)

for t in $targets; do
    case " $ALL " in *" $t "*) ;; *) echo "build.sh: unknown target $t" >&2; exit 2;; esac
    if [ "$mode" = fuzz ]; then
        ${CC:-clang} -std=c99 -D_POSIX_C_SOURCE=200809L -g -O1 \
            -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer ${CFLAGS_EXTRA:-} $INC \
            "fuzz/fuzz_$t.c" $COMMON $LIBSRC $LIBS \
            -o "$OUT/fuzz_$t"
        echo "built $OUT/fuzz_$t"
    else
        ${CC:-gcc} -std=c99 -D_POSIX_C_SOURCE=200809L -g -O1 -Wall -Wextra \
            -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wpointer-arith -Wformat=2 \
            -Wno-format-nonliteral ${CFLAGS_EXTRA:-} $INC \
            fuzz/replay.c "fuzz/fuzz_$t.c" $COMMON $LIBSRC $LIBS \
            -o "$OUT/replay_$t"
        echo "built $OUT/replay_$t"
    fi
done
