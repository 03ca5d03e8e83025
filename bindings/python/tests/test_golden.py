# SPDX-License-Identifier: MIT
"""Every golden case of tests/cases gives, through Python, the bytes the C
command printed (``expected``) and its exit status (``status``).

A case directory holds ``args`` (``quote``, ``envelope``, ``validate``
[RULES], ``batch``, ``sheet FORMAT [SPEC]``, ``chart SPEC [ATTRIBUTE
[PLAN]]``, ``import``, ``diff`` or ``lint [OPTION]``), its
inputs (catalog.json, request.json, input.json, requests.jsonl, sheet.csv,
old.json, new.json), ``expected`` and ``status``. Each case is run three ways:
through the API (``Quote.json`` + "\\n", ``PricingError.json`` + "\\n"),
through ``pricing.__main__.main`` in process, and through
``python3 -m pricing`` in a child process (a sample of the cases unless
PRICING_GOLDEN_ALL=1). File names are passed relative to
the case directory, which is the working directory.
"""

from __future__ import annotations

import io
import json
import os
import unittest
from typing import List, Optional, Tuple

import pricing
from pricing import __main__ as cli

from support import CASES_DIR, cli_path, run_cli, run_python


def _cases() -> List[str]:
    if not os.path.isdir(CASES_DIR):
        return []
    return sorted(d for d in os.listdir(CASES_DIR)
                  if os.path.isfile(os.path.join(CASES_DIR, d, "args")))


def _read(case: str, name: str) -> Optional[bytes]:
    p = os.path.join(CASES_DIR, case, name)
    if not os.path.exists(p):
        return None
    with open(p, "rb") as f:
        return f.read()


def _file(name: str) -> bytes:
    with open(name, "rb") as f:
        return f.read()


_SHEET_FLAGS = {"csv": [], "json": ["--format", "json"],
                "template": ["--template"],
                "template-json": ["--template", "--format", "json"],
                "html": ["--format", "html"]}


def _argv(words: List[str], case_dir: str = "") -> Tuple[List[str], str]:
    """The command line of a case (file names relative to its directory)
    and the input file fed on standard input ("" for none)."""
    if not words:
        raise ValueError("empty args file")
    kind = words[0]
    if kind == "quote":
        return ["quote", "catalog.json", "request.json"], ""
    if kind == "envelope":
        return ["quote"], "input.json"
    if kind == "validate":
        rules = ["--rules", words[1]] if len(words) > 1 else []
        return ["validate", *rules, "catalog.json"], ""
    if kind == "batch":
        return ["batch", "catalog.json"], "requests.jsonl"
    if kind == "sheet":
        spec = ["--spec", words[2]] if len(words) > 2 else []
        return ["sheet", *_SHEET_FLAGS[words[1]], *spec, "catalog.json"], ""
    if kind == "chart":
        opts = ["--spec", words[1]]
        opts += ["--attribute", words[2]] if len(words) > 2 else []
        opts += ["--plan", words[3]] if len(words) > 3 else []
        return ["chart", *opts, "catalog.json"], ""
    if kind == "import":
        return ["import", "catalog.json", "sheet.csv"], ""
    if kind == "diff":
        req = os.path.exists(os.path.join(case_dir, "requests.jsonl"))
        return ["diff", *(["--requests", "requests.jsonl"] if req else []),
                "old.json", "new.json"], ""
    if kind == "lint":
        opt = {"strict": ["--strict"], "text": ["--format", "text"],
               "koogallery": ["--rules", "koogallery"]}
        return ["lint", *opt.get(words[1] if len(words) > 1 else "", []),
                "catalog.json"], ""
    raise ValueError(f"unknown case kind {kind!r}")


def _status_of(exc: pricing.PricingError) -> int:
    return 3 if exc.code == "io_error" else \
        2 if exc.code == "invalid_argument" else 1


