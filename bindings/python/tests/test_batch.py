# SPDX-License-Identifier: MIT
"""Catalog.quote_jsonl and Catalog.quote_many: the bytes of ``pricing
batch`` on the golden batch cases and a generated stream, whatever the
chunk boundaries, input_line continuing across chunks; quote_many's
results equal to Catalog.quote's one by one."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import unittest
from typing import Any, List, Optional, Tuple

import pricing
from pricing import _batch

from support import (BUILDDIR, CASES_DIR, EXAMPLE_CATALOG, TestCatalogCase,
                     cli_path, example_requests, run_cli)


def batch_cases() -> List[Tuple[str, bytes, bytes]]:
    """(name, requests.jsonl, expected) of every golden batch case whose
    catalog loads (the others never reach a request)."""
    out = []
    for name in sorted(os.listdir(CASES_DIR)):
        d = os.path.join(CASES_DIR, name)
        try:
            with open(os.path.join(d, "args"), "rb") as f:
                if f.read().split() != [b"batch"]:
                    continue
            with open(os.path.join(d, "requests.jsonl"), "rb") as f:
                requests = f.read()
            with open(os.path.join(d, "expected"), "rb") as f:
                expected = f.read()
            pricing.Catalog.load(os.path.join(d, "catalog.json")).close()
        except (OSError, pricing.PricingError):
            continue
        out.append((name, requests, expected))
    return out


def generated_stream() -> Optional[Tuple[bytes, bytes]]:
    """(catalog, lines) from the benchmark's generators (bench/bench
    gen-catalog, gen-lines 3000 mixed), None when it is not built."""
    bench = os.path.join(BUILDDIR, "bench", "bench")
    if not os.access(bench, os.X_OK):
        return None
    cat = subprocess.run([bench, "gen-catalog"], capture_output=True,
                         check=True, timeout=60).stdout
    lines = subprocess.run([bench, "gen-lines", "3000", "mixed"],
                           capture_output=True, check=True,
                           timeout=60).stdout
    return cat, lines


class GoldenBatchTest(unittest.TestCase):
    """Every golden batch case: quote_jsonl's bytes are `expected`."""

    def test_cases(self) -> None:
        cases = batch_cases()
        self.assertGreaterEqual(len(cases), 10)
        for name, requests, expected in cases:
            with self.subTest(case=name), pricing.Catalog.load(
                    os.path.join(CASES_DIR, name, "catalog.json")) as cat:
                self.assertEqual(cat.quote_jsonl(requests), expected)
                # A line a chunk, and cuts inside lines' reach: the same
                # bytes, input_line continuing from chunk to chunk.
                for size in (1, 7, 40, 100):
                    self.assertEqual(
                        _batch.quote_jsonl(cat, requests, 1, size), expected,
                        f"chunk_bytes={size}")
                try:
                    text = requests.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                self.assertEqual(cat.quote_jsonl(text), expected)


