# SPDX-License-Identifier: MIT
"""Introspection through Python: catalog.specs, attributes, SKUs, price
lists and warnings, with exact values (the C side: tests/unit_info.c)."""

from __future__ import annotations

import unittest
from decimal import Decimal

import pricing

from support import EXAMPLE_CATALOG

TIERED = {
    "catalog": "t", "currency": "EUR",
    "specs": [{
        "id": "storage", "billing": "yearly_monthly", "plans": ["year"],
        "counts": {"year": [1, 2, 3]},
        "attributes": [
            {"id": "region", "type": "enum", "values": ["eu", "us"]},
            {"id": "tier", "type": "enum", "values": ["hot", "cold"]},
            {"id": "gb", "type": "quantity", "min": 100, "max": 10000,
             "step": 100, "unit": "GB"},
            {"id": "ops", "type": "quantity", "min": 0, "max": 5}],
        "template": "custom",
        "skus": [
            {"sku": {"region": "eu", "tier": "hot"},
             "prices": {"year": {"base": "12", "quantities": {
                 "gb": {"package": {"size": 1000, "price": "4.5",
                                    "round": "down"}},
                 "ops": {"volume": [
                     {"up_to": 2, "unit_price": "0", "flat": "10"},
                     {"up_to": None, "unit_price": "0",
                      "flat": "15.125"}]}}}}},
            {"sku": {"region": "eu", "tier": "cold"},
             "prices": {"year": "7"}},
            {"sku": {"region": "us", "tier": "hot"}, "available": False},
            {"sku": {"region": "us", "tier": "cold"},
             "prices": {"year": "8"}}]}]}


class Example(unittest.TestCase):
    def setUp(self) -> None:
        self.catalog = pricing.Catalog.load(EXAMPLE_CATALOG)

    def tearDown(self) -> None:
        self.catalog.close()

    def test_specs(self) -> None:
        starter, standard, onprem = self.catalog.specs
        self.assertIs(self.catalog.specs, self.catalog.specs)  # made once
        self.assertEqual(starter.id, "starter")
        self.assertEqual(starter.name, "Starter (single workspace)")
        self.assertEqual(starter.billing, "yearly_monthly")
        self.assertEqual(starter.template, "simple")
        self.assertEqual(starter.plans, ("month", "year"))
        self.assertEqual(dict(starter.counts),
                         {"month": (1, 3, 6), "year": (1, 2, 3)})
        self.assertIsNone(starter.trial_days)
        self.assertEqual(starter.attributes, ())
        self.assertEqual(standard.trial_days, 14)
        self.assertEqual(standard.counts["month"], tuple(range(1, 121)))
        self.assertEqual(onprem.billing, "one_time")
        self.assertEqual(onprem.plans, ("one_time",))
        self.assertEqual(dict(onprem.counts), {"one_time": (1,)})

    def test_attributes(self) -> None:
        standard = self.catalog.specs[1]
        edition, users = standard.attributes
        self.assertEqual(edition, pricing.Attribute(
            id="edition", type="enum", values=("basic", "pro", "enterprise")))
        self.assertEqual(users, pricing.Attribute(
            id="users", type="quantity", min=1, max=1000, step=1,
            unit="user"))
        self.assertIs(standard.attribute("users"), users)
        with self.assertRaises(KeyError):
            standard.attribute("seats")

    def test_skus_and_prices(self) -> None:
        standard = self.catalog.specs[1]
        self.assertEqual([s.values for s in standard.skus],
                         [{"edition": "basic"}, {"edition": "pro"},
                          {"edition": "enterprise"}])
        pro = standard.sku({"edition": "pro", "users": 25})
        self.assertEqual(pro.index, 1)
        self.assertTrue(pro.available)
        self.assertEqual(pro.price_list("month"), (
            pricing.Price(kind="base", unit_price=Decimal("100.00")),
            pricing.Price(kind="tier", unit_price=Decimal("50.00"),
                          attribute="users", rule="graduated", tier=1,
                          up_to=10, flat=Decimal("0")),
            pricing.Price(kind="tier", unit_price=Decimal("40.00"),
                          attribute="users", rule="graduated", tier=2,
                          up_to=100, flat=Decimal("0")),
            pricing.Price(kind="tier", unit_price=Decimal("32.50"),
                          attribute="users", rule="graduated", tier=3,
                          up_to=None, flat=Decimal("0"))))
        self.assertEqual(str(pro.price_list("month")[3].unit_price), "32.50")
        self.assertEqual(set(pro.prices), {"month", "year"})
        self.assertEqual(pro.price_list("one_time"), ())
        enterprise = standard.sku({"edition": "enterprise"})
        self.assertEqual(enterprise.price_list("month")[1].flat,
                         Decimal("200.00"))
        self.assertEqual(self.catalog.specs[0].sku().price_list("year"),
                         (pricing.Price(kind="fixed",
                                        unit_price=Decimal("990.00")),))

    def test_find_errors(self) -> None:
        standard = self.catalog.specs[1]
        with self.assertRaises(pricing.RequestError) as cm:
            standard.sku({"edition": "prof"})
        self.assertEqual(cm.exception.code, "unknown_value")
        self.assertEqual(cm.exception.path, "/sku/edition")
        self.assertEqual(cm.exception.message,
                         "'prof' is not a value of edition; did you mean "
                         "'pro'? values: basic, pro, enterprise")
        with self.assertRaises(pricing.RequestError) as cm:
            standard.sku({})
        self.assertEqual(cm.exception.code, "missing_attribute")
        with self.assertRaises(TypeError):
            standard.sku({"edition": 1.5})

    def test_closed(self) -> None:
        standard = self.catalog.specs[1]
        self.catalog.close()
        self.assertEqual(standard.id, "standard")  # copied
        with self.assertRaises(pricing.InvalidArgumentError):
            standard.sku({"edition": "pro"})

    def test_no_warnings(self) -> None:
        self.assertEqual(self.catalog.warnings, ())


