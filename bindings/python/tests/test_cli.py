# SPDX-License-Identifier: MIT
"""``python3 -m pricing`` mirrors the C command: same standard output, same
standard error, same exit status; and examples/quote.py runs."""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
import unittest
from typing import List, Tuple

import pricing
from pricing import __main__ as cli
from pricing import _lib

from support import (EXAMPLE_CATALOG, EXAMPLE_REQUEST, SRCDIR, cli_path,
                     run_cli, run_python)


def _scenarios(tmp: str) -> List[Tuple[List[str], bytes]]:
    cat = EXAMPLE_CATALOG
    with open(EXAMPLE_REQUEST, "rb") as f:
        req = f.read()
    with open(cat, "rb") as f:
        envelope = json.dumps({"catalog": json.load(f),
                               "request": json.loads(req)}).encode()
    limit = _lib.MAX_REQUEST_BYTES
    jsonl = (b'{"spec":"starter","plan":"month"}\n\n{"spec":"x"}\n{bad\n'
             b'{"spec":"starter","plan":"year","count":2}\r\n'
             + b"x" * limit + b"\n" + b"y" * (limit + 1) + b"\n"
             + b'{"spec":"onprem-license"}')
    bad_catalog = os.path.join(tmp, "bad.json")
    with open(bad_catalog, "wb") as f:
        f.write(b'{"catalog": "x", "currency": "usd", "specs": []}')
    big = os.path.join(tmp, "big.json")
    with open(big, "wb") as f:
        f.write(b" " * (limit + 1))
    return [
        (["quote", cat, EXAMPLE_REQUEST], b""),
        (["quote", "--pretty", cat, EXAMPLE_REQUEST], b""),
        (["quote", cat], req),
        (["quote", cat, "-"], req),
        (["quote", cat], b'{"spec": "nope"}'),
        (["--pretty", "quote", cat], b'{"spec": '),
        (["quote"], envelope),
        (["quote", "--pretty"], envelope),
        (["quote"], req),
        (["quote", cat, big], b""),
        (["quote", cat, tmp], b""),
        (["quote", cat, os.path.join(tmp, "missing.json")], b""),
        (["quote", os.path.join(tmp, "missing.json")], b""),
        (["quote", bad_catalog, EXAMPLE_REQUEST], b""),
        (["quote", "a", "b", "c"], b""),
        (["validate", cat], b""),
        (["validate", "--pretty", cat], b""),
        (["validate", "--rules", "koogallery", cat], b""),
        (["validate", "--rules", "nope", cat], b""),
        (["validate", "--rules"], b""),
        (["validate", bad_catalog], b""),
        (["validate"], b""),
        (["batch", cat], jsonl),
        (["batch", cat], b""),
        (["batch", cat], b"\n"),
        (["batch", bad_catalog], jsonl),
        (["batch", "--pretty", cat], b""),
        (["batch", cat, "extra"], b""),
        (["--rules", "koogallery", "quote", cat], b""),
        (["--version"], b""),
        (["--help"], b""),
        (["-h"], b""),
        ([], b""),
        (["-x"], b""),
        (["frob"], b""),
        (["quote", "-", "-"], b""),
        # The command table: help, long options, suggestions, --.
        (["help"], b""),
        (["help", "quote"], b""),
        (["quote", "--help"], b""),
        (["help", "qoute"], b""),
        (["qoute"], b""),
        (["quote", "--prety"], b""),
        (["validate", "--rules=koogallery", cat], b""),
        (["validate", "--rules"], b""),
        (["quote", "--pretty=1", cat], b""),
        (["sheet", "--format=xml", cat], b""),
        (["--", "validate", cat], b""),
        (["validate", "--", "--pretty"], b""),
        (["batch", "--quiet", cat], b"\x00\n{\"spec\": \n"),
    ]


class MirrorsTheCommand(unittest.TestCase):
    def test_same_bytes_as_the_c_command(self) -> None:
        if cli_path() is None:
            self.skipTest("the pricing command is not built")
        with tempfile.TemporaryDirectory() as tmp:
            for argv, stdin in _scenarios(tmp):
                with self.subTest(argv=argv):
                    want = run_cli(argv, stdin)
                    got = run_python(["-m", "pricing", *argv], stdin)
                    self.assertEqual(got[1], want[1])  # stdout
                    self.assertEqual(got[2], want[2])  # stderr
                    self.assertEqual(got[0], want[0])  # status

    def test_in_process(self) -> None:
        out, err = io.BytesIO(), io.BytesIO()
        rc = cli.main(["quote", EXAMPLE_CATALOG, EXAMPLE_REQUEST],
                      io.BytesIO(), out, err)
        self.assertEqual(rc, 0)
        with pricing.Catalog.load(EXAMPLE_CATALOG) as c:
            with open(EXAMPLE_REQUEST, "rb") as f:
                self.assertEqual(out.getvalue(),
                                 c.quote(f.read()).json_bytes + b"\n")
        self.assertEqual(err.getvalue(), b"")

    def test_unwritable_output(self) -> None:
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        import subprocess
        import sys
        from support import child_env
        for argv in (["quote", EXAMPLE_CATALOG, EXAMPLE_REQUEST],
                     ["validate", EXAMPLE_CATALOG], ["--help"]):
            with self.subTest(argv=argv):
                with open("/dev/full", "wb") as full:
                    p = subprocess.run(
                        [sys.executable, "-m", "pricing", *argv],
                        stdin=subprocess.DEVNULL, stdout=full,
                        stderr=subprocess.PIPE, env=child_env(), timeout=60)
                self.assertEqual(p.returncode, 3)
                self.assertEqual(p.stderr,
                                 b"pricing: cannot write standard output\n")


class Example(unittest.TestCase):
    def test_examples_quote_py(self) -> None:
        script = os.path.join(SRCDIR, "examples", "quote.py")
        rc, out, err = run_python([script])
        self.assertEqual(rc, 0, err.decode())
        self.assertIn(b"3600.00", out)
        with tempfile.TemporaryDirectory() as tmp:
            # Arguments: a catalog and a request of one's own.
            shutil.copy(EXAMPLE_CATALOG, os.path.join(tmp, "c.json"))
            with open(os.path.join(tmp, "r.json"), "w") as f:
                f.write('{"spec": "starter", "plan": "year", "count": 2}')
            rc, out, err = run_python([script, "c.json", "r.json"], cwd=tmp)
            self.assertEqual(rc, 0, err.decode())
            self.assertIn(b"1980.00", out)
            with open(os.path.join(tmp, "r.json"), "w") as f:
                f.write('{"spec": "starter", "plan": "week"}')
            rc, out, err = run_python([script, "c.json", "r.json"], cwd=tmp)
            self.assertEqual(rc, 1)
            self.assertIn(b"plan_not_offered", err)


if __name__ == "__main__":
    unittest.main()
