#!/bin/sh
# SPDX-License-Identifier: MIT
# check_docs.sh - the examples of the documentation are the real thing.
#
# 1. docs/lifecycle.md against the golden cases it shows. One or more
#    marker lines stand right before a ```json block:
#      <!-- case: NAME -->                  the block is the case's expected quote
#      <!-- case: NAME file: FILE -->       the block is the case's FILE
#                                           (catalog.json, request.json, ...)
#    where NAME is a directory of tests/cases. Each block is parsed as JSON
#    and compared with the file, member order included (the page may wrap
#    lines as it likes). Every tests/cases/lifecycle-doc-* case must be
#    shown, its expected quote at least.
#
# 2. docs/guide.md, errors.md, format.md and rounding.md are run. In them, a
#    marker line stands right before a fenced block:
#      <!-- run: DIR file: NAME -->         the block (plus a final newline)
#                                           is written to the file DIR/NAME
#      <!-- run: DIR json: COMMAND -->      the block is the JSON document that
#                                           COMMAND prints (wrapped as the page
#                                           likes, member order compared)
#      <!-- run: DIR -->                    the block is a console session
#    A console session is "$ COMMAND" lines, each followed by the exact
#    bytes it prints (standard error, then standard output, as a terminal
#    shows them for this command). Each command runs with sh in a scratch
#    directory DIR (one per page and DIR, kept across the page's blocks,
#    holding a link "examples" to the tree's examples/), with `pricing` on
#    PATH. The printed bytes must equal the block's, byte for byte.
#    DOCS_UPDATE=1 rewrites the console blocks with what the commands print
#    now (for a deliberate change of output; review the diff).
#    Every code of `enum pricing_code` (include/pricing.h) must have its
#    heading "### `code`" in docs/errors.md, and no other code may.
#
# Prints "N passed, M failed".
#
# Environment: top_srcdir (default: the directory above this script),
# top_builddir (default: top_srcdir), where `pricing` was built.
# Exit status: 0 all passed, 1 a check failed, 77 (skip) without python3,
# 99 a file is missing.

here=$(cd "$(dirname "$0")/.." && pwd) || exit 99
top_srcdir=${top_srcdir:-$here}
doc=$top_srcdir/docs/lifecycle.md
cases=$top_srcdir/tests/cases

if ! command -v python3 >/dev/null 2>&1; then
    echo "check_docs.sh: python3 not found, skipped"
    exit 77
fi
if [ ! -f "$doc" ] || [ ! -d "$cases" ]; then
    echo "check_docs.sh: $doc or $cases not found" >&2
    exit 99
fi
top_builddir=${top_builddir:-$top_srcdir}
if [ ! -x "$top_builddir/pricing" ]; then
    echo "check_docs.sh: $top_builddir/pricing not built" >&2
    exit 99
fi

exec python3 - "$doc" "$cases" "$top_srcdir" "$top_builddir" <<'EOF'
# ---- 1. docs/lifecycle.md against the golden cases
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

doc, cases, top, build = sys.argv[1:5]
build = os.path.abspath(build)
MARKER = re.compile(r"^<!-- case: ([A-Za-z0-9_.-]+)(?: file: ([A-Za-z0-9_.-]+))? -->$")

passed = failed = 0


def fail(msg):
    global failed
    failed += 1
    print("FAIL " + msg)


def ordered(text):
    """JSON with member order kept: objects become lists of pairs."""
    return json.loads(text, object_pairs_hook=lambda pairs: pairs)


with open(doc, encoding="utf-8") as f:
    lines = f.read().split("\n")

shown = set()
pending = []  # (line number, case, file) of markers awaiting their block
i = 0
while i < len(lines):
    line = lines[i]
    m = MARKER.match(line)
    if m:
        pending.append((i + 1, m.group(1), m.group(2) or "expected"))
        i += 1
        continue
    if pending and line.strip() == "```json":
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            j += 1
        if j == len(lines):
            fail("%s:%d: unterminated ```json block" % (doc, i + 1))
            break
        block = "\n".join(lines[i + 1:j])
        try:
            got = ordered(block)
        except ValueError as e:
            got = None
            for n, name, fn in pending:
                fail("%s:%d: %s %s: the block is not JSON: %s" % (doc, n, name, fn, e))
        if got is not None:
            for n, name, fn in pending:
                path = os.path.join(cases, name, fn)
                try:
                    with open(path, encoding="utf-8") as f:
                        want = ordered(f.read())
                except (OSError, ValueError) as e:
                    fail("%s:%d: %s: %s" % (doc, n, path, e))
                    continue
                if got != want:
                    fail("%s:%d: the block differs from %s" % (doc, n, path))
                else:
                    passed += 1
                    if fn == "expected":
                        shown.add(name)
        pending = []
        i = j + 1
        continue
    if pending:
        for n, name, fn in pending:
            fail("%s:%d: %s %s: no ```json block right after the marker" % (doc, n, name, fn))
        pending = []
    i += 1
for n, name, fn in pending:
    fail("%s:%d: %s %s: no ```json block right after the marker" % (doc, n, name, fn))

for name in sorted(os.listdir(cases)):
    if name.startswith("lifecycle-doc-") and name not in shown:
        fail("%s: the case %s is not shown in the page" % (doc, name))


