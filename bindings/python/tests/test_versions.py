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


if __name__ == "__main__":
    unittest.main()