class Tiered(unittest.TestCase):
    def test_tiered(self) -> None:
        with pricing.Catalog.from_json(TIERED) as catalog:
            (spec,) = catalog.specs
            self.assertIsNone(spec.name)
            self.assertEqual(dict(spec.counts), {"year": (1, 2, 3)})
            self.assertEqual(spec.sku_count, 4)
            self.assertEqual(spec.attribute("ops").step, 1)
            self.assertIsNone(spec.attribute("ops").unit)
            self.assertEqual(spec.attribute("gb").unit, "GB")
            us_hot = spec.sku({"tier": "hot", "region": "us"})
            self.assertEqual(us_hot.index, 2)
            self.assertFalse(us_hot.available)
            self.assertEqual(us_hot.prices, {"year": ()})
            eu_hot = spec.sku({"region": "eu", "tier": "hot", "gb": 100})
            self.assertEqual(eu_hot.price_list("year"), (
                pricing.Price(kind="base", unit_price=Decimal("12")),
                pricing.Price(kind="quantity", unit_price=Decimal("4.5"),
                              attribute="gb", rule="package",
                              package_size=1000, package_round="down"),
                pricing.Price(kind="tier", unit_price=Decimal("0"),
                              attribute="ops", rule="volume", tier=1,
                              up_to=2, flat=Decimal("10")),
                pricing.Price(kind="tier", unit_price=Decimal("0"),
                              attribute="ops", rule="volume", tier=2,
                              flat=Decimal("15.125"))))
            self.assertEqual([s.values for s in spec.skus][1],
                             {"region": "eu", "tier": "cold"})

    def test_warning(self) -> None:
        doc = {"catalog": "c", "currency": "CYN", "minor_units": 2,
               "specs": [{"id": "s", "billing": "one_time",
                          "template": "simple",
                          "prices": {"one_time": "1.00"}}]}
        with pricing.Catalog.from_json(doc) as catalog:
            self.assertEqual(catalog.warnings, (pricing.CatalogWarning(
                code="currency_not_iso", path="/currency",
                message="CYN is not an ISO 4217 code (loaded with its "
                        "minor_units); did you mean 'CNY'?"),))


if __name__ == "__main__":
    unittest.main()
