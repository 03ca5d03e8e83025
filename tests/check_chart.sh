#!/bin/sh
# SPDX-License-Identifier: MIT
# Charts and the HTML price page, checked from outside: every chart and
# page of the golden cases is well-formed XML; the points of four charts
# are recomputed here from the catalog's rules (exact fractions, the
# coordinate rule of docs/seller-tools.md) and must be the drawn ones;
# the hostile page escapes every string (no element a catalog string
# could have opened, the strings shown as text); --of picks the version.
set -u
P="${top_builddir:-.}/pricing"
SRC="${top_srcdir:-.}"
PY="${PYTHON:-python3}"
command -v "$PY" >/dev/null 2>&1 || { echo "skipped: no $PY"; exit 77; }
exec "$PY" - "$P" "$SRC/tests/cases" <<'PYEOF'
import os, subprocess, sys
import xml.etree.ElementTree as ET
from fractions import Fraction as F

pricing, cases = sys.argv[1], sys.argv[2]
passed = failed = 0
SVG = "{http://www.w3.org/2000/svg}"


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


# 1. Well-formed XML: every chart and page that a golden case prints.
for name in sorted(os.listdir(cases)):
    if not (name.startswith("chart-") or name.startswith("sheet-html-")):
        continue
    d = os.path.join(cases, name)
    if open(os.path.join(d, "status")).read().strip() != "0":
        continue
    try:
        ET.parse(os.path.join(d, "expected"))
        check(True, name)
    except ET.ParseError as e:
        check(False, f"{name}: not well-formed: {e}")


# 2. The points of four golden charts, recomputed. The rule: a coordinate c is written as
# floor(10 c + 1/2) tenths of a pixel.
def tenths(c):
    t = (20 * c.numerator + c.denominator) // (2 * c.denominator)
    return f"{t // 10}.{t % 10}"


