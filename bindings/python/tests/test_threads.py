# SPDX-License-Identifier: MIT
"""Many Python threads quoting one Catalog at once get the results of a
serial run."""

from __future__ import annotations

import threading
import unittest
from typing import Any, Dict, List, Tuple

import pricing

from support import EXAMPLE_CATALOG, example_requests

THREADS = 32  # hostile-inputs.md item 47: "calls from 32 threads"
ROUNDS = 10


def _answer(catalog: pricing.Catalog, request: Any) -> Tuple[str, str]:
    try:
        return "quote", catalog.quote(request).json
    except pricing.PricingError as e:
        return "error", e.json


class Threads(unittest.TestCase):
    def test_parallel_equals_serial(self) -> None:
        requests = example_requests()
        with pricing.Catalog.load(EXAMPLE_CATALOG) as catalog:
            serial = [_answer(catalog, r) for r in requests]
            self.assertIn("error", {k for k, _ in serial})
            self.assertIn("quote", {k for k, _ in serial})
            results: Dict[int, List[List[Tuple[str, str]]]] = {}
            failures: List[BaseException] = []
            barrier = threading.Barrier(THREADS)

            def work(n: int) -> None:
                try:
                    barrier.wait()
                    mine = []
                    for k in range(ROUNDS):
                        # Each thread walks the requests from its own
                        # offset, so different requests run side by side.
                        order = requests[n:] + requests[:n]
                        got = [_answer(catalog, r) for r in order]
                        mine.append(got[len(requests) - n:] +
                                    got[:len(requests) - n])
                    results[n] = mine
                except BaseException as e:  # reported below
                    failures.append(e)

            threads = [threading.Thread(target=work, args=(n,))
                       for n in range(THREADS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(failures, [])
            self.assertEqual(len(results), THREADS)
            for n, rounds in results.items():
                for got in rounds:
                    self.assertEqual(got, serial, f"thread {n}")

    def test_threads_with_their_own_catalogs(self) -> None:
        """Catalogs loaded, used and closed concurrently."""
        want = None
        with pricing.Catalog.load(EXAMPLE_CATALOG) as c:
            want = [_answer(c, r) for r in example_requests()[:20]]
        failures: List[BaseException] = []
        outs: List[Any] = []

        def work() -> None:
            try:
                for _ in range(10):
                    with pricing.Catalog.load(EXAMPLE_CATALOG) as c:
                        outs.append([_answer(c, r)
                                     for r in example_requests()[:20]])
            except BaseException as e:
                failures.append(e)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])
        self.assertEqual(len(outs), 80)
        for got in outs:
            self.assertEqual(got, want)

    def test_close_while_quoting(self) -> None:
        """Closing a catalog under running quotes: each call either
        completes correctly or raises InvalidArgumentError; no crash."""
        request = {"spec": "standard", "plan": "month",
                   "sku": {"edition": "pro", "users": 25}}
        for _ in range(5):
            catalog = pricing.Catalog.load(EXAMPLE_CATALOG)
            want = catalog.quote(request).json
            go = threading.Event()
            bad: List[Any] = []

            def work() -> None:
                go.wait()
                while True:
                    try:
                        got = catalog.quote(request).json
                    except pricing.InvalidArgumentError:
                        return
                    except BaseException as e:
                        bad.append(e)
                        return
                    if got != want:
                        bad.append(got)
                        return

            threads = [threading.Thread(target=work) for _ in range(8)]
            for t in threads:
                t.start()
            go.set()
            catalog.quote(request)
            catalog.close()
            for t in threads:
                t.join()
            self.assertEqual(bad, [])
            self.assertIsNone(catalog._handle._ptr)


if __name__ == "__main__":
    unittest.main()
