# SPDX-License-Identifier: MIT
"""Hostile inputs (hostile-inputs.md item 47): str versus bytes, NUL and
lone surrogates, floats, odd types, huge and deep inputs, a missing library,
a version mismatch. Each gives a clean Python exception, never a crash."""

from __future__ import annotations

import os
import shutil
import tempfile
import unittest
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pricing
from pricing import _encode, _lib

from support import (BINDING_DIR, EXAMPLE_CATALOG, TestCatalogCase, run_python,
                     test_catalog)

REQUEST = {"spec": "s", "sku": {"edition": "a", "seats": 15},
           "plan": "month", "count": 3}


class StrAndBytes(TestCatalogCase):
    def test_same_quote_from_every_form(self) -> None:
        text = _encode.dumps(REQUEST).decode()
        want = self.catalog.quote(REQUEST).json
        for form in (text, text.encode(), bytearray(text.encode()),
                     memoryview(text.encode()), " \n" + text + "\n",
                     tuple(REQUEST.items()) and dict(REQUEST)):
            with self.subTest(form=type(form).__name__):
                self.assertEqual(self.catalog.quote(form).json, want)

    def test_catalog_from_every_form(self) -> None:
        with open(EXAMPLE_CATALOG, "rb") as f:
            data = f.read()
        a = pricing.Catalog.from_json(data)
        b = pricing.Catalog.from_json(data.decode("utf-8"))
        c = pricing.Catalog.load(EXAMPLE_CATALOG)
        d = pricing.Catalog.load(os.fsencode(EXAMPLE_CATALOG))
        import pathlib
        e = pricing.Catalog.load(pathlib.Path(EXAMPLE_CATALOG))
        self.assertEqual(len({x.validate().json for x in (a, b, c, d, e)}),
                         1)
        for x in (a, b, c, d, e):
            x.close()

    def test_wrong_document_types(self) -> None:
        for bad in (None, 42, 4.2, object(), {"a", "b"}):
            with self.subTest(value=bad):
                with self.assertRaises(TypeError):
                    self.catalog.quote(bad)  # type: ignore[arg-type]
                with self.assertRaises(TypeError):
                    pricing.Catalog.from_json(bad)  # type: ignore

    def test_nul(self) -> None:
        # In JSON text: a raw NUL is not JSON.
        with self.assertRaises(pricing.JSONSyntaxError):
            self.catalog.quote('{"spec": "o\0ne"}')
        with self.assertRaises(pricing.JSONSyntaxError):
            self.catalog.quote(b'{"spec": "one"}\0')
        # In a dict: written as \u0000, refused with its path.
        with self.assertRaises(pricing.InvalidValueError) as cm:
            self.catalog.quote({"spec": "o\0ne"})
        self.assertEqual(cm.exception.path, "/spec")
        with self.assertRaises(pricing.PricingError):
            self.catalog.quote({"spec": "one", "x\0": 1})
        # In a file name.
        with self.assertRaises(pricing.InvalidArgumentError):
            pricing.Catalog.load("catalog\0.json")
        with self.assertRaises(pricing.InvalidArgumentError):
            pricing.Catalog.load(b"catalog\0.json")
        with self.assertRaises(pricing.InvalidArgumentError):
            self.catalog.validate("koogallery\0")

    def test_lone_surrogates(self) -> None:
        with self.assertRaises(pricing.JSONSyntaxError) as cm:
            self.catalog.quote('{"spec": "o\ud800ne"}')
        self.assertEqual(cm.exception.message, "invalid UTF-8")
        self.assertEqual((cm.exception.line, cm.exception.column), (1, 12))
        with self.assertRaises(pricing.JSONSyntaxError) as cm:
            self.catalog.quote('{"spec": "\\udc00"}')  # escaped: also bad
        with self.assertRaises(pricing.InvalidValueError) as cm2:
            self.catalog.quote({"spec": "one", "sku": {"e\udfff": "x"}})
        self.assertEqual(cm2.exception.path, "/sku/e\udfff")
        with self.assertRaises(pricing.InvalidValueError) as cm2:
            self.catalog.quote({"spec": ["ok", "\ud800"]})
        self.assertEqual(cm2.exception.path, "/spec/1")
        with self.assertRaises(pricing.PricingError):
            pricing.Catalog.load("cat\ud800.json")
        # A surrogate *pair* written as two code points is not text either.
        with self.assertRaises(pricing.PricingError):
            self.catalog.quote({"spec": "\ud83d\ude00"})
        # But a real astral character is fine (and simply unknown).
        with self.assertRaises(pricing.RequestError):
            self.catalog.quote({"spec": "\U0001f600"})

    def test_invalid_utf8_bytes(self) -> None:
        with self.assertRaises(pricing.JSONSyntaxError):
            self.catalog.quote(b'{"spec": "\xff"}')


