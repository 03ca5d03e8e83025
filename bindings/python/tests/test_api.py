# SPDX-License-Identifier: MIT
"""The Python API: Catalog, Quote, Line, Summary, lifetimes."""

from __future__ import annotations

import datetime
import gc
import json
import unittest
import weakref
from decimal import Decimal
from fractions import Fraction

import pricing

from support import (EXAMPLE_CATALOG, EXAMPLE_REQUEST, TEST_REQUESTS,
                     run_python, test_catalog)


class Quotes(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.catalog = pricing.Catalog.load(EXAMPLE_CATALOG)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.catalog.close()

    def test_example_quote(self) -> None:
        with open(EXAMPLE_REQUEST, "rb") as f:
            q = self.catalog.quote(f.read())
        self.assertIsInstance(q, pricing.Quote)
        self.assertEqual((q.catalog, q.version, q.spec, q.plan, q.count,
                          q.currency),
                         ("acme-crm", "2026-11", "standard", "month", 3,
                          "CNY"))
        self.assertEqual(q.sku, {"edition": "pro", "users": 25})
        self.assertEqual(q.total, Decimal("3600.00"))
        self.assertEqual(str(q.total), "3600.00")
        self.assertEqual(q.period_total, Decimal("1200.00"))
        self.assertEqual(q.exact_total, Fraction(3600))
        self.assertIsInstance(q.exact_total, Fraction)
        self.assertEqual(q.rounding, {"mode": "half_up", "at": "total"})
        self.assertFalse(q.trial)
        self.assertIsNone(q.after_trial)
        self.assertEqual(q.service_start, datetime.date(2026, 1, 31))
        self.assertEqual(q.service_end, datetime.date(2026, 4, 30))
        kinds = [(l.kind, l.tier, l.from_, l.to, l.quantity) for l in q.lines]
        self.assertEqual(kinds, [("base", None, None, None, 1),
                                 ("tier", 1, 0, 10, 10),
                                 ("tier", 2, 10, 100, 15)])
        base, t1, t2 = q.lines
        self.assertEqual(base.unit_price, Decimal("100.00"))
        self.assertEqual(str(base.unit_price), "100.00")
        self.assertIsNone(base.flat)
        self.assertEqual(t1.flat, Decimal(0))
        self.assertEqual((t1.attribute, t1.rule), ("users", "graduated"))
        self.assertEqual(sum(l.amount for l in q.lines), q.total)
        self.assertEqual(sum(l.exact_amount for l in q.lines),
                         q.exact_total)
        self.assertEqual(t2.to_dict()["to"], 100)

    def test_json_and_dict(self) -> None:
        with open(EXAMPLE_REQUEST, "rb") as f:
            req = f.read()
        q = self.catalog.quote(req)
        self.assertEqual(q.json, str(q))
        self.assertEqual(q.json_bytes, q.json.encode())
        self.assertFalse(q.json.endswith("\n"))
        self.assertEqual(q.to_json(), q.json)
        d = q.to_dict()
        self.assertEqual(d["total"], "3600.00")
        self.assertEqual(json.dumps(d, ensure_ascii=False,
                                    separators=(",", ":")), q.json)
        d["total"] = "mutated"
        self.assertEqual(q.to_dict()["total"], "3600.00")
        self.assertEqual(self.catalog.quote_json(req), q.json)
        self.assertEqual(self.catalog.quote_json(req, pretty=True),
                         q.to_json(pretty=True))
        self.assertEqual(q, self.catalog.quote(json.loads(req)))
        self.assertEqual(hash(q), hash(self.catalog.quote(req)))
        self.assertIn("3600.00", repr(q))

    def test_trial(self) -> None:
        q = self.catalog.quote({"spec": "standard", "plan": "month",
                                "sku": {"edition": "pro", "users": 25},
                                "trial": True, "start": "2026-01-31"})
        self.assertTrue(q.trial)
        self.assertEqual(q.trial_days, 14)
        self.assertEqual(q.lines, ())
        self.assertEqual(q.total, Decimal("0.00"))
        self.assertEqual(q.exact_total, 0)
        a = q.after_trial
        assert a is not None
        self.assertEqual(a.total, Decimal("1200.00"))
        self.assertEqual(a.exact_total, Fraction(1200))
        self.assertEqual(len(a.lines), 3)
        self.assertEqual(q.service_end, datetime.date(2026, 2, 14))

    def test_one_time(self) -> None:
        q = self.catalog.quote('{"spec": "onprem-license", '
                               '"start": "2026-02-28"}')
        self.assertEqual(q.plan, "one_time")
        self.assertEqual(q.sku, {})
        self.assertEqual(q.total, Decimal("19999.00"))
        self.assertEqual([l.kind for l in q.lines], ["fixed"])
        self.assertEqual(q.service_start, datetime.date(2026, 2, 28))
        self.assertIsNone(q.service_end)

    def test_lifecycle_quote(self) -> None:
        """Contract 1.1 shapes: credit and charge lines, negative and
        non-terminating exact amounts (Fraction), from_sku, type."""
        try:
            q = self.catalog.quote({
                "spec": "standard", "type": "scale_out", "plan": "year",
                "sku": {"edition": "pro", "users": 40},
                "from": {"edition": "pro", "users": 25},
                "start": "2026-01-01", "change_date": "2026-04-07"})
        except pricing.PricingError as e:
            if e.code in ("unknown_field", "invalid_value"):
                self.skipTest(f"library without contract 1.1: {e}")
            raise
        self.assertEqual(q.type, "scale_out")
        self.assertEqual(q.from_sku, {"edition": "pro", "users": 25})
        self.assertEqual([l.kind for l in q.lines], ["credit", "charge"])
        credit = q.lines[0]
        self.assertLess(credit.amount, 0)
        self.assertIsInstance(credit.exact_amount, Fraction)
        self.assertEqual(q.exact_total, sum(l.exact_amount for l in q.lines))
        self.assertEqual(q.exact_total.denominator, 73)  # 365-day term
        self.assertEqual(q.total, sum(l.amount for l in q.lines))
        self.assertIn("term_days", credit.to_dict())
        self.assertEqual(self.catalog.quote({"spec": "starter",
                                             "plan": "month"}).type, "new")

    def test_decimals_keep_their_scale(self) -> None:
        with pricing.Catalog.from_json(test_catalog()) as c:
            q = c.quote(TEST_REQUESTS[0])
            self.assertEqual(q.exact_total, Fraction("75.225"))
            self.assertEqual(str(q.total), "75.23")
            self.assertEqual(str(q.lines[1].unit_price), "1.005")
            self.assertEqual(q.lines[1].exact_amount, Fraction(45225, 1000))

    def test_no_float_anywhere(self) -> None:
        with pricing.Catalog.from_json(test_catalog()) as c:
            for req in TEST_REQUESTS:
                q = c.quote(req)
                values = [q.total, q.period_total, q.exact_total]
                for line in q.lines + (q.after_trial.lines
                                       if q.after_trial else ()):
                    values += [line.amount, line.exact_amount,
                               line.unit_price, line.flat, line.quantity]
                for v in values:
                    self.assertNotIsInstance(v, float)


class Catalogs(unittest.TestCase):
    def test_metadata(self) -> None:
        with pricing.Catalog.load(EXAMPLE_CATALOG) as c:
            self.assertEqual((c.id, c.version, c.currency, c.minor_units,
                              c.spec_count, c.sku_count),
                             ("acme-crm", "2026-11", "CNY", 2, 3, 5))
            self.assertIn("acme-crm", repr(c))
        cat = test_catalog()
        del cat["version"]
        with pricing.Catalog.from_json(cat) as c:
            self.assertIsNone(c.version)

    def test_validate(self) -> None:
        with pricing.Catalog.load(EXAMPLE_CATALOG) as c:
            s = c.validate()
            self.assertIsInstance(s, pricing.Summary)
            self.assertTrue(s.valid)
            self.assertEqual(s.json,
                             '{"valid":true,"catalog":"acme-crm",'
                             '"version":"2026-11","currency":"CNY",'
                             '"minor_units":2,"specs":3,"skus":5}')
            self.assertEqual((s.specs, s.skus, s.minor_units), (3, 5, 2))
            self.assertEqual(c.validate("koogallery"), s)
            with self.assertRaises(TypeError):
                c.validate(b"koogallery")  # type: ignore[arg-type]

    def test_constructor_is_not_public(self) -> None:
        with self.assertRaises(TypeError):
            pricing.Catalog()

    def test_close_and_context_manager(self) -> None:
        with pricing.Catalog.from_json(test_catalog()) as c:
            q = c.quote(TEST_REQUESTS[4])
            self.assertFalse(c.closed)
        self.assertTrue(c.closed)
        c.close()  # idempotent
        self.assertIn("closed", repr(c))
        self.assertEqual(q.total, Decimal("19.99"))  # quotes outlive it
        with self.assertRaises(pricing.InvalidArgumentError):
            c.quote(TEST_REQUESTS[4])
        self.assertEqual(c.id, "t")

    def test_forgotten_catalog_is_collected(self) -> None:
        c = pricing.Catalog.from_json(test_catalog())
        c.quote(TEST_REQUESTS[0])
        handle = c._handle
        ref = weakref.ref(c)
        del c
        gc.collect()
        self.assertIsNone(ref())
        self.assertTrue(handle.closed)
        self.assertIsNone(handle._ptr)

    def test_envelope(self) -> None:
        with open(EXAMPLE_CATALOG, "rb") as f:
            cat = json.load(f)
        with open(EXAMPLE_REQUEST, "rb") as f:
            req = json.load(f)
        q = pricing.quote_envelope({"catalog": cat, "request": req})
        with pricing.Catalog.from_json(cat) as c:
            self.assertEqual(q, c.quote(req))
        text = json.dumps({"catalog": cat, "request": {"spec": "nope"}})
        with self.assertRaises(pricing.RequestError) as cm:
            pricing.quote_envelope(text)
        self.assertEqual(cm.exception.path, "/request/spec")
        with self.assertRaises(pricing.SchemaError) as cm2:
            pricing.quote_envelope({"catalog": cat})
        self.assertEqual(cm2.exception.code, "missing_field")


class Shutdown(unittest.TestCase):
    def test_interpreter_exit_with_live_objects(self) -> None:
        """Catalogs left open, per-thread quotes, a daemon thread still
        quoting and a reference cycle: the interpreter exits cleanly."""
        code = f"""
import threading, pricing
cat = pricing.Catalog.load({EXAMPLE_CATALOG!r})
other = pricing.Catalog.load({EXAMPLE_CATALOG!r})
cycle = [other]; cycle.append(cycle); del other
req = {{"spec": "standard", "sku": {{"edition": "pro", "users": 25}},
       "plan": "month"}}
cat.quote(req)
started = threading.Event()
def spin():
    started.set()
    while True:
        try:
            cat.quote(req)
        except pricing.InvalidArgumentError:
            pass
for _ in range(4):
    threading.Thread(target=spin, daemon=True).start()
started.wait()
print("bye")
"""
        for _ in range(3):
            rc, out, err = run_python(["-c", code])
            self.assertEqual((rc, out, err), (0, b"bye\n", b""))


if __name__ == "__main__":
    unittest.main()