class GoldenCases(unittest.TestCase):
    cases = _cases()

    def setUp(self) -> None:
        if not self.cases:
            self.skipTest(f"no golden cases in {CASES_DIR}")
        self._cwd = os.getcwd()

    def tearDown(self) -> None:
        os.chdir(self._cwd)

    def case(self, name: str) -> Tuple[List[str], List[str], bytes, int,
                                       bytes]:
        words = (_read(name, "args") or b"").decode().split()
        argv, stdin_name = _argv(words, os.path.join(CASES_DIR, name))
        expected = _read(name, "expected") or b""
        status = int((_read(name, "status") or b"0").decode().strip() or 0)
        stdin = (_read(name, stdin_name) or b"") if stdin_name else b""
        return words, argv, expected, status, stdin

    # -- the API

    def seller_output(self, words: List[str]) -> Tuple[bytes, int]:
        """sheet, import and diff through Catalog.sheet, import_sheet and
        diff_json."""
        kind = words[0]
        try:
            if kind == "diff":
                requests = _file("requests.jsonl") \
                    if os.path.exists("requests.jsonl") else None
                with pricing.Catalog.load("old.json") as old, \
                        pricing.Catalog.load("new.json") as new:
                    return (old.diff_json(new, requests) + "\n").encode(), 0
            with pricing.Catalog.load("catalog.json") as catalog:
                if kind == "chart":
                    return catalog.chart(
                        words[1], *(words[2:4])).encode(), 0
                if kind == "sheet":
                    fmt = "json" if words[1].endswith("json") else \
                        "html" if words[1] == "html" else "csv"
                    text = catalog.sheet(
                        fmt, words[2] if len(words) > 2 else None,
                        words[1].startswith("template"))
                    return (text + ("\n" if fmt == "json" else "")
                            ).encode(), 0
                if not os.path.exists("sheet.csv"):
                    return b"", -1  # the command's io_error
                try:
                    return (catalog.import_sheet(_file("sheet.csv"))
                            + "\n").encode(), 0
                except pricing.PricingError as e:
                    doc = getattr(e, "document", None) or e.json
                    return (doc + "\n").encode(), _status_of(e)
        except pricing.PricingError as e:
            return (e.json + "\n").encode(), _status_of(e)

    def lint_output(self, words: List[str]) -> Tuple[bytes, int]:
        """lint through Catalog.lint(): its warning objects written back
        as the command's lines."""
        opt = words[1] if len(words) > 1 else ""
        try:
            with pricing.Catalog.load("catalog.json") as catalog:
                found = catalog.lint("koogallery" if opt == "koogallery"
                                     else None)
        except pricing.PricingError as e:
            return (e.json + "\n").encode(), _status_of(e)
        if opt == "text":
            out = "".join(f"{w.code} at {w.path}: {w.message}\n"
                          for w in found)
        else:
            out = "".join(json.dumps({"code": w.code, "path": w.path,
                                      "message": w.message},
                                     ensure_ascii=False,
                                     separators=(",", ":")) + "\n"
                          for w in found)
        return out.encode(), 1 if opt == "strict" and found else 0

    def api_output(self, words: List[str], stdin: bytes) -> Tuple[bytes,
                                                                   int]:
        kind = words[0]
        if kind in ("sheet", "chart", "import", "diff"):
            return self.seller_output(words)
        if kind == "lint":
            return self.lint_output(words)
        out: List[bytes] = []
        status = 0
        try:
            if kind == "envelope":
                out.append(pricing.quote_envelope(stdin).json_bytes)
            elif kind == "batch":
                with pricing.Catalog.load("catalog.json") as catalog:
                    lines = stdin.split(b"\n")
                    if lines[-1] == b"":
                        lines.pop()
                    # Batch error objects end with "input_line": N.
                    for n, line in enumerate(lines, 1):
                        tail = b',"input_line":%d}}' % n
                        if len(line) > pricing._lib.MAX_REQUEST_BYTES:
                            out.append(pricing.errors.make(
                                "limit_exceeded",
                                "request line longer than "
                                f"{pricing._lib.MAX_REQUEST_BYTES} bytes"
                            ).json.encode()[:-2] + tail)
                            status = 1
                            continue
                        try:
                            out.append(catalog.quote(line).json_bytes)
                        except pricing.PricingError as e:
                            out.append(e.json.encode("utf-8")[:-2] + tail)
                            status = 1
            else:
                with pricing.Catalog.load("catalog.json") as catalog:
                    if kind == "validate":
                        rules = words[1] if len(words) > 1 else None
                        out.append(catalog.validate(rules).json_bytes)
                    elif not os.path.exists("request.json"):
                        # Reading the request file is the command's job:
                        # the other two runs cover this case.
                        return b"", -1
                    else:
                        out.append(
                            catalog.quote(_file("request.json")).json_bytes)
        except pricing.PricingError as e:
            out.append(e.json.encode("utf-8"))
            status = _status_of(e)
        return b"".join(o + b"\n" for o in out), status

    def test_api(self) -> None:
        for name in self.cases:
            with self.subTest(case=name):
                words, _, expected, status, stdin = self.case(name)
                os.chdir(os.path.join(CASES_DIR, name))
                got, got_status = self.api_output(words, stdin)
                if got_status == -1:
                    continue
                self.assertEqual(got, expected)
                self.assertEqual(got_status, status)

    def test_to_dict_round_trip(self) -> None:
        """json.dumps(to_dict()) in the documented form gives .json back,
        and typed values are never float."""
        for name in self.cases:
            words, _, expected, status, stdin = self.case(name)
            if words[0] not in ("quote", "envelope") or status != 0:
                continue
            with self.subTest(case=name):
                os.chdir(os.path.join(CASES_DIR, name))
                if words[0] == "envelope":
                    q = pricing.quote_envelope(stdin)
                else:
                    with pricing.Catalog.load("catalog.json") as catalog:
                        q = catalog.quote(_file("request.json"))
                self.assertEqual(
                    json.dumps(q.to_dict(), ensure_ascii=False,
                               separators=(",", ":")), q.json)
                for v in (q.total, q.period_total, q.exact_total,
                          *[x for l in q.lines
                            for x in (l.amount, l.exact_amount)]):
                    self.assertNotIsInstance(v, float)

    # -- python3 -m pricing, in process and as a child

    def test_main_in_process(self) -> None:
        for name in self.cases:
            with self.subTest(case=name):
                _, argv, expected, status, stdin = self.case(name)
                os.chdir(os.path.join(CASES_DIR, name))
                out, err = io.BytesIO(), io.BytesIO()
                rc = cli.main(argv, io.BytesIO(stdin), out, err)
                self.assertEqual(out.getvalue(), expected)
                self.assertEqual(rc, status)

    def test_python_m_pricing(self) -> None:
        """A child process per case is slow (an interpreter start each):
        every batch and envelope case and one in ten of the others, or all
        of them with PRICING_GOLDEN_ALL=1."""
        every = os.environ.get("PRICING_GOLDEN_ALL") == "1"
        for i, name in enumerate(self.cases):
            words = (_read(name, "args") or b"").split()
            if not (every or i % 10 == 0
                    or words[:1] in ([b"batch"], [b"envelope"])):
                continue
            with self.subTest(case=name):
                _, argv, expected, status, stdin = self.case(name)
                rc, out, err = run_python(
                    ["-m", "pricing", *argv], stdin,
                    cwd=os.path.join(CASES_DIR, name))
                self.assertEqual(out, expected, err.decode(errors="replace"))
                self.assertEqual(rc, status)

    def test_pretty(self) -> None:
        """Quote.to_json(pretty=True) is the library's pretty form (what
        the command's --pretty prints) for every quote case, and the
        command's own output for one in ten of them."""
        have_cli = cli_path() is not None
        for i, name in enumerate(self.cases):
            words, argv, _, status, stdin = self.case(name)
            if words[0] != "quote" or status != 0:
                continue
            with self.subTest(case=name):
                d = os.path.join(CASES_DIR, name)
                os.chdir(d)
                request = _file("request.json")
                with pricing.Catalog.load("catalog.json") as catalog:
                    pretty = catalog.quote(request).to_json(pretty=True)
                    self.assertEqual(
                        catalog.quote_json(request, pretty=True), pretty)
                if have_cli and i % 10 == 0:
                    rc, out, _ = run_cli(["quote", "--pretty", *argv[1:]],
                                         stdin, cwd=d)
                    self.assertEqual(pretty + "\n", out.decode("utf-8"))


if __name__ == "__main__":
    unittest.main()
