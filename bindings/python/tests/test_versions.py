# SPDX-License-Identifier: MIT
"""Contract 1.2 through Python: Catalog.currencies, Catalog.versions,
Quote.currency and Quote.version, and the two new error codes."""

from __future__ import annotations

import datetime
import os
import unittest
from decimal import Decimal

import pricing

from support import CASES_DIR


def _case(name: str) -> str:
    return os.path.join(CASES_DIR, name, "catalog.json")


class Versions(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.history = pricing.Catalog.load(_case("history-validate"))
        cls.market = pricing.Catalog.load(_case("market-validate"))

    @classmethod
    def tearDownClass(cls) -> None:
        cls.history.close()
        cls.market.close()

    def test_history_versions(self) -> None:
        d = datetime.date
        self.assertEqual(self.history.versions, (
            pricing.Version("2026-01", d(2026, 1, 1), d(2026, 1, 1), ("USD",)),
            pricing.Version("2026-07", d(2026, 7, 1), d(2026, 10, 1),
                            ("USD", "EUR")),
            pricing.Version("2027-01", d(2027, 1, 1), d(2027, 4, 1), ("USD",)),
        ))
        # The handle answers for the newest version.
        self.assertEqual((self.history.version, self.history.currencies),
                         ("2027-01", ("USD",)))

    def test_market_currencies(self) -> None:
        self.assertEqual(self.market.currencies, ("CNY", "USD", "JPY", "KWD"))
        self.assertEqual(self.market.versions, (
            pricing.Version("2026-12", None, None,
                            ("CNY", "USD", "JPY", "KWD")),))

    def test_summary(self) -> None:
        s = self.history.validate()
        self.assertEqual([v["version"] for v in s.versions],
                         ["2026-01", "2026-07", "2027-01"])
        self.assertEqual(s.versions[1]["currencies"], ["USD", "EUR"])
        self.assertEqual(self.market.validate().currencies,
                         ("CNY", "USD", "JPY", "KWD"))
        self.assertEqual(self.history.validate().currencies, ("USD",))

    def test_plain_catalog(self) -> None:
        with pricing.Catalog.load(_case("contract-example")) as c:
            self.assertEqual(c.currencies, ("CNY",))
            self.assertEqual(c.versions,
                             (pricing.Version("2026-11", None, None,
                                              ("CNY",)),))

    def test_quote_names_version_and_currency(self) -> None:
        req = {"spec": "team", "sku": {"edition": "basic", "users": 5},
               "plan": "month", "type": "renew", "current_end": "2026-08-15",
               "date": "2026-08-15", "bought": "2026-03-10"}
        q = self.history.quote(req)
        self.assertEqual((q.version, q.currency, q.total),
                         ("2026-01", "USD", Decimal("50.00")))
        q = self.history.quote(dict(req, date="2026-10-01",
                                    current_end="2026-10-01",
                                    currency="EUR"))
        self.assertEqual((q.version, q.currency, q.total),
                         ("2026-07", "EUR", Decimal("55.00")))
        q = self.market.quote({"spec": "lic", "currency": "JPY"})
        self.assertEqual((q.currency, q.total), ("JPY", Decimal("419900")))

    def test_errors(self) -> None:
        with self.assertRaises(pricing.RequestError) as cm:
            self.history.quote({"spec": "team", "sku": {"edition": "basic",
                                                        "users": 5},
                                "plan": "month", "date": "2020-01-01"})
        self.assertEqual((cm.exception.code, cm.exception.path),
                         ("no_version", "/date"))
        with self.assertRaises(pricing.RequestError) as cm:
            self.market.quote({"spec": "lic", "currency": "EUR"})
        self.assertEqual((cm.exception.code, cm.exception.path),
                         ("currency_not_offered", "/currency"))


    def test_seller_tools_take_a_version(self) -> None:
        sheet = self.history.sheet(version="2026-07")
        self.assertTrue(sheet.startswith(
            "spec,sku,plan,kind,attribute,rule,tier,up_to,size,round,"
            "unit_price_USD,flat_USD,unit_price_EUR,flat_EUR\r\n"))
        back = self.history.import_sheet(sheet.replace(",12.00,,11.00,",
                                                       ",12.50,,11.00,"),
                                         version="2026-07")
        with pricing.Catalog.from_json(back) as h:
            self.assertEqual(h.sheet(version="2026-01"),
                             self.history.sheet(version="2026-01"))
            q = h.quote({"spec": "team", "sku": {"edition": "basic",
                                                 "users": 2},
                         "plan": "month", "date": "2026-08-01"})
            self.assertEqual(q.total, Decimal("25.00"))
        d = self.history.diff(self.history, old_version="2026-01",
                              new_version="2026-07")
        self.assertEqual((d["old"]["version"], d["new"]["version"]),
                         ("2026-01", "2026-07"))
        self.assertEqual(d["changes"][0]["old"], "10.00")
        with self.assertRaises(pricing.InvalidArgumentError):
            self.history.sheet(version="nope")


if __name__ == "__main__":
    unittest.main()
