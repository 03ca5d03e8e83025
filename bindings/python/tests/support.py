# SPDX-License-Identifier: MIT
"""Shared fixtures of the binding's tests.

The tests run from the build tree: ``run-tests.sh`` (make check) sets
PYTHONPATH to ``bindings/python`` and PRICING_LIBRARY to the freshly built
``.libs/libpricing.so``. ``top_srcdir`` / ``top_builddir`` (exported by
make check) locate the examples, the golden cases and the C command; without
them both default to the tree this file sits in.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import unittest
from typing import Any, Dict, List, Optional, Sequence, Tuple

import pricing

HERE = os.path.dirname(os.path.abspath(__file__))
BINDING_DIR = os.path.dirname(HERE)
_TREE = os.path.dirname(os.path.dirname(BINDING_DIR))
SRCDIR = os.path.abspath(os.environ.get("top_srcdir") or _TREE)
BUILDDIR = os.path.abspath(os.environ.get("top_builddir") or _TREE)
EXAMPLE_CATALOG = os.path.join(SRCDIR, "examples", "catalog.json")
EXAMPLE_REQUEST = os.path.join(SRCDIR, "examples", "request.json")
CASES_DIR = os.environ.get("PRICING_CASES_DIR") or os.path.join(
    SRCDIR, "tests", "cases")


def cli_path() -> Optional[str]:
    """The C command of the build tree, if built."""
    p = os.environ.get("PRICING_CLI") or os.path.join(BUILDDIR, "pricing")
    return p if os.path.isfile(p) and os.access(p, os.X_OK) else None


def child_env(**extra: str) -> Dict[str, str]:
    """The environment for a child Python that imports this binding."""
    env = dict(os.environ)
    env["PYTHONPATH"] = BINDING_DIR + (
        os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def run_python(args: Sequence[str], stdin: bytes = b"",
               cwd: Optional[str] = None, timeout: float = 120,
               **env: str) -> Tuple[int, bytes, bytes]:
    """Runs ``python3 args...`` with the binding importable."""
    p = subprocess.run([sys.executable, *args], input=stdin,
                       capture_output=True, cwd=cwd, env=child_env(**env),
                       timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def run_cli(args: Sequence[str], stdin: bytes = b"",
            cwd: Optional[str] = None) -> Tuple[int, bytes, bytes]:
    exe = cli_path()
    assert exe is not None
    p = subprocess.run([exe, *args], input=stdin, capture_output=True,
                       cwd=cwd, timeout=120)
    return p.returncode, p.stdout, p.stderr


def rss_bytes() -> int:
    """The resident set size of this process (Linux /proc/self/statm)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


# A small catalog that reaches every request error code.
TEST_CATALOG: Dict[str, Any] = {
    "catalog": "t",
    "version": "1",
    "currency": "USD",
    "specs": [
        {
            "id": "s",
            "billing": "yearly_monthly",
            "plans": ["month", "year"],
            "counts": {"month": [1, 2, 3]},
            "trial_days": 7,
            "attributes": [
                {"id": "edition", "type": "enum", "values": ["a", "b", "c"]},
                {"id": "seats", "type": "quantity", "min": 0, "max": 100,
                 "step": 5},
            ],
            "template": "custom",
            "skus": [
                {"sku": {"edition": "a"},
                 "prices": {"month": {"base": "10.00", "quantities": {
                     "seats": {"linear": "1.005"}}},
                     "year": "100"}},
                {"sku": {"edition": "b"},
                 "prices": {"month": {"quantities": {"seats": {"volume": [
                     {"up_to": 10, "unit_price": "2", "flat": "1.50"},
                     {"up_to": None, "unit_price": "1.5"}]}}},
                     "year": "200"}},
                {"sku": {"edition": "c"}, "available": False},
            ],
        },
        {"id": "one", "billing": "one_time", "template": "simple",
         "prices": {"one_time": "19.99"}},
    ],
}

#: Valid requests of TEST_CATALOG.
TEST_REQUESTS: List[Dict[str, Any]] = [
    {"spec": "s", "sku": {"edition": "a", "seats": 15}, "plan": "month",
     "count": 3, "start": "2026-01-31"},
    {"spec": "s", "sku": {"edition": "b", "seats": 0}, "plan": "month",
     "trial": True},
    {"spec": "s", "sku": {"edition": "b", "seats": 55}, "plan": "month",
     "count": 2},
    {"spec": "s", "sku": {"edition": "a", "seats": 100}, "plan": "year",
     "count": 4},
    {"spec": "one", "start": "2026-02-03"},
]


def test_catalog() -> Dict[str, Any]:
    return copy.deepcopy(TEST_CATALOG)


class TestCatalogCase(unittest.TestCase):
    """A test class whose ``self.catalog`` is TEST_CATALOG, loaded once."""

    catalog: pricing.Catalog

    @classmethod
    def setUpClass(cls) -> None:
        cls.catalog = pricing.Catalog.from_json(test_catalog())

    @classmethod
    def tearDownClass(cls) -> None:
        cls.catalog.close()


def example_requests() -> List[Dict[str, Any]]:
    """Requests of examples/catalog.json, good and bad."""
    out: List[Dict[str, Any]] = []
    for users in (1, 9, 10, 11, 25, 100, 101, 500, 999, 1000, 1001):
        for edition in ("basic", "pro", "enterprise", "gold"):
            for plan in ("month", "year"):
                out.append({"spec": "standard",
                            "sku": {"edition": edition, "users": users},
                            "plan": plan, "count": 1 + users % 3})
    out.append({"spec": "starter", "plan": "month", "count": 3})
    out.append({"spec": "starter", "plan": "month", "count": 4})
    out.append({"spec": "onprem-license", "start": "2026-02-28"})
    out.append({"spec": "standard", "sku": {"edition": "pro", "users": 5},
                "plan": "year", "trial": True, "start": "2024-02-29"})
    return out