class Numbers(TestCatalogCase):
    def test_float_anywhere_is_type_error(self) -> None:
        cases: Any = [
            {"spec": "s", "sku": {"edition": "a", "seats": 15.0},
             "plan": "month"},
            {"spec": "s", "sku": {"edition": "a", "seats": 15},
             "plan": "month", "count": 1.0},
            {"spec": "one", "discount": {"amount_off": 1.5}},
            {"spec": "one", "x": [1, 2, [float("nan")]]},
            {"spec": "one", "x": float("inf")},
            {1.5: "one"},
        ]
        for req in cases:
            with self.subTest(request=repr(req)):
                with self.assertRaises(TypeError) as cm:
                    self.catalog.quote(req)
                self.assertNotIsInstance(cm.exception, pricing.PricingError)
        with self.assertRaises(TypeError) as cm:
            self.catalog.quote(cases[0])
        self.assertIn("/sku/seats", str(cm.exception))
        # A float price in a catalog dict.
        cat = test_catalog()
        cat["specs"][1]["prices"]["one_time"] = 19.99
        with self.assertRaises(TypeError) as cm:
            pricing.Catalog.from_json(cat)
        self.assertIn("/specs/1/prices/one_time", str(cm.exception))

    def test_other_types(self) -> None:
        for v in (Fraction(1, 3), b"bytes", {1, 2}, complex(1, 1), object()):
            with self.subTest(value=repr(v)):
                with self.assertRaises(TypeError):
                    self.catalog.quote({"spec": "one", "x": v})
        with self.assertRaises(TypeError):
            self.catalog.quote({"spec": "one", 3: "x"})  # int key
        with self.assertRaises(TypeError):
            self.catalog.quote({"spec": "one", None: "x"})

    def test_decimal_amounts(self) -> None:
        cat = test_catalog()
        cat["specs"][1]["prices"]["one_time"] = Decimal("19.99")
        with pricing.Catalog.from_json(cat) as c:
            self.assertEqual(c.quote({"spec": "one"}).total,
                             Decimal("19.99"))
        self.assertEqual(_encode.dumps({"a": Decimal("1E+2")}),
                         b'{"a":"100"}')
        self.assertEqual(_encode.dumps([Decimal("1.00E-7")]),
                         b'["0.000000100"]')
        self.assertEqual(_encode.dumps([Decimal("1.50")]), b'["1.50"]')
        for bad in ("NaN", "-Infinity", "sNaN", "-5", "-0", "1E+1000000"):
            with self.subTest(decimal=bad):
                cat = test_catalog()
                cat["specs"][1]["prices"]["one_time"] = Decimal(bad)
                with self.assertRaises(pricing.PricingError) as cm:
                    pricing.Catalog.from_json(cat)
                self.assertEqual(cm.exception.path,
                                 "/specs/1/prices/one_time")

    def test_ints_and_bools(self) -> None:
        self.assertEqual(_encode.dumps([True, False, None, 7, -3]),
                         b"[true,false,null,7,-3]")
        with self.assertRaises(pricing.PricingError):  # out of range
            self.catalog.quote({"spec": "s", "sku": {"edition": "a",
                                                     "seats": 10 ** 30},
                                "plan": "month"})
        with self.assertRaises(pricing.SchemaError):  # bool is not a count
            self.catalog.quote({"spec": "one", "count": True})


