# SPDX-License-Identifier: MIT
"""Every error code of the library maps to its exception class, and each
code a document can cause is raised with its code, path and class."""

from __future__ import annotations

import copy
import errno
import json
import os
import pickle
import tempfile
import unittest
from typing import Any, Callable, Dict

import pricing
from pricing import _lib, errors

from support import EXAMPLE_CATALOG, TestCatalogCase, test_catalog

CATEGORY = {
    "json_syntax": pricing.JSONSyntaxError,
    "limit_exceeded": pricing.LimitExceededError,
    "duplicate_key": pricing.SchemaError,
    "unknown_field": pricing.SchemaError,
    "missing_field": pricing.SchemaError,
    "wrong_type": pricing.SchemaError,
    "invalid_amount": pricing.AmountError,
    "inexact_number": pricing.AmountError,
    "invalid_value": pricing.InvalidValueError,
    "duplicate_id": pricing.CatalogError,
    "sku_missing": pricing.CatalogError,
    "sku_duplicate": pricing.CatalogError,
    "tier_order": pricing.CatalogError,
    "tier_coverage": pricing.CatalogError,
    "unpriced_attribute": pricing.CatalogError,
    "unknown_spec": pricing.RequestError,
    "unknown_attribute": pricing.RequestError,
    "unknown_value": pricing.RequestError,
    "missing_attribute": pricing.RequestError,
    "quantity_out_of_range": pricing.RequestError,
    "quantity_step": pricing.RequestError,
    "plan_not_offered": pricing.RequestError,
    "count_not_allowed": pricing.RequestError,
    "trial_not_offered": pricing.RequestError,
    "sku_unavailable": pricing.RequestError,
    "not_an_upgrade": pricing.RequestError,
    "not_a_scale_out": pricing.RequestError,
    "currency_not_offered": pricing.RequestError,
    "no_version": pricing.RequestError,
    "invalid_argument": pricing.InvalidArgumentError,
    "out_of_memory": pricing.PricingMemoryError,
    "io_error": pricing.PricingIOError,
}


def _spec(c: Dict[str, Any]) -> Dict[str, Any]:
    return c["specs"][0]


def _edit(fn: Callable[[Dict[str, Any]], Any]) -> Dict[str, Any]:
    c = test_catalog()
    fn(c)
    return c


# code -> (catalog document, expected path)
CATALOG_ERRORS: Dict[str, Any] = {
    "json_syntax": ('{"catalog": "x",', ""),
    "limit_exceeded": ('{"catalog":' + "[" * 100 + "]" * 100 + "}",
                       None),
    "duplicate_key": ('{"catalog": "a", "catalog": "b"}', "/catalog"),
    "unknown_field": (_edit(lambda c: _spec(c).update(trail_days=3)),
                      "/specs/0/trail_days"),
    "missing_field": (_edit(lambda c: c.pop("currency")), "/currency"),
    "wrong_type": (_edit(lambda c: c.update(currency=5)), "/currency"),
    "invalid_amount": (_edit(lambda c: c["specs"][1].update(
        prices={"one_time": "-5"})), "/specs/1/prices/one_time"),
    "inexact_number": (json.dumps(test_catalog()).replace(
        '"19.99"', "19.99"), "/specs/1/prices/one_time"),
    "invalid_value": (_edit(lambda c: c.update(currency="usd")),
                      "/currency"),
    "duplicate_id": (_edit(lambda c: c["specs"][1].update(id="s")),
                     "/specs/1/id"),
    "sku_missing": (_edit(lambda c: _spec(c)["skus"].pop()),
                    "/specs/0/skus"),
    "sku_duplicate": (_edit(lambda c: _spec(c)["skus"].append(
        copy.deepcopy(_spec(c)["skus"][0]))), "/specs/0/skus/3"),
    "tier_order": (_edit(lambda c: _spec(c)["skus"][1]["prices"]["month"][
        "quantities"]["seats"]["volume"].insert(
            0, {"up_to": 20, "unit_price": "1"})), None),
    "tier_coverage": (_edit(lambda c: _spec(c)["skus"][1]["prices"][
        "month"]["quantities"]["seats"]["volume"][1].update(up_to=50)),
        None),
    "unpriced_attribute": (_edit(lambda c: _spec(c)["skus"][0]["prices"][
        "month"].update(quantities={})), None),
}

