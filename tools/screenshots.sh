#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates the screenshots of docs/seller-tools.md: the chart of the
# example catalog's "standard" spec and the HTML price page of the
# example catalog, rendered by Debian's headless chromium
# (apt-get install chromium). Run from a built tree:
#     tools/screenshots.sh [BUILDDIR]
# Writes docs/chart-standard.png (and its SVG, docs/chart-standard.svg),
# docs/chart-koo-volume.png (KooGallery's volume example, the golden case
# chart-koo-volume: an inversion) and docs/sheet-page.png.
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

chart() { # chart CATALOG SPEC PNG: the chart at its own size
    "$pricing" chart --spec "$2" "$1" >"$tmp/chart.svg"
    height=$(sed -n 's/^<svg .* height="\([0-9]*\)".*/\1/p' "$tmp/chart.svg")
    shot "file://$tmp/chart.svg" "$3" 720 "$height"
}
chart "$src/examples/catalog.json" standard "$src/docs/chart-standard.png"
cp "$tmp/chart.svg" "$src/docs/chart-standard.svg"
chart "$src/tests/cases/chart-koo-volume/catalog.json" calls \
    "$src/docs/chart-koo-volume.png"

"$pricing" sheet --format html "$src/examples/catalog.json" >"$tmp/page.html"
shot "file://$tmp/page.html" "$src/docs/sheet-page.png" 900 1300

ls -l "$src"/docs/chart-*.png "$src/docs/sheet-page.png"
