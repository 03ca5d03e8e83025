#!/bin/sh
# SPDX-License-Identifier: MIT
# check_schema.sh - docs/catalog.schema.json (JSON Schema 2020-12) accepts
# every catalog the library loads (examples/catalog.json and each golden
# catalog, old.json and new.json for which `pricing validate` succeeds),
# every request the golden cases quote (request.json of a case whose
# status is 0, each batch line answered with a quote, examples/request.json)
# and every envelope quoted; and rejects the golden catalogs the library
# refuses for their shape (unknown_field, missing_field, wrong_type,
# invalid_amount, inexact_number), except those with a number such as
# 1.0 or 1e3, which JSON Schema counts as an integer.
# Skips (77) without python3 and its jsonschema module (Debian:
# python3-jsonschema).
here=$(cd "$(dirname "$0")/.." && pwd) || exit 99
top_srcdir=${top_srcdir:-$here}
top_builddir=${top_builddir:-$here}
PYTHON=${PYTHON:-python3}
pricing=$top_builddir/pricing
[ -x "$pricing" ] || { echo "check_schema.sh: $pricing not built" >&2; exit 99; }
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "check_schema.sh: $PYTHON not found: skipped"
    exit 77
fi
if ! "$PYTHON" -c 'import jsonschema' 2>/dev/null; then
    echo "check_schema.sh: the Python module jsonschema is missing" \
         "(apt-get install python3-jsonschema): skipped"
    exit 77
fi
if [ -x "$top_builddir/.libs/pricing" ]; then # not libtool's slow wrapper
    pricing=$top_builddir/.libs/pricing
    LD_LIBRARY_PATH=$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    export LD_LIBRARY_PATH
fi
export pricing top_srcdir
exec "$PYTHON" - <<'PY'
import glob, json, os, subprocess, sys
from jsonschema import Draft202012Validator

top = os.environ["top_srcdir"]
pricing = os.environ["pricing"]
with open(os.path.join(top, "docs", "catalog.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
Draft202012Validator.check_schema(schema)
def part(name):
    return Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/" + name})
catalog, request, envelope = Draft202012Validator(schema), part("request"), part("envelope")
passed = failed = 0

def load(path):
    try:
        with open(path, "rb") as f:
            return json.loads(f.read().decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None

def has_fraction(path):
    """A number written with a fraction or exponent (1.0, 1e3)."""
    seen = []
    def flag(text):
        seen.append(text)
        return float(text)
    try:
        with open(path, "rb") as f:
            json.loads(f.read().decode("utf-8"), parse_float=flag)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return True
    return bool(seen)

def expect(validator, doc, ok, what):
    global passed, failed
    errors = list(validator.iter_errors(doc))
    if (not errors) == ok:
        passed += 1
        return
    failed += 1
    why = errors[0].message[:200] if errors else "accepted"
    print(f"FAIL {what}: {'rejected: ' + why if ok else 'accepted, the library refuses it'}")

def status(case):
    try:
        with open(os.path.join(case, "status")) as f:
            return f.read().strip()
    except OSError:
        return None

# The members a schema can require (a missing SKU value or plan price is
# a rule between members: the library's job).
REQUIRED = {"catalog", "currency", "specs", "id", "billing", "template",
            "prices", "skus", "type", "values", "min", "max", "up_to",
            "unit_price", "sku", "size", "price", "plan", "min_count",
            "percent_off"}

def shape_error(case):
    """True when the case's error is one of the document's shape."""
    try:
        with open(os.path.join(case, "expected"), "rb") as f:
            e = json.loads(f.readline())["error"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if e["code"] == "missing_field":
        key = e["path"].rsplit("/", 1)[-1]
        return key in REQUIRED and e["message"] == f'"{key}" is required'
    return e["code"] in ("unknown_field", "wrong_type", "invalid_amount",
                         "inexact_number")

catalogs = [os.path.join(top, "examples", "catalog.json")]
for name in ("catalog.json", "old.json", "new.json"):
    catalogs += sorted(glob.glob(os.path.join(top, "tests", "cases", "*", name)))
for path in catalogs:
    doc = load(path)
    what = os.path.relpath(path, top)
    loads = subprocess.run([pricing, "validate", path], capture_output=True).returncode == 0
    if loads:
        expect(catalog, doc, True, what)
    elif doc is not None and os.path.basename(path) == "catalog.json" \
            and os.path.basename(os.path.dirname(path)).startswith("catalog-") \
            and shape_error(os.path.dirname(path)) \
            and not has_fraction(path):
        expect(catalog, doc, False, what)

expect(request, load(os.path.join(top, "examples", "request.json")), True, "examples/request.json")
for case in sorted(glob.glob(os.path.join(top, "tests", "cases", "*"))):
    what = os.path.relpath(case, top)
    try:
        with open(os.path.join(case, "args")) as f:
            kind = f.read().split()[0]
    except (OSError, IndexError):
        continue
    if kind == "quote" and status(case) == "0":
        expect(request, load(os.path.join(case, "request.json")), True, what + "/request.json")
    elif kind == "envelope" and status(case) == "0":
        expect(envelope, load(os.path.join(case, "input.json")), True, what + "/input.json")
    elif kind == "batch":
        try:
            with open(os.path.join(case, "requests.jsonl"), "rb") as f:
                lines = f.read().split(b"\n")
            with open(os.path.join(case, "expected"), "rb") as f:
                answers = f.read().split(b"\n")
        except OSError:
            continue
        for i, (line, answer) in enumerate(zip(lines, answers)):
            if answer.startswith(b"{\"catalog\""):
                expect(request, json.loads(line), True, f"{what}/requests.jsonl line {i + 1}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
PY