def _nest(n: int) -> Any:
    v: Any = []
    for _ in range(n - 1):
        v = [v]
    return v


# code -> (request, expected path), against support.TEST_CATALOG
REQUEST_ERRORS: Dict[str, Any] = {
    "json_syntax": ("{]", ""),
    "limit_exceeded": ({"spec": _nest(70)}, "/spec" + "/0" * 63),
    "duplicate_key": ('{"spec": "one", "spec": "one"}', "/spec"),
    "unknown_field": ({"spec": "one", "trail": True}, "/trail"),
    "missing_field": ({"sku": {}}, "/spec"),
    "wrong_type": ({"spec": 1}, "/spec"),
    "invalid_value": ({"spec": "one", "start": "2026-02-30"}, "/start"),
    "unknown_spec": ({"spec": "nope"}, "/spec"),
    "unknown_attribute": ({"spec": "s", "sku": {"edition": "a", "seats": 5,
                                                "x": 1}, "plan": "month"},
                          "/sku/x"),
    "unknown_value": ({"spec": "s", "sku": {"edition": "z", "seats": 5},
                       "plan": "month"}, "/sku/edition"),
    "missing_attribute": ({"spec": "s", "sku": {"edition": "a"},
                           "plan": "month"}, "/sku/seats"),
    "quantity_out_of_range": ({"spec": "s", "sku": {"edition": "a",
                                                    "seats": 105},
                               "plan": "month"}, "/sku/seats"),
    "quantity_step": ({"spec": "s", "sku": {"edition": "a", "seats": 13},
                       "plan": "month"}, "/sku/seats"),
    "plan_not_offered": ({"spec": "s", "sku": {"edition": "a", "seats": 5},
                          "plan": "week"}, "/plan"),
    "count_not_allowed": ({"spec": "s", "sku": {"edition": "a", "seats": 5},
                           "plan": "month", "count": 4}, "/count"),
    "trial_not_offered": ({"spec": "one", "trial": True}, "/trial"),
    "sku_unavailable": ({"spec": "s", "sku": {"edition": "c", "seats": 5},
                         "plan": "month"}, "/sku"),
}


class CodeTable(unittest.TestCase):
    def test_every_code_has_a_class(self) -> None:
        names = _lib.code_names()
        # pricing.h, 0 to PRICING_CODE_COUNT_ - 1 (29 codes in 0.1).
        self.assertEqual(names[:29], [
            "ok", "json_syntax", "limit_exceeded", "duplicate_key",
            "unknown_field", "missing_field", "wrong_type", "invalid_amount",
            "inexact_number", "invalid_value", "duplicate_id", "sku_missing",
            "sku_duplicate", "tier_order", "tier_coverage",
            "unpriced_attribute", "unknown_spec", "unknown_attribute",
            "unknown_value", "missing_attribute", "quantity_out_of_range",
            "quantity_step", "plan_not_offered", "count_not_allowed",
            "trial_not_offered", "sku_unavailable", "invalid_argument",
            "out_of_memory", "io_error"])
        self.assertEqual(tuple(names), errors.CODES)
        for value, name in enumerate(names[1:], 1):
            with self.subTest(code=name):
                cls = errors.error_class(name)
                self.assertIs(pricing.ERROR_CLASSES[name], cls)
                self.assertIs(cls, CATEGORY[name])
                self.assertTrue(issubclass(cls, pricing.PricingError))
                # From a C struct, as the library fills it.
                exc = errors.from_struct(_lib.make_error(value, b"m", b"/p"))
                self.assertIsInstance(exc, cls)
                self.assertEqual((exc.code, exc.code_value, exc.path,
                                  exc.message), (name, value, "/p", "m"))
        # The table covers every code (and may know 1.1 codes early).
        self.assertLessEqual(set(names[1:]), set(pricing.ERROR_CLASSES))
        self.assertEqual(set(pricing.ERROR_CLASSES), set(CATEGORY))

    def test_unknown_code_is_base_class(self) -> None:
        exc = errors.from_struct(_lib.make_error(999, b"from the future"))
        self.assertIs(type(exc), pricing.PricingError)
        self.assertEqual(exc.code, "unknown")

    def test_python_bases(self) -> None:
        self.assertTrue(issubclass(pricing.InvalidArgumentError, ValueError))
        self.assertTrue(issubclass(pricing.PricingMemoryError, MemoryError))
        exc = errors.from_struct(_lib.make_error(27, b"out of memory"))
        self.assertIsInstance(exc, MemoryError)

    def test_exception_fields_and_json(self) -> None:
        exc = errors.from_struct(_lib.make_error(
            1, b"unexpected end of input", b"", line=2, column=7,
            position=12))
        self.assertEqual((exc.line, exc.column, exc.position), (2, 7, 12))
        self.assertEqual(
            exc.json,
            '{"error":{"code":"json_syntax","path":"","message":'
            '"unexpected end of input","line":2,"column":7}}')
        self.assertEqual(exc.to_dict()["error"]["line"], 2)
        self.assertIn("line 2, column 7", str(exc))
        other = errors.make("unknown_spec", "no", "/spec")
        self.assertIsNone(other.line)
        self.assertNotIn("line", other.to_dict()["error"])
        self.assertEqual(str(other), "unknown_spec at /spec: no")
        self.assertIn("\n", other.to_json(pretty=True))

    def test_pickle(self) -> None:
        exc = errors.make("quantity_step", "off the grid", "/sku/seats")
        back = pickle.loads(pickle.dumps(exc))
        self.assertIs(type(back), pricing.RequestError)
        self.assertEqual((back.code, back.path, back.message),
                         ("quantity_step", "/sku/seats", "off the grid"))


