# SPDX-License-Identifier: MIT
"""The binding enforces the library's limits before it spends them
(issue 12, item 6): a request given as Python values is written under the
library's size and depth budget and stops as soon as one is passed, an
integer too long for the library is never converted to text, and an
explicit $PRICING_LIBRARY that cannot be loaded is an ImportError naming it,
never a fallback to another library."""

from __future__ import annotations

import json
import os
import tempfile
import time
import unittest
from typing import Any

import pricing
from pricing import _encode, _lib

from support import BINDING_DIR, TestCatalogCase, run_python, test_catalog

# What the library says when the text passes the size limit unseen.
TOO_LARGE = "input too large: the limit is %d bytes"


def _digits_text(n: int, negative: bool = False) -> str:
    """A JSON number token of n digits (the value does not matter to the
    library's length check)."""
    return ("-" if negative else "") + "1" * n


class Budget(TestCatalogCase):
    """A request of Python values is cut as soon as a limit is passed."""

    def test_doubling_list_in_a_child_under_a_memory_cap(self) -> None:
        """x = [x, x] sixty times is 2**60 leaves: today's encoder ran for
        a minute and reached 1.9 GB. Under a 1 GiB address-space cap and a
        time bound the binding answers limit_exceeded."""
        code = (
            "import resource, time, pricing\n"
            "from support import test_catalog\n"
            "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
            "c = pricing.Catalog.from_json(test_catalog())\n"
            "x = []\n"
            "for i in range(60):\n"
            "    x = [x, x]\n"
            "t = time.monotonic()\n"
            "try:\n"
            "    c.quote({'spec': 'one', 'x': x})\n"
            "except pricing.LimitExceededError as e:\n"
            "    print(e.json)\n"
            "print('%.3f' % (time.monotonic() - t))\n")
        rc, out, err = run_python(
            ["-c", code], timeout=60,
            PYTHONPATH=BINDING_DIR + os.pathsep
            + os.path.join(BINDING_DIR, "tests"))
        self.assertEqual(rc, 0, err.decode())
        lines = out.decode().splitlines()
        self.assertEqual(json.loads(lines[0]), {"error": {
            "code": "limit_exceeded", "path": "",
            "message": TOO_LARGE % _lib.MAX_REQUEST_BYTES}})
        self.assertLess(float(lines[1]), 10.0)

    def test_text_is_jsons(self) -> None:
        """Under the limits the text is json.dumps's compact form, through
        the writer's short paths (ASCII, small ints, dict, list) and its
        long ones (non-ASCII, escapes, subclasses, tuples, big ints)."""
        class Key(str):
            pass

        doc: Any = {"spec": "one", "\u00e9t\u00e9": ["\u20ac", "a\"b\\c\n",
                                                     "\x00", "\U0001f600"],
                    Key("k"): (1, -2, 10 ** 18, -(10 ** 40), True, False,
                               None), "": {"": []}, "n": [[[]], {}],
                    "\x7f\u2028": Key("v")}
        want = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        self.assertEqual(_encode.dumps(doc), want.encode("utf-8"))

    def test_size_limit_is_exact(self) -> None:
        """A request of exactly the limit is written whole (and priced);
        one byte more is the size error."""
        head = _encode.dumps({"spec": "one", "x": ""})
        fill = _lib.MAX_REQUEST_BYTES - len(head)
        ok = {"spec": "one", "x": "a" * fill}
        self.assertEqual(len(_encode.to_bytes(ok, "request")),
                         _lib.MAX_REQUEST_BYTES)
        # The library reads it, and rejects the long string at its path.
        with self.assertRaises(pricing.LimitExceededError) as cm:
            self.catalog.quote(ok)
        self.assertEqual(cm.exception.path, "/x")
        with self.assertRaises(pricing.LimitExceededError) as cm:
            self.catalog.quote({"spec": "one", "x": "a" * (fill + 1)})
        self.assertEqual(cm.exception.path, "")
        self.assertEqual(cm.exception.message,
                         TOO_LARGE % _lib.MAX_REQUEST_BYTES)

    def test_huge_string_is_not_encoded(self) -> None:
        """A string longer than the whole budget is refused by its length
        (a character is at least one byte), before it is encoded."""
        big = "\u00e9" * (64 << 20)  # 128 MiB of UTF-8 if it were encoded
        t = time.monotonic()
        with self.assertRaises(pricing.LimitExceededError) as cm:
            self.catalog.quote({"spec": "one", "x": big})
        self.assertLess(time.monotonic() - t, 1.0)
        self.assertEqual(cm.exception.path, "")

    def test_catalog_budget_is_the_catalog_limit(self) -> None:
        doc = test_catalog()
        doc["x"] = ["y" * (1 << 20)] * 65  # 65 MiB of strings
        with self.assertRaises(pricing.LimitExceededError) as cm:
            pricing.Catalog.from_json(doc)
        self.assertEqual(cm.exception.message,
                         TOO_LARGE % _lib.MAX_CATALOG_BYTES)
        with self.assertRaises(pricing.LimitExceededError) as cm:
            pricing.quote_envelope({"catalog": doc, "request": {}})
        self.assertEqual(cm.exception.message,
                         TOO_LARGE % _lib.MAX_CATALOG_BYTES)

    def test_depth_is_the_librarys_error(self) -> None:
        """Nesting past the limit stops the writer at the container that
        opens level 65: the library reports it exactly as for the text."""
        for top in ("list", "dict"):
            with self.subTest(top=top):
                deep: Any = 1
                for i in range(100):
                    deep = [deep] if top == "list" else {"k~/" + str(i): deep}
                req = {"spec": "one", "x": deep}
                text = json.dumps(req)
                with self.assertRaises(pricing.LimitExceededError) as want:
                    self.catalog.quote(text)
                with self.assertRaises(pricing.LimitExceededError) as got:
                    self.catalog.quote(req)
                self.assertEqual(got.exception.json, want.exception.json)
                self.assertEqual(got.exception.message,
                                 "nesting too deep: more than 64 levels")

    def test_self_reference(self) -> None:
        loop: Any = []
        loop.append(loop)
        with self.assertRaises(pricing.LimitExceededError) as cm:
            self.catalog.quote({"spec": "one", "x": loop})
        self.assertEqual(cm.exception.path, "/x" + "/0" * 63)


