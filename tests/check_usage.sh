#!/bin/sh
# SPDX-License-Identifier: MIT
# The pricing command line, byte for byte: usage errors (standard error
# only, exit 2, the nearest valid word), help, long options in both forms,
# --, --version's licence, the man page's SYNOPSIS against the command
# table, error lines naming their file, batch as a live coprocess, the
# progress display (a terminal only), and out of memory (exit 4).
set -u
P="${top_builddir:-.}/pricing"
SRC="${top_srcdir:-.}"
CAT="$SRC/examples/catalog.json"
PY="${PYTHON:-python3}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# usage WANT_STDERR ARGS...: exit 2, nothing on stdout, exactly that line.
usage() {
    want=$1; shift
    "$P" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    st=$?
    printf '%s\n' "$want" >"$tmp/want"
    if [ $st -ne 2 ]; then bad "pricing $*: exit $st, expected 2"
    elif [ -s "$tmp/out" ]; then bad "pricing $*: wrote on standard output"
    elif ! cmp -s "$tmp/want" "$tmp/err"; then
        bad "pricing $*: stderr '$(cat "$tmp/err")', expected '$want'"
    else ok; fi
}

usage "pricing: 'qoute' is not a command; did you mean 'quote'?" qoute
usage "pricing: 'qoute' is not a command; did you mean 'quote'?" qoute --pretty x
usage "pricing: 'frob' is not a command; see 'pricing help'" frob
usage "pricing: '--bogus' is not an option of quote; see 'pricing help quote'" quote --bogus
usage "pricing: '--prety' is not an option of quote; did you mean '--pretty'?" quote --prety
usage "pricing: '--rule' is not an option of validate; did you mean '--rules'?" validate --rule=x c.json
usage "pricing: '--requests' is not an option of quote; see 'pricing help quote'" quote --requests r c.json
usage "pricing: '-x' is not an option of quote; see 'pricing help quote'" quote -x
usage "pricing: '--pretty' is not an option of batch; see 'pricing help batch'" batch --pretty c.json
usage "pricing: --rules needs a value: --rules SET" validate --rules
usage "pricing: --pretty takes no value" quote --pretty=yes
usage "pricing: no command; see 'pricing --help'"
usage "pricing: '--bogus' is not an option; see 'pricing help'" --bogus
usage "pricing: wrong number of arguments; usage: pricing validate [--pretty] [--rules SET] CATALOG" validate a b
usage "pricing: wrong number of arguments; usage: pricing quote [--pretty] [CATALOG [REQUEST]]" quote a b c d
usage "pricing: --format is csv, json or html, not 'xml'" sheet --format=xml c.json
usage "pricing: chart needs --spec ID" chart c.json
usage "pricing: '--specs' is not an option of chart; did you mean '--spec'?" chart --specs s c.json
usage "pricing: --pretty goes with --format json" sheet --pretty c.json
usage "pricing: --format is jsonl or text, not 'csv'" lint --format=csv c.json
usage "pricing: '--pretty' is not an option of lint; see 'pricing help lint'" lint --pretty c.json
usage "pricing: 'qoute' is not a command; did you mean 'quote'?" help qoute
usage "pricing: wrong number of arguments; usage: pricing help [COMMAND]" help quote batch

# lint: the example lints clean (nothing printed, 0 even with --strict);
# --strict makes a warning exit 1 with one line on standard error.
"$P" lint --strict "$CAT" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st = 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then ok
else bad "lint --strict of the example: exit $st"; fi
KOO="$SRC/tests/cases/lint-koogallery-volume/catalog.json"
"$P" lint --strict "$KOO" >"$tmp/out" 2>"$tmp/err"; st=$?
"$P" lint "$KOO" >"$tmp/a" 2>"$tmp/b"; st2=$?
if [ $st = 1 ] && [ $st2 = 0 ] && cmp -s "$tmp/out" "$tmp/a" && [ ! -s "$tmp/b" ] &&
   [ "$(cat "$tmp/err")" = "pricing: $KOO: 1 warning (--strict)" ]; then ok
else bad "lint --strict with a warning: exit $st, stderr '$(cat "$tmp/err")'"; fi

# Long options in both forms, and -- ends the options.
"$P" validate --rules=koogallery "$CAT" >"$tmp/a" 2>&1; st1=$?
"$P" validate --rules koogallery "$CAT" >"$tmp/b" 2>&1; st2=$?
"$P" --rules koogallery -- validate "$CAT" >"$tmp/c" 2>&1; st3=$?
if [ $st1$st2$st3 = 000 ] && cmp -s "$tmp/a" "$tmp/b" && cmp -s "$tmp/a" "$tmp/c" &&
   grep -q '^{"valid":true' "$tmp/a"; then ok; else bad "--rules=X, --rules X, --"; fi