def nice_top(vmax):
    """The y scale: the smallest step d 10^k (d = 1, 2, 5) with five steps
    reaching vmax; the top is the first tick at or above it."""
    vmax = vmax or F(1)
    k = -40
    while True:
        for d in (1, 2, 5):
            step = d * F(10) ** k
            if 5 * step >= vmax:
                n = -(-vmax // step)
                return n * step
        k += 1


def polylines(svg):
    root = ET.fromstring(svg)
    out = []
    for g in root.iter(SVG + "g"):
        for pl in g.iter(SVG + "polyline"):
            out.append((g.get("class"), pl.find(SVG + "title").text,
                        pl.get("points")))
    return out


def expect(svg, top, x0, x1, qs, totals, what):
    """totals: {series: [total at each q of qs]}"""
    got = {(c, t): p for c, t, p in polylines(svg)}
    for per_unit, panel_top, cls in ((False, top, "panel total"),
                                     (True, top + 264, "panel per-unit")):
        vals = {s: [(q, v / q if per_unit else v)
                    for q, v in zip(qs, tot) if q or not per_unit]
                for s, tot in totals.items()}
        ymax = nice_top(max(v for pts in vals.values() for _, v in pts))
        for s, pts in vals.items():
            want = " ".join(
                tenths(96 + F(q - x0) * 600 / (x1 - x0)) + "," +
                tenths(panel_top + 200 - v * 200 / ymax) for q, v in pts)
            check(got.get((cls, s)) == want,
                  f"{what} {cls} {s}: {got.get((cls, s))} != {want}")


def run(*args, status=0):
    r = subprocess.run([pricing, *args], capture_output=True)
    check(r.returncode == status, f"pricing {args}: exit {r.returncode}")
    return r.stdout


def grad(q, base, tiers):
    """base + graduated tiers [(up_to, unit, flat)]: each entered tier's
    flat, each part of q at its tier's price."""
    total, lo = F(base), 0
    for up, unit, flat in tiers:
        total += F(flat)
        hi = q if up is None else min(q, up)
        total += max(0, hi - lo) * F(unit)
        if up is None or q <= up:
            break
        lo = up
    return total


# KooGallery's volume table: 0.3 a minute to 3, 0.2 beyond; 1 to 6.
qs = list(range(1, 7))
koo = [F(q) * (F("0.3") if q <= 3 else F("0.2")) for q in qs]
svg = open(os.path.join(cases, "chart-koo-volume", "expected"), "rb").read()
expect(svg, 72, 1, 6, qs, {"calls": koo}, "koo")
check(b'<circle class="inversion" cx="456.0" cy="165.3"' in svg,
      "koo: the inversion at 4 minutes is circled")

# Seats on a step of 5 from 0 to 40: basic linear 4, pro base 10 and
# graduated 6 (+5 flat) to 10, 5 to 22, 3.50 (+2 flat) beyond. Every
# allowed quantity is a boundary side or a sample here, so all 9 show.
qs = list(range(0, 41, 5))
tiers = [(10, "6", "5"), (22, "5", "0"), (None, "3.50", "2")]
seats = {"basic": [4 * F(q) for q in qs],
         "pro": [grad(q, 10, tiers) for q in qs]}
svg = open(os.path.join(cases, "chart-editions", "expected"), "rb").read()
expect(svg, 72, 0, 40, qs, seats, "seats")
check(b'class="inversion"' not in svg, "seats: no inversion")

# The same on the year plan: basic 40 a seat, pro 100 + 60 to 10, 35 on.
year = {"basic": [40 * F(q) for q in qs],
        "pro": [grad(q, 100, [(10, "60", "0"), (None, "35", "0")])
                for q in qs]}
svg = open(os.path.join(cases, "chart-step-year", "expected"), "rb").read()
expect(svg, 72, 0, 40, qs, year, "seats, year")

# A package rounded down: 100 + floor(q / 5) x 250 yen, 0 to 12.
qs = list(range(0, 13))
svg = open(os.path.join(cases, "chart-package-down", "expected"), "rb").read()
expect(svg, 72, 0, 12, qs, {"disk": [100 + q // 5 * F(250) for q in qs]},
       "package")


# 3. The hostile page: strings are text, never markup.
page = open(os.path.join(cases, "sheet-html-hostile", "expected"),
            "rb").read()
root = ET.fromstring(page)
tags = {el.tag.split("}")[-1] for el in root.iter()}
check(not tags & {"script", "img", "b", "iframe"},
      f"hostile: elements a string opened: {tags & {'script', 'img', 'b'}}")
text = "".join(root.itertext())
for s in ['<script>alert("catalog")</script>&amp;\'',
          "</style><script>alert('name')</script>",
          '"><img src=x onerror=alert(1)>', "a&b<c>'d'",
          "</text><script>x</script>"]:
    check(s in text, f"hostile: {s!r} shown as text")
check(b"<script" not in page.lower() and b"<style>" in page
      and page.count(b"<style") == 1,
      "hostile: one style element, no script")
check(not any(a in el.attrib for el in root.iter()
              for a in ("src", "href", "{http://www.w3.org/1999/xlink}href")),
      "hostile: no external resource")

# 4. Versions: --of picks one; a chart and the page follow it.
hist = os.path.join(cases, "sheet-html-currencies", "catalog.json")
old = run("chart", "--spec", "seats", "--of", "2026-01", hist)
new = run("chart", "--spec", "seats", hist)
check(b"1 users: 19.00 CNY" in old and b"1 users: 20.50 CNY" in new,
      "chart --of: version 2026-01 (10 + 9), newest (12 + 8.5)")
check(b"Version 2026-01" in run("sheet", "--format", "html", "--of",
                                "2026-01", hist), "sheet html --of")
check(b'"code":"invalid_argument"' in
      run("sheet", "--format", "html", "--template", hist, status=2),
      "sheet html --template: refused")
sku = run("chart", "--spec", "team", "--sku", "edition=pro", "--plan", "year",
          os.path.join(cases, "chart-editions", "catalog.json"))
check(sku.count(b'<polyline class="series"') == 2 and b">pro</title>" in sku,
      "chart --sku: one series in each panel")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PYEOF