# ---- 2. docs/guide.md, errors.md, format.md, rounding.md: their commands are run
pages = [os.path.join(top, "docs", n)
         for n in ("guide.md", "errors.md", "format.md", "rounding.md")]
update = os.environ.get("DOCS_UPDATE") == "1"
RUN_MARKER = re.compile(r"^<!-- run: ([A-Za-z0-9_.-]+)(?: (file|json): (.+?))? -->$")
scratch = tempfile.mkdtemp(prefix="check_docs.")
bindir = os.path.join(scratch, "bin")
os.mkdir(bindir)
with open(os.path.join(bindir, "pricing"), "w") as f:
    # a wrapper, not a link: the libtool wrapper script finds its library
    # from its own path
    f.write('#!/bin/sh\nexec "%s/pricing" "$@"\n' % build)
os.chmod(os.path.join(bindir, "pricing"), 0o755)
env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""),
           LC_ALL="C")


def workdir(page, name):
    d = os.path.join(scratch, os.path.basename(page), name)
    if not os.path.isdir(d):
        os.makedirs(d)
        os.symlink(os.path.join(os.path.abspath(top), "examples"), os.path.join(d, "examples"))
    return d


def run_session(page, n, d, block):
    """Returns the block as the commands print it now."""
    global passed
    out, cmd, want = [], None, []

    def finish():
        global passed
        if cmd is None:
            return
        got = subprocess.run(["sh", "-c", cmd], cwd=d, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout
        expected = "".join(line + "\n" for line in want).encode("utf-8")
        text = got.decode("utf-8", "replace")
        if text:
            out.extend(text[:-1].split("\n") if text.endswith("\n") else text.split("\n"))
        if got != expected:
            fail("%s:%d: $ %s\n  printed: %r\n  shown:   %r" % (page, n, cmd, got, expected))
        else:
            passed += 1

    for line in block:
        if line.startswith("$ "):
            finish()
            out.append(line)
            cmd, want = line[2:], []
        elif cmd is None:
            fail("%s:%d: console block does not start with a $ command" % (page, n))
            return block
        else:
            want.append(line)
    finish()
    return out


def run_json(page, n, d, cmd, block):
    """A block of wrapped JSON: the same document as the command prints."""
    global passed
    got = subprocess.run(["sh", "-c", cmd], cwd=d, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    try:
        same = ordered(got.decode("utf-8")) == ordered(block)
    except ValueError as e:
        fail("%s:%d: %s: not JSON: %s" % (page, n, cmd, e))
        return
    if same:
        passed += 1
    else:
        fail("%s:%d: the block is not what `%s` prints: %s" % (page, n, cmd, got))


for page in pages:
    if not os.path.isfile(page):
        fail("%s: missing" % page)
        continue
    with open(page, encoding="utf-8") as f:
        lines = f.read().split("\n")
    new_lines, i, changed = [], 0, False
    while i < len(lines):
        m = RUN_MARKER.match(lines[i])
        if not m:
            new_lines.append(lines[i])
            i += 1
            continue
        new_lines.append(lines[i])
        if i + 1 >= len(lines) or not lines[i + 1].startswith("```"):
            fail("%s:%d: no fenced block right after the marker" % (page, i + 1))
            i += 1
            continue
        j = i + 2
        while j < len(lines) and lines[j] != "```":
            j += 1
        if j == len(lines):
            fail("%s:%d: unterminated block" % (page, i + 2))
            break
        block = lines[i + 2:j]
        d = workdir(page, m.group(1))
        if m.group(2) == "file":
            with open(os.path.join(d, m.group(3)), "w", encoding="utf-8") as f:
                f.write("\n".join(block) + "\n")
            passed += 1
            result = block
        elif m.group(2) == "json":
            run_json(page, i + 1, d, m.group(3), "\n".join(block))
            result = block
        else:
            result = run_session(page, i + 1, d, block)
        if result != block:
            changed = True
        new_lines.append(lines[i + 1])
        new_lines.extend(result if update else block)
        new_lines.append("```")
        i = j + 1
    if update and changed:
        with open(page, "w", encoding="utf-8") as f:
            f.write("\n".join(new_lines))
        print("updated " + page)

# Every code of the enum has its section in errors.md, and only those.
with open(os.path.join(top, "include", "pricing.h"), encoding="utf-8") as f:
    header = f.read()
enum = re.search(r"typedef enum pricing_code \{(.*?)\} pricing_code;", header, re.S).group(1)
enum = re.sub(r"/\*.*?\*/", "", enum, flags=re.S)
codes = [c.lower() for c in re.findall(r"\bPRICING_([A-Z0-9_]+)", enum)
         if c not in ("OK", "CODE_COUNT_")]
errors_page = os.path.join(top, "docs", "errors.md")
if os.path.isfile(errors_page):
    with open(errors_page, encoding="utf-8") as f:
        documented = re.findall(r"^### `([a-z0-9_]+)`", f.read(), re.M)
    for c in codes:
        if c in documented:
            passed += 1
        else:
            fail("docs/errors.md: no section \"### `%s`\" for PRICING_%s" % (c, c.upper()))
    for c in documented:
        if c not in codes:
            fail("docs/errors.md: section for %s, which is not a code of pricing.h" % c)

shutil.rmtree(scratch, ignore_errors=True)
print("%d passed, %d failed" % (passed, failed))
sys.exit(0 if failed == 0 and passed > 0 else 1)
EOF
