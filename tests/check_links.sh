#!/bin/sh
# SPDX-License-Identifier: MIT
# check_links.sh - every relative link of the documentation resolves inside
# the source tree, and no page needs anything outside it.
#
# Checked: README.md, NEWS, CONTRIBUTING.md, SECURITY.md, docs/*.md and
# every other README.md of the tree (bindings, fuzz, bench, tests/cases),
# and the man page.
# - a Markdown link [text](target) or [text]: target that is not a URL
#   (http:, https:, mailto:) must name a file or directory of the tree,
#   relative to the page, without leaving the tree;
# - a "#anchor" (alone or after a .md target) must be a heading of that
#   page, with GitHub's rules for heading anchors;
# - the man page's .I/.IR/.BR file references (docs/*.md, README.md, ...)
#   must exist;
# - no page mentions "../shared" or "shared/spec" (the contract kept beside
#   the repository is not part of a clone).
# Code spans and fenced code blocks are not searched for links.
# Prints "N passed, M failed".
#
# Environment: top_srcdir (default: the directory above this script).
# Exit status: 0 all passed, 1 a check failed, 77 (skip) without python3.

here=$(cd "$(dirname "$0")/.." && pwd) || exit 99
top_srcdir=${top_srcdir:-$here}

if ! command -v python3 >/dev/null 2>&1; then
    echo "check_links.sh: python3 not found, skipped"
    exit 77
fi

exec python3 - "$top_srcdir" <<'EOF'
import glob
import os
import re
import sys
import unicodedata

top = os.path.realpath(sys.argv[1])
passed = failed = 0


def fail(msg):
    global failed
    failed += 1
    print("FAIL " + msg)


def ok():
    global passed
    passed += 1


def pages():
    names = ["README.md", "NEWS", "CONTRIBUTING.md", "SECURITY.md"]
    names += sorted(os.path.relpath(p, top) for p in glob.glob(os.path.join(top, "docs", "*.md")))
    for d in ("bindings/python", "fuzz", "bench", "tests/cases", "examples"):
        if os.path.isfile(os.path.join(top, d, "README.md")):
            names.append(d + "/README.md")
    return [n for n in names if os.path.isfile(os.path.join(top, n))]


def prose(text):
    """The text without fenced blocks and code spans, line numbers kept."""
    out, fence = [], None
    for line in text.split("\n"):
        m = re.match(r"^\s*(```+|~~~+)", line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            out.append("")
            continue
        if m:
            fence = m.group(1)
            out.append("")
            continue
        out.append(re.sub(r"(`+).*?\1", "", line))
    return out


def slug(heading):
    """GitHub's anchor of a heading."""
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)   # links keep their text
    s = s.strip().lower()
    s = "".join(c for c in s if c in " -_" or unicodedata.category(c)[0] in "LN")
    return s.replace(" ", "-")


anchor_cache = {}


def anchors(path):
    if path not in anchor_cache:
        seen, result = {}, set()
        with open(path, encoding="utf-8") as f:
            text = f.read()
        fence = None
        for line in text.split("\n"):
            m = re.match(r"^\s*(```+|~~~+)", line)
            if fence:
                if m and m.group(1)[0] == fence[0]:
                    fence = None
                continue
            if m:
                fence = m.group(1)
                continue
            h = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
            if not h:
                continue
            base = slug(h.group(1).replace("`", ""))
            n = seen.get(base, 0)
            seen[base] = n + 1
            result.add(base if n == 0 else "%s-%d" % (base, n))
        anchor_cache[path] = result
    return anchor_cache[path]


LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$")


def check_target(page, lineno, target):
    where = "%s:%d: %s" % (page, lineno, target)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target):   # a URL
        return
    path, _, frag = target.partition("#")
    base = os.path.join(top, os.path.dirname(page))
    full = os.path.realpath(os.path.join(base, path)) if path else os.path.join(top, page)
    if full != top and not full.startswith(top + os.sep):
        fail(where + ": leaves the source tree")
        return
    if not os.path.exists(full):
        fail(where + ": no such file in the tree")
        return
    if frag:
        if not full.endswith(".md"):
            fail(where + ": an anchor into a file that is not Markdown")
            return
        if frag not in anchors(full):
            fail(where + ": no heading with the anchor #" + frag)
            return
    ok()


for page in pages():
    with open(os.path.join(top, page), encoding="utf-8") as f:
        text = f.read()
    for i, line in enumerate(text.split("\n"), 1):
        if "../shared" in line or "shared/spec" in line:
            fail("%s:%d: mentions a file outside the tree: %s" % (page, i, line.strip()))
    for i, line in enumerate(prose(text), 1):
        for m in LINK.finditer(line):
            check_target(page, i, m.group(1))
        m = REFDEF.match(line)
        if m:
            check_target(page, i, m.group(1))

# The man page names files of the tree in .I, .IR and .BR macros.
for man in sorted(glob.glob(os.path.join(top, "man", "*.[1-9]"))):
    rel = os.path.relpath(man, top)
    with open(man, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines, 1):
        if "../shared" in line or "shared/spec" in line:
            fail("%s:%d: mentions a file outside the tree" % (rel, i))
        m = re.match(r"^\.(?:I|IR|BR|B)\s+(\S+)", line)
        if not m:
            continue
        word = m.group(1).rstrip(",.")
        if not re.search(r"\.(md|json)$", word):
            continue
        # A bare page name follows ".IR docs/ ," in the text: look in docs/ too.
        if os.path.exists(os.path.join(top, word)) or \
           os.path.exists(os.path.join(top, "docs", word)):
            ok()
        else:
            fail("%s:%d: %s: no such file in the tree" % (rel, i, word))

print("%d passed, %d failed" % (passed, failed))
sys.exit(0 if failed == 0 and passed > 0 else 1)
EOF
