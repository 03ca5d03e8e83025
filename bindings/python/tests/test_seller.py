# SPDX-License-Identifier: MIT
"""Seller tools through Python: Catalog.sheet, import_sheet, diff, lint and
the sheet, import and diff commands of ``python3 -m pricing``."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import tempfile
import unittest

import pricing
from pricing import __main__ as cli

from support import (EXAMPLE_CATALOG, TEST_CATALOG, TEST_REQUESTS, cli_path,
                     run_cli)


def _rows(text: str):
    return list(csv.reader(io.StringIO(text, newline="")))


def _csv(rows) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


class Sheets(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.catalog = pricing.Catalog.from_json(TEST_CATALOG)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.catalog.close()

    def test_csv_rows(self) -> None:
        text = self.catalog.sheet()
        self.assertTrue(text.endswith("\r\n"))
        rows = _rows(text)
        self.assertEqual(rows[0], ["spec", "sku", "plan", "kind", "attribute",
                                   "rule", "tier", "up_to", "size", "round",
                                   "unit_price", "flat"])
        self.assertIn(["s", '{"edition":"a"}', "month", "quantity", "seats",
                       "linear", "", "", "", "", "1.005", ""], rows)
        self.assertIn(["s", '{"edition":"b"}', "month", "tier", "seats",
                       "volume", "2", "", "", "", "1.5", "0"], rows)
        self.assertIn(["s", '{"edition":"c"}', "", "unavailable", "", "", "",
                       "", "", "", "", ""], rows)
        self.assertEqual(rows[-1], ["one", "{}", "one_time", "fixed", "", "",
                                    "", "", "", "", "19.99", ""])

    def test_json_and_template(self) -> None:
        doc = json.loads(self.catalog.sheet("json", spec="s", template=True))
        self.assertEqual((doc["catalog"], doc["currency"], doc["template"]),
                         ("t", "USD", True))
        self.assertTrue(all(r["spec"] == "s" for r in doc["rows"]))
        tier = [r for r in doc["rows"] if r["kind"] == "tier"][0]
        self.assertEqual(tier["up_to"], 10)
        self.assertIsNone(tier["unit_price"])
        self.assertIsNone(tier["flat"])
        pretty = self.catalog.sheet("json", pretty=True)
        self.assertEqual(json.loads(pretty),
                         json.loads(self.catalog.sheet("json")))
        self.assertIn("\n  ", pretty)

    def test_bad_arguments(self) -> None:
        with self.assertRaises(pricing.RequestError) as cm:
            self.catalog.sheet(spec="nope")
        self.assertEqual(cm.exception.code, "unknown_spec")
        with self.assertRaises(pricing.InvalidArgumentError):
            self.catalog.sheet("xlsx")
        with self.assertRaises(TypeError):
            self.catalog.import_sheet(42)  # type: ignore[arg-type]

    def test_round_trip(self) -> None:
        text = self.catalog.sheet()
        out = self.catalog.import_sheet(text)
        self.assertEqual(out, self.catalog.to_json())
        self.assertEqual(self.catalog.import_sheet(text.encode()), out)
        with pricing.Catalog.from_json(out) as again:
            self.assertEqual(again.sheet(), text)
            self.assertEqual(again.to_json(), out)
            for r in TEST_REQUESTS:
                self.assertEqual(again.quote(r).json,
                                 self.catalog.quote(r).json)
        self.assertEqual(json.loads(self.catalog.import_sheet(text, True)),
                         json.loads(out))

    def test_new_prices(self) -> None:
        rows = _rows(self.catalog.sheet())
        for row in rows[1:]:
            if row[0] == "one":
                row[10] = "24.99"
        with pricing.Catalog.from_json(
                self.catalog.import_sheet(_csv(rows))) as new:
            self.assertEqual(str(new.quote({"spec": "one"}).total), "24.99")
            diff = self.catalog.diff(new)
        self.assertEqual(diff["summary"],
                         {"added": 0, "removed": 0, "changed": 1})
        self.assertEqual(diff["changes"][0]["old"], "19.99")
        self.assertEqual(diff["changes"][0]["new"], "24.99")

    def test_sku_cell_spacing_and_order(self) -> None:
        """The sku cell is read as JSON: spaces and member order are free."""
        rows = _rows(self.catalog.sheet())
        for row in rows[1:]:
            if row[1] == '{"edition":"a"}':
                row[1] = '{ "edition" : "a" }'
        self.assertEqual(self.catalog.import_sheet(_csv(rows)),
                         self.catalog.to_json())

    def test_every_bad_cell(self) -> None:
        rows = _rows(self.catalog.sheet())
        rows[1][10] = "1,5"
        rows[2][10] = ""
        with self.assertRaises(pricing.AmountError) as cm:
            self.catalog.import_sheet(_csv(rows))
        e = cm.exception
        self.assertEqual((e.code, e.path, e.line, e.column),
                         ("invalid_amount", "/row/2/column/unit_price", 2, 11))
        self.assertEqual([x.path for x in e.errors],
                         ["/row/2/column/unit_price",
                          "/row/3/column/unit_price"])
        self.assertEqual(json.loads(e.document)["error"]["path"], e.path)

    def test_whole_sheet_errors(self) -> None:
        with self.assertRaises(pricing.SchemaError) as cm:
            self.catalog.import_sheet("")
        self.assertEqual(cm.exception.path, "/row/1")
        self.assertEqual(len(cm.exception.errors), 1)
        header = self.catalog.sheet().split("\r\n")[0]
        with self.assertRaises(pricing.SchemaError) as cm:
            self.catalog.import_sheet(header.replace(",flat", "") + "\r\n")
        self.assertEqual(cm.exception.path, "/row/1/column/flat")

    def test_closed(self) -> None:
        c = pricing.Catalog.from_json(TEST_CATALOG)
        c.close()
        for call in (c.sheet, c.to_json, lambda: c.import_sheet(""),
                     lambda: self.catalog.diff(c)):
            with self.assertRaises(pricing.InvalidArgumentError):
                call()


class Charts(unittest.TestCase):
    """Catalog.chart and the HTML sheet (the bytes are the golden cases')."""

    def test_chart(self) -> None:
        with pricing.Catalog.load(EXAMPLE_CATALOG) as catalog:
            svg = catalog.chart("standard")
            self.assertTrue(svg.startswith("<svg xmlns="))
            self.assertEqual(svg.count('class="series"'), 6)
            # one SKU, by a dict or by text; the year plan
            one = catalog.chart("standard", "users", "year", {"edition": "pro"})
            self.assertEqual(one, catalog.chart("standard", plan="year",
                                                sku="edition=pro"))
            self.assertEqual(one.count('class="series"'), 2)
            self.assertIn("pro, 10 users: 6000.00 CNY", one)
            for args, code in ((("nope",), "unknown_spec"),
                               (("standard", "edition"), "invalid_value"),
                               (("standard", None, "one_time"),
                                "plan_not_offered"),
                               (("standard", None, None, "edition=gold"),
                                "unknown_value"),
                               (("starter",), "invalid_value")):
                with self.assertRaises(pricing.PricingError) as e:
                    catalog.chart(*args)
                self.assertEqual(e.exception.code, code, args)
            with self.assertRaises(TypeError):
                catalog.chart(3)  # type: ignore[arg-type]

    def test_html(self) -> None:
        with pricing.Catalog.load(EXAMPLE_CATALOG) as catalog:
            page = catalog.sheet("html")
            self.assertTrue(page.startswith("<!DOCTYPE html>"))
            self.assertEqual(page.count("<svg "), 2)
            self.assertEqual(catalog.sheet("html", "starter").count("<svg "),
                             0)
            with self.assertRaises(pricing.PricingError):
                catalog.sheet("html", template=True)


class Diffs(unittest.TestCase):
    def test_no_change(self) -> None:
        with pricing.Catalog.from_json(TEST_CATALOG) as a, \
                pricing.Catalog.from_json(TEST_CATALOG) as b:
            d = a.diff(b)
        self.assertEqual(d["changes"], [])
        self.assertEqual(d["old"], {"catalog": "t", "version": "1"})

    def test_requests(self) -> None:
        new = copy.deepcopy(TEST_CATALOG)
        new["specs"][0]["skus"][0]["prices"]["year"] = "90"
        del new["specs"][1]
        with pricing.Catalog.from_json(TEST_CATALOG) as a, \
                pricing.Catalog.from_json(new) as b:
            d = a.diff(b, TEST_REQUESTS)
            text = "".join(json.dumps(r) + "\n" for r in TEST_REQUESTS)
            self.assertEqual(a.diff_json(b, text), json.dumps(
                d, ensure_ascii=False, separators=(",", ":")))
            with self.assertRaises(TypeError):
                a.diff(TEST_CATALOG)  # type: ignore[arg-type]
        status = [r["status"] for r in d["requests"]]
        self.assertEqual(status, ["same", "same", "same", "less",
                                  "stops_valid"])
        self.assertEqual(d["requests"][3]["difference"], "-40.00")
        s = d["requests_summary"]
        self.assertEqual((s["requests"], s["less"], s["stops_valid"]),
                         (5, 1, 1))
        self.assertEqual(s["stops_valid_lines"], [5])
        self.assertEqual(s["largest_decreases"][0]["line"], 4)


class Lint(unittest.TestCase):
    """Catalog.lint(): the linter's warnings as CatalogWarning objects."""

    KOO = {"catalog": "t", "currency": "CNY", "specs": [
        {"id": "s", "billing": "yearly_monthly", "template": "custom",
         "trial_days": 2,
         "attributes": [{"id": "minutes", "type": "quantity", "min": 0,
                         "max": 1000}],
         "skus": [{"sku": {}, "prices": {"month": {"quantities": {
             "minutes": {"volume": [
                 {"up_to": 3, "unit_price": "0.3"},
                 {"up_to": None, "unit_price": "0.2"}]}}}}}]}]}

    def test_warnings(self) -> None:
        with pricing.Catalog.from_json(self.KOO) as c:
            found = c.lint()
            self.assertEqual([w.code for w in found],
                             ["koogallery_trial_days", "price_inversion"])
            self.assertEqual(found[1].path, "/specs/0/skus/0/prices/month/"
                             "quantities/minutes/volume/1")
            self.assertEqual(found[1].message,
                             "s month: minutes=4 costs 0.80, less than "
                             "minutes=3 at 0.90 (volume tier 1 to 2)")
            with self.assertRaises(pricing.PricingError) as cm:
                c.lint("koogallery")
            self.assertEqual((cm.exception.code, cm.exception.path),
                             ("invalid_value", "/specs/0/trial_days"))
            with self.assertRaises(pricing.InvalidArgumentError):
                c.lint("nope")
            with self.assertRaises(TypeError):
                c.lint(1)  # type: ignore[arg-type]
        with pricing.Catalog.load(EXAMPLE_CATALOG) as c:
            self.assertEqual(c.lint(), ())


class Commands(unittest.TestCase):
    """python3 -m pricing sheet / import / diff give the C command's bytes."""

    def run_both(self, argv, cwd):
        out, err = io.BytesIO(), io.BytesIO()
        old = os.getcwd()
        os.chdir(cwd)
        try:
            rc = cli.main(argv, io.BytesIO(b""), out, err)
        finally:
            os.chdir(old)
        if cli_path() is not None:
            c_rc, c_out, _ = run_cli(argv, b"", cwd=cwd)
            self.assertEqual(out.getvalue(), c_out, argv)
            self.assertEqual(rc, c_rc, argv)
        return rc, out.getvalue(), err.getvalue()

    def test_commands(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "c.json"), "w") as f:
                json.dump(TEST_CATALOG, f)
            rc, sheet, _ = self.run_both(["sheet", "c.json"], d)
            self.assertEqual(rc, 0)
            with open(os.path.join(d, "s.csv"), "wb") as f:
                f.write(sheet.replace(b"19.99", b"x"))
            rc, out, err = self.run_both(["import", "c.json", "s.csv"], d)
            self.assertEqual(rc, 1)
            self.assertIn(b"/row/", err)
            self.assertEqual(json.loads(out)["error"]["code"],
                             "invalid_amount")
            for argv in (["sheet", "--format", "json", "--pretty",
                          "--spec", "one", "c.json"],
                         ["sheet", "--template", "c.json"],
                         ["diff", "c.json", "c.json"],
                         ["diff", "--requests", "c.json", "c.json", "c.json"],
                         ["sheet", "--pretty", "c.json"],
                         ["sheet", "--format", "xml", "c.json"],
                         ["quote", "--spec", "one", "c.json"],
                         ["validate", "--requests", "x", "c.json"],
                         ["import", "c.json"],
                         ["import", "c.json", "missing.csv"],
                         ["diff", "c.json"],
                         ["chart", "--spec", "one", "c.json"],
                         ["chart", "c.json"],
                         ["sheet", "--format", "html", "c.json"]):
                self.run_both(argv, d)
        self.assertEqual(cli.main(["sheet", EXAMPLE_CATALOG], io.BytesIO(),
                                  io.BytesIO(), io.BytesIO()), 0)


if __name__ == "__main__":
    unittest.main()
