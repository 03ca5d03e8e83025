#!/bin/sh
# SPDX-License-Identifier: MIT
# golden_cli.sh - runs every golden case (tests/cases/*, see its README.md)
# through the pricing command and compares standard output byte for byte
# and the exit status. Standard error is not compared, but it must say
# something whenever the exit status is not 0 (batch: only for status 3).
#
# Environment: top_srcdir (where tests/cases is), top_builddir (where the
# pricing command is); both default to the directory above this script.
# Optional: GOLDEN_CASES, a pattern of case names to run (default "*").

here=$(cd "$(dirname "$0")/.." && pwd) || exit 99
top_srcdir=${top_srcdir:-$here}
top_builddir=${top_builddir:-$here}
top_builddir=$(cd "$top_builddir" && pwd) || exit 99
pricing=$top_builddir/pricing
cases=$top_srcdir/tests/cases

if [ ! -x "$pricing" ]; then
    echo "golden_cli.sh: $pricing not found (build first)" >&2
    exit 99
fi
if [ ! -d "$cases" ]; then
    echo "golden_cli.sh: no case directory $cases" >&2
    exit 99
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/golden_cli.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
trap 'exit 130' INT TERM

passed=0
failed=0

# Prints a token-wise diff of two one-line-per-document JSON files: a break
# after every comma, so the member that differs stands out.
show_diff() {
    tr ',' '\n' <"$1" >"$tmp/exp.split"
    tr ',' '\n' <"$2" >"$tmp/out.split"
    diff "$tmp/exp.split" "$tmp/out.split" |
        sed -n -e 's/^</    -/' -e 's/^>/    +/' -e '/^    [-+]/p' | sed 40q
}

# One line per problem; a case counts once however many it has.
fail() {
    bad=1
    echo "FAIL $name: $*"
}

count() {
    if [ "$bad" = 1 ]; then
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
}

for dir in "$cases"/${GOLDEN_CASES:-*}/; do
    dir=${dir%/}
    name=${dir##*/}
    [ -f "$dir/args" ] || continue
    bad=0
    cmd='' opt='' extra='' extra2=''
    read -r cmd opt extra extra2 <"$dir/args" || [ -n "$cmd" ] || {
        fail "cannot read args"
        count
        continue
    }
    want_status=
    read -r want_status <"$dir/status" || [ -n "$want_status" ] || {
        fail "cannot read status"
        count
        continue
    }
    if { [ -n "$extra" ] && [ "$cmd" != sheet ] && [ "$cmd" != chart ]; } ||
       { [ -n "$extra2" ] && [ "$cmd" != chart ]; }; then
        fail "args has too many words"
        count
        continue
    fi
    case $cmd in
    quote)
        (cd "$dir" && exec "$pricing" quote catalog.json request.json) \
            </dev/null >"$tmp/out" 2>"$tmp/err"
        status=$? ;;
    envelope)
        (cd "$dir" && exec "$pricing" quote) \
            <"$dir/input.json" >"$tmp/out" 2>"$tmp/err"
        status=$? ;;
    validate)
        case $opt in
        "") (cd "$dir" && exec "$pricing" validate catalog.json) \
                </dev/null >"$tmp/out" 2>"$tmp/err"
            status=$? ;;
        koogallery)
            (cd "$dir" && exec "$pricing" validate --rules koogallery \
                catalog.json) </dev/null >"$tmp/out" 2>"$tmp/err"
            status=$? ;;
        *) fail "unknown validate option '$opt'"
           count
           continue ;;
        esac ;;
    batch)
        (cd "$dir" && exec "$pricing" batch catalog.json) \
            <"$dir/requests.jsonl" >"$tmp/out" 2>"$tmp/err"
        status=$? ;;
    sheet) # sheet FORMAT [SPEC]
        case $opt in
        csv) set -- ;;
        json) set -- --format json ;;
        template) set -- --template ;;
        template-json) set -- --template --format json ;;
        html) set -- --format html ;;
        *) fail "unknown sheet format '$opt'"
           count
           continue ;;
        esac
        if [ -n "$extra" ]; then set -- "$@" --spec "$extra"; fi
        (cd "$dir" && exec "$pricing" sheet "$@" catalog.json) \
            </dev/null >"$tmp/out" 2>"$tmp/err"
        status=$? ;;
    chart) # chart SPEC [ATTRIBUTE [PLAN]]
        set -- --spec "$opt"
        if [ -n "$extra" ]; then set -- "$@" --attribute "$extra"; fi
        if [ -n "$extra2" ]; then set -- "$@" --plan "$extra2"; fi
        (cd "$dir" && exec "$pricing" chart "$@" catalog.json) \
            </dev/null >"$tmp/out" 2>"$tmp/err"
        status=$? ;;
    import)
        (cd "$dir" && exec "$pricing" import catalog.json sheet.csv) \
            </dev/null >"$tmp/out" 2>"$tmp/err"
        status=$? ;;
    diff)
        set --
        if [ -f "$dir/requests.jsonl" ]; then
            set -- --requests requests.jsonl
        fi
        (cd "$dir" && exec "$pricing" diff "$@" old.json new.json) \
            </dev/null >"$tmp/out" 2>"$tmp/err"
        status=$? ;;
    lint) # lint [strict|text|koogallery]
        case $opt in
        "") set -- ;;
        strict) set -- --strict ;;
        text) set -- --format text ;;
        koogallery) set -- --rules koogallery ;;
        *) fail "unknown lint option '$opt'"
           count
           continue ;;
        esac
        (cd "$dir" && exec "$pricing" lint "$@" catalog.json) \
            </dev/null >"$tmp/out" 2>"$tmp/err"
        status=$? ;;
    *)
        fail "unknown command '$cmd' in args"
        count
        continue ;;
    esac

    if ! cmp -s "$dir/expected" "$tmp/out"; then
        fail "standard output differs (- expected, + actual, split at commas):"
        show_diff "$dir/expected" "$tmp/out"
    fi
    if [ "$status" != "$want_status" ]; then
        fail "exit status $status, expected $want_status"
    fi
    # A non-zero exit explains itself on standard error, except a batch run
    # whose lines were rejected: it writes nothing there (docs/format.md,
    # "batch"), the error objects are on standard output.
    if [ "$status" != 0 ] && [ ! -s "$tmp/err" ] &&
        { [ "$cmd" != batch ] || [ "$status" = 3 ]; }; then
        fail "exit status $status but nothing on standard error"
    fi
    count
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" != 0 ]