class LongIntegers(TestCatalogCase):
    """An int whose JSON token passes PRICING_MAX_NUMBER_CHARS is never
    converted to text (Python refuses past 4300 digits): the library
    reports it as for the same text."""

    def _same_as_text(self, value: int, chars: int, negative: bool) -> None:
        req = {"spec": "one", "count": value}
        text = ('{"spec":"one","count":'
                + _digits_text(chars - negative, negative) + "}")
        with self.assertRaises(pricing.PricingError) as want:
            self.catalog.quote(text)
        with self.assertRaises(pricing.PricingError) as got:
            self.catalog.quote(req)
        self.assertIs(type(got.exception), pricing.LimitExceededError)
        self.assertEqual(got.exception.json, want.exception.json)
        self.assertEqual(got.exception.path, "/count")
        self.assertEqual(got.exception.message,
                         f"number too long: {chars} characters, the limit "
                         f"is 64")

    def test_count_ten_to_the_5000(self) -> None:
        """The issue's case: Python's own ValueError today."""
        t = time.monotonic()
        self._same_as_text(10 ** 5000, 5001, False)
        self.assertLess(time.monotonic() - t, 5.0)

    def test_around_powers_of_ten(self) -> None:
        for k in (64, 65, 100, 4299, 4300, 4301, 20000):
            for value, chars in ((10 ** k - 1, k), (10 ** k, k + 1),
                                 (-(10 ** k - 1), k + 1),
                                 (-(10 ** k), k + 2)):
                if chars <= 64:
                    continue
                with self.subTest(k=k, value_digits=chars):
                    self._same_as_text(value, chars, value < 0)

    def test_at_the_limit_goes_to_the_library(self) -> None:
        """64 characters are a number the library reads (too large a
        count: count_not_allowed), 65 are limit_exceeded."""
        for value in (10 ** 64 - 1, -(10 ** 63 - 1)):
            with self.subTest(value=value):
                with self.assertRaises(pricing.RequestError) as cm:
                    self.catalog.quote({"spec": "one", "count": value})
                self.assertEqual((cm.exception.code, cm.exception.path),
                                 ("count_not_allowed", "/count"))
        for value in (10 ** 64, -(10 ** 63)):
            with self.subTest(value=value):
                with self.assertRaises(pricing.LimitExceededError):
                    self.catalog.quote({"spec": "one", "count": value})

    def test_gigantic_int_is_the_size_error(self) -> None:
        """Three million digits cannot fit the request: refused by size at
        once, without counting them exactly."""
        t = time.monotonic()
        with self.assertRaises(pricing.LimitExceededError) as cm:
            self.catalog.quote({"spec": "s", "count": 1 << 10_000_000})
        self.assertLess(time.monotonic() - t, 1.0)
        self.assertEqual((cm.exception.path, cm.exception.message),
                         ("", TOO_LARGE % _lib.MAX_REQUEST_BYTES))

    def test_in_a_catalog_and_an_envelope(self) -> None:
        doc = test_catalog()
        doc["specs"][1]["prices"]["one_time"] = 10 ** 5000
        with self.assertRaises(pricing.LimitExceededError) as cm:
            pricing.Catalog.from_json(doc)
        self.assertEqual(cm.exception.path, "/specs/1/prices/one_time")
        with self.assertRaises(pricing.LimitExceededError) as cm:
            pricing.quote_envelope({"catalog": doc, "request": {}})
        self.assertEqual(cm.exception.path,
                         "/catalog/specs/1/prices/one_time")


