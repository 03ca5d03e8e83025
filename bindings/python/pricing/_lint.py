# SPDX-License-Identifier: MIT
"""The price linter (docs/seller-tools.md, "lint"): Catalog.lint() and the
bytes ``pricing lint`` prints, through pricing_catalog_lint and
pricing_lint_write."""

from __future__ import annotations

import json
from ctypes import POINTER, byref, c_char_p, c_int, c_size_t, c_uint, \
    c_void_p
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from . import _lib, errors
from ._handle import _errcheck
from ._info import CatalogWarning

if TYPE_CHECKING:  # pragma: no cover
    from ._api import Catalog

__all__ = ["lint_bytes", "lint_of", "LINT_TEXT"]

_c = _lib.lib
#: PRICING_LINT_TEXT of pricing.h.
LINT_TEXT = 0x100

_FUNCTIONS: Dict[str, Tuple[Any, List[Any]]] = {
    "pricing_catalog_lint": (
        c_int, [POINTER(c_void_p), c_void_p, c_char_p, POINTER(_lib.Error)]),
    "pricing_lint_free": (None, [c_void_p]),
    "pricing_lint_count": (c_size_t, [c_void_p]),
    "pricing_lint_write": (
        c_int, [POINTER(_lib.Buffer), c_void_p, c_uint, POINTER(_lib.Error)]),
}


_lib.declare(_FUNCTIONS, "the linter needs a newer libpricing",
             "pricing._lint", _errcheck)


def _rules_bytes(rules: Optional[str]) -> Optional[bytes]:
    if rules is None:
        return None
    if not isinstance(rules, str):
        raise TypeError("rules must be a str such as 'koogallery'")
    if "\0" in rules:
        raise errors.make("invalid_argument",
                          "the rule set name contains a NUL")
    return rules.encode("utf-8", "surrogatepass")


def lint_bytes(catalog: "Catalog", rules: Optional[str] = None,
               text: bool = False) -> Tuple[bytes, int]:
    """The bytes ``pricing lint`` prints (JSON Lines, or text lines) and
    the number of warnings; raises PricingError (with ``rules``, the
    first rule broken)."""
    rules_b = _rules_bytes(rules)
    ptr = catalog._handle.acquire()
    lint = c_void_p()
    buf = _lib.Buffer()
    try:
        _c.pricing_catalog_lint(byref(lint), ptr, rules_b, _lib.Error())
        _c.pricing_lint_write(byref(buf), lint, LINT_TEXT if text else 0,
                              _lib.Error())
        return _lib.take(buf), int(_c.pricing_lint_count(lint))
    finally:
        _c.pricing_buffer_dispose(byref(buf))
        _c.pricing_lint_free(lint)
        catalog._handle.release()


def lint_of(catalog: "Catalog",
            rules: Optional[str] = None) -> Tuple[CatalogWarning, ...]:
    """catalog.lint(): the warnings, whole messages included."""
    data, _ = lint_bytes(catalog, rules)
    out = []
    for line in data.decode("utf-8").splitlines():
        w = json.loads(line)
        out.append(CatalogWarning(w["code"], w["path"], w["message"]))
    return tuple(out)