class RaisedByTheLibrary(TestCatalogCase):
    def check(self, exc: pricing.PricingError, code: str,
              path: Any) -> None:
        self.assertEqual(exc.code, code, str(exc))
        self.assertIsInstance(exc, CATEGORY[code])
        if path is not None:
            self.assertEqual(exc.path, path)
        self.assertTrue(exc.message)
        self.assertEqual(exc.code_value, errors.CODES.index(code))
        d = json.loads(exc.json)
        self.assertEqual(d["error"]["code"], code)
        if code == "json_syntax":
            self.assertGreaterEqual(exc.line or 0, 1)
            self.assertGreaterEqual(exc.column or 0, 1)

    def test_catalog_errors(self) -> None:
        for code, (doc, path) in CATALOG_ERRORS.items():
            with self.subTest(code=code):
                with self.assertRaises(pricing.PricingError) as cm:
                    pricing.Catalog.from_json(doc)
                self.check(cm.exception, code, path)

    def test_request_errors(self) -> None:
        for code, (doc, path) in REQUEST_ERRORS.items():
            with self.subTest(code=code):
                with self.assertRaises(pricing.PricingError) as cm:
                    self.catalog.quote(doc)
                self.check(cm.exception, code, path)

    def test_amount_errors_in_requests_and_envelopes(self) -> None:
        with self.assertRaises(pricing.AmountError) as cm:
            pricing.Catalog.from_json(_edit(lambda c: c["specs"][1].update(
                prices={"one_time": "1.2.3"})))
        self.assertEqual(cm.exception.code, "invalid_amount")
        with self.assertRaises(pricing.CatalogError) as cm2:
            pricing.quote_envelope({"catalog": _edit(
                lambda c: c["specs"][1].update(id="s")),
                "request": {"spec": "one"}})
        self.assertEqual(cm2.exception.path, "/catalog/specs/1/id")

    def test_invalid_argument(self) -> None:
        with self.assertRaises(pricing.InvalidArgumentError) as cm:
            self.catalog.validate("no-such-marketplace")
        self.check(cm.exception, "invalid_argument", None)
        c = pricing.Catalog.from_json(test_catalog())
        c.close()
        with self.assertRaises(pricing.InvalidArgumentError):
            c.quote({"spec": "one"})
        with self.assertRaises(ValueError):
            c.validate()

    def test_io_error(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            for path in (os.path.join(d, "missing.json"), d):
                with self.subTest(path=path):
                    with self.assertRaises(pricing.PricingIOError) as cm:
                        pricing.Catalog.load(path)
                    self.check(cm.exception, "io_error", "")

    def test_load_error_json_is_the_clis(self) -> None:
        with self.assertRaises(pricing.PricingError) as cm:
            pricing.Catalog.from_json(b'{"catalog": "x",\n  ')
        e = cm.exception
        self.assertEqual((e.line, e.column), (2, 3))
        self.assertEqual(e.json, '{"error":{"code":"json_syntax","path":"",'
                         '"message":"unexpected end of input","line":2,'
                         '"column":3}}')

    def test_example_catalog_loads(self) -> None:
        with pricing.Catalog.load(EXAMPLE_CATALOG) as c:
            self.assertEqual(c.validate("koogallery").skus, c.sku_count)


class IOErrorIsAnOSError(unittest.TestCase):
    """PricingIOError is also an OSError, raised as the OSError subclass of
    its errno, with errno, strerror and filename (issue 11)."""

    def load(self, path: Any) -> pricing.PricingIOError:
        with self.assertRaises(pricing.PricingIOError) as cm:
            pricing.Catalog.load(path)
        return cm.exception

    def test_missing_file(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "missing.json")
            try:
                pricing.Catalog.load(path)
            except FileNotFoundError as e:
                exc: Any = e
            else:  # pragma: no cover
                self.fail("no FileNotFoundError")
        self.assertIsInstance(exc, pricing.PricingIOError)
        self.assertIsInstance(exc, OSError)
        self.assertEqual((exc.errno, exc.strerror, exc.filename),
                         (errno.ENOENT, os.strerror(errno.ENOENT), path))
        self.assertEqual((exc.code, exc.path), ("io_error", ""))
        self.assertEqual(exc.message, f"cannot open {path}: "
                         f"{os.strerror(errno.ENOENT)}")
        self.assertEqual(type(exc).__name__, "PricingFileNotFoundError")

    def test_directory_and_not_a_directory(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            exc = self.load(d)
            self.assertIsInstance(exc, IsADirectoryError)
            self.assertEqual((exc.errno, exc.filename), (errno.EISDIR, d))
            f = os.path.join(d, "file")
            open(f, "w").close()
            exc = self.load(os.path.join(f, "x.json"))
            self.assertIsInstance(exc, NotADirectoryError)
            self.assertEqual(exc.errno, errno.ENOTDIR)

    def test_filename_is_as_given(self) -> None:
        """As open() does: os.fspath of the argument (bytes stay bytes)."""
        import pathlib
        for path, want in ((pathlib.Path("/nonexistent/c.json"),
                            "/nonexistent/c.json"),
                           (b"/nonexistent/c.json", b"/nonexistent/c.json")):
            with self.subTest(path=path):
                self.assertEqual(self.load(path).filename, want)

    def test_permission_denied(self) -> None:
        if os.geteuid() == 0:
            self.skipTest("root reads files whatever their mode")
        with tempfile.TemporaryDirectory() as d:
            f = os.path.join(d, "secret.json")
            open(f, "w").close()
            os.chmod(f, 0)
            exc = self.load(f)
        self.assertIsInstance(exc, PermissionError)
        self.assertEqual(exc.errno, errno.EACCES)

    def test_long_name_whose_message_is_cut(self) -> None:
        """The library's 256-byte message loses the reason past a long
        name: the errno is then the system's."""
        path = "/nonexistent/" + "a" * 200 + "/" + "b" * 200 + ".json"
        exc = self.load(path)
        self.assertIsInstance(exc, FileNotFoundError)
        self.assertEqual(exc.errno, errno.ENOENT)

    def test_pickle_and_json(self) -> None:
        exc = self.load("/nonexistent/c.json")
        back = pickle.loads(pickle.dumps(exc))
        self.assertIs(type(back), type(exc))
        self.assertEqual((back.errno, back.filename, back.json),
                         (exc.errno, exc.filename, exc.json))
        self.assertEqual(exc.json, '{"error":{"code":"io_error","path":"",'
                         '"message":"cannot open /nonexistent/c.json: No '
                         'such file or directory"}}')
        self.assertEqual(exc.args,
                         ("io_error", exc.message, ""))

    def test_class_per_errno(self) -> None:
        self.assertIs(errors.io_error_class(None), pricing.PricingIOError)
        self.assertIs(errors.io_error_class(errno.EIO),
                      pricing.PricingIOError)  # no subclass in Python
        cls = errors.io_error_class(errno.ENOENT)
        self.assertIs(errors.io_error_class(errno.ENOENT), cls)
        self.assertTrue(issubclass(cls, FileNotFoundError))
        self.assertTrue(issubclass(cls, pricing.PricingIOError))
        # An io_error the library reports without a file (a made one).
        exc = errors.make("io_error", "disk on fire")
        self.assertIsInstance(exc, OSError)
        self.assertIsNone(exc.errno)


if __name__ == "__main__":
    unittest.main()
