#!/bin/sh
# SPDX-License-Identifier: MIT
# The HTML price page in a real browser: Debian's headless chromium loads
# the pages of the golden cases and dumps the DOM it built. The hostile
# page must build no element from a catalog string (no script, no img)
# and show the strings as text; the example's page has its four charts.
# Skips (77) with a message when no chromium is installed.
set -u
P="${top_builddir:-.}/pricing"
SRC="${top_srcdir:-.}"
browser=
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
    echo "skipped: no chromium (apt-get install chromium) to render the page"
    exit 77
fi
tmp=$(mktemp -d) || exit 99
tmp=$(cd "$tmp" && pwd -P)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# dom PAGE: the DOM chromium built from the file PAGE, in $tmp/dom.
dom() {
    HOME="$tmp" timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
        --user-data-dir="$tmp/profile" --dump-dom "file://$1" \
        >"$tmp/dom" 2>"$tmp/browser.err"
}

# A file named .html, so that it is read as HTML, by an absolute URL.
cp "$SRC/tests/cases/sheet-html-hostile/expected" "$tmp/hostile.html"
if dom "$tmp/hostile.html" && [ -s "$tmp/dom" ]; then ok
else bad "chromium could not render the hostile page: $(tail -n 3 "$tmp/browser.err")"; fi
if grep -qi '<script\|<img' "$tmp/dom"; then
    bad "a catalog string became an element: $(grep -oi '<script[^>]*>\|<img[^>]*>' "$tmp/dom" | head -n 3)"
else ok; fi
for s in '&lt;script&gt;alert("catalog")&lt;/script&gt;&amp;amp;' \
         '"&gt;&lt;img src=x onerror=alert(1)&gt;' \
         'a&amp;b&lt;c&gt;'"'"'d'"'" ; do
    if grep -qF "$s" "$tmp/dom"; then ok; else bad "text missing: $s"; fi
done
if [ "$(grep -o '<svg' "$tmp/dom" | wc -l)" -eq 1 ]; then ok
else bad "the hostile page should hold one chart"; fi

"$P" sheet --format html "$SRC/examples/catalog.json" >"$tmp/page.html"
if dom "$tmp/page.html" && [ "$(grep -o '<svg' "$tmp/dom" | wc -l)" -eq 2 ] &&
   [ "$(grep -o '<table class="prices">' "$tmp/dom" | wc -l)" -eq 3 ] &&
   grep -q 'class="series"' "$tmp/dom"; then ok
else bad "the example's page: 2 charts and 3 tables expected"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