class LibraryOverride(unittest.TestCase):
    """$PRICING_LIBRARY, when set, is the only place the library is looked
    for."""

    def _import(self, value: str) -> str:
        code = ("try:\n"
                "    import pricing\n"
                "    print('LOADED', pricing.library_path)\n"
                "except ImportError as e:\n"
                "    print('ImportError'); print(e)\n")
        # The soname is found there too when the build tree is not the
        # source tree (make distcheck).
        libs = os.path.dirname(_lib.library_path)
        rc, out, err = run_python(["-c", code], PRICING_LIBRARY=value,
                                  LD_LIBRARY_PATH=libs)
        self.assertEqual(rc, 0, err.decode())
        return out.decode()

    def test_missing_override_is_an_import_error(self) -> None:
        """The build tree next to the package has a library; it must not
        be used in place of the one asked for."""
        self.assertTrue(os.path.exists(_lib.library_path))
        for value in ("/nonexistent/libpricing.so", "libpricing-nope.so.9"):
            with self.subTest(value=value):
                text = self._import(value)
                self.assertTrue(text.startswith("ImportError"), text)
                first = text.splitlines()[1]
                self.assertTrue(first.startswith(
                    f"pricing: cannot load $PRICING_LIBRARY={value}: "),
                    first)
                self.assertNotIn("looked in", text)

    def test_override_that_is_not_a_library(self) -> None:
        with tempfile.NamedTemporaryFile(suffix=".so") as f:
            f.write(b"not an ELF file")
            f.flush()
            text = self._import(f.name)
        self.assertTrue(text.startswith("ImportError"), text)
        self.assertIn(f.name, text)

    def test_empty_override_is_unset(self) -> None:
        """PRICING_LIBRARY= (empty) looks in the usual places."""
        text = self._import("")
        self.assertTrue(text.startswith("LOADED"), text)


if __name__ == "__main__":
    unittest.main()