"$P" validate -- --pretty >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st -eq 3 ] && grep -q 'cannot open --pretty' "$tmp/err"; then ok
else bad "validate -- --pretty: exit $st, $(cat "$tmp/err")"; fi

# Help: the same bytes whichever way it is asked, from pricing_usage().
"$P" help quote >"$tmp/h1"; st1=$?
"$P" quote --help >"$tmp/h2"; st2=$?
"$P" --help quote >"$tmp/h3"; st3=$?
if [ $st1$st2$st3 = 000 ] && cmp -s "$tmp/h1" "$tmp/h2" && cmp -s "$tmp/h1" "$tmp/h3" &&
   [ "$(head -n 1 "$tmp/h1")" = "usage: pricing quote [--pretty] [CATALOG [REQUEST]]" ] &&
   grep -q '^  spec      the spec id' "$tmp/h1" && grep -q '^  --pretty ' "$tmp/h1"
then ok; else bad "help quote"; fi
"$P" help >"$tmp/h1"; st1=$?
"$P" --help >"$tmp/h2"; st2=$?
"$P" -h >"$tmp/h3"; st3=$?
if [ $st1$st2$st3 = 000 ] && cmp -s "$tmp/h1" "$tmp/h2" && cmp -s "$tmp/h1" "$tmp/h3" &&
   grep -q '^  diff      compare the prices of two catalogs$' "$tmp/h1" &&
   grep -q '4 out of$' "$tmp/h1"
then ok; else bad "help"; fi
for c in validate batch sheet import diff; do
    if "$P" help $c | head -n 1 | grep -q "^usage: pricing $c "; then ok
    else bad "help $c"; fi
done

# --version states the licence.
"$P" --version >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -q '^pricing [0-9][0-9.]* (format [0-9.]*)$' "$tmp/out" &&
   grep -q '^License: MIT' "$tmp/out" && [ ! -s "$tmp/err" ]; then ok
else bad "--version"; fi

# The man page's SYNOPSIS is the usage block of pricing --help (the
# command table), once the troff fonts are taken out.
sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' "$SRC/man/pricing.1" |
    sed -e '/^\./d' -e 's/\\f[BIR]//g' -e 's/\\-/-/g' >"$tmp/man"
"$P" --help | sed -n '1,/^$/p' | sed -e '/^$/d' -e 's/^usage: //' \
    -e 's/^       //' >"$tmp/usage"
if cmp -s "$tmp/man" "$tmp/usage"; then ok
else bad "man/pricing.1 SYNOPSIS differs from pricing --help:"; diff "$tmp/usage" "$tmp/man"; fi

# Error lines name the file, with line and column for a syntax error.
printf '{"catalog":\n  x}' >"$tmp/bad.json"
"$P" validate "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st -eq 1 ] && [ "$(cat "$tmp/err")" = "pricing: $tmp/bad.json:2:3: json_syntax: expected a value" ]
then ok; else bad "syntax error line: exit $st, $(cat "$tmp/err")"; fi
printf '{"spec": "nope"}' >"$tmp/req.json"
"$P" quote "$CAT" "$tmp/req.json" >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st -eq 1 ] && grep -q "^pricing: $tmp/req.json: unknown_spec at /spec: " "$tmp/err"
then ok; else bad "request file error line: exit $st, $(cat "$tmp/err")"; fi

# batch on /dev/zero: its one line is answered when the limit is passed,
# and the run ends.
if [ -r /dev/zero ]; then
    timeout 60 "$P" batch "$CAT" </dev/zero >"$tmp/out" 2>"$tmp/err"
    st=$?
    printf '%s\n' '{"error":{"code":"limit_exceeded","path":"","message":"request line longer than 1048576 bytes","input_line":1}}' >"$tmp/want"
    if [ $st -eq 1 ] && cmp -s "$tmp/want" "$tmp/out"; then ok
    else bad "batch </dev/zero: exit $st, $(head -c 200 "$tmp/out")"; fi
fi

# batch as a coprocess: each line answered before the next is written.
if command -v "$PY" >/dev/null 2>&1; then
    "$PY" - "$P" "$CAT" <<'EOF'
import os, select, subprocess, sys
p = subprocess.Popen([sys.argv[1], "batch", sys.argv[2]],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL)
fd = p.stdout.fileno()
def answer():
    got = b""
    while not got.endswith(b"\n"):
        r, _, _ = select.select([fd], [], [], 1.0)
        if not r:
            sys.exit("FAIL coprocess: no answer within a second after %r" % got)
        chunk = os.read(fd, 65536)
        if not chunk:
            sys.exit("FAIL coprocess: batch ended")
        got += chunk
    return got