class GeneratedStreamTest(unittest.TestCase):
    """3,000 generated mixed lines: the bytes of `pricing batch`."""

    def test_equals_cli(self) -> None:
        if cli_path() is None:
            self.skipTest("the pricing command is not built")
        gen = generated_stream()
        if gen is None:
            self.skipTest("bench/bench is not built")
        cat_json, lines = gen
        path = os.path.join(BUILDDIR, "bench", "test_batch.catalog.json")
        with open(path, "wb") as f:
            f.write(cat_json)
        try:
            status, want, _ = run_cli(["batch", path], stdin=lines)
        finally:
            os.unlink(path)
        self.assertIn(status, (0, 1))
        self.assertEqual(want.count(b"\n"), 3000)
        with pricing.Catalog.from_json(cat_json) as cat:
            self.assertEqual(cat.quote_jsonl(lines), want)
            # Chunks of about 20 lines: 150 crossings.
            chunks = list(_batch.answers(cat, lines, 1, 1500))
            self.assertGreater(len(chunks), 100)
            self.assertEqual(b"".join(chunks), want)
            # Two halves priced apart, the second numbered on: the whole.
            cut = lines.index(b"\n", len(lines) // 2) + 1
            first = lines[:cut].count(b"\n")
            self.assertEqual(cat.quote_jsonl(lines[:cut]) +
                             cat.quote_jsonl(lines[cut:], first + 1), want)


class QuoteJsonlTest(TestCatalogCase):

    def test_numbering_and_last_line(self) -> None:
        text = ('{"spec":"one"}\n\n{"spec":"x"}\r\n' + " " * (1 << 20 | 1)
                + '\n{"spec":"one"}')
        got = self.catalog.quote_jsonl(text, first_line=1 << 40).split(b"\n")
        self.assertEqual(len(got), 6)
        self.assertEqual(got[-1], b"")
        quote = self.catalog.quote_json('{"spec":"one"}').encode()
        self.assertEqual(got[0], quote)
        self.assertEqual(got[4], quote)
        self.assertEqual(
            [json.loads(g)["error"]["input_line"] for g in got[1:4]],
            [(1 << 40) + 1, (1 << 40) + 2, (1 << 40) + 3])
        self.assertEqual(json.loads(got[3]), {"error": {
            "code": "limit_exceeded", "path": "",
            "message": "request line longer than 1048576 bytes",
            "input_line": (1 << 40) + 3}})

    def test_empty(self) -> None:
        self.assertEqual(self.catalog.quote_jsonl(b""), b"")
        self.assertEqual(self.catalog.quote_jsonl(""), b"")
        self.assertEqual(self.catalog.quote_jsonl(bytearray(b"\n")),
                         b'{"error":{"code":"json_syntax","path":"",'
                         b'"message":"empty document","line":1,"column":1,'
                         b'"input_line":1}}\n')

    def test_arguments(self) -> None:
        with self.assertRaises(TypeError):
            self.catalog.quote_jsonl([{"spec": "one"}])  # type: ignore
        with self.assertRaises(TypeError):
            self.catalog.quote_jsonl("{}", first_line="1")  # type: ignore
        with self.assertRaises(TypeError):
            self.catalog.quote_jsonl("{}", first_line=True)
        for bad in (0, -1, 1 << 64):
            with self.assertRaises(pricing.InvalidArgumentError):
                self.catalog.quote_jsonl("{}", first_line=bad)
        with self.assertRaises(TypeError):
            self.catalog.quote_many('{"spec":"one"}')

    def test_closed(self) -> None:
        cat = pricing.Catalog.load(EXAMPLE_CATALOG)
        chunks = _batch.answers(cat, b"{}\n" * 100, 1, 30)
        next(chunks)
        cat.close()
        with self.assertRaises(pricing.InvalidArgumentError):
            next(chunks)
        with self.assertRaises(pricing.InvalidArgumentError):
            cat.quote_jsonl("{}")

    def test_threads(self) -> None:
        text = "".join(json.dumps(r) + "\n" for r in example_requests()) * 4
        with pricing.Catalog.load(EXAMPLE_CATALOG) as cat:
            want = cat.quote_jsonl(text)
            got: List[bytes] = []

            def run() -> None:
                got.append(_batch.quote_jsonl(cat, text, 1, 500))

            threads = [threading.Thread(target=run) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        self.assertEqual(got, [want] * 4)


def same_result(test: unittest.TestCase, got: Any, cat: pricing.Catalog,
                request: Any) -> None:
    """got is what cat.quote(request) returns, or the error it raises."""
    try:
        want: Any = cat.quote(request)
    except pricing.PricingError as e:
        want = e
    test.assertIs(type(got), type(want))
    test.assertEqual(got.json, want.json)
    if isinstance(want, pricing.PricingError):
        test.assertEqual((got.code, got.path, got.message, got.line,
                          got.column, got.position),
                         (want.code, want.path, want.message, want.line,
                          want.column, want.position))


class QuoteManyTest(unittest.TestCase):

    def test_like_quote(self) -> None:
        requests: List[Any] = list(example_requests())
        requests += [
            json.dumps(requests[0]),                  # str
            json.dumps(requests[1]).encode(),         # bytes
            json.dumps(requests[2], indent=2),        # several lines
            "", "  ", "{", '{"spec":"x"}\r',          # rejected text
            {"spec": "standard", "sku": {"edition": "pro",
                                         "users": "x" * (1 << 20)}},
            "[" * 70 + "]" * 70,                      # past the depth
            " " * ((1 << 20) + 1) + "{}",             # past the size
        ]
        with pricing.Catalog.load(EXAMPLE_CATALOG) as cat:
            for size in (_batch.CHUNK_BYTES, 1, 300):
                got = _batch.quote_many(cat, iter(requests), size)
                self.assertEqual(len(got), len(requests))
                for g, r in zip(got, requests):
                    same_result(self, g, cat, r)
            got = cat.quote_many(requests)
            self.assertIsInstance(got[0], pricing.Quote)
            self.assertIsInstance(got[-1], pricing.LimitExceededError)
            self.assertEqual(cat.quote_many([]), [])

    def test_float_raises(self) -> None:
        with pricing.Catalog.load(EXAMPLE_CATALOG) as cat:
            with self.assertRaises(TypeError):
                cat.quote_many([{"spec": "starter", "count": 1.5}])


if __name__ == "__main__":
    unittest.main()