class Sizes(unittest.TestCase):
    def test_deep_and_cyclic_structures(self) -> None:
        with pricing.Catalog.from_json(test_catalog()) as c:
            deep: Any = "x"
            for _ in range(5000):
                deep = {"a": deep}
            with self.assertRaises(pricing.LimitExceededError) as cm:
                c.quote({"spec": deep})
            self.assertTrue(cm.exception.path.startswith("/spec/a/a"))
            loop: Any = []
            loop.append(loop)
            with self.assertRaises(pricing.LimitExceededError):
                c.quote({"spec": loop})
            d: Any = {}
            d["d"] = d
            with self.assertRaises(pricing.LimitExceededError):
                pricing.Catalog.from_json(d)

    def test_big_inputs(self) -> None:
        with pricing.Catalog.from_json(test_catalog()) as c:
            req = b'{"spec": "one"' + b" " * (_lib.MAX_REQUEST_BYTES) + b"}"
            with self.assertRaises(pricing.LimitExceededError):
                c.quote(req)
            with self.assertRaises(pricing.LimitExceededError):
                c.quote({"spec": "x" * (1 << 20)})
        huge = b" " * (100 * 1024 * 1024) + b"{}"  # 100 MB
        with self.assertRaises(pricing.LimitExceededError):
            pricing.Catalog.from_json(huge)
        del huge

    def test_empty_inputs(self) -> None:
        with pricing.Catalog.from_json(test_catalog()) as c:
            for empty in ("", b"", "   "):
                with self.assertRaises(pricing.JSONSyntaxError):
                    c.quote(empty)
            with self.assertRaises(pricing.SchemaError):
                c.quote({})
            with self.assertRaises(pricing.SchemaError):
                c.quote([])
        with self.assertRaises(pricing.JSONSyntaxError):
            pricing.Catalog.from_json(b"")


class Loading(unittest.TestCase):
    def test_missing_library(self) -> None:
        """Without any library: one ImportError listing every place."""
        with tempfile.TemporaryDirectory() as d:
            shutil.copytree(os.path.join(BINDING_DIR, "pricing"),
                            os.path.join(d, "pricing"))
            code = ("import ctypes.util\n"
                    "if ctypes.util.find_library('pricing'):\n"
                    "    print('INSTALLED'); raise SystemExit(0)\n"
                    "try:\n"
                    "    import pricing\n"
                    "except ImportError as e:\n"
                    "    print(type(e).__name__); print(e)\n")
            rc, out, err = run_python(
                ["-c", code], cwd=d, PYTHONPATH=d,
                PRICING_LIBRARY="", LD_LIBRARY_PATH="")
        text = out.decode()
        if text.startswith("INSTALLED"):
            self.skipTest("a libpricing is installed system-wide")
        self.assertEqual(rc, 0, err.decode())
        self.assertTrue(text.startswith("ImportError"), text)
        for place in ("$PRICING_LIBRARY: not set", "build tree",
                      "find_library", _lib.SONAME):
            self.assertIn(place, text)
        self.assertEqual(err, b"")

    def test_library_that_is_not_libpricing(self) -> None:
        libc = "libc.so.6"
        with tempfile.TemporaryDirectory() as d:
            shutil.copytree(os.path.join(BINDING_DIR, "pricing"),
                            os.path.join(d, "pricing"))
            rc, out, err = run_python(
                ["-c", "import pricing"], cwd=d, PYTHONPATH=d,
                PRICING_LIBRARY=libc)
        self.assertNotEqual(rc, 0)
        self.assertIn(b"ImportError", err)
        self.assertIn(b"lacks pricing_", err)

    def test_version_check(self) -> None:
        def hexv(a: int, b: int, c: int) -> int:
            return (a << 16) | (b << 8) | c

        want = _lib.BINDING_VERSION
        _lib.check_version(hexv(*want))
        _lib.check_version(hexv(want[0], want[1], want[2] + 3))
        for bad in ((want[0] + 1, 0, 0), (want[0], want[1] + 1, 0)
                    if want[0] == 0 else (want[0] + 1, 0, 0),
                    (want[0], max(want[1] - 1, 0), 0)
                    if want[1] else (want[0] + 2, 0, 0)):
            with self.subTest(version=bad):
                with self.assertRaises(ImportError) as cm:
                    _lib.check_version(hexv(*bad))
                self.assertIn("written for", str(cm.exception))
        self.assertEqual(pricing.library_version_info()[:2], want[:2])
        self.assertEqual(pricing.library_version(),
                         ".".join(map(str, pricing.library_version_info())))
        self.assertTrue(pricing.format_version().startswith("1."))


if __name__ == "__main__":
    unittest.main()
