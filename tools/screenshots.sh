#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates the screenshots of docs/seller-tools.md: the chart of the
# example catalog's "standard" spec and the HTML price page of the
# example catalog, rendered by Debian's headless chromium
# (apt-get install chromium). Run from a built tree:
#     tools/screenshots.sh [BUILDDIR]
# Writes docs/chart-standard.png and docs/sheet-page.png (and keeps the
# SVG beside them as docs/chart-standard.svg).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd -P)
build=${1:-$src}
pricing="$build/pricing"
browser=
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
[ -n "$browser" ] || { echo "tools/screenshots.sh: no chromium" >&2; exit 1; }
tmp=$(mktemp -d)
tmp=$(cd "$tmp" && pwd -P)
trap 'rm -rf "$tmp"' EXIT

shot() { # shot URL PNG WIDTH HEIGHT
    HOME="$tmp" "$browser" --headless --no-sandbox --disable-gpu \
        --hide-scrollbars --user-data-dir="$tmp/profile" \
        --window-size="$3,$4" --screenshot="$2" "$1" >/dev/null 2>&1
}

"$pricing" chart --spec standard "$src/examples/catalog.json" \
    >"$src/docs/chart-standard.svg"
height=$(sed -n 's/^<svg .* height="\([0-9]*\)".*/\1/p' \
    "$src/docs/chart-standard.svg")
cp "$src/docs/chart-standard.svg" "$tmp/chart.svg"
shot "file://$tmp/chart.svg" "$src/docs/chart-standard.png" 720 "$height"

"$pricing" sheet --format html "$src/examples/catalog.json" >"$tmp/page.html"
shot "file://$tmp/page.html" "$src/docs/sheet-page.png" 900 1300

ls -l "$src/docs/chart-standard.png" "$src/docs/sheet-page.png"
