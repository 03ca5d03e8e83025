#!/bin/sh
# SPDX-License-Identifier: MIT
# check_docs.sh - the worked examples of docs/lifecycle.md against the golden
# cases they come from.
#
# In the page, one or more marker lines stand right before a ```json block:
#   <!-- case: NAME -->                  the block is the case's expected quote
#   <!-- case: NAME file: FILE -->       the block is the case's FILE
#                                        (catalog.json, request.json, ...)
# where NAME is a directory of tests/cases. Each block is parsed as JSON and
# compared with the file, member order included (the page may wrap lines as
# it likes). Every tests/cases/lifecycle-doc-* case must be shown, its
# expected quote at least. Prints "N passed, M failed".
#
# Environment: top_srcdir (default: the directory above this script).
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

exec python3 - "$doc" "$cases" <<'EOF'
import json
import os
import re
import sys

doc, cases = sys.argv[1], sys.argv[2]
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

print("%d passed, %d failed" % (passed, failed))
sys.exit(0 if failed == 0 and passed > 0 else 1)
EOF
