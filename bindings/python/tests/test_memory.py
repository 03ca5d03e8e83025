# SPDX-License-Identifier: MIT
"""100,000 quotes in a loop grow the process's resident memory by less
than 1 MiB (so neither the binding nor the library leaks per call)."""

from __future__ import annotations

import gc
import os
import unittest

import pricing

from support import EXAMPLE_CATALOG, rss_bytes

LOOPS = 100_000
LIMIT = 1 << 20  # 1 MiB


@unittest.skipUnless(os.path.exists("/proc/self/statm"), "needs Linux /proc")
class ResidentMemory(unittest.TestCase):
    def loop(self, catalog: pricing.Catalog, n: int) -> None:
        good = {"spec": "standard", "plan": "month", "count": 3,
                "sku": {"edition": "pro", "users": 25},
                "start": "2026-01-31"}
        text = ('{"spec": "standard", "plan": "year", "sku": '
                '{"edition": "enterprise", "users": 120}}').encode()
        bad = {"spec": "standard", "plan": "month",
               "sku": {"edition": "pro", "users": 1001}}
        for i in range(n):
            k = i % 10
            if k == 9:
                try:
                    catalog.quote(bad)
                except pricing.RequestError as e:
                    assert e.code == "quantity_out_of_range"
            elif k == 8:
                q = catalog.quote(text)
                assert q.lines[0].amount is not None
            else:
                q = catalog.quote(good)
                assert q.total == q.period_total * 3

    def test_100k_quotes(self) -> None:
        with pricing.Catalog.load(EXAMPLE_CATALOG) as catalog:
            self.loop(catalog, 5_000)  # warm up: caches, arenas, buffers
            gc.collect()
            before = rss_bytes()
            self.loop(catalog, LOOPS)
            gc.collect()
            after = rss_bytes()
        grown = after - before
        self.assertLess(grown, LIMIT,
                        f"RSS grew by {grown} bytes over {LOOPS} quotes")

    def test_catalogs_and_errors(self) -> None:
        """Loading, failing and closing catalogs does not leak either."""
        with open(EXAMPLE_CATALOG, "rb") as f:
            data = f.read()

        def churn(n: int) -> None:
            for i in range(n):
                with pricing.Catalog.from_json(data) as c:
                    c.quote({"spec": "starter", "plan": "month"})
                try:
                    pricing.Catalog.from_json(data[:-(i % 50 + 2)])
                except pricing.PricingError:
                    pass

        churn(300)
        gc.collect()
        before = rss_bytes()
        churn(3000)
        gc.collect()
        grown = rss_bytes() - before
        self.assertLess(grown, LIMIT, f"RSS grew by {grown} bytes")


if __name__ == "__main__":
    unittest.main()