for i in range(100):
    spec = "starter" if i % 2 else "nope%d" % i
    p.stdin.write(b'{"spec":"%s","plan":"month"}\n' % spec.encode())
    p.stdin.flush()
    got = answer()
    want = (b'"total":"99.00"' if i % 2 else
            b'"input_line":%d}}\n' % (i + 1))
    if want not in got:
        sys.exit("FAIL coprocess line %d: %r" % (i + 1, got))
# An over-long line is answered as soon as the limit is passed.
p.stdin.write(b"x" * (1024 * 1024 + 1))
p.stdin.flush()
if b'"input_line":101}}' not in answer():
    sys.exit("FAIL coprocess: no answer to the long line")
p.stdin.write(b"yyy\n" + b'{"spec":"starter","plan":"month"}')
p.stdin.close()
rest = p.stdout.read()
if p.wait() != 1 or b'"total":"99.00"' not in rest or rest.count(b"\n") != 1:
    sys.exit("FAIL coprocess end: %r" % rest)
EOF
    if [ $? -eq 0 ]; then ok; else fail=$((fail + 1)); fi
else
    echo "skipped coprocess test: no $PY"
fi

# Progress: never on a file or a pipe; on a terminal, not with --quiet,
# and the output bytes are the same.
i=0; : >"$tmp/req.jsonl"
while [ $i -lt 200 ]; do
    echo '{"spec":"starter","plan":"month"}' >>"$tmp/req.jsonl"; i=$((i + 1))
done
"$P" batch "$CAT" <"$tmp/req.jsonl" >"$tmp/plain" 2>"$tmp/err"
if [ $? -eq 0 ] && [ ! -s "$tmp/err" ]; then ok; else bad "batch: stderr not empty"; fi
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
    # A slow pipe: the display is drawn after a quarter of a second.
    for q in "" --quiet; do
        script -qec "(cat '$tmp/req.jsonl'; sleep 1; cat '$tmp/req.jsonl') |
            '$P' batch $q '$CAT' >'$tmp/tty$q'" "$tmp/typescript$q" >/dev/null 2>&1
    done
    cat "$tmp/plain" "$tmp/plain" >"$tmp/plain2"
    if cmp -s "$tmp/plain2" "$tmp/tty" && cmp -s "$tmp/plain2" "$tmp/tty--quiet" &&
       grep -q 'pricing: batch: [0-9]* lines, [0-9]* lines/s' "$tmp/typescript" &&
       ! grep -q 'lines/s' "$tmp/typescript--quiet"; then ok
    else bad "progress on a terminal"; fi
else
    echo "skipped the terminal progress test: no script(1)"
fi

# import and diff --requests of a large input: a note while the library
# works, on a terminal only.
i=0; : >"$tmp/many.jsonl"
while [ $i -lt 32 ]; do cat "$tmp/req.jsonl" >>"$tmp/many.jsonl"; i=$((i + 1)); done
cat "$tmp/many.jsonl" "$tmp/many.jsonl" "$tmp/many.jsonl" "$tmp/many.jsonl" \
    "$tmp/many.jsonl" "$tmp/many.jsonl" "$tmp/many.jsonl" "$tmp/many.jsonl" >"$tmp/big.jsonl"
"$P" diff --requests "$tmp/big.jsonl" "$CAT" "$CAT" >"$tmp/plain" 2>"$tmp/err"
if [ $? -eq 0 ] && [ ! -s "$tmp/err" ]; then ok; else bad "diff: stderr not empty"; fi
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
    script -qec "'$P' diff --requests '$tmp/big.jsonl' '$CAT' '$CAT' >'$tmp/tty'" \
        "$tmp/typescript" >/dev/null 2>&1
    if cmp -s "$tmp/plain" "$tmp/tty" &&
       grep -q 'pricing: diff: 51200 requests, working' "$tmp/typescript"; then ok
    else bad "diff progress on a terminal"; fi
fi

# Out of memory is exit 4 (not 1): a 60 MB envelope under a 40 MB ulimit.
# ASan reserves terabytes of address space: a sanitizer build cannot start
# under ulimit -v at all, so the check is skipped there.
if ( ulimit -v 40000 && exec "$P" --version ) >/dev/null 2>&1; then
    head -c 60000000 /dev/zero | tr '\0' ' ' >"$tmp/big.json"
    (ulimit -v 40000; exec "$P" quote) <"$tmp/big.json" >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ $st -eq 4 ] && grep -q '^{"error":{"code":"out_of_memory"' "$tmp/out"; then ok
    else bad "out of memory: exit $st, $(cat "$tmp/err")"; fi
else
    echo "skipped the out-of-memory test: pricing cannot start under ulimit -v"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
